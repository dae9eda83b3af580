"""The timeline's rows: year and month headings interleaved with bulletins.

Pure data, no Textual: `RowIndex(keys, months)` takes the keys in corpus order (newest first,
undated last) and lays out their rows, a heading whenever the year or month changes and one
`Sin fecha` heading before the undated ones. A `Listing` is the rows of every bulletin
(`RowIndex.everything`) or of a search's matches (`RowIndex.filter`); each row is made only
when it is read. A bulletin row holds its key and its position in the corpus order; its
number, date and title are read when it is drawn (`row_parts`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import groupby
from typing import TYPE_CHECKING, NamedTuple, overload

from rich.cells import cell_len, set_cell_size

from boletin_tui.corpusdb.matches import Matches
from boletin_tui.safe_text import safe_text
from boletin_tui.spanish import MONTHS

if TYPE_CHECKING:
    from boletin_tui.corpus import Bulletin, Outline

UNDATED = "Sin fecha"
UNNUMBERED = "s/n"
MARK = "●"


class Row(NamedTuple):
    """A heading (`key` is None, `level` 0 for a year, 1 for a month) or a bulletin (`key`,
    and `pos`, its position in the corpus order). A named tuple: made for each row drawn,
    three times faster than frozen dataclasses."""

    label: str
    level: int = 0
    key: str | None = None
    pos: int = -1

    @property
    def is_heading(self) -> bool:
        return self.key is None


_new_row = partial(tuple.__new__, Row)  # as `Row(...)`, without its Python `__new__`


def build_rows(keys: Sequence[str], months: Iterable[str | None]) -> list[Row]:
    """Headings and bulletin rows for `keys`, in the order given; `months[i]` is the month of
    `keys[i]` as `"2023-05"`, None when it is undated (every row of a `RowIndex`, as a list)."""
    return list(RowIndex(keys, months).everything.rows)


class RowIndex:
    """Where the headings of `keys` go (see the module), without a row per key (issue 11: at
    100,000 bulletins making them was most of a warm launch and of a search keystroke). The
    months are taken as runs (`itertools.groupby`, in C); a listing is laid out run by run,
    so in time proportional to the number of months, not of bulletins.

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
        self.starts: list[int] = []  # per run of one month: its first key's position
        self.years: list[Row] = []  # per run: its year heading (or `Sin fecha`), shared
        self.months: list[Row | None] = []  # per run: its month heading, None when undated
        year_row: Row | None = None
        pos = 0
        for month, run in groupby(months):
            if month is None:
                if year_row is None or year_row.label != UNDATED:
                    year_row = Row(UNDATED, 0)
                month_row = None
            else:
                if year_row is None or year_row.label != str(int(month[:4])):
                    year_row = Row(str(int(month[:4])), 0)
                month_row = Row(f"{MONTHS[int(month[5:7]) - 1]} {int(month[:4])}", 1)
            self.starts.append(pos)
            self.years.append(year_row)
            self.months.append(month_row)
            pos += len(list(run))
        if pos != len(keys):
            raise ValueError("one month for each key")
        self.everything = Listing(self, range(len(keys)))

    def position(self, key: str) -> int | None:
        """Where `key` is in the keys, or None."""
        return self._lookup()(key)

    def _lookup(self) -> Callable[[str], int | None]:
        """The positions' `get` (in C), made the first time it is needed."""
        if self._get is None:
            if self._positions is None:
                keys = self.bulletin_keys
                self._get = dict(zip(keys, range(len(keys)), strict=True)).get
            else:
                self._get = self._positions().get
        return self._get

    def filter(self, keys: Iterable[str]) -> Listing:
        """The listing of the bulletins of `keys` that have a row, in timeline order, each
        year and month heading before its first. `Matches` over these very keys are laid
        out from their positions as they are; other keys are looked up."""
        if isinstance(keys, Matches) and keys.order is self.bulletin_keys:
            return Listing(self, keys.positions)
        found = {p for p in map(self._lookup(), keys) if p is not None}
        return Listing(self, sorted(found))


class Listing:
    """The rows shown: the bulletins at `items` (ascending positions in the index's keys)
    under their headings. `rows` and `keys` are sequences made as they are read; `row_of`
    finds a key's row by bisection."""

    def __init__(self, index: RowIndex, items: Sequence[int]) -> None:
        self.index, self.items = index, items
        self.heads: list[Row] = []  # the heading rows, in order
        self.head_rows: list[int] = []  # the row index of each heading
        self._firsts: list[int] = []  # per block of one month: its first item
        self._before: list[int] = []  # per block: how many headings are above it
        starts, total = index.starts, len(index.bulletin_keys)
        last_year: Row | None = None
        lo = 0
        for run, end in enumerate([*starts[1:], total]):  # each run of one month
            hi = bisect_left(items, end, lo)
            if hi == lo:
                continue
            year, month = index.years[run], index.months[run]
            if year is not last_year:
                self._head(year, lo)
                last_year = year
            if month is not None:
                self._head(month, lo)
            self._firsts.append(lo)
            self._before.append(len(self.heads))
            lo = hi
        self.rows: Sequence[Row] = _Rows(self)
        self.keys: Sequence[str] = Matches(index.bulletin_keys, items)

    def _head(self, row: Row, item: int) -> None:
        self.head_rows.append(item + len(self.heads))
        self.heads.append(row)

    def __len__(self) -> int:
        """How many rows (headings and bulletins)."""
        return len(self.items) + len(self.heads)

    @property
    def count(self) -> int:
        """How many bulletins."""
        return len(self.items)

    def row(self, index: int) -> Row:
        """Row `index` (0 <= index < len(self))."""
        head = bisect_right(self.head_rows, index)
        if head and self.head_rows[head - 1] == index:
            return self.heads[head - 1]
        pos = self.items[index - head]
        key = self.index.bulletin_keys[pos]
        return _new_row((key, 2, key, pos))

    def row_of(self, key: str | None) -> int | None:
        """The index of `key`'s row, or None when it is not listed."""
        pos = self.index.position(key) if key is not None else None
        if pos is None:
            return None
        item = bisect_left(self.items, pos)
        if item == len(self.items) or self.items[item] != pos:
            return None
        return item + self._before[bisect_right(self._firsts, item) - 1]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.row_of(key) is not None


class _Rows(Sequence[Row]):
    """`Listing.rows`: every row, each made when it is indexed."""

    def __init__(self, listing: Listing) -> None:
        self._listing = listing

    def __len__(self) -> int:
        return len(self._listing)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        length = len(self._listing)
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(length))]
        if index < 0:
            index += length
        if not 0 <= index < length:
            raise IndexError(index)
        return self._listing.row(index)

    def __iter__(self) -> Iterator[Row]:
        return map(self._listing.row, range(len(self._listing)))


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
