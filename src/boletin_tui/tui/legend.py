"""The legend above the reading pane: each entity category in its own style, with its key."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import Static

from boletin_tui.tui.labels import ENTITY_LABELS, ENTITY_TYPES


class Legend(Static):
    """`1 Personas  2 Instituciones …`; a hidden category is shown struck through and dim."""

    COMPONENT_CLASSES = {f"legend--{t.lower()}" for t in ENTITY_TYPES} | {"legend--off"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hidden: set[str] = set()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._paint())
        self._paint()

    def set_hidden(self, types: Iterable[str]) -> None:
        self._hidden = set(types)
        self._paint()

    def _paint(self) -> None:
        self._visual_style_cache.clear()
        pieces = []
        for number, kind in enumerate(ENTITY_TYPES, 1):
            name = "legend--off" if kind in self._hidden else f"legend--{kind.lower()}"
            label = Content(ENTITY_LABELS[kind]).stylize(self.get_visual_style(name, partial=True))
            pieces.append(Content(f"{number} ") + label)
        self.update(Content("  ").join(pieces))
