"""Dialogs for a passage: its tags and note (`PassageDialog`), and deleting it (`ConfirmDelete`).

`PassageDialog` shows the quote, a tag field with the same completion as the bulletin's tags
(`TagSuggester`, `split_tags`) and a note. `enter` in the tag field goes to the note; `ctrl+s`
or `escape` saves and closes (as the note editor does: nothing typed is dropped; keys typed
right after any of these go where they were meant, in order: `tui/handoff.py`), returning
`(tags, note)`. `typed()` reads what `ctrl+s` would return, for quitting and signals, which
save it (`passage_actions.Passages.flush_dialog`). `ConfirmDelete` returns True only for `s` or
`enter` on *Borrar*.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from boletin_tui.safe_text import safe_text
from boletin_tui.tui.handoff import HandsBackKeys
from boletin_tui.tui.tag_input import PastesTags, TagSuggester, split_tags

QUOTE_LINES_CHARS = 400


def _quote(text: str) -> Content:
    text = " ".join(safe_text(text).split())
    if len(text) > QUOTE_LINES_CHARS:
        text = text[: QUOTE_LINES_CHARS - 1] + "…"
    return Content(f"«{text}»")


# `ctrl+s` and `escape` save and close in the order typed, from either field (keys typed
# right after them go to the screen below, not into the passage). (keyorder)
_SAVE_KEYS = {"ctrl+s": "screen.save", "escape": "screen.save"}


class _TagField(HandsBackKeys, PastesTags):
    """The tag field: `enter` moves to the note at once, in the order typed (keys typed
    right after it go to the note, not into the tags)."""

    LEAVE_KEYS = {"enter": "to_note", **_SAVE_KEYS}

    def action_to_note(self) -> None:
        self.screen.set_focus(self.screen.query_one("#passage-note", TextArea))


class _NoteField(HandsBackKeys, TextArea):
    """The note: `ctrl+s` and `escape` save the passage at once, in the order typed."""

    LEAVE_KEYS = _SAVE_KEYS


class PassageDialog(ModalScreen[tuple[list[str], str] | None]):
    """Tags and note of a passage (new or existing); see the module docstring."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Guardar", tooltip="Guarda el pasaje"),
        Binding("escape", "save", "Guardar y salir", tooltip="Guarda el pasaje y vuelve"),
        # As on the main screen (Textual's app binding, which a modal screen hides): which
        # key quits from here (uxfix).
        Binding("ctrl+c", "app.help_quit", show=False, system=True),
    ]

    def __init__(
        self, title: str, quote: str, tags: Sequence[str], note: str, known_tags: Sequence[str]
    ) -> None:
        super().__init__()
        self._title, self._quote = title, quote
        self._tags, self._note = list(tags), note
        self._suggester = TagSuggester()
        self._suggester.tags = list(known_tags)
        self._fields: tuple[Input, TextArea] | None = None  # once mounted
        self._result: tuple[list[str], str] | None = None  # once saved

    def compose(self):
        with Vertical(id="passage-dialog", classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            yield Static(_quote(self._quote), id="passage-quote")
            yield _TagField(
                ", ".join(self._tags),
                placeholder="etiquetas (varias con comas; → completa)",
                suggester=self._suggester,
                id="passage-tags",
            )
            yield _NoteField(self._note, soft_wrap=True, tab_behavior="focus", id="passage-note")
            yield Label(
                "enter: a la nota · ctrl+s o escape: guardar",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self._fields = (
            self.query_one("#passage-tags", Input),
            self.query_one("#passage-note", TextArea),
        )
        self._fields[0].focus()

    def typed(self) -> tuple[list[str], str]:
        """(tags, note) as `ctrl+s` returns them now (or returned them, once saved); changes
        nothing (read from the hangup watchdog's thread too)."""
        if self._result is not None:
            return self._result
        if self._fields is None:  # not mounted yet: nothing typed
            return list(self._tags), self._note
        tags, note = self._fields
        return split_tags(tags.value), note.text

    def action_save(self) -> None:
        if self._result is None:
            self._result = self.typed()
            self.dismiss(self._result)


class ConfirmDelete(ModalScreen[bool]):
    """Asks before deleting the passage `quote`."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("s", "answer(True)", "Sí"),
    ]

    def __init__(self, quote: str) -> None:
        super().__init__()
        self._quote_text = quote

    def compose(self):
        with Vertical(id="passage-confirm", classes="dialog"):
            yield Label("¿Borrar este pasaje?", classes="dialog-title")
            yield Static(_quote(self._quote_text))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Borrar (s)", variant="error", id="passage-delete-yes")
                yield Button("Cancelar (n)", id="passage-delete-no")

    def on_mount(self) -> None:
        self.query_one("#passage-delete-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "passage-delete-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
