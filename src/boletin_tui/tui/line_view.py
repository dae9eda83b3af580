"""A lean scrolling view of styled lines: only the lines on screen are ever rendered.

`LineView` is a `ScrollView` on the Line API. Subclasses hand it a list of one-line `Content`s
(`set_lines`); `render_line(y)` turns the visible ones into `Strip`s, cached until the lines,
the width or the widget's style change. Replacing the lines sets the virtual size, and nothing
else: the widget's own size never depends on what it shows, so a new bulletin repaints this
widget instead of re-laying out the screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget


class LineView(ScrollView):
    """Shows `set_lines(lines)`; lines wider than the view are cut with an ellipsis."""

    DEFAULT_CSS = """
    LineView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: Sequence[Content] = ()
        self._strips: dict[int, Strip] = {}
        self._strips_key: tuple = ()

    @property
    def text_width(self) -> int:
        """The width lines are laid out in (the view, less padding and scrollbar)."""
        return max(self.scrollable_content_region.width, 1)

    def set_lines(self, lines: Sequence[Content], *, home: bool = True) -> None:
        """Show `lines` (each a single line), from the top unless `home` is False."""
        self._lines = lines
        self._strips.clear()
        self._set_virtual_height(len(lines))
        if home:
            self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def _set_virtual_height(self, height: int) -> None:
        # Assigning `virtual_size` would re-lay out the whole screen; this widget's own size
        # never depends on its lines, so only its scrollbar needs to know (as Textual does in
        # `Widget._size_updated(layout=False)`). A scrollbar that appears or disappears still
        # asks for a layout, through the reactive `show_vertical_scrollbar`.
        size = Size(0, height)
        if size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.visual_style
        key = (width, style)
        if key != self._strips_key:
            self._strips.clear()
            self._strips_key = key
        index = y + round(self.scroll_y)
        strip = self._strips.get(index)
        if strip is None:
            if 0 <= index < len(self._lines):
                line = self._lines[index]
                if line.cell_length > width:
                    line = line.truncate(width, ellipsis=True)
                strip = Strip(line.render_segments(style), line.cell_length)
                strip = strip.extend_cell_length(width, style.rich_style)
            else:
                strip = Strip.blank(width, style.rich_style)
            if len(self._strips) > 512:  # only what has been on screen lately
                self._strips.clear()
            self._strips[index] = strip
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
