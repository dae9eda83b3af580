"""Passages (feature: passages): showing them, marking a new one, editing and deleting.

Showing a bulletin places its passages (`passage_places.placed`, cached per text) in the
reading pane and the panel's list (`show`, `redraw`). `p` starts a selection in the reading
pane (`begin`); once it is confirmed (`PassageReader.Chosen`), `PassageDialog` asks for tags
and a note and the workspace writes the passage. The list's requests edit and delete (after
`ConfirmDelete`).

`Passages` is a plain object the app owns (`app.passages`), made once the screen is composed;
writes leave through `send()` (the app's `Saver`), and `sync()` brings the reader in step with
the timeline first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App

from boletin_tui.corpus import Bulletin
from boletin_tui.passage_places import Placed, placed
from boletin_tui.tui.passage_dialog import ConfirmDelete, PassageDialog
from boletin_tui.tui.passage_list import PassageList
from boletin_tui.tui.passage_reader import PassageReader
from boletin_tui.tui.reader import Hit
from boletin_tui.workspace import Workspace


class Passages:
    """See the module. `key()`: the bulletin the panel shows (None when none)."""

    def __init__(
        self,
        app: App[Any],
        workspace: Workspace,
        reader: PassageReader,
        passage_list: PassageList,
        *,
        key: Callable[[], str | None],
        send: Callable[[], None],
        sync: Callable[[], None],
    ) -> None:
        self._app, self._workspace = app, workspace
        self._reader, self._list = reader, passage_list
        self._key, self._send, self._sync = key, send, sync

    # -- showing ----------------------------------------------------------------------------
    def show(
        self,
        key: str | None,
        bulletin: Bulletin | None,
        mentions: Sequence[Any],
        hits: Sequence[Hit] = (),
    ) -> None:
        """Show `bulletin` with its passages in the reading pane and the panel's list."""
        where = self._placed(key, bulletin)
        self._reader.show(bulletin, mentions, hits, placed=where)
        self._list.set_passages(where)

    def redraw(self, key: str | None) -> None:
        """The passages of `key` (shown in the reader) changed: draw them again."""
        where = self._placed(key, self._reader.bulletin)
        self._reader.set_passages(where)
        self._list.set_passages(where)

    def _placed(self, key: str | None, bulletin: Bulletin | None) -> tuple[Placed, ...]:
        annotation = self._workspace.annotation(key)
        if bulletin is None or annotation is None or not annotation.passages:
            return ()
        return placed(bulletin.text, annotation.passages)

    # -- choosing a passage -------------------------------------------------------------
    def begin(self) -> None:
        """Start a selection in the reading pane (`p`), from the sentence at its top."""
        self._sync()
        if self._reader.begin():
            self._app.set_focus(self._reader)
        else:
            self._app.notify("No hay texto que marcar.", severity="warning")

    def add(self, chosen: PassageReader.Chosen) -> None:
        """Ask for the tags and note of the passage `chosen`, then write it."""

        def done(result: tuple[list[str], str] | None) -> None:
            if result is not None:
                tags, note = result
                self._workspace.add_passage(
                    chosen.key, chosen.text, chosen.start, chosen.end, tags, note
                )
                self._send()

        quote = chosen.text[chosen.start : chosen.end]
        dialog = PassageDialog("Nuevo pasaje", quote, [], "", self._workspace.tags)
        self._app.push_screen(dialog, done)

    # -- the list of passages -------------------------------------------------------------
    def scroll_to(self, item: Placed) -> None:
        """Scroll the reading pane to the passage highlighted in the list."""
        if item.start is not None:
            self._reader.scroll_to_offset(item.start)

    def edit(self, item: Placed) -> None:
        """Ask for new tags and note for the passage `item`; write them if they changed."""
        key, passage = self._key(), item.passage
        if key is None:
            return

        def done(result: tuple[list[str], str] | None) -> None:
            if result is not None and (tuple(result[0]), result[1]) != (passage.tags, passage.note):
                self._workspace.update_passage(key, passage.id, *result)
                self._send()

        title = "Pasaje huérfano" if item.orphan else "Editar pasaje"
        dialog = PassageDialog(
            title, passage.quote, passage.tags, passage.note, self._workspace.tags
        )
        self._app.push_screen(dialog, done)

    def delete(self, item: Placed) -> None:
        """Ask, then delete the passage `item`."""
        key, passage = self._key(), item.passage
        if key is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self._workspace.delete_passage(key, passage.id)
                self._send()

        self._app.push_screen(ConfirmDelete(passage.quote), done)
