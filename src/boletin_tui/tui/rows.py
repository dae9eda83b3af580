"""The timeline's rows: year and month headings interleaved with bulletins.

Pure data, no Textual: `RowIndex(keys, months)` takes the keys in corpus order (newest first,
undated last) and gives their `Row`s, a heading whenever the year or month changes and one
`Sin fecha` heading before the undated ones, each row made only when it is read. A bulletin
row holds its key and its position in the corpus order; its number, date and title are read
when it is drawn (`row_parts`).
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property, partial
from itertools import groupby
from typing import TYPE_CHECKING, NamedTuple, overload

from rich.cells import cell_len, set_cell_size

from boletin_tui.safe_text import safe_text
from boletin_tui.spanish import MONTHS

if TYPE_CHECKING:
    from boletin_tui.corpus import Bulletin, Outline

UNDATED = "Sin fecha"
UNNUMBERED = "s/n"
MARK = "●"


class Row(NamedTuple):
    """A heading (`key` is None, `level` 0 for a year, 1 for a month) or a bulletin (`key`,
    and `pos`, its position in the corpus order). A named tuple: made for each row drawn and
    each search result, three times faster than frozen dataclasses."""

    label: str
    level: int = 0
    key: str | None = None
    pos: int = -1

    @property
    def is_heading(self) -> bool:
        return self.key is None


def build_rows(keys: Sequence[str], months: Iterable[str | None]) -> list[Row]:
    """Headings and bulletin rows for `keys`, in the order given; `months[i]` is the month of
    `keys[i]` as `"2023-05"`, None when it is undated (every row of a `RowIndex`, as a list)."""
    return list(RowIndex(keys, months).rows)


class RowIndex:
    """Every row of the timeline: the bulletins of `keys` under year and month headings (see
    the module), without a row per key (issue 11: at 100,000 bulletins building them was
    most of a warm launch). The months are taken as runs (`itertools.groupby`, in C); a row
    is made when it is asked for, found by bisecting the headings' places. `filter` builds the
    rows of a search's results in time proportional to the results, not to the corpus.

    `positions()` gives each key's place in `keys` (asked for the first time it is needed);
    by default a dict is built then."""

    def __init__(
        self,
        keys: Sequence[str],
        months: Iterable[str | None],
        positions: Callable[[], Mapping[str, int]] | None = None,
    ) -> None:
        self.bulletin_keys = keys
        self._positions = positions
        self._get: Callable[[str], int | None] | None = None  # the positions' `get`, in C
        self._heads: list[Row] = []  # the heading rows, in order
        self._head_rows: list[int] = []  # the row index of each heading
        self._starts: list[int] = []  # per run of one month: its first key's position
        self._before: list[int] = []  # per run: how many headings are above its keys
        self._year: list[int] = []  # per run: the row index of its year (or undated) heading
        self._month: list[int] = []  # per run: the row index of its month heading, -1 none
        year = ""
        year_row = -1
        pos = 0
        undated = False
        for month, run in groupby(months):
            count = len(list(run))
            if month is None:
                if not undated:
                    year_row = self._head(Row(UNDATED, 0), pos)
                    undated = True
                month_row = -1
            else:
                if month[:4] != year:
                    year = month[:4]
                    year_row = self._head(Row(str(int(year)), 0), pos)
                month_row = self._head(Row(f"{MONTHS[int(month[5:7]) - 1]} {int(year)}", 1), pos)
            self._starts.append(pos)
            self._before.append(len(self._heads))
            self._year.append(year_row)
            self._month.append(month_row)
            pos += count
        if pos != len(keys):
            raise ValueError("one month for each key")
        self.rows: Sequence[Row] = _Rows(self, len(keys) + len(self._heads))

    def _head(self, row: Row, pos: int) -> int:
        """Add heading `row` above the key at `pos`; its row index."""
        index = pos + len(self._heads)
        self._heads.append(row)
        self._head_rows.append(index)
        return index

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """Every key, in order (a tuple: the unread count is remembered by it)."""
        return tuple(self.bulletin_keys)

    def position(self, key: str) -> int | None:
        """Where `key` is in the keys, or None."""
        return self._lookup()(key)

    def _lookup(self) -> Callable[[str], int | None]:
        if self._get is None:
            if self._positions is None:
                keys = self.bulletin_keys
                self._get = dict(zip(keys, range(len(keys)), strict=True)).get
            else:
                self._get = self._positions().get
        return self._get

    def row_of(self, key: str | None) -> int | None:
        """The index of `key`'s row, or None."""
        pos = self.position(key) if key is not None else None
        if pos is None:
            return None
        return pos + self._before[bisect_right(self._starts, pos) - 1]

    def row(self, index: int) -> Row:
        """Row `index` (0 <= index < len(rows))."""
        head = bisect_right(self._head_rows, index) - 1
        if head >= 0 and self._head_rows[head] == index:
            return self._heads[head]
        pos = index - head - 1
        key = self.bulletin_keys[pos]
        return Row(key, 2, key, pos)

    def filter(self, keys: Iterable[str], keep: str | None) -> tuple[list[Row], tuple, int | None]:
        """(rows, their keys, the index of `keep`'s row or None) for the bulletins of `keys`
        that have a row, in timeline order, each year and month heading before its first."""
        # A row is made for each result: tens of thousands of new tuples would set off the
        # cyclic collector several times over the app's whole heap (at 100,000 bulletins, a
        # search keystroke 60% slower). They hold no cycles: collect none while making them.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._filter(keys, keep)
        finally:
            if collecting:
                gc.enable()

    def _filter(self, keys: Iterable[str], keep: str | None) -> tuple[list[Row], tuple, int | None]:
        position = self._lookup()
        found = [p for p in map(position, keys) if p is not None]
        found.sort()  # already in order when the index gives timeline order: linear
        wanted = position(keep) if keep is not None else None
        all_keys, starts = self.bulletin_keys, self._starts
        years, months = self._year, self._month
        out: list[Row] = []
        shown: list[str] = []
        append, show = out.append, shown.append
        new_row = partial(tuple.__new__, Row)
        target = None
        last_year = last_month = previous = -1
        run, next_start = -1, 0
        for pos in found:
            if pos == previous:  # a key given twice
                continue
            previous = pos
            if pos >= next_start:  # a later run of months
                run = bisect_right(starts, pos) - 1
                next_start = starts[run + 1] if run + 1 < len(starts) else len(all_keys)
            year, month = years[run], months[run]
            if year != last_year and year >= 0:
                append(self.row(year))
                last_year, last_month = year, -1
            if month != last_month and month >= 0:
                append(self.row(month))
                last_month = month
            if pos == wanted:
                target = len(out)
            key = all_keys[pos]
            append(new_row((key, 2, key, pos)))  # as `Row(...)`, without its Python `__new__`
            show(key)
        return out, tuple(shown), target


class _Rows(Sequence[Row]):
    """`RowIndex.rows`: every row, each made when it is indexed."""

    def __init__(self, index: RowIndex, length: int) -> None:
        self._index, self._length = index, length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return self._index.row(index)


def short_number(bulletin: Bulletin | Outline) -> str:
    """The printed number, or `s/n` for unnumbered bulletins."""
    return bulletin.number or UNNUMBERED


def short_date(bulletin: Bulletin | Outline) -> str:
    """Day and month as a reader says them (`30 may`, ` 2 abr`): the year is in the heading."""
    if bulletin.date is None:
        return "  --  "
    return f"{bulletin.date.day:2d} {MONTHS[bulletin.date.month - 1][:3]}"


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis, or padded to it."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def row_parts(bulletin: Bulletin | Outline, marked: bool, width: int) -> tuple[str, str, str, str]:
    """Mark, number, date and title of a bulletin row, together exactly `width` cells wide."""
    mark = f"{MARK} " if marked else "  "
    number = fit(safe_text(short_number(bulletin), newlines=False), 8) + " "
    date = short_date(bulletin) + " "
    rest = width - cell_len(mark) - cell_len(number) - cell_len(date)
    if rest < 4:  # too narrow for the date: keep number and title
        date, rest = "", width - cell_len(mark) - cell_len(number)
    title = safe_text(" ".join(bulletin.title.split()), newlines=False)
    return mark, number, date, fit(title, max(rest, 0))
