"""The timeline: a virtualised list of bulletins under year and month headings.

A `ScrollView` on the Line API renders only the visible rows, so 10,000 bulletins open as fast
as ten (an `OptionList` took three times as long, see STYLE.md). Its rows come from a
`RowSource` (the corpus database's `CorpusView`): keys and months for every row at once, the
number, date and title only of the rows drawn, read a page at a time. Headings cannot be
selected; the cursor moves between bulletin rows and `Timeline.Selected` says which one is
current.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Protocol

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from boletin_tui.corpus import Outline
from boletin_tui.tui.keymap import widget_binding
from boletin_tui.tui.rows import Listing, Row, RowIndex, fit, row_parts
from boletin_tui.tui.wrapping import break_lines

_STRIPS_KEPT = 4096  # rows drawn kept for reuse (a few screens' worth across searches)


class RowSource(Protocol):
    """What the timeline reads: every key and month at once, outlines as rows are drawn."""

    @property
    def keys(self) -> Sequence[str]: ...
    @property
    def months(self) -> Sequence[str | None]: ...
    def positions(self) -> Mapping[str, int]: ...
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
        "timeline--unread",
    }

    class Selected(Message):
        """The highlighted bulletin changed (`key` is None when nothing is shown)."""

        def __init__(self, key: str | None) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._source: RowSource | None = None
        self._index = RowIndex([], [])  # where the headings go, see `set_source`
        self._listing = self._index.everything  # the rows shown
        self._rows: Sequence[Row] = self._listing.rows
        self._marks: set[str] = set()
        self._read: set[str] | None = None  # read keys (None: no read marks shown)
        self._cursor: int | None = None  # index into _rows, always a bulletin row
        self._current: str | None = None
        # tagexact: the user's place, which a filter moving the cursor does not change (see
        # `_show`): the bulletin the user moved to, or current while every bulletin was shown.
        self._place: str | None = None
        self._extra = 0  # 1 while the current row's title takes a second line (issue 15)
        self._strips: dict[tuple, Strip] = {}  # bulletin rows drawn, see `render_line`
        self._base: tuple[int, Style] | None = None  # see `_base_style`

    # -- data -------------------------------------------------------------------------------
    @property
    def current_key(self) -> str | None:
        return self._current

    @property
    def shown_count(self) -> int:
        return self._listing.count

    @property
    def shown_keys(self) -> list[str]:
        return list(self._listing.keys)

    @property
    def listed_keys(self) -> Sequence[str]:
        """The keys shown, as the same sequence until the list changes (`ReadState`
        remembers its unread count by that object)."""
        return self._listing.keys

    def set_source(self, source: RowSource, marks: Iterable[str] = ()) -> None:
        """Show the bulletins of `source` (keeping the current one when it is still there)."""
        self._source = source
        self._strips.clear()  # a bulletin's title or date may have changed
        # issue 11: no row per key is built here (see `RowIndex`), the positions are the view's
        self._index = RowIndex(source.keys, source.months, source.positions)
        self._marks = set(marks)
        self.set_filter(None)

    def set_filter(self, keys: Collection[str] | None) -> None:
        """Show only bulletins whose key is in `keys` (with their headings); None shows all.
        (issue 11: laid out from the matches' positions, see `RowIndex.filter`.)"""
        self._show(self._index.everything if keys is None else self._index.filter(keys))

    def refresh_marks(self, marked: Iterable[str], unmarked: Iterable[str] = ()) -> None:
        """Add the annotated marker to `marked` keys and take it off `unmarked` ones."""
        self._marks.update(marked)
        self._marks.difference_update(unmarked)
        self.refresh()

    # -- read marks and positions (issue 15) -----------------------------------------------
    def set_read(self, keys: set[str]) -> None:
        """Show rows not in `keys` as unread (the set is shared, not copied: call
        `refresh()` after changing it)."""
        self._read = keys
        self.refresh()

    def shown_outlines(self) -> list[Outline]:
        """Outlines of the bulletins shown, in order (read a page at a time: for jumps)."""
        if self._source is None:
            return []
        found = map(self._source.outline_at, self._listing.items)
        return [o for o in found if o is not None]

    def _outline(self, index: int | None) -> Outline | None:
        row = self._rows[index] if index is not None and index < len(self._rows) else None
        if row is None or row.key is None or self._source is None:
            return None
        return self._source.outline_at(row.pos)

    def adjacent_keys(self) -> list[str]:
        """Keys of the bulletins just after and just before the current one (if any)."""
        if self._cursor is None:
            return []
        found = (self._next_bulletin(self._cursor, 1), self._next_bulletin(self._cursor, -1))
        rows = [self._rows[i] for i in found if i is not None]
        return [row.key for row in rows if row.key is not None]

    def shows(self, key: str) -> bool:
        """Whether the bulletin `key` is in the list shown."""
        return self._listing.row_of(key) is not None

    def select(self, key: str) -> None:
        found = self._listing.row_of(key)
        if found is not None:
            self._move_to(found)

    def _show(self, listing: Listing) -> None:
        """Show `listing`, the cursor on the current bulletin if it is listed, else on the
        first. With no current bulletin (the list before showed none), on the user's place
        if it is listed: clearing a search with no results returns to where the user was."""
        target = listing.row_of(self._current if self._current is not None else self._place)
        top, before = round(self.scroll_y), self._drawn()
        self._listing, self._rows = listing, listing.rows
        # Not `self.virtual_size = ...`: that re-lays out the whole screen on every search
        # keystroke, and this widget's size never depends on its rows (see `LineView`).
        self._cursor, self._extra = None, 0
        self._set_height()
        if target is None:
            target = self._next_bulletin(-1, 1)
        self._move_to(target, force=True, repaint=False, by_user=False)
        if listing is self._index.everything and self._current is not None:
            self._place = self._current
        if round(self.scroll_y) != top:
            self.refresh()
            return
        # issue 11: only the lines that show something else (a search typed on often keeps
        # most of the screen: every line repainted cost about 0.2 ms in Textual).
        for y, (was, now) in enumerate(zip(before, self._drawn(), strict=True)):
            if was != now:
                self.refresh_line(top + y)

    def _drawn(self) -> list[tuple[Row | None, bool, bool]]:
        """What each line on screen shows: its row, whether it is a title's second line, and
        whether it is the cursor's."""
        top, count, drawn = round(self.scroll_y), len(self._rows), []
        for y in range(top, top + self.size.height):
            index, second = self._line_row(y)
            row = self._rows[index] if index < count else None
            drawn.append((row, second, index == self._cursor))
        return drawn

    # -- cursor -----------------------------------------------------------------------------
    def _next_bulletin(self, start: int, step: int) -> int | None:
        index = start + step
        while 0 <= index < len(self._rows):
            if not self._rows[index].is_heading:
                return index
            index += step
        return None

    def _set_height(self) -> None:
        # Always room for the current row's second line (a blank last line when it has
        # one): moving between one- and two-line rows then leaves the height, and so the
        # scrollbar, alone (re-rendering a scrollbar costs Textual ~2 ms a move; issue 11).
        size = Size(0, len(self._rows) + 1 if self._rows else 0)
        if size != self.virtual_size:
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)

    def _title_lines(self, index: int | None) -> list[tuple[int, int]]:
        """Where the title of row `index` breaks into lines in the title column."""
        outline = self._outline(index)
        if outline is None:
            return []
        width = self.scrollable_content_region.width
        mark, number, date, _title = row_parts(outline, False, width)
        rest = width - len(mark) - len(number) - len(date)
        return break_lines(" ".join(outline.title.split()), max(rest, 1))

    def _line_row(self, line: int) -> tuple[int, bool]:
        """(row index, whether it is the current row's second line) of virtual `line`."""
        cursor = self._cursor
        if not self._extra or cursor is None or line <= cursor:
            return line, False
        return (cursor, True) if line == cursor + 1 else (line - 1, False)

    def _move_to(
        self, index: int | None, force: bool = False, repaint: bool = True, by_user: bool = True
    ) -> None:
        """Put the cursor on row `index` (`force`: even if it is there) and repaint what
        changed (all of it with `force`, unless not `repaint`: the caller repaints).
        `by_user`: a move the user asked for (not a filter's), which becomes the place."""
        if index is None:
            if force:
                self._cursor = None
                self._announce(None)
            return
        previous, self._cursor = self._cursor, index
        extra, self._extra = self._extra, int(len(self._title_lines(index)) > 1)
        moved = extra != self._extra  # the rows below the cursor move by a line
        if moved:
            self._set_height()
        if self._scroll_into_view(index) or previous is None or force:
            if repaint:
                self.refresh()
        elif moved:  # snappy: from the first row that changed down, not the lines above
            low = min(previous, index)
            self.refresh_lines(low, max(round(self.scroll_y) + self.size.height - low, 1))
        elif self._extra:  # the two-line row moved: only the lines between change
            low = min(previous, index)
            self.refresh_lines(low, max(previous, index) + 2 - low)
        else:
            self.refresh_line(previous)  # only the two rows that changed
            self.refresh_line(index)
        if by_user:
            self._place = self._rows[index].key
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
        elif index + self._extra >= top + height:
            self.scroll_to(y=index + self._extra - height + 1, animate=False, immediate=True)
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
        index = self._line_row(offset.y + round(self.scroll_y))[0]
        if 0 <= index < len(self._rows) and not self._rows[index].is_heading:
            self._move_to(index)

    # -- rendering --------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, second = self._line_row(y + round(self.scroll_y))
        base = self._base_style()
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        if second or (self._extra and index == self._cursor):
            return self._two_line_row(index, second, width)
        outline = self._source.outline_at(row.pos) if self._source and row.key else None
        if outline is None:
            if row.key is not None:  # gone from the database since: the next view drops it
                return Strip([Segment(fit("  " + row.key, width), base)], width)
            name = "timeline--year" if row.level == 0 else "timeline--month"
            style = base + self.get_component_rich_style(name)
            indent = "" if row.level == 0 else " "
            return Strip([Segment(fit(indent + row.label, width), style)], width)
        marked, cursor = row.key in self._marks, index == self._cursor
        unread = self._read is not None and row.key not in self._read
        # snappy: a row drawn once is kept (a move redraws two rows, a search most of them).
        cache_key = (row, marked, cursor, unread, width)
        strip = self._strips.get(cache_key)
        if strip is not None:
            return strip
        mark, number, date, title = row_parts(outline, marked, width)
        if cursor:
            base = base + self.get_component_rich_style("timeline--cursor")
        if unread:
            base = base + self.get_component_rich_style("timeline--unread")
        segments = [
            Segment(mark, base + self.get_component_rich_style("timeline--mark")),
            Segment(number, base + self.get_component_rich_style("timeline--number")),
            Segment(date, base + self.get_component_rich_style("timeline--date")),
            Segment(title, base),
        ]
        strip = Strip(segments).adjust_cell_length(width, base)
        if len(self._strips) >= _STRIPS_KEPT:
            self._strips.clear()
        self._strips[cache_key] = strip
        return strip

    def _base_style(self) -> Style:
        """`rich_style`, worked out again only when the styles change (it walks every
        ancestor: computed for each line, it was most of a timeline's repaint). (snappy)"""
        stamp = self.styles._cache_key
        if self._base is None or self._base[0] != stamp:
            self._base = (stamp, self.rich_style)
        return self._base[1]

    def _two_line_row(self, index: int, second: bool, width: int) -> Strip:
        """The current row whose title does not fit: the title whole on two lines."""
        outline = self._outline(index)
        if outline is None:
            return Strip.blank(width, self.rich_style)
        title = " ".join(outline.title.split())
        mark, number, date, _cut = row_parts(outline, outline.key in self._marks, width)
        breaks = self._title_lines(index)
        base = self.rich_style + self.get_component_rich_style("timeline--cursor")
        if self._read is not None and outline.key not in self._read:
            base = base + self.get_component_rich_style("timeline--unread")
        rest = max(width - len(mark) - len(number) - len(date), 0)
        if second:
            text = title[breaks[1][0] :] if len(breaks) > 1 else ""
            lead = " " * (len(mark) + len(number) + len(date))
            return Strip([Segment(lead, base), Segment(fit(text, rest), base)]).adjust_cell_length(
                width, base
            )
        segments = [
            Segment(mark, base + self.get_component_rich_style("timeline--mark")),
            Segment(number, base + self.get_component_rich_style("timeline--number")),
            Segment(date, base + self.get_component_rich_style("timeline--date")),
            Segment(fit(title[breaks[0][0] : breaks[0][1]], rest), base),
        ]
        return Strip(segments).adjust_cell_length(width, base)

    def on_resize(self) -> None:
        if self._cursor is not None:
            self._extra = int(len(self._title_lines(self._cursor)) > 1)
            self._set_height()
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rich_style_cache.clear()
        self._strips.clear()
        self._base = None
