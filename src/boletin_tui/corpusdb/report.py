"""What a sync did (`SyncReport`), apart from the sync itself: the app's first screen needs the
name, not the parser that `sync.py` imports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from boletin_tui.corpus.model import Skipped

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class SyncReport:
    """What a sync did. `problems` are files not read this time (not stored: read failures,
    FIFOs, unreadable folders); skipped content is in `CorpusDB.problems()`."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    problems: list[Skipped] = field(default_factory=list)

    @property
    def modified(self) -> bool:
        return bool(self.added or self.changed or self.removed)
