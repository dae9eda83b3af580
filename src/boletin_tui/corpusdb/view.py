"""`CorpusView`: what the corpus database holds at one moment, for the timeline and the app.

A view reads the keys and months of every bulletin in timeline order (one light query, no
titles, no texts) and reads the rest only when asked: outlines a page at a time
(`outline_at`, for the rows on screen), a full bulletin one at a time (`CorpusDB.bulletin`).
It is built in a worker thread (`CorpusView.read`) and then only read, on the interface
thread; a newer view replaces it when the database changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, overload

from boletin_tui.corpus.model import Bulletin, Outline, Skipped

if TYPE_CHECKING:
    from collections.abc import Iterator

    from boletin_tui.corpusdb.db import CorpusDB

PAGE = 200  # outlines read at once: a screen is 20-60 rows; 200 cost about 2 ms


@dataclass
class CorpusView:
    """Keys (timeline order) and their months (`"2023-05"`, None undated) as `db` held them;
    `skipped`: files not read; `complete`: the files were all checked (`sync` done)."""

    db: CorpusDB
    keys: list[str]
    months: list[str | None]
    skipped: list[Skipped] = field(default_factory=list)
    complete: bool = False
    _positions: dict[str, int] | None = None
    _pages: dict[int, list[Outline]] = field(default_factory=dict)

    @classmethod
    def read(
        cls, db: CorpusDB, skipped: Sequence[Skipped] = (), complete: bool = False
    ) -> CorpusView:
        """The view of what `db` holds now (any thread)."""
        keys, months = db.skeleton()
        return cls(db, keys, months, list(skipped), complete)

    def __len__(self) -> int:
        return len(self.keys)

    def position(self, key: str | None) -> int | None:
        """Where `key` is in the timeline, or None."""
        if key is None:
            return None
        return self.positions().get(key)

    def positions(self) -> dict[str, int]:
        """Each key's place in the timeline (made the first time it is asked for)."""
        if self._positions is None:
            self._positions = dict(zip(self.keys, range(len(self.keys)), strict=True))  # in C
        return self._positions

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.position(key) is not None

    def outline_at(self, pos: int) -> Outline | None:
        """The outline at timeline position `pos`, read with its page (`PAGE` rows)."""
        page, offset = divmod(pos, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            rows = self._pages[page] = self.db.rows(page * PAGE, PAGE)
        found = rows[offset] if offset < len(rows) else None
        if found is not None and found.key == self.keys[pos]:
            return found
        # A commit since this view was read moved the rows: read this one by its key.
        return self.db.outline(self.keys[pos])

    def outline(self, key: str) -> Outline | None:
        pos = self.position(key)
        return self.outline_at(pos) if pos is not None else None

    def texts(self) -> Sequence[Bulletin]:
        """Every full bulletin of this view, in timeline order, each read from the database
        when it is asked for (a bulletin gone since is skipped over: its outline stands in
        with an empty text)."""
        return _Texts(self)

    def outlines(self, keys: Iterator[str] | Sequence[str]) -> Mapping[str, Outline]:
        """Outlines of `keys` (those still held), by key."""
        found = {}
        for key in keys:
            if key in self and (o := self.outline(key)) is not None:
                found[key] = o
        return found


class _Texts(Sequence[Bulletin]):
    """`CorpusView.texts`: a sequence that reads each bulletin when indexed."""

    def __init__(self, view: CorpusView) -> None:
        self._view = view

    def __len__(self) -> int:
        return len(self._view.keys)

    @overload
    def __getitem__(self, index: int) -> Bulletin: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Bulletin]: ...
    def __getitem__(self, index: int | slice) -> Bulletin | Sequence[Bulletin]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        key = self._view.keys[index]
        found = self._view.db.bulletin(key)
        if found is None:  # removed from the database since this view was read
            return Bulletin(key, None, None, None, None, None, "", (), (), (), (), "")
        return found
