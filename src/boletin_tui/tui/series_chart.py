"""A chart of one quantity over time: a horizontal bar per figure, oldest at the top.

Drawn with Textual's own Line API rather than `textual-plotext` (not a dependency): every point
keeps a label (date and bulletin), which a plot's x axis cannot give beyond a dozen points; one
point and 20,000 points render alike (only the lines on screen are drawn); it follows the theme;
and it was faster: `benchmarks/figures_screen_bench.py` drew 1, 40 and 127 points in 63, 81 and
100 ms against `PlotextPlot`'s 76, 148 and 248 ms in the same run (which redraws every point).

`set_series(rows)` takes rows in table order and keeps those with a date and a value in the
most common unit (`plotted`); the bars are scaled to the largest value (negative values draw
no bar). The cursor (`up`/`down`, a click) posts `PointHighlighted(row)`; `select(row)` moves it
without posting.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from boletin_tui.formatting import format_figure
from boletin_tui.safe_text import safe_text
from boletin_tui.tui.rows import fit

if TYPE_CHECKING:  # the figures screen is imported at launch, its rows module when shown
    from boletin_tui.entities.figures_table import FigureRow

_LABEL = 26  # date and bulletin
_VALUE = 16
_CHANGE = 9
_BLOCKS = " ▏▎▍▌▋▊▉█"


def bar(fraction: float, width: int) -> str:
    """A bar `fraction` (0..1) of `width` cells long, in eighths of a cell."""
    eighths = round(max(0.0, min(fraction, 1.0)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_BLOCKS[part] if part else "")).ljust(width)


def plottable(rows: Sequence[FigureRow]) -> tuple[list[FigureRow], str | None]:
    """The rows a chart shows: dated, with a value, in the most common unit; and that unit."""
    dated = [r for r in rows if r.date is not None and r.value is not None]
    if not dated:
        return [], None
    unit = Counter(r.unit for r in dated).most_common(1)[0][0]
    return [r for r in dated if r.unit == unit], unit


class SeriesChart(ScrollView, can_focus=True):
    """See the module."""

    BINDINGS = [
        Binding("down,j,right", "cursor(1)", "Siguiente", show=False),
        Binding("up,k,left", "cursor(-1)", "Anterior", show=False),
        Binding("home", "edge(0)", "Primero", show=False),
        Binding("end", "edge(1)", "Último", show=False),
    ]
    COMPONENT_CLASSES = {"series-chart--bar", "series-chart--cursor", "series-chart--label"}

    class PointHighlighted(Message):
        def __init__(self, row: FigureRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plotted: list[FigureRow] = []
        self.unit: str | None = None
        self.cursor: int | None = None
        self._top = 1.0
        self._where: dict[int, int] | None = None

    def set_series(self, rows: Sequence[FigureRow]) -> None:
        self.plotted, self.unit = plottable(rows)
        self._top = max((abs(r.value or 0) for r in self.plotted), default=0) or 1.0
        self._where = None  # built on the first `select`
        size = Size(0, len(self.plotted))
        if size != self.virtual_size:
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)
        self.cursor = None
        self._move(0 if self.plotted else None, announce=False)
        self.refresh()

    def select(self, row: FigureRow | None) -> None:
        """Put the cursor on `row` when it is plotted (no message)."""
        if self._where is None:
            self._where = {id(r): i for i, r in enumerate(self.plotted)}
        index = self._where.get(id(row)) if row is not None else None
        if index is not None:
            self._move(index, announce=False)

    def _move(self, index: int | None, announce: bool = True) -> None:
        if index is None or not self.plotted:
            self.cursor = None
            self.refresh()
            return
        index = min(max(index, 0), len(self.plotted) - 1)
        height = max(self.scrollable_content_region.height, 1)
        top = round(self.scroll_y)
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)
        changed, self.cursor = index != self.cursor, index
        self.refresh()
        if announce and changed:
            self.post_message(self.PointHighlighted(self.plotted[index]))

    def action_cursor(self, step: int) -> None:
        self._move((self.cursor if self.cursor is not None else -1) + step)

    def action_edge(self, end: int) -> None:
        self._move(len(self.plotted) - 1 if end else 0)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self._move(offset.y + round(self.scroll_y))

    def change_pct(self, index: int) -> float | None:
        """The change of point `index` from the last point of the bulletin before its own, in
        percent: `series_of`'s rule for rows that all have a date and one unit, computed for
        the lines drawn only (a series of 18,000 points took 40 ms up front)."""
        rows = self.plotted
        row, j = rows[index], index - 1
        while j >= 0 and rows[j].key == row.key:
            j -= 1
        previous = rows[j].value if j >= 0 else None
        if not previous or row.value is None:
            return None
        return (row.value - previous) / previous * 100

    def line_text(self, index: int, width: int) -> tuple[str, str, str]:
        """Label, bar and value-with-change of point `index`, together `width` cells."""
        row = self.plotted[index]
        label = fit(f"{row.date.isoformat() if row.date else ''} {safe_text(row.key)}", _LABEL)
        change = self.change_pct(index)
        shown = format_figure(row.value, row.unit)
        tail = fit(shown, _VALUE).rstrip().rjust(_VALUE)
        tail += f" {change:+.0f}%".rjust(_CHANGE) if change is not None else " " * _CHANGE
        room = max(width - _LABEL - len(tail) - 2, 1)
        return label + " ", bar((row.value or 0) / self._top, room), " " + tail

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = y + round(self.scroll_y)
        if index >= len(self.plotted):
            return Strip.blank(width, base)
        if index == self.cursor:
            base = base + self.get_component_rich_style("series-chart--cursor")
        label, drawn, tail = self.line_text(index, width)
        segments = [
            Segment(label, base + self.get_component_rich_style("series-chart--label")),
            Segment(drawn, base + self.get_component_rich_style("series-chart--bar")),
            Segment(tail, base),
        ]
        return Strip(segments).crop(0, width).adjust_cell_length(width, base)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rich_style_cache.clear()
