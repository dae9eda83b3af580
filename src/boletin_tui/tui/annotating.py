"""Annotating the bulletin shown: what the user typed goes to the workspace and the store,
and what the store saved (or another process wrote) is shown.

`Annotating` is a plain object the app owns (`app.annotating`), made once the screen is
composed. The app routes the panel's messages to it (`save_note`, `add_tags`, `remove_tag`)
and the undo keys; it asks the workspace for the write and sends it (`send()`, the app's
`Saver`). It is also the saver's view (`saver_views.SaverViews`): it redraws the timeline's
marks, the panel and the passages after a save, and tells which bulletins have unsaved work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.app import App

from boletin_tui.store import Annotation
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.passage_actions import Passages
from boletin_tui.tui.tag_input import TagInput
from boletin_tui.tui.timeline import Timeline
from boletin_tui.workspace import Change, Workspace, Write


class Annotating:
    """See the module. `send()` sends the workspace's outbox; `refilter()` runs the search
    again (it may filter on tags or notes); `status()` redraws the status line."""

    def __init__(
        self,
        app: App[Any],
        workspace: Workspace,
        panel: AnnotationPanel,
        timeline: Timeline,
        passages: Passages,
        *,
        send: Callable[[], None],
        refilter: Callable[[], None],
        status: Callable[[], None],
    ) -> None:
        self._app, self._workspace = app, workspace
        self._panel, self._timeline, self._passages = panel, timeline, passages
        self._send, self._refilter, self._status = send, refilter, status

    # -- what the user typed ----------------------------------------------------------------
    def save_note(self, key: str, text: str) -> None:
        self._workspace.set_note(key, text, self._panel.editor.base)
        self._send()

    def add_tags(self, key: str | None, tags: Iterable[str]) -> None:
        if key is not None:
            self._workspace.add_tags(key, tags)
            self._send()

    def remove_tag(self, tag: str) -> None:
        if (key := self._panel.key) is not None:
            self._workspace.remove_tag(key, tag)
            self._send()

    def flush_note(self) -> None:
        """Queue the editor's unsaved text as a note write and send it."""
        editor = self._panel.editor
        pending = editor.take_pending()
        if pending is not None:
            self._workspace.set_note(*pending, editor.base)
            self._send()

    def typed_note(self) -> tuple[str, str] | None:
        """(key, text) typed in the editor and not queued; changes nothing (`SaverViews`)."""
        editor = self._panel.editor
        return (editor.key, editor.text) if editor.dirty and editor.key is not None else None

    def flush_tags(self) -> list[str]:
        """Queue the tags typed in the tag field and not confirmed, as `enter` would, and send
        them; the field closes. Returns the tags it could not queue (no bulletin shown)."""
        typed = self._panel.query_one(TagInput).take_typed()
        if typed is None:
            return []
        key, tags = typed
        if key is None:
            return tags
        self.add_tags(key, tags)
        return []

    def typed_tags(self) -> tuple[str | None, list[str]] | None:
        """(key, tags) typed in the tag field and not confirmed; changes nothing."""
        return self._panel.query_one(TagInput).typed()

    def flush_passage(self) -> None:
        """Queue the passage typed in an open passage dialog, as `ctrl+s` would (nothing
        when nothing was typed); the dialog closes."""
        self._passages.flush_dialog()

    def typed_passage(self) -> Write | None:
        """The write the open passage dialog would make; changes nothing."""
        return self._passages.typed_dialog()

    def undo(self) -> None:
        self.flush_note()  # a note being written is the latest change: saved, then undone
        self._workspace.undo()
        self._send()

    def redo(self) -> None:
        self.flush_note()
        self._workspace.redo()
        self._send()

    # -- what the store saved, shown (`SaverViews`) -----------------------------------------
    def attached(self) -> bool:
        # Not while the app shuts down: a write saved then (quitting runs in a worker) must
        # not redraw widgets being taken apart.
        return self._app.is_running and self._panel.is_attached

    def saved(self, write: Write, change: Change) -> None:
        """Redraw what a saved write changed; an undo or redo says what it did and shows
        its bulletin."""
        if change.message is not None:
            title = "Rehacer" if write.op == "redo" else "Deshacer"  # uxfix #3
            self._app.notify(change.message, title=title, markup=False)
        key, panel, timeline = change.key, self._panel, self._timeline
        if not key:  # nothing to undo or redo
            return
        undone = write.op in ("undo", "redo")
        if panel.key == key:
            self._passages.redraw(key)
            if undone and not panel.editor.dirty:
                panel.editor.load(key, change.annotation.note if change.annotation else "")
        if undone and timeline.current_key != key:
            timeline.select(key)
        if change.annotated:
            timeline.refresh_marks([key])
        else:
            timeline.refresh_marks([], [key])
        self._refilter()  # a filter on tags or notes is run again (issue 13 #16)
        if panel.key == key:
            panel.set_mismatch(self._workspace.mismatch(key))  # the warning follows the record
        panel.show_saved(change, note_pending=self._workspace.pending_note(key) is not None)

    def reloaded(self, annotations: list[Annotation]) -> None:
        """The database changed on disk and holds `annotations`: show what changed."""
        changed = self._workspace.reload(annotations)
        if not changed:
            return
        marked = [k for k in changed if k in self._workspace.annotations]
        self._timeline.refresh_marks(marked, set(changed) - set(marked))
        key = self._panel.key
        if key is not None and key in changed:
            note_pending = self._workspace.pending_note(key) is not None
            self._panel.show_reloaded(self._workspace.annotation(key), note_pending=note_pending)

    def batch_saved(self, changes: list[Change]) -> None:
        """A tag written on many bulletins at once (`BatchTagger`) was saved."""
        self._timeline.refresh_marks(
            [c.key for c in changes if c.annotated], [c.key for c in changes if not c.annotated]
        )
        for change in changes:
            if change.key == self._panel.key:
                self._panel.show_annotation(change.annotation)

    def pending(self) -> None:
        """`Sin guardar` in the panel when the bulletin shown has unsaved work, and the
        count of unsaved changes in the status line."""
        key = self._panel.key
        self._panel.set_pending(key is not None and key in self._workspace.writes.pending_keys())
        self._status()
