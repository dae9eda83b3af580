"""Where a bulletin's passages are in the text shown, re-anchored once per text. No Textual.

`placed(text, passages)` runs `store.anchor.locate` on each passage and remembers the answer
for that text (by its hash) and those passages: showing a bulletin again, or moving the
selection over it, costs a dictionary look-up. A passage that cannot be found is an orphan
(`Placed.orphan`): it is listed with its quote, never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from boletin_tui.store.anchor import locate
from boletin_tui.store.passages import Passage

_CACHE_SIZE = 256


@dataclass(frozen=True, slots=True)
class Placed:
    """A passage and where it is now: `start`/`end` in the text shown (None for an orphan);
    `moved` when the text changed since it was made and it was found elsewhere."""

    passage: Passage
    start: int | None
    end: int | None
    moved: bool = False

    @property
    def orphan(self) -> bool:
        return self.start is None


_cache: dict[tuple[int, int, tuple[Passage, ...]], tuple[Placed, ...]] = {}


def placed(text: str, passages: Sequence[Passage]) -> tuple[Placed, ...]:
    """Each passage of `passages` (in their order) placed in `text`."""
    if not passages:
        return ()
    key = (hash(text), len(text), tuple(passages))
    found = _cache.get(key)
    if found is None:
        found = tuple(_place(text, p) for p in passages)
        if len(_cache) >= _CACHE_SIZE:
            _cache.clear()
        _cache[key] = found
    return found


def _place(text: str, passage: Passage) -> Placed:
    anchor = locate(text, passage)
    if anchor is None:
        return Placed(passage, None, None)
    return Placed(passage, anchor.start, anchor.end, anchor.moved)
