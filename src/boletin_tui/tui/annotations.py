"""The annotation panel: tags, note, who annotated and when, and who and how much.

It shows state and forwards the user's intent as its children's messages (`TagInput.Added`,
`TagList.RemoveRequested`, `NoteEditor.Save`); the app performs the writes and calls back
`show_annotation` / `set_status`. Every region has a fixed height (the entity list takes what
is left), so moving to another bulletin updates text in place and never re-lays out the screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from boletin_tui.safe_text import safe_text
from boletin_tui.tui.entity_summary import EntitySummary
from boletin_tui.tui.labels import SAVED, SAVING, UNSAVED, UNSAVED_RETRY
from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.passage_list import PassageList
from boletin_tui.tui.tag_input import TagInput
from boletin_tui.tui.tag_list import TAG_ROWS, TagList
from boletin_tui.workspace import Change


def _when(value) -> str:
    text = value.isoformat(" ", "minutes") if hasattr(value, "isoformat") else str(value or "")
    return text.replace("T", " ")[:16]


def annotator_text(annotation) -> str:
    """`Anotado por X` and `el AAAA-MM-DD hh:mm` on two lines, or "" when not annotated."""
    if not (annotation and (annotation.tags or annotation.note)):
        return ""
    who = f"Anotado por {safe_text(annotation.annotator, newlines=False) or 'desconocido'}"
    if annotation.updated:
        who += f"\nel {_when(annotation.updated)}"
    return who


class AnnotationPanel(Vertical):
    """The right-hand panel for the current bulletin (`show`)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.key: str | None = None
        self._texts: dict[str, str] = {}
        self._pending = False  # the bulletin shown has writes the store has not saved

    def compose(self):
        yield Static("", id="mismatch", markup=False)  # issue 13 #3: see `set_mismatch`
        yield Label("Etiquetas", classes="panel-heading")
        yield TagList(id="tags")
        yield Static("", id="tags-more")
        yield TagInput(id="tag-input")
        yield Label("Nota", classes="panel-heading")
        yield NoteEditor(id="note")
        yield Static("", id="note-status")
        yield Static("", id="annotator")
        yield Label("Pasajes", classes="panel-heading")  # passages: the app fills the list
        yield PassageList(id="passages")
        yield Label("En este boletín", classes="panel-heading")
        yield EntitySummary(id="entities")

    def on_mount(self) -> None:
        self.query_one(TagInput).display = False
        self.query_one("#mismatch").display = False
        self.query_one("#tags-more").display = False
        self.show(None, None, [])

    @property
    def editor(self) -> NoteEditor:
        return self.query_one(NoteEditor)

    def show(
        self,
        key: str | None,
        annotation,
        mentions: Sequence,
        note: str | None = None,
        base: str | None = None,
    ) -> None:
        """Load `key`'s annotation (or None) and mentions; unsaved text must be taken first.
        `note` (with the `base` it was edited from) is a note typed and not saved yet: the
        editor shows it instead of the stored one."""
        self.key = key  # an open tag field stays open: its tags go to the bulletin now shown
        self.query_one(TagInput).key = key
        self.show_annotation(annotation)
        stored = annotation.note if annotation else ""
        self.editor.load(key, stored if note is None else note, stored if note is None else base)
        self.query_one(EntitySummary).show(mentions)
        if key is None:  # no bulletin (no results): no hint, no "Guardado" (issue 13 #18)
            self.set_status("")

    def set_mismatch(self, text: str | None) -> None:
        """Warn that the annotation was made on another bulletin (`text` says which, and how
        to move it), or hide the warning (None)."""
        warning = self.query_one("#mismatch", Static)
        if text:
            warning.update(Content(safe_text(f"⚠ {text}")))
        if warning.display != bool(text):
            warning.display = bool(text)

    def show_annotation(self, annotation) -> None:
        """Tags and who/when of the current bulletin (the note editor is left alone)."""
        tags = list(annotation.tags) if annotation else []
        self.query_one(TagList).set_tags(tags, hint=self.key is not None)
        hidden = len(tags) - TAG_ROWS
        more = self.query_one("#tags-more", Static)
        if hidden > 0:
            self._set_text("#tags-more", f"+{hidden} más (↓ en la lista)")
        if more.display != (hidden > 0):
            more.display = hidden > 0
        self._set_text("#annotator", annotator_text(annotation))

    def set_status(self, text: str) -> None:
        if text == SAVED and self._pending:
            text = UNSAVED_RETRY  # never `Guardado` while the store has not saved it
        self._set_text("#note-status", text)
        for status in self.query("#note-status"):  # none while the panel is being removed
            status.set_class(text in (UNSAVED, UNSAVED_RETRY), "-unsaved")

    def set_pending(self, pending: bool) -> None:
        """Whether the bulletin shown has writes not saved yet (the store refused them)."""
        self._pending = pending
        if self.key is not None:
            dirty = self.editor.dirty
            self.set_status(UNSAVED if dirty else UNSAVED_RETRY if pending else SAVED)

    def _set_text(self, selector: str, text: str) -> None:
        # Fixed-height lines: update the text without a layout, and only when it changed.
        # User text (the annotator's name) is plain `Content`, never markup.
        # A store's answer may arrive while the app is closing and the panel's lines are
        # gone: nothing to show then, and no error.
        if self._texts.get(selector) != text:
            self._texts[selector] = text
            for line in self.query(selector).results(Static):
                line.update(Content(text), layout=False)

    def show_saved(self, change: Change, *, note_pending: bool) -> None:
        """A write for `change.key` was saved (`Workspace.saved`): if that bulletin is shown,
        show its record, load the merged note after a conflict (unless the note is being
        typed, or `note_pending`: a note typed waits to be saved) and say `Guardado`."""
        key = change.key
        if self.key != key:
            return
        self.show_annotation(change.annotation)
        editor = self.editor
        stored_note = change.annotation.note if change.annotation else ""
        if change.conflict and not editor.dirty and not note_pending:
            editor.load(key, stored_note)  # the merged note: both versions
        elif change.note is not None and not change.conflict:
            editor.mark_saved(key, change.note, stored_note)
        if not editor.dirty and not note_pending:
            self.set_status(SAVED)

    def show_reloaded(self, annotation, *, note_pending: bool) -> None:
        """The database changed on disk and holds `annotation` for the bulletin shown: show
        it, and its note unless one is being typed or waits to be saved (`note_pending`)."""
        self.show_annotation(annotation)
        if not self.editor.dirty and not note_pending:
            self.editor.load(self.key, annotation.note if annotation else "")

    def on_note_editor_dirty_changed(self, event: NoteEditor.DirtyChanged) -> None:
        if self.key is not None:
            self.set_status(UNSAVED if event.dirty else SAVED)

    def on_note_editor_save(self, event: NoteEditor.Save) -> None:
        self.set_status(SAVING)  # the message goes on bubbling to the app
