"""The annotation panel: tags, note, who annotated and when, and who and how much.

It shows state and forwards the user's intent as its children's messages (`TagInput.Added`,
`TagList.RemoveRequested`, `NoteEditor.Save`); the app performs the writes and calls back
`show_annotation` / `set_status`.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from boletin_tui.tui.labels import ENTITY_LABELS, SAVED, SAVING, UNSAVED
from boletin_tui.tui.mentions import summarise
from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.tag_input import TagInput
from boletin_tui.tui.tag_list import TagList


def _when(value) -> str:
    text = value.isoformat(" ", "minutes") if hasattr(value, "isoformat") else str(value or "")
    return text.replace("T", " ")[:16]


class AnnotationPanel(VerticalScroll, can_focus=False):
    """The right-hand panel for the current bulletin (`show`)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.key: str | None = None

    def compose(self):
        yield Label("Etiquetas", classes="panel-heading")
        yield Static("sin etiquetas · t añade", id="no-tags")
        yield TagList(id="tags")
        yield TagInput(id="tag-input")
        yield Label("Nota", classes="panel-heading")
        yield NoteEditor(id="note")
        yield Static("", id="note-status")
        yield Static("", id="annotator")
        yield Label("En este boletín", classes="panel-heading")
        yield Static("", id="entities")

    def on_mount(self) -> None:
        self.query_one(TagInput).display = False
        self.show(None, None, [])

    @property
    def editor(self) -> NoteEditor:
        return self.query_one(NoteEditor)

    def show(self, key: str | None, annotation, mentions: Sequence) -> None:
        """Load `key`'s annotation (or None) and mentions; unsaved text must be taken first."""
        self.key = key  # an open tag field stays open: its tags go to the bulletin now shown
        self.show_annotation(annotation)
        self.editor.load(key, annotation.note if annotation else "")
        self._show_entities(mentions)

    def show_annotation(self, annotation) -> None:
        """Tags and who/when of the current bulletin (the note editor is left alone)."""
        tags = list(annotation.tags) if annotation else []
        self.query_one(TagList).set_tags(tags)
        self.query_one(TagList).display = bool(tags)
        self.query_one("#no-tags").display = not tags
        who = ""
        if annotation and (annotation.tags or annotation.note):
            who = f"Anotado por {annotation.annotator or 'desconocido'}"
            if annotation.updated:
                who += f"\nel {_when(annotation.updated)}"
        self.query_one("#annotator", Static).update(Content(who))

    def set_status(self, text: str) -> None:
        status = self.query_one("#note-status", Static)
        status.update(text)
        status.set_class(text == UNSAVED, "-unsaved")

    def on_note_editor_dirty_changed(self, event: NoteEditor.DirtyChanged) -> None:
        if self.key is not None:
            self.set_status(UNSAVED if event.dirty else SAVED)

    def on_note_editor_save(self, event: NoteEditor.Save) -> None:
        self.set_status(SAVING)  # the message goes on bubbling to the app

    def _show_entities(self, mentions: Sequence) -> None:
        summary = summarise(list(mentions))
        lines: list[str] = []
        for kind in ("PERSON", "ORG", "FIGURE"):
            items = summary[kind]
            if not items:
                continue
            lines.append(f"{ENTITY_LABELS[kind]} ({len(items)})")
            lines.extend(f"  {item}" for item in items[:12])
            if len(items) > 12:
                lines.append(f"  … y {len(items) - 12} más")
        self.query_one("#entities", Static).update(
            Content("\n".join(lines) if lines else "sin personas, instituciones ni cifras")
        )
