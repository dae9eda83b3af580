"""The reading pane: one bulletin, its mentions coloured by type, scrollable by keyboard.

A lean viewer (`LineView`): the bulletin's styled `Content` is built once per (bulletin, hidden
types, theme), its line breaks found once per width (`WrappedLines`), and only the lines on
screen are ever sliced and rendered. Styles come
from component classes in `panes.tcss` (theme variables), so they follow the theme;
`set_hidden(types)` switches categories off without touching the rest.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.content import Content
from textual.style import Style

from boletin_tui.corpus import Bulletin
from boletin_tui.entity_types import TYPES as ENTITY_TYPES
from boletin_tui.tui.bulletin_view import block_pieces, piece_column, render_pieces
from boletin_tui.tui.labels import NO_BULLETIN
from boletin_tui.tui.line_view import LineView
from boletin_tui.tui.styling import component_style, entity_styles
from boletin_tui.tui.wrapping import WrappedLines

_PARTS = ("title", "meta", "dateline", "highlight", "heading", "link", "mark")
_BLANK = Content("")
HIT = "HIT"  # the pseudo-type of a search hit among the mentions (issue 15)


class Hit(NamedTuple):
    """A search hit, at `start`-`end` in the bulletin's text, styled like a mention."""

    start: int
    end: int
    type: str = HIT


class Reader(LineView, can_focus=True):
    """Shows a bulletin (`show`), with entity categories that can be hidden (`set_hidden`)."""

    COMPONENT_CLASSES = (
        {f"reader--{t.lower()}" for t in ENTITY_TYPES}
        | {f"reader--{p}" for p in _PARTS}
        | {"reader--mark"}  # figures screen (uifig): the figure opened from it
    )
    # `j`/`k` scroll the text when it has the focus (the app's own `j`/`k` move the list).
    BINDINGS = [
        Binding("j", "scroll_down", "Bajar", show=False),
        Binding("k", "scroll_up", "Subir", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bulletin: Bulletin | None = None
        self._mentions: Sequence = ()
        self._hidden: frozenset[str] = frozenset()
        self._pieces: list[Content] = [Content(NO_BULLETIN)]
        self._content_key: tuple | None = None
        self._wrapped_key: tuple | None = None
        self.marked: tuple[int, int] | None = None  # reader2: the mention gone to
        self.mark_line: int | None = None  # uifig: the line the mark starts on
        self._hits: Sequence[Hit] = ()
        self._hit_lines: list[int] | None = None  # wrapped lines holding a hit (lazy)
        self._hit = -1  # index into `_hit_lines` of the hit last moved to
        self._hit_style = Style()
        self._hit_theme: str | None = None
        self._styles_memo: tuple[tuple, tuple[dict, dict]] | None = None  # see `_styles_now`

    @property
    def content(self) -> Content:
        """The whole bulletin as styled text, as shown (before wrapping)."""
        return Content("\n").join(self._pieces)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._paint())
        self._paint()

    def show(
        self, bulletin: Bulletin | None, mentions: Sequence = (), hits: Sequence[Hit] = ()
    ) -> None:
        self.bulletin, self._mentions, self._hits = bulletin, mentions, tuple(hits)
        self._hit = -1
        self.marked = self.mark_line = None
        self._paint(home=True)

    # -- search hits (issue 15) ------------------------------------------------------------
    def set_hits(self, hits: Sequence[Hit]) -> None:
        """Highlight `hits` (search matches) in the bulletin shown, keeping the scroll."""
        hits = tuple(hits)
        if hits != self._hits:
            self._hits, self._hit = hits, -1
            self._paint()

    @property
    def hit_style(self) -> Style:
        """Search hits: the theme's warning colour behind the text, in bold. Built from the
        theme's variables: a component class's partial style blends a background given with
        `color` into a near-transparent one."""
        theme = self.app.theme
        if self._hit_theme != theme:  # `theme_variables` builds every colour: once per theme
            variables = self.app.theme_variables
            self._hit_theme = theme
            self._hit_style = Style(
                background=Color.parse(variables.get("warning", "yellow")),
                foreground=Color.parse(variables.get("background", "black")),
                bold=True,
            )
        return self._hit_style

    @property
    def hit_lines(self) -> list[int]:
        """The wrapped lines (as scrolled to) on which a hit starts, top to bottom."""
        if self._hit_lines is None:
            lines = self._lines
            found = lines.lines_with(self._hit_style) if isinstance(lines, WrappedLines) else []
            self._hit_lines = found if self._hits else []
        return self._hit_lines

    @property
    def current_hit(self) -> int | None:
        """The index of the hit last moved to with `goto_hit` (None: none yet)."""
        return self._hit if 0 <= self._hit < len(self.hit_lines) else None

    def goto_hit(self, step: int, *, edge: bool = False) -> bool:
        """Scroll to the next (`step` 1) or previous (-1) hit, or with `edge` to the first
        or last one. False when there is no such hit (the caller moves to another bulletin)."""
        lines = self.hit_lines
        target = (0 if step > 0 else len(lines) - 1) if edge else self._hit + step
        if self._hit < 0 and step < 0 and not edge:
            target = -1
        if not 0 <= target < len(lines):
            return False
        self._hit = target
        height = max(self.scrollable_content_region.height, 1)
        self.scroll_to(y=max(lines[target] - height // 3, 0), animate=False, immediate=True)
        return True

    def set_hidden(self, types: Iterable[str]) -> None:
        self._hidden = frozenset(types)
        self._paint()

    def on_resize(self, event: events.Resize) -> None:
        self._paint()

    def _styles(self) -> tuple[dict, dict]:
        self._visual_style_cache.clear()  # the theme may have changed
        every = entity_styles(self, "reader")
        styles = {t: every[t] for t in ENTITY_TYPES if t not in self._hidden}
        styles[HIT] = self.hit_style
        parts = {p: component_style(self, f"reader--{p}") for p in _PARTS}
        return styles, parts

    def _styles_now(self) -> tuple[dict, dict]:
        """`_styles()`, worked out again only when the theme, the hidden types or the widget's
        styles change (every colour is blended and compared: about a ms per bulletin shown
        otherwise). (snappy)"""
        key = (self.app.theme, self._hidden)
        if self._styles_memo is None or self._styles_memo[0] != key:
            self._styles_memo = (key, self._styles())
        return self._styles_memo[1]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles_memo = None

    def _paint(self, home: bool = False) -> None:
        """Rebuild what changed: the styled content, then its wrapping to the width."""
        if not self.is_mounted:
            return
        if self.bulletin is None:
            key: tuple = (None,)
            if key != self._content_key:
                self._pieces, self._content_key = [Content(NO_BULLETIN)], key
        else:
            styles, parts = self._styles_now()
            key = (
                id(self.bulletin),
                id(self._mentions),
                self.marked,
                self._hits,
                self._hidden,
                tuple(styles.items()),
                tuple(parts.items()),
            )
            if key != self._content_key:
                mentions = (*self._mentions, *self._hits) if self._hits else self._mentions
                if self.marked is not None:  # last, so that its style goes over the type's
                    # The partial visual style leaves the background out: take it from CSS.
                    background = self.get_component_styles("reader--mark").background
                    styles = {**styles, "MARK": replace(parts["mark"], background=background)}
                    mentions = [*mentions, _Mark(*self.marked)]
                self._pieces = render_pieces(self.bulletin, mentions, styles, parts)
                self._content_key = key
        width = max(self.text_width - 2, 8)  # a margin before the scrollbar
        wrapped_key = (self._content_key, width)
        if wrapped_key != self._wrapped_key or home:
            self._wrapped_key = wrapped_key
            self._hit_lines = None
            # A blank line above and below, scrolling with the text.
            self.set_lines(WrappedLines([_BLANK, *self._pieces, _BLANK], width), home=home)

    # -- reader2: going to a mention; the paragraph in view ---------------------------------
    def mark(self, start: int, end: int) -> None:
        """Highlight `start:end` of the bulletin's text and scroll it into view."""
        if self.bulletin is None:
            return
        self.marked = (start, end)
        self._paint()
        self.mark_line = self.line_of_offset(start)
        self.scroll_to(y=max(self.mark_line - 2, 0), animate=False, immediate=True)

    def reveal(self, start: int, end: int) -> None:
        """The figures screen's `enter`: `mark` the figure; `mark_line` is the line it starts
        on."""
        self.mark(start, end)

    def line_of_offset(self, offset: int) -> int:
        """The wrapped line that shows `offset` of the bulletin's text."""
        if self.bulletin is None or not isinstance(self._lines, WrappedLines):
            return 0
        blocks = self.bulletin.blocks
        index = max(bisect_right([b.start for b in blocks], offset) - 1, 0)
        block = blocks[index]
        piece = block_pieces(self.bulletin)[index] + 1  # after the blank line on top
        column = offset - block.start + piece_column(block.role)
        return self._lines.line_of(piece, column)

    def paragraph_in_view(self) -> str:
        """The text of the block at the top of the view (the next one when the top line is
        blank or a heading); "" when no bulletin is shown."""
        if self.bulletin is None or not isinstance(self._lines, WrappedLines):
            return ""
        piece = self._lines.piece_of(round(self.scroll_y)) - 1
        blocks = self.bulletin.blocks
        for block, block_piece in zip(blocks, block_pieces(self.bulletin), strict=True):
            if block_piece >= piece:
                return block.text
        return blocks[-1].text if blocks else ""


class _Mark(NamedTuple):
    """A pseudo-mention: the range `Reader.mark` highlights."""

    start: int
    end: int
    type: str = "MARK"
