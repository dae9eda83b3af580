"""The current bulletin's passages in the annotation panel: quote, tags, first line of note.

Each passage is two lines: its quote cut to fit, then its tags and the first line of its
note (an orphan, a passage whose quote is no longer in the text, says so). Moving the
highlight posts `PassageList.Highlighted` (the app scrolls the text to it); the widget's
`passage_edit` and `passage_delete` actions post `EditRequested` / `DeleteRequested`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.style import Style

from boletin_tui.passage_places import Placed
from boletin_tui.safe_text import safe_text
from boletin_tui.tui.keymap import widget_binding
from boletin_tui.tui.line_view import LineView
from boletin_tui.tui.styling import component_style

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


class _Lines(Sequence[Content]):
    """Two lines per passage, each built when first shown (a bulletin may have many)."""

    def __init__(self, placed: Sequence[Placed], width: int, cursor: int, style: Style | None):
        self._placed, self._width, self._cursor, self._style = placed, width, cursor, style
        self._built: dict[int, tuple[Content, Content]] = {}

    def __len__(self) -> int:
        return 2 * len(self._placed)

    @overload
    def __getitem__(self, index: int) -> Content: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Content]: ...
    def __getitem__(self, index: int | slice) -> Content | Sequence[Content]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = index // 2
        pair = self._built.get(n)
        if pair is None:
            first, second = passage_lines(self._placed[n], self._width).split("\n")
            if n == self._cursor and self._style is not None:
                first, second = first.stylize(self._style), second.stylize(self._style)
            pair = self._built[n] = (first, second)
        return pair[index % 2]


class PassageList(LineView, can_focus=True):
    """`set_passages(placed)` lists them; `up`/`down` move the highlight. A `LineView`, not an
    `OptionList`: 50 passages cost a list of lines, not 50 measured options, on every
    bulletin shown (the next-bulletin budget)."""

    COMPONENT_CLASSES = {"passages--cursor", "passages--empty"}
    BINDINGS = [
        Binding("up", "cursor(-1)", "Anterior", show=False),
        Binding("down", "cursor(1)", "Siguiente", show=False),
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
        super().__init__(id=id)
        self.placed: tuple[Placed, ...] = ()
        self.cursor = 0
        self._shown: tuple[tuple[Placed, ...], int, int, bool] | None = None

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._draw(force=True))
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def on_focus(self) -> None:
        self._draw()
        self._announce()

    def on_blur(self) -> None:
        self._draw()

    def set_passages(self, placed: Sequence[Placed]) -> None:
        placed = tuple(placed)
        if placed != self.placed:
            self.placed = placed
            self.cursor = min(self.cursor, max(len(placed) - 1, 0))
        self._draw()

    @property
    def current(self) -> Placed | None:
        return self.placed[self.cursor] if self.placed else None

    def _draw(self, force: bool = False) -> None:
        if not self.is_mounted:
            return
        width = max(self.text_width - 1, 12)
        state = (self.placed, width, self.cursor, self.has_focus)
        if state == self._shown and not force:
            return
        self._shown = state
        if not self.placed:
            empty = component_style(self, "passages--empty")
            self.set_lines([Content(NO_PASSAGES).stylize(empty)])
            return
        cursor = component_style(self, "passages--cursor") if self.has_focus else None
        self.set_lines(_Lines(self.placed, width, self.cursor, cursor), home=False)
        top, height = 2 * self.cursor, self.scrollable_content_region.height
        if not (self.scroll_y <= top and top + 2 <= self.scroll_y + height):
            self.scroll_to(0, max(top - (height - 2 if top > self.scroll_y else 0), 0),
                           animate=False, immediate=True)  # fmt: skip

    def _announce(self) -> None:
        if (current := self.current) is not None:
            self.post_message(self.Highlighted(current))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete", "cursor"):
            return bool(self.placed)
        return True

    def action_cursor(self, step: int) -> None:
        moved = min(max(self.cursor + step, 0), max(len(self.placed) - 1, 0))
        if moved != self.cursor:
            self.cursor = moved
            self._draw()
            self._announce()

    def action_edit(self) -> None:
        if (current := self.current) is not None:
            self.post_message(self.EditRequested(current))

    def action_delete(self) -> None:
        if (current := self.current) is not None:
            self.post_message(self.DeleteRequested(current))
