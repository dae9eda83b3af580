"""The reading pane: one bulletin, its mentions coloured by type, scrollable by keyboard.

Styles come from component classes in `reader.tcss` (theme variables), so they follow the
theme; `set_hidden(types)` switches categories off without touching the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.containers import VerticalScroll
from textual.widgets import Static

from boletin_tui.corpus import Bulletin
from boletin_tui.tui.bulletin_view import render_bulletin
from boletin_tui.tui.labels import ENTITY_TYPES, NO_BULLETIN

_PARTS = ("title", "meta", "dateline", "highlight", "heading", "link")


class Reader(VerticalScroll, can_focus=True):
    """Shows a bulletin (`show`), with entity categories that can be hidden (`set_hidden`)."""

    COMPONENT_CLASSES = {f"reader--{t.lower()}" for t in ENTITY_TYPES} | {
        f"reader--{p}" for p in _PARTS
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bulletin: Bulletin | None = None
        self._mentions: Sequence = ()
        self._hidden: set[str] = set()

    def compose(self):
        yield Static(NO_BULLETIN, id="reader-body")

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._paint())

    @property
    def body(self) -> Static:
        return self.query_one("#reader-body", Static)

    def show(self, bulletin: Bulletin | None, mentions: Sequence = ()) -> None:
        self.bulletin, self._mentions = bulletin, mentions
        self._paint()
        self.scroll_home(animate=False)

    def set_hidden(self, types: Iterable[str]) -> None:
        self._hidden = set(types)
        self._paint()

    def _paint(self) -> None:
        if self.bulletin is None:
            self.body.update(NO_BULLETIN)
            return
        self._visual_style_cache.clear()  # the theme may have changed
        styles = {
            t: self.get_visual_style(f"reader--{t.lower()}", partial=True)
            for t in ENTITY_TYPES if t not in self._hidden
        }
        parts = {p: self.get_visual_style(f"reader--{p}", partial=True) for p in _PARTS}
        self.body.update(render_bulletin(self.bulletin, self._mentions, styles, parts))
