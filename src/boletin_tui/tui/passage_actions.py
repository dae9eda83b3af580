"""The app's side of passages and undo, mixed into `BoletinApp` (feature: passages).

Showing a bulletin places its passages (`passage_places.placed`, cached per text) in the
reading pane and the panel's list. `p` starts a selection in the reading pane; once it is
confirmed, `PassageDialog` asks for tags and a note and the workspace writes the passage.
The list edits and deletes (after `ConfirmDelete`). `u` / `ctrl+r` undo and redo through the
workspace: every write goes through the store thread's `undo.History`, and a saved undo or
redo says what it did and shows that bulletin.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from textual.app import App

from boletin_tui.corpus import Bulletin
from boletin_tui.passage_places import Placed, placed
from boletin_tui.tui.passage_dialog import ConfirmDelete, PassageDialog
from boletin_tui.tui.passage_list import PassageList
from boletin_tui.tui.passage_reader import PassageReader
from boletin_tui.tui.reader import Hit
from boletin_tui.workspace import Change, Write

if TYPE_CHECKING:
    from boletin_tui.tui.annotations import AnnotationPanel
    from boletin_tui.tui.timeline import Timeline
    from boletin_tui.workspace import Workspace


class PassageActions(App[None]):
    """`BoletinApp`'s base: see the module docstring. It uses the app's workspace, panel,
    timeline and write path, declared here for the type checker."""

    if TYPE_CHECKING:
        workspace: Workspace
        _panel: AnnotationPanel
        _timeline: Timeline

        def send_writes(self) -> None: ...  # see `saving.SavingApp`
        def flush_note(self) -> None: ...
        def _sync_selection(self) -> None: ...

    def _show_text(
        self,
        key: str | None,
        bulletin: Bulletin | None,
        mentions: Sequence[Any],
        hits: Sequence[Hit] = (),
    ) -> None:
        """Show `bulletin` with its passages in the reading pane and the panel's list."""
        where = self._placed(key, bulletin)
        self._passage_reader.show(bulletin, mentions, hits, placed=where)
        self._passage_list.set_passages(where)

    def _show_passages(self, key: str | None, bulletin: Bulletin | None) -> None:
        where = self._placed(key, bulletin)
        self._passage_reader.set_passages(where)
        self._passage_list.set_passages(where)

    def _placed(self, key: str | None, bulletin: Bulletin | None) -> tuple[Placed, ...]:
        annotation = self.workspace.annotation(key)
        if bulletin is None or annotation is None or not annotation.passages:
            return ()
        return placed(bulletin.text, annotation.passages)

    # Looked up once: a DOM query on every bulletin shown costs a good part of a ms.
    @cached_property
    def _passage_reader(self) -> PassageReader:
        return self.query_one(PassageReader)

    @cached_property
    def _passage_list(self) -> PassageList:
        return self.query_one(PassageList)

    def _after_saved(self, write: Write, change: Change) -> None:
        """Redraw passages; for an undo or redo, say what it did and go to its bulletin."""
        if change.message is not None:
            self.notify(change.message, title="Deshacer", markup=False)
        if not change.key:
            return
        if self._panel.key == change.key:
            self._show_passages(change.key, self._passage_reader.bulletin)
            if write.op in ("undo", "redo") and not self._panel.editor.dirty:
                self._panel.editor.load(
                    change.key, change.annotation.note if change.annotation else ""
                )
        if write.op in ("undo", "redo") and self._timeline.current_key != change.key:
            self._timeline.select(change.key)

    # -- choosing a passage -------------------------------------------------------------
    def action_passage(self) -> None:
        self._sync_selection()
        reader = self._passage_reader
        if reader.begin():
            self.set_focus(reader)
        else:
            self.notify("No hay texto que marcar.", severity="warning")

    def on_passage_reader_chosen(self, message: PassageReader.Chosen) -> None:
        def done(result: tuple[list[str], str] | None) -> None:
            if result is not None:
                tags, note = result
                self.workspace.add_passage(
                    message.key, message.text, message.start, message.end, tags, note
                )
                self.send_writes()

        quote = message.text[message.start : message.end]
        self.push_screen(PassageDialog("Nuevo pasaje", quote, [], "", self.workspace.tags), done)

    # -- the list of passages -------------------------------------------------------------
    def on_passage_list_highlighted(self, message: PassageList.Highlighted) -> None:
        if message.placed.start is not None:
            self._passage_reader.scroll_to_offset(message.placed.start)

    def on_passage_list_edit_requested(self, message: PassageList.EditRequested) -> None:
        key, passage = self._panel.key, message.placed.passage
        if key is None:
            return

        def done(result: tuple[list[str], str] | None) -> None:
            if result is not None and (tuple(result[0]), result[1]) != (passage.tags, passage.note):
                self.workspace.update_passage(key, passage.id, *result)
                self.send_writes()

        title = "Pasaje huérfano" if message.placed.orphan else "Editar pasaje"
        dialog = PassageDialog(
            title, passage.quote, passage.tags, passage.note, self.workspace.tags
        )
        self.push_screen(dialog, done)

    def on_passage_list_delete_requested(self, message: PassageList.DeleteRequested) -> None:
        key, passage = self._panel.key, message.placed.passage
        if key is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.workspace.delete_passage(key, passage.id)
                self.send_writes()

        self.push_screen(ConfirmDelete(passage.quote), done)

    # -- undo and redo ----------------------------------------------------------------------
    def action_undo(self) -> None:
        self.flush_note()  # a note being written is the latest change: saved, then undone
        self.workspace.undo()
        self.send_writes()

    def action_redo(self) -> None:
        self.flush_note()
        self.workspace.redo()
        self.send_writes()
