"""Who and how much: the people, institutions and figures of the bulletin shown.

One `LineView` (a line per name, cut with an ellipsis when too long), so a new bulletin
repaints this list without changing the size of anything around it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from boletin_tui.entity_types import LABELS as ENTITY_LABELS
from boletin_tui.safe_text import safe_text
from boletin_tui.tui.labels import NO_ENTITIES
from boletin_tui.tui.line_view import LineView
from boletin_tui.tui.mentions import summarise
from boletin_tui.tui.styling import component_style

SUMMARY_TYPES = ("PERSON", "ORG", "FIGURE")
PER_TYPE = 12


class EntitySummary(LineView, can_focus=True):
    """`show(mentions)`: each category with its count, then its first names or values."""

    COMPONENT_CLASSES = {"entities--heading", "entities--empty"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._mentions: Sequence = ()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show(self._mentions))
        self.show(self._mentions)

    def show(self, mentions: Sequence) -> None:
        self._mentions = mentions
        if not self.is_mounted:
            return
        summary = summarise(list(mentions))
        heading = component_style(self, "entities--heading")
        lines: list[Content] = []
        for kind in SUMMARY_TYPES:
            items = summary[kind]
            if not items:
                continue
            lines.append(Content(f"{ENTITY_LABELS[kind]} ({len(items)})").stylize(heading))
            lines.extend(
                Content(f"  {safe_text(item, newlines=False)}") for item in items[:PER_TYPE]
            )
            if len(items) > PER_TYPE:
                lines.append(Content(f"  … y {len(items) - PER_TYPE} más"))
        if not lines:
            empty = component_style(self, "entities--empty")
            lines = [Content(NO_ENTITIES).stylize(empty)]
        self.set_lines(lines)
