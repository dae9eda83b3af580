"""The timeline's rows: year and month headings interleaved with bulletins.

Pure data, no Textual: `build_rows(bulletins)` walks bulletins in corpus order (newest first,
undated last) and returns `Row`s, a heading whenever the year or month changes and one
`Sin fecha` heading before the undated ones. `row_parts` lays a bulletin row out in a width.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size

from boletin_tui.safe_text import safe_text
from boletin_tui.spanish import MONTHS

if TYPE_CHECKING:
    from boletin_tui.corpus import Bulletin

UNDATED = "Sin fecha"
UNNUMBERED = "s/n"
MARK = "●"


@dataclass(frozen=True, slots=True)
class Row:
    """A heading (`bulletin` is None, `level` 0 for a year, 1 for a month) or a bulletin."""

    label: str
    level: int = 0
    bulletin: Bulletin | None = None

    @property
    def is_heading(self) -> bool:
        return self.bulletin is None


def build_rows(bulletins: Iterable[Bulletin]) -> list[Row]:
    """Headings and bulletin rows for `bulletins`, in the order given."""
    rows: list[Row] = []
    year = month = None
    undated = False
    for b in bulletins:
        if b.date is None:
            if not undated:
                rows.append(Row(UNDATED, 0))
                undated = True
        else:
            if b.date.year != year:
                year, month = b.date.year, None
                rows.append(Row(str(year), 0))
            if b.date.month != month:
                month = b.date.month
                rows.append(Row(f"{MONTHS[month - 1]} {year}", 1))
        rows.append(Row(b.key, 2, b))
    return rows


def short_number(bulletin: Bulletin) -> str:
    """The printed number, or `s/n` for unnumbered bulletins."""
    return bulletin.number or UNNUMBERED


def short_date(bulletin: Bulletin) -> str:
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


def row_parts(bulletin: Bulletin, marked: bool, width: int) -> tuple[str, str, str, str]:
    """Mark, number, date and title of a bulletin row, together exactly `width` cells wide."""
    mark = f"{MARK} " if marked else "  "
    number = fit(safe_text(short_number(bulletin), newlines=False), 8) + " "
    date = short_date(bulletin) + " "
    rest = width - cell_len(mark) - cell_len(number) - cell_len(date)
    if rest < 4:  # too narrow for the date: keep number and title
        date, rest = "", width - cell_len(mark) - cell_len(number)
    title = safe_text(" ".join(bulletin.title.split()), newlines=False)
    return mark, number, date, fit(title, max(rest, 0))
