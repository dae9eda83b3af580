"""The timeline: a virtualised list of bulletins under year and month headings.

A `ScrollView` on the Line API renders only the visible rows, so 10,000 bulletins open as fast
as ten (an `OptionList` took three times as long, see STYLE.md). Its rows come from a
`RowSource` (the corpus database's `CorpusView`): keys and months for every row at once, the
number, date and title only of the rows drawn, read a page at a time. Headings cannot be
selected; the cursor moves between bulletin rows and `Timeline.Selected` says which one is
current.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from boletin_tui.corpus import Outline
from boletin_tui.tui.keymap import widget_binding
from boletin_tui.tui.rows import Row, build_rows, fit, row_parts


class RowSource(Protocol):
    """What the timeline reads: every key and month at once, outlines as rows are drawn."""

    @property
    def keys(self) -> Sequence[str]: ...
    @property
    def months(self) -> Sequence[str | None]: ...
    def outline_at(self, pos: int) -> Outline | None: ...


class Timeline(ScrollView, can_focus=True):
    """Bulletins newest first; `set_source`, `set_filter`, `refresh_marks`, `select`."""

    BINDINGS = [
        widget_binding("next", "cursor(1)"),
        widget_binding("previous", "cursor(-1)"),
        widget_binding("page_down"),
        widget_binding("page_up"),
        widget_binding("first"),
        widget_binding("last"),
    ]
    COMPONENT_CLASSES = {
        "timeline--year",
        "timeline--month",
        "timeline--cursor",
        "timeline--mark",
        "timeline--number",
        "timeline--date",
    }

    class Selected(Message):
        """The highlighted bulletin changed (`key` is None when nothing is shown)."""

        def __init__(self, key: str | None) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._source: RowSource | None = None
        self._rows: list[Row] = []
        self._all_rows: list[Row] = []
        self._count = 0
        self._marks: set[str] = set()
        self._cursor: int | None = None  # index into _rows, always a bulletin row
        self._current: str | None = None

    # -- data -------------------------------------------------------------------------------
    @property
    def current_key(self) -> str | None:
        return self._current

    @property
    def shown_count(self) -> int:
        return self._count

    @property
    def shown_keys(self) -> list[str]:
        return [r.key for r in self._rows if r.key is not None]

    def set_source(self, source: RowSource, marks: Iterable[str] = ()) -> None:
        """Show the bulletins of `source` (keeping the current one when it is still there)."""
        self._source = source
        self._all_rows = build_rows(source.keys, source.months)
        self._marks = set(marks)
        self._show(self._all_rows)

    def set_filter(self, keys: Collection[str] | None) -> None:
        """Show only bulletins whose key is in `keys` (with their headings); None shows all."""
        if keys is None:
            self._show(self._all_rows)
            return
        wanted = keys if isinstance(keys, (set, frozenset, dict)) else set(keys)
        # One pass over the rows built once: a heading is kept when a bulletin under it is.
        rows: list[Row] = []
        year = month = None
        for row in self._all_rows:
            if row.key is None:
                if row.level == 0:
                    year, month = row, None
                else:
                    month = row
            elif row.key in wanted:
                if year is not None:
                    rows.append(year)
                    year = None
                if month is not None:
                    rows.append(month)
                    month = None
                rows.append(row)
        self._show(rows)

    def refresh_marks(self, marked: Iterable[str], unmarked: Iterable[str] = ()) -> None:
        """Add the annotated marker to `marked` keys and take it off `unmarked` ones."""
        self._marks.update(marked)
        self._marks.difference_update(unmarked)
        self.refresh()

    def adjacent_keys(self) -> list[str]:
        """Keys of the bulletins just after and just before the current one (if any)."""
        if self._cursor is None:
            return []
        found = (self._next_bulletin(self._cursor, 1), self._next_bulletin(self._cursor, -1))
        rows = [self._rows[i] for i in found if i is not None]
        return [row.key for row in rows if row.key is not None]

    def select(self, key: str) -> None:
        for index, row in enumerate(self._rows):
            if row.key is not None and row.key == key:
                self._move_to(index)
                return

    def _show(self, rows: list[Row]) -> None:
        keep = self._current
        self._rows = rows
        self._count = sum(1 for r in rows if r.key is not None)
        # Not `self.virtual_size = ...`: that re-lays out the whole screen on every search
        # keystroke, and this widget's size never depends on its rows (see `LineView`).
        size = Size(0, len(rows))
        if size != self.virtual_size:
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)
        self._cursor = None
        target = next(
            (i for i, r in enumerate(rows) if r.key is not None and r.key == keep),
            None,
        )
        if target is None:
            target = self._next_bulletin(-1, 1)
        self._move_to(target, force=True)
        self.refresh()

    # -- cursor -----------------------------------------------------------------------------
    def _next_bulletin(self, start: int, step: int) -> int | None:
        index = start + step
        while 0 <= index < len(self._rows):
            if not self._rows[index].is_heading:
                return index
            index += step
        return None

    def _move_to(self, index: int | None, force: bool = False) -> None:
        if index is None:
            if force:
                self._cursor = None
                self._announce(None)
            return
        previous, self._cursor = self._cursor, index
        if not self._scroll_into_view(index) and previous is not None and not force:
            self.refresh_line(previous)  # only the two rows that changed
            self.refresh_line(index)
        else:
            self.refresh()
        self._announce(self._rows[index].key)

    def _announce(self, key: str | None) -> None:
        if key != self._current:
            self._current = key
            self.post_message(self.Selected(key))

    def _scroll_into_view(self, index: int) -> bool:
        """Scroll so that row `index` is visible; True if it scrolled."""
        height = max(self.scrollable_content_region.height, 1)
        top = round(self.scroll_y)
        if index == self._next_bulletin(-1, 1):
            index = 0  # show the headings above the first bulletin
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)
        else:
            return False
        return True

    def action_cursor(self, step: int) -> None:
        start = self._cursor if self._cursor is not None else -1
        self._move_to(self._next_bulletin(start, step))

    def action_page(self, direction: int) -> None:
        if self._cursor is None:
            return
        height = max(self.scrollable_content_region.height - 1, 1)
        target = min(max(self._cursor + direction * height, 0), len(self._rows) - 1)
        found = self._next_bulletin(target - direction, direction)
        self._move_to(found if found is not None else self._next_bulletin(target, -direction))

    def action_edge(self, end: int) -> None:
        self._move_to(
            self._next_bulletin(len(self._rows), -1) if end else self._next_bulletin(-1, 1)
        )

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + round(self.scroll_y)
        if 0 <= index < len(self._rows) and not self._rows[index].is_heading:
            self._move_to(index)

    # -- rendering --------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + round(self.scroll_y)
        base = self.rich_style
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        outline = self._source.outline_at(row.pos) if self._source and row.key else None
        if outline is None:
            if row.key is not None:  # gone from the database since: the next view drops it
                return Strip([Segment(fit("  " + row.key, width), base)], width)
            name = "timeline--year" if row.level == 0 else "timeline--month"
            style = base + self.get_component_rich_style(name)
            indent = "" if row.level == 0 else " "
            return Strip([Segment(fit(indent + row.label, width), style)], width)
        mark, number, date, title = row_parts(outline, row.key in self._marks, width)
        if index == self._cursor:
            base = base + self.get_component_rich_style("timeline--cursor")
        segments = [
            Segment(mark, base + self.get_component_rich_style("timeline--mark")),
            Segment(number, base + self.get_component_rich_style("timeline--number")),
            Segment(date, base + self.get_component_rich_style("timeline--date")),
            Segment(title, base),
        ]
        return Strip(segments).adjust_cell_length(width, base)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rich_style_cache.clear()
