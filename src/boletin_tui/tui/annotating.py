"""Tags and notes reach the database: one write at a time, on the store thread.

`AnnotatingMixin._write(method, key, value)` runs a store method in a worker and posts
`AnnotationSaved` with the record now stored; `on_annotation_saved` brings the timeline's
marks, the search index and the panel up to date. A failed write is a notification.
"""

from __future__ import annotations

from textual import work

from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.labels import SAVED
from boletin_tui.tui.messages import AnnotationSaved
from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.timeline import Timeline


class AnnotatingMixin:
    """The store worker and what follows a write."""

    @work(thread=True, group="store", exit_on_error=False)
    def _write(self, method: str, key: str, value) -> None:
        """Run one store write on the store thread and report the stored record back."""
        try:
            stored = self.store.submit(method, key, value).result()
        except Exception as exc:  # StoreError, ValueError: the message is for the user
            self.call_from_thread(self.notify, f"No se guardó: {exc}", severity="error", timeout=10)
            return
        self.post_message(AnnotationSaved(key, stored, value if method == "set_note" else None))

    def _flush_note(self) -> None:
        pending = self.query_one(NoteEditor).take_pending()
        if pending is not None:
            self._write("set_note", *pending)

    def on_annotation_saved(self, message: AnnotationSaved) -> None:
        key, stored = message.key, message.annotation
        if stored is None or stored.is_empty:
            self.annotations.pop(key, None)
        else:
            self.annotations[key] = stored
            self.known_tags.extend(t for t in stored.tags if t not in self.known_tags)
        if self.index is not None:
            self.index.set_annotation(
                key, stored.tags if stored else (), stored.note if stored else ""
            )
        timeline = self.query_one(Timeline)
        if key in self.annotations:
            timeline.refresh_marks([key])
        else:
            timeline.refresh_marks([], [key])
        panel = self.query_one(AnnotationPanel)
        if panel.key == key:
            panel.show_annotation(stored)
            if message.note is not None:
                panel.editor.mark_saved(key, message.note)
                if not panel.editor.dirty:
                    panel.set_status(SAVED)
