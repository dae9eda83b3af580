"""The current bulletin's passages in the annotation panel: quote, tags, first line of note.

Each passage is two lines: its quote cut to fit, then its tags and the first line of its
note (an orphan, a passage whose quote is no longer in the text, says so). Moving the
highlight posts `PassageList.Highlighted` (the app scrolls the text to it); the widget's
`passage_edit` and `passage_delete` actions post `EditRequested` / `DeleteRequested`.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from boletin_tui.passage_places import Placed
from boletin_tui.safe_text import safe_text
from boletin_tui.tui.keymap import widget_binding

NO_PASSAGES = "Sin pasajes"


def passage_lines(placed: Placed, width: int) -> Content:
    """Two lines for `placed`, each at most `width` cells (user text is never markup)."""
    p = placed.passage
    quote = " ".join(safe_text(p.quote).split())
    head = "⚠ huérfano: " if placed.orphan else ""
    room = max(width - len(head) - 2, 4)
    if len(quote) > room:
        quote = quote[: room - 1] + "…"
    first = Content.assemble((head, "$text-warning"), f"«{quote}»")
    note = safe_text(p.note.strip().splitlines()[0]) if p.note.strip() else ""
    tags = " ".join(f"#{safe_text(t)}" for t in p.tags)
    detail = " · ".join(x for x in (tags, note) if x) or "sin etiquetas ni nota"
    if len(detail) > width:
        detail = detail[: max(width - 1, 1)] + "…"
    return Content.assemble(first, "\n", (detail, "dim"))


class PassageList(OptionList):
    """`set_passages(placed)` lists them; see the module docstring."""

    BINDINGS = [
        widget_binding("passage_edit", "edit"),
        widget_binding("passage_delete", "delete"),
    ]

    class Highlighted(Message):
        def __init__(self, placed: Placed) -> None:
            super().__init__()
            self.placed = placed

    class EditRequested(Message):
        def __init__(self, placed: Placed) -> None:
            super().__init__()
            self.placed = placed

    class DeleteRequested(Message):
        def __init__(self, placed: Placed) -> None:
            super().__init__()
            self.placed = placed

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Option(NO_PASSAGES, disabled=True), id=id)
        self.placed: tuple[Placed, ...] = ()
        self._width = 0

    def set_passages(self, placed: Sequence[Placed]) -> None:
        placed = tuple(placed)
        width = max(self.scrollable_content_region.width, 20)
        if placed == self.placed and width == self._width:
            return
        self._width = width
        highlighted = self.highlighted
        self.placed = placed
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            if placed:
                self.add_options([Option(passage_lines(p, width)) for p in placed])
                self.highlighted = min(highlighted or 0, len(placed) - 1)
            else:
                self.add_option(Option(NO_PASSAGES, disabled=True))

    @property
    def current(self) -> Placed | None:
        if not self.placed or self.highlighted is None:
            return None
        return self.placed[min(self.highlighted, len(self.placed) - 1)]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.has_focus and (current := self.current) is not None:
            self.post_message(self.Highlighted(current))

    def on_focus(self) -> None:
        if (current := self.current) is not None:
            self.post_message(self.Highlighted(current))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete"):
            return bool(self.placed)
        return True

    def action_edit(self) -> None:
        if (current := self.current) is not None:
            self.post_message(self.EditRequested(current))

    def action_delete(self) -> None:
        if (current := self.current) is not None:
            self.post_message(self.DeleteRequested(current))
