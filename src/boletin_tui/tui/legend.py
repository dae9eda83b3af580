"""The legend above the reading pane: each entity category in its own style, with its key."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.content import Content
from textual.widget import Widget

from boletin_tui.entity_types import LABELS as ENTITY_LABELS
from boletin_tui.entity_types import TYPES as ENTITY_TYPES
from boletin_tui.tui.labels import ENTITY_ABBREVIATIONS
from boletin_tui.tui.styling import component_style


class Legend(Widget):
    """`1 Personas  2 Instituciones …` on one line, with shorter labels when the pane is
    narrow; a hidden category is shown struck through and dim."""

    COMPONENT_CLASSES = {f"legend--{t.lower()}" for t in ENTITY_TYPES} | {"legend--off"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hidden: set[str] = set()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh())

    def set_hidden(self, types: Iterable[str]) -> None:
        self._hidden = set(types)
        self.refresh()

    def _line(self, labels: Mapping[str, str], gap: str) -> Content:
        pieces = []
        for number, kind in enumerate(ENTITY_TYPES, 1):
            name = "legend--off" if kind in self._hidden else f"legend--{kind.lower()}"
            label = Content(labels[kind]).stylize(component_style(self, name))
            pieces.append(Content(f"{number} ") + label)
        return Content(gap).join(pieces)

    def render(self) -> Content:
        self._visual_style_cache.clear()  # the theme may have changed
        width = self.size.width
        line = self._line(ENTITY_LABELS, "  ")
        for labels in (ENTITY_LABELS, *ENTITY_ABBREVIATIONS):
            for gap in ("  ", " "):
                line = self._line(labels, gap)
                if line.cell_length <= width:
                    return line
        return line
