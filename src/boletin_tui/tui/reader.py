"""The reading pane: one bulletin, its mentions coloured by type, scrollable by keyboard.

A lean viewer (`LineView`): the bulletin's styled `Content` is built once per (bulletin, hidden
types, theme), its line breaks found once per width (`WrappedLines`), and only the lines on
screen are ever sliced and rendered. Styles come
from component classes in `panes.tcss` (theme variables), so they follow the theme;
`set_hidden(types)` switches categories off without touching the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual import events
from textual.content import Content

from boletin_tui.corpus import Bulletin
from boletin_tui.entity_types import TYPES as ENTITY_TYPES
from boletin_tui.tui.bulletin_view import render_pieces
from boletin_tui.tui.labels import NO_BULLETIN
from boletin_tui.tui.line_view import LineView
from boletin_tui.tui.styling import component_style
from boletin_tui.tui.wrapping import WrappedLines

_PARTS = ("title", "meta", "dateline", "highlight", "heading", "link")
_BLANK = Content("")


class Reader(LineView, can_focus=True):
    """Shows a bulletin (`show`), with entity categories that can be hidden (`set_hidden`)."""

    COMPONENT_CLASSES = (
        {f"reader--{t.lower()}" for t in ENTITY_TYPES}
        | {f"reader--{p}" for p in _PARTS}
        | {"reader--mark"}  # figures screen (uifig): the figure opened from it
    )

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bulletin: Bulletin | None = None
        self._mentions: Sequence = ()
        self._hidden: frozenset[str] = frozenset()
        self._pieces: list[Content] = [Content(NO_BULLETIN)]
        self._content_key: tuple | None = None
        self._wrapped_key: tuple | None = None
        self._mark: _Mark | None = None  # figures screen (uifig)
        self.mark_line: int | None = None

    @property
    def content(self) -> Content:
        """The whole bulletin as styled text, as shown (before wrapping)."""
        return Content("\n").join(self._pieces)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._paint())
        self._paint()

    def show(self, bulletin: Bulletin | None, mentions: Sequence = ()) -> None:
        self.bulletin, self._mentions = bulletin, mentions
        self._mark = self.mark_line = None
        self._paint(home=True)

    def set_hidden(self, types: Iterable[str]) -> None:
        self._hidden = frozenset(types)
        self._paint()

    def on_resize(self, event: events.Resize) -> None:
        self._paint()

    def _styles(self) -> tuple[dict, dict]:
        self._visual_style_cache.clear()  # the theme may have changed
        styles = {
            t: component_style(self, f"reader--{t.lower()}")
            for t in ENTITY_TYPES
            if t not in self._hidden
        }
        parts = {p: component_style(self, f"reader--{p}") for p in _PARTS}
        return styles, parts

    def _paint(self, home: bool = False) -> None:
        """Rebuild what changed: the styled content, then its wrapping to the width."""
        if not self.is_mounted:
            return
        if self.bulletin is None:
            key: tuple = (None,)
            if key != self._content_key:
                self._pieces, self._content_key = [Content(NO_BULLETIN)], key
        else:
            styles, parts = self._styles()
            key = (
                id(self.bulletin),
                id(self._mentions),
                self._mark,
                self._hidden,
                tuple(styles.items()),
                tuple(parts.items()),
            )
            if key != self._content_key:
                mentions = self._mentions
                if self._mark is not None:
                    styles["MARK"] = component_style(self, "reader--mark")
                    mentions = [*mentions, self._mark]
                self._pieces = render_pieces(self.bulletin, mentions, styles, parts)
                self._content_key = key
        width = max(self.text_width - 2, 8)  # a margin before the scrollbar
        wrapped_key = (self._content_key, width)
        if wrapped_key != self._wrapped_key or home:
            self._wrapped_key = wrapped_key
            # A blank line above and below, scrolling with the text.
            self.set_lines(WrappedLines([_BLANK, *self._pieces, _BLANK], width), home=home)

    # -- figures screen (uifig): one span highlighted and scrolled to -------------------------
    def reveal(self, start: int, end: int) -> None:
        """Highlight `text[start:end]` of the bulletin shown (until another is shown) and
        scroll so that it sits near the top; `mark_line` is then the line it starts on."""
        if self.bulletin is None:
            return
        self._mark = _Mark(start, end)
        self._paint()
        mark = component_style(self, "reader--mark")
        lines = self._lines
        self.mark_line = next(
            (i for i in range(len(lines)) if any(span.style == mark for span in lines[i].spans)),
            None,
        )
        if self.mark_line is not None:
            self.scroll_to(y=max(self.mark_line - 2, 0), animate=False, immediate=True)


@dataclass(frozen=True, slots=True)
class _Mark:
    """A span to highlight, shaped like a mention for `render_pieces`."""

    start: int
    end: int
    type: str = "MARK"
