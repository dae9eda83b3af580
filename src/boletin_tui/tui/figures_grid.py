"""The figures table: a virtualised grid of `FigureRow`s with a header that sorts.

A `ScrollView` on the Line API (like the timeline) renders only the rows on screen, so 300,000
figures show as fast as ten; Textual's `DataTable` builds every row up front (seconds at that
size). Line 0 is the header (kept on screen); clicking a column's title posts `SortRequested`.
The cursor posts `Highlighted` when it moves and `Chosen` on `enter`. Cell text is bulletin
text: it goes through `safe_text` and into plain `Segment`s, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from boletin_tui.formatting import format_figure
from boletin_tui.safe_text import safe_text
from boletin_tui.tui.keymap import widget_binding
from boletin_tui.tui.rows import fit

if TYPE_CHECKING:  # the figures screen is imported at launch, its rows module when shown
    from boletin_tui.entities.figures_table import FigureRow

# (column of `FiguresTable.sort`, title, width; 0 = the rest of the line)
GRID_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("date", "Fecha", 10),
    ("key", "Boletín", 14),
    ("value", "Cifra", 16),
    ("noun", "Sustantivo", 22),
    ("qualifier", "Calificador", 11),
    ("sentence", "Oración", 0),
)
# Below this width the columns narrow so that the sentence keeps some room.
_NARROW, _NARROW_WIDTHS = 110, (10, 9, 13, 16, 9, 0)


def cells(row: FigureRow) -> tuple[str, ...]:
    """The texts of a row's cells, in `GRID_COLUMNS` order."""
    return (
        row.date.isoformat() if row.date else "sin fecha",
        safe_text(row.key),
        format_figure(row.value, row.unit) or safe_text(row.figure),
        safe_text(row.noun or "—"),
        safe_text(row.qualifier or ""),
        safe_text(" ".join(row.sentence.split())),
    )


class FiguresGrid(ScrollView, can_focus=True):
    """`set_rows(rows)`, `move_to(index)`, `sort_mark(column, reverse)`; see the module."""

    BINDINGS = [
        Binding("down,j", "cursor(1)", "Siguiente", show=False),
        Binding("up,k", "cursor(-1)", "Anterior", show=False),
        Binding("pagedown", "page(1)", "Página siguiente", show=False),
        Binding("pageup", "page(-1)", "Página anterior", show=False),
        Binding("home", "edge(0)", "Primera", show=False),
        Binding("end", "edge(1)", "Última", show=False),
        widget_binding("figures_open", "choose"),
    ]
    COMPONENT_CLASSES = {"figures-grid--header", "figures-grid--cursor", "figures-grid--value"}

    class Highlighted(Message):
        def __init__(self, index: int | None) -> None:
            super().__init__()
            self.index = index

    class Chosen(Message):
        def __init__(self, row: FigureRow) -> None:
            super().__init__()
            self.row = row

    class SortRequested(Message):
        def __init__(self, column: str) -> None:
            super().__init__()
            self.column = column

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[FigureRow] = ()
        self.cursor: int | None = None
        self._sorted: tuple[str, bool] | None = None

    # -- data -------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[FigureRow], keep: FigureRow | None = None) -> None:
        """Show `rows`; the cursor stays on `keep` when it is among them, else goes to the
        first row."""
        self.rows = rows
        size = Size(0, len(rows) + 1)
        if size != self.virtual_size:
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)
        target = 0 if rows else None
        if keep is not None:
            target = next((i for i, r in enumerate(rows) if r is keep), target)
        self.cursor = None
        self.move_to(target)
        self.refresh()

    @property
    def current(self) -> FigureRow | None:
        return self.rows[self.cursor] if self.cursor is not None else None

    def sort_mark(self, column: str, reverse: bool) -> None:
        """Show an arrow by the title of the column the rows are sorted by."""
        self._sorted = (column, reverse)
        self.refresh()

    # -- cursor -----------------------------------------------------------------------------
    def move_to(self, index: int | None) -> None:
        if index is not None and self.rows:
            index = min(max(index, 0), len(self.rows) - 1)
            height = max(self.scrollable_content_region.height - 1, 1)
            top = round(self.scroll_y)
            if index < top:
                self.scroll_to(y=index, animate=False, immediate=True)
            elif index >= top + height:
                self.scroll_to(y=index - height + 1, animate=False, immediate=True)
        elif not self.rows:
            index = None
        changed = index != self.cursor
        self.cursor = index
        self.refresh()
        if changed:
            self.post_message(self.Highlighted(index))

    def action_cursor(self, step: int) -> None:
        self.move_to((self.cursor if self.cursor is not None else -1) + step)

    def action_page(self, direction: int) -> None:
        height = max(self.scrollable_content_region.height - 2, 1)
        self.move_to((self.cursor or 0) + direction * height)

    def action_edge(self, end: int) -> None:
        self.move_to(len(self.rows) - 1 if end else 0)

    def action_choose(self) -> None:
        if (row := self.current) is not None:
            self.post_message(self.Chosen(row))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            column = self._column_at(offset.x)
            if column is not None:
                self.post_message(self.SortRequested(column))
            return
        index = offset.y - 1 + round(self.scroll_y)
        if 0 <= index < len(self.rows):
            if index == self.cursor and event.chain >= 2:
                self.action_choose()
            self.move_to(index)

    # -- layout and rendering ----------------------------------------------------------------
    def _widths(self, width: int) -> list[int]:
        widths = [w for _, _, w in GRID_COLUMNS] if width >= _NARROW else list(_NARROW_WIDTHS)
        fixed = sum(w + 1 for w in widths if w)
        return [w if w else max(width - fixed, 8) for w in widths]

    def _column_at(self, x: int) -> str | None:
        left = 0
        for (column, _, _), width in zip(
            GRID_COLUMNS, self._widths(self.scrollable_content_region.width), strict=True
        ):
            if left <= x < left + width + 1:
                return column
            left += width + 1
        return None

    def _line(self, texts: Sequence[str], width: int, style: Style, value: Style) -> Strip:
        segments: list[Segment] = []
        for i, (text, cell_width) in enumerate(zip(texts, self._widths(width), strict=True)):
            if GRID_COLUMNS[i][0] == "value":
                cell = fit(text, cell_width).rstrip().rjust(cell_width)
                segments.append(Segment(cell, style + value))
            else:
                segments.append(Segment(fit(text, cell_width), style))
            segments.append(Segment(" ", style))
        return Strip(segments).crop(0, width).adjust_cell_length(width, style)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            header = base + self.get_component_rich_style("figures-grid--header")
            titles = []
            for column, title, _ in GRID_COLUMNS:
                if self._sorted and self._sorted[0] == column:
                    title += " ▼" if self._sorted[1] else " ▲"
                titles.append(title)
            return self._line(titles, width, header, Style())
        index = y - 1 + round(self.scroll_y)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("figures-grid--cursor")
        value = self.get_component_rich_style("figures-grid--value")
        return self._line(cells(self.rows[index]), width, style, value)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rich_style_cache.clear()
