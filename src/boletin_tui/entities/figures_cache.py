"""Figure rows per bulletin, recognised in the background, for the app's figures screen.

Textual-free, so that it can be swapped for figures stored in a corpus database: the app only
calls `fill(bulletins, progress, stop)` on a worker thread and, on the interface thread,
`done`, `total`, `complete` and `table(keys)`.

    cache = FiguresCache()
    cache.fill(bulletins, progress=lambda done, total: ...)   # ~2 ms a bulletin, in a thread
    table = cache.table(shown_keys)                           # a FiguresTable, cached

Thread safety: one thread fills, any thread reads. `fill` only adds entries to a dict and
replaces whole values (both atomic in CPython); readers look keys up and never iterate it.
A bulletin whose recognition raises counts as done with no figures (the reading pane shows
the error when that bulletin is opened).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: the app makes a cache at launch, fills it later
    from boletin_tui.entities.figures_table import FigureRow, FiguresTable

Progress = Callable[[int, int], object]


class FiguresCache:
    """Figure rows by bulletin key (see the module)."""

    def __init__(self) -> None:
        self._rows: dict[str, tuple[str, list[FigureRow]]] = {}  # key -> (content hash, rows)
        self.done = 0
        self.total = 0
        self._started = False
        self._version = 0  # bumped whenever rows change
        self._table: tuple[int, tuple[str, ...], FiguresTable] | None = None

    @classmethod
    def from_rows(cls, rows: Iterable[FigureRow]) -> FiguresCache:
        """A complete cache of rows already recognised (stored figures, tests, benchmarks)."""
        cache = cls()
        for row in rows:
            cache._rows.setdefault(row.key, ("", []))[1].append(row)
        cache._started, cache._version = True, 1
        cache.done = cache.total = len(cache._rows)
        return cache

    @property
    def started(self) -> bool:
        """True once `fill` has been called."""
        return self._started

    @property
    def complete(self) -> bool:
        """True once every bulletin given to `fill` has been recognised."""
        return self._started and self.done >= self.total

    def fill(
        self,
        bulletins: Sequence[Any],
        progress: Progress | None = None,
        stop: Callable[[], bool] | None = None,
        every: int = 250,
    ) -> None:
        """Recognise `bulletins` (with `key`, `date`, `title`, `text`, `content_hash`) in
        order, keeping their rows; bulletins already held with the same hash are skipped.
        Calls `progress(done, total)` every `every` bulletins and at the end; returns early
        when `stop()` says so. Then builds the table of every key, so that `table(keys)` of
        all of them answers at once."""
        from boletin_tui.entities.figures_table import rows_of_bulletin
        from boletin_tui.entities.recognise import recognise

        self._started = True
        self.total, self.done = len(bulletins), 0
        for i, bulletin in enumerate(bulletins, 1):
            if stop is not None and stop():
                return
            digest = getattr(bulletin, "content_hash", "")
            held = self._rows.get(bulletin.key)
            if held is None or held[0] != digest:
                try:
                    rows = rows_of_bulletin(bulletin, recognise(bulletin.text))
                except Exception:  # noqa: BLE001 - one bad bulletin must not stop the rest
                    rows = []
                self._rows[bulletin.key] = (digest, rows)
                self._version += 1
            self.done = i
            if progress is not None and (i % every == 0 or i == self.total):
                progress(i, self.total)
        self.table([b.key for b in bulletins])
        if progress is not None and not bulletins:
            progress(0, 0)

    def rows_of(self, key: str) -> list[FigureRow]:
        """The rows of one bulletin; [] when it is not recognised yet."""
        held = self._rows.get(key)
        return held[1] if held is not None else []

    def table(self, keys: Sequence[str]) -> FiguresTable:
        """The table of the figures of `keys` recognised so far. The last table is kept: asked
        again for the same keys with nothing new recognised, it costs a comparison."""
        wanted = tuple(keys)
        cached = self._table
        if cached is not None and cached[0] == self._version and cached[1] == wanted:
            return cached[2]
        from boletin_tui.entities.figures_table import FiguresTable

        version = self._version
        table = FiguresTable(row for key in wanted for row in self.rows_of(key))
        self._table = (version, wanted, table)
        return table
