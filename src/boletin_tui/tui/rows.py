"""The timeline's rows: year and month headings interleaved with bulletins.

Pure data, no Textual: `build_rows(keys, months)` walks the keys in corpus order (newest first,
undated last) and returns `Row`s, a heading whenever the year or month changes and one
`Sin fecha` heading before the undated ones. A bulletin row holds its key and its position in
the corpus order; its number, date and title are read when it is drawn (`row_parts`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

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
    and `pos`, its position in the corpus order). A named tuple: 10,000 are built at each
    launch, three times faster than frozen dataclasses."""

    label: str
    level: int = 0
    key: str | None = None
    pos: int = -1

    @property
    def is_heading(self) -> bool:
        return self.key is None


def build_rows(keys: Sequence[str], months: Iterable[str | None]) -> list[Row]:
    """Headings and bulletin rows for `keys`, in the order given; `months[i]` is the month of
    `keys[i]` as `"2023-05"`, None when it is undated."""
    rows: list[Row] = []
    current: str | None = None
    year = ""
    undated = False
    for pos, (key, month) in enumerate(zip(keys, months, strict=True)):
        if month is None:
            if not undated:
                rows.append(Row(UNDATED, 0))
                undated = True
        elif month != current:
            if month[:4] != year:
                year = month[:4]
                rows.append(Row(str(int(year)), 0))
            current = month
            rows.append(Row(f"{MONTHS[int(month[5:7]) - 1]} {int(year)}", 1))
        rows.append(Row(key, 2, key, pos))
    return rows


class RowIndex:
    """Every row of the timeline (`build_rows`), with each bulletin's position and the
    headings above it, so that the rows of a search's results (`filter`) are built in time
    proportional to the results, not to the corpus."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.at: dict[str, int] = {}  # key -> index of its row
        self._year: list[int] = []  # per row: the index of the year (or undated) heading above
        self._month: list[int] = []  # per row: the month heading above it, -1 for none
        year = month = -1
        for index, row in enumerate(rows):
            if row.key is None:
                if row.level == 0:
                    year, month = index, -1
                else:
                    month = index
            else:
                self.at[row.key] = index
            self._year.append(year)
            self._month.append(month)
        self.keys = tuple(self.at)  # rows are in order, and so is the dict

    def filter(self, keys: Iterable[str], keep: str | None) -> tuple[list[Row], tuple, int | None]:
        """(rows, their keys, the index of `keep`'s row or None) for the bulletins of `keys`
        that have a row, in timeline order, each year and month heading before its first."""
        rows = self.rows
        found = [i for i in map(self.at.get, keys) if i is not None]
        found.sort()  # already in order when the index gives timeline order: linear
        wanted = self.at.get(keep, -1) if keep is not None else -1
        years, months = self._year, self._month
        out: list[Row] = []
        shown: list[str] = []
        append, show = out.append, shown.append
        target = None
        last_year = last_month = previous = -1
        for index in found:
            if index == previous:  # a key given twice
                continue
            previous = index
            year, month = years[index], months[index]
            if year != last_year and year >= 0:
                append(rows[year])
                last_year, last_month = year, -1
            if month != last_month and month >= 0:
                append(rows[month])
                last_month = month
            if index == wanted:
                target = len(out)
            row = rows[index]
            append(row)
            show(row.key)  # type: ignore[arg-type]  # a bulletin row has a key
        return out, tuple(shown), target


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
