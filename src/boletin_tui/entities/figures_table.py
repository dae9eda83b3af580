"""The figures of a set of bulletins as a table: rows, filtering by noun, sorting, series.

Textual-free, for the CLI (`figures`, `figures --noun`) and for the app's figures screen, which
wraps a `FiguresTable`:

    table = FiguresTable.from_bulletins(bulletins)     # recognises each bulletin (memoised)
    rows = table.filter("residente")                   # rows whose noun matches, table order
    rows = FiguresTable.sort(rows, "value", reverse=True)
    every = table.sorted_rows("date", reverse=True)   # whole table, cached per column
    points = table.series("residente")                 # SeriesPoint(row, change, change_pct)

Table order is the series order: oldest bulletin first, undated bulletins last, then by key and
position in the text. `filter` answers from an index of the distinct noun keys, so its cost
grows with the number of matching rows, not with the table.

A series is the rows of one noun in table order. Each point's change is measured against the
previous point that has a date, the same unit, and comes from another bulletin (so a figure
repeated in the title and the body of one bulletin is not a change); undated points have no
change and are never used as the previous point. `change_pct` is None when the previous value
is zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from boletin_tui.entities.nouns import noun_key
from boletin_tui.search.fold import fold

Number = int | float

COLUMNS = ("date", "key", "title", "figure", "value", "unit", "qualifier", "noun", "sentence")


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One FIGURE mention of one bulletin, with what the table shows of it."""

    key: str
    date: dt.date | None
    title: str
    figure: str  # the figure as written: `11 mil 907`
    value: Number | None
    unit: str | None
    qualifier: str | None
    noun: str | None
    noun_key: str | None
    sentence: str
    start: int  # offsets of the figure in the bulletin's text, to highlight it
    end: int


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """A row of a series with its change from the previous point (see the module)."""

    row: FigureRow
    change: Number | None
    change_pct: float | None


def rows_of_bulletin(bulletin: Any, mentions: Iterable[Any] | None = None) -> list[FigureRow]:
    """The figure rows of one bulletin (`key`, `date`, `title`, `text`); `mentions` defaults to
    `recognise_bulletin(bulletin)`."""
    from boletin_tui.entities.recognise import recognise_bulletin
    from boletin_tui.entities.sentences import Sentences

    text = bulletin.text
    sentences = Sentences(text)
    if mentions is None:
        mentions = recognise_bulletin(bulletin)
    return [
        FigureRow(
            key=bulletin.key,
            date=bulletin.date,
            title=getattr(bulletin, "title", "") or "",
            figure=m.text,
            value=m.value,
            unit=m.unit,
            qualifier=m.qualifier,
            noun=m.noun,
            noun_key=m.noun_key,
            sentence=sentences.around(m.start, m.end),
            start=m.start,
            end=m.end,
        )
        for m in mentions
        if m.type == "FIGURE"
    ]


def _table_order(row: FigureRow) -> tuple:
    return (row.date is None, row.date or dt.date.min, row.key, row.start)


def _text_key(value: str | None) -> tuple[bool, str]:
    return (not value, fold(value or ""))


def _plain_key(value: str | None) -> tuple[bool, str]:
    return (not value, value or "")


# Sort keys per column; None and empty values sort last either way (see `FiguresTable.sort`).
_SORT_KEYS: dict[str, Callable[[FigureRow], Any]] = {
    "date": lambda r: (r.date is None, r.date or dt.date.min),
    "key": lambda r: _plain_key(r.key),
    "title": lambda r: _text_key(r.title),
    "figure": lambda r: _text_key(r.figure),
    "value": lambda r: (r.value is None, r.value or 0),
    "unit": lambda r: _plain_key(r.unit),
    "qualifier": lambda r: _plain_key(r.qualifier),
    "noun": lambda r: _plain_key(r.noun_key),  # folded and singular already
    "sentence": lambda r: _text_key(r.sentence),
}


class FiguresTable:
    """Every figure of a set of bulletins, in table order (see the module)."""

    def __init__(self, rows: Iterable[FigureRow]) -> None:
        self.rows: list[FigureRow] = sorted(rows, key=_table_order)
        # Distinct noun keys -> indices of their rows in `self.rows` (ascending).
        self._by_key: dict[str, list[int]] = {}
        for i, row in enumerate(self.rows):
            if row.noun_key:
                self._by_key.setdefault(row.noun_key, []).append(i)
        self._padded = [(f" {k} ", k) for k in self._by_key]
        self._sorted: dict[tuple[str, bool], list[FigureRow]] = {}

    @classmethod
    def from_bulletins(cls, bulletins: Iterable[Any]) -> FiguresTable:
        """Recognise each bulletin and tabulate its figures."""
        return cls(row for b in bulletins for row in rows_of_bulletin(b))

    def __len__(self) -> int:
        return len(self.rows)

    def nouns(self) -> list[tuple[str, int]]:
        """(noun key, number of rows), the most frequent first, then alphabetically."""
        counts = [(k, len(v)) for k, v in self._by_key.items()]
        return sorted(counts, key=lambda kv: (-kv[1], kv[0]))

    def filter(self, noun: str) -> list[FigureRow]:
        """The rows whose noun matches `noun` (`nouns.matches`: folded, singular, whole
        words), in table order. An empty `noun` gives every row."""
        wanted = noun_key(noun)
        if not wanted:
            return list(self.rows)
        needle = f" {wanted} "
        hits: list[int] = []
        for padded, key in self._padded:
            if needle in padded:
                hits.extend(self._by_key[key])
        hits.sort()
        rows = self.rows
        return [rows[i] for i in hits]

    @staticmethod
    def sort(rows: Sequence[FigureRow], column: str, reverse: bool = False) -> list[FigureRow]:
        """`rows` sorted by one of `COLUMNS` (stable; ties keep their order). Missing values
        (no date, no noun, no value) stay last in both directions. Raises KeyError for an
        unknown column."""
        key = _SORT_KEYS[column]
        keyed = [(key(r), r) for r in rows]
        present = [kr for kr in keyed if not kr[0][0]]
        missing = [r for k, r in keyed if k[0]]
        present.sort(key=lambda kr: kr[0][1], reverse=reverse)  # all share kr[0][0]
        return [r for _, r in present] + missing

    def sorted_rows(self, column: str, reverse: bool = False) -> list[FigureRow]:
        """Every row sorted as `sort` does, cached per (column, direction): the first call
        for a column costs a sort of the whole table, later ones nothing."""
        cached = self._sorted.get((column, reverse))
        if cached is None:
            cached = self._sorted[(column, reverse)] = self.sort(self.rows, column, reverse)
        return list(cached)

    def series(self, noun: str) -> list[SeriesPoint]:
        """The rows matching `noun` in table order, each with its change (see the module)."""
        return series_of(self.filter(noun))


def series_of(rows: Sequence[FigureRow]) -> list[SeriesPoint]:
    """Points with changes for `rows`, which are in table order (oldest first, undated last)."""
    points: list[SeriesPoint] = []
    # Per unit: (key of the last bulletin seen, its last value, the previous bulletin's last value)
    last: dict[str | None, tuple[str, Number | None, Number | None]] = {}
    for row in rows:
        change: Number | None = None
        pct: float | None = None
        if row.date is not None and row.value is not None:
            seen = last.get(row.unit)
            previous = None
            if seen is not None:
                previous = seen[2] if seen[0] == row.key else seen[1]
            if previous is not None:
                change = _tidy(row.value - previous)
                pct = round((row.value - previous) / previous * 100, 2) if previous else None
            if seen is not None and seen[0] == row.key:
                last[row.unit] = (row.key, row.value, seen[2])
            else:
                last[row.unit] = (row.key, row.value, seen[1] if seen else None)
        points.append(SeriesPoint(row, change, pct))
    return points


def _tidy(value: Number) -> Number:
    if isinstance(value, float):
        value = round(value, 6)
        return int(value) if value.is_integer() else value
    return value
