"""The note editor: saves on `ctrl+s`, on `escape` (and leaves), and when it loses focus.

The text is shown through `safe_text` (a control character in a stored note shows as a visible
sign, never reaches the terminal). A note over `MAX_NOTE_BYTES` is refused with a message when
saved with `ctrl+s`/`escape`, and the text stays in the editor; moving to another bulletin
hands it over all the same (`take_pending`), and the workspace holds it, unsent, as unsaved.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

from boletin_tui.safe_text import safe_text
from boletin_tui.store import note_problem
from boletin_tui.tui.handoff import HandsBackKeys
from boletin_tui.tui.keymap import widget_binding


class NoteEditor(HandsBackKeys, TextArea):
    """A `TextArea` bound to one bulletin's note; it knows whether its text is saved.

    It never writes: it posts `NoteEditor.Save(key, text)` and the app routes the write.
    `take_pending()` hands over unsaved text (for a switch of bulletin or quitting). `base`
    is the note as the store held it when loaded (or last saved): the version the text was
    edited from, which `save_note` compares with the stored one.
    """

    BINDINGS = [
        widget_binding("save_note"),
        Binding("escape", "leave", "Guardar y salir", tooltip="Guarda la nota y vuelve"),
    ]
    LEAVE_KEYS = {"escape": "leave"}

    class Save(Message):
        def __init__(self, key: str, text: str) -> None:
            super().__init__()
            self.key, self.text = key, text

    class DirtyChanged(Message):
        def __init__(self, dirty: bool) -> None:
            super().__init__()
            self.dirty = dirty

    class Left(Message):
        """The user left the editor with `escape`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        self.key: str | None = None
        self.base = ""
        self._saved = ""

    @property
    def dirty(self) -> bool:
        return self.key is not None and self.text != self._saved

    def load(self, key: str | None, text: str, base: str | None = None) -> None:
        """Show `text` as the note of `key` (None disables the editor), edited from `base`
        (default: `text` itself, the stored note)."""
        self.base = text if base is None else base
        text = safe_text(text)
        self.key, self._saved = key, text
        if text != self.text:
            self.load_text(text)
        else:  # the same text (often none): keep the document, forget its undo history
            self.history.clear()
            if self.cursor_location != (0, 0) or not self.selection.is_empty:
                self.move_cursor((0, 0))
        if self.disabled != (key is None):
            self.disabled = key is None
        self.post_message(self.DirtyChanged(False))

    def mark_saved(self, key: str, text: str, stored: str | None = None) -> None:
        """`text` of `key` is saved; the store now holds `stored` (default: `text`)."""
        if key == self.key:
            self._saved = text
            self.base = text if stored is None else stored
            self.post_message(self.DirtyChanged(self.dirty))

    def take_pending(self) -> tuple[str, str] | None:
        """(key, text) of unsaved text, now considered saved, or None."""
        if not self.dirty or self.key is None:
            return None
        self._saved = self.text
        return self.key, self.text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.post_message(self.DirtyChanged(self.dirty))

    def action_save(self) -> None:
        if self.dirty and (problem := note_problem(self.text)):
            # Refused, and kept: the text stays here, unsaved, for the user to shorten.
            self.notify(f"La nota no se guardó: {problem}.", severity="error", markup=False)
            return
        if (pending := self.take_pending()) is not None:
            self.post_message(self.Save(*pending))

    def action_leave(self) -> None:
        self.action_save()
        # Drop focus at once so keys typed next reach the app's bindings, not the note;
        # the app gives the focus to the timeline when `Left` arrives.
        self.app.set_focus(None)
        self.post_message(self.Left())

    def on_blur(self) -> None:
        self.action_save()
