"""Passages (feature: passages): showing them, marking a new one, editing and deleting.

Showing a bulletin places its passages (`passage_places.placed`, cached per text) in the
reading pane and the panel's list (`show`, `redraw`). `p` starts a selection in the reading
pane (`begin`); once it is confirmed (`PassageReader.Chosen`), `PassageDialog` asks for tags
and a note and the workspace writes the passage. The list's requests edit and delete (after
`ConfirmDelete`).

Quitting and signals take what is typed in an open passage dialog (`flush_dialog`) and save it
as `ctrl+s` would: a new passage when a tag or a note was typed, a change to a passage when its
tags or note differ. A new passage with nothing typed is not created: choosing the text is not
something typed, and no passage is made that the user did not confirm (`ctrl+s` or `escape`
would). `typed_dialog` reads the same write for the hangup watchdog.

`Passages` is a plain object the app owns (`app.passages`), made once the screen is composed;
writes leave through `send()` (the app's `Saver`), and `sync()` brings the reader in step with
the timeline first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from textual.app import App, ScreenError

from boletin_tui.corpus import Bulletin
from boletin_tui.passage_places import Placed, placed
from boletin_tui.tui.passage_dialog import ConfirmDelete, PassageDialog
from boletin_tui.tui.passage_list import PassageList
from boletin_tui.tui.passage_reader import PassageReader
from boletin_tui.tui.reader import Hit
from boletin_tui.workspace import Workspace
from boletin_tui.workspace_edits import Edit
from boletin_tui.writes import Write

Result = tuple[list[str], str]  # (tags, note), as the dialog returns them


@dataclass(frozen=True, slots=True)
class _Open:
    """A passage dialog on screen: `write(result)` is the write its result makes (None when it
    changes nothing), `done(result)` queues it."""

    dialog: PassageDialog
    write: Callable[[Result], Write | None]
    done: Callable[[Result], None]


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
        self._open: _Open | None = None

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

        def write(result: Result) -> Write | None:
            tags, note = result
            if not tags and not note.strip():  # nothing typed (see the module)
                return None
            edit = Edit(chosen.text, chosen.start, chosen.end, tuple(tags), note)
            return Write("add_passage", chosen.key, edit=edit)

        def done(result: Result) -> None:
            tags, note = result
            self._workspace.add_passage(
                chosen.key, chosen.text, chosen.start, chosen.end, tags, note
            )
            self._send()

        quote = chosen.text[chosen.start : chosen.end]
        self._ask(PassageDialog("Nuevo pasaje", quote, [], "", self._workspace.tags), write, done)

    def _ask(
        self,
        dialog: PassageDialog,
        write: Callable[[Result], Write | None],
        done: Callable[[Result], None],
    ) -> None:
        """Show `dialog`; its result goes to `done` once, from the dialog or `flush_dialog`."""
        opened = _Open(dialog, write, done)

        def closed(result: Result | None) -> None:
            if self._open is not opened:  # taken by `flush_dialog`
                return
            self._open = None
            if result is not None:
                done(result)

        self._open = opened
        self._app.push_screen(dialog, closed)

    def flush_dialog(self) -> None:
        """Queue what the open passage dialog holds, as `ctrl+s` would, unless nothing was
        typed (see the module); the dialog closes."""
        opened, self._open = self._open, None
        if opened is None:
            return
        result = opened.dialog.typed()
        if opened.write(result) is not None:
            opened.done(result)
        dialog = opened.dialog
        if self._app.screen is dialog:
            dialog.dismiss(None)
        elif dialog in self._app.screen_stack:  # under another screen: that one goes first
            with contextlib.suppress(ScreenError):
                dialog.pop_until_active()
                self._app.call_later(dialog.dismiss, None)

    def typed_dialog(self) -> Write | None:
        """The write the open passage dialog would make if saved now, or None; changes
        nothing (read from the hangup watchdog's thread too)."""
        opened = self._open
        return opened.write(opened.dialog.typed()) if opened is not None else None

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

        def write(result: Result) -> Write | None:
            tags, note = tuple(result[0]), result[1]
            if (tags, note) == (passage.tags, passage.note):
                return None
            edit = Edit(passage_id=passage.id, tags=tags, note=note, quote=passage.quote)
            return Write("update_passage", key, edit=edit)

        def done(result: Result) -> None:
            if write(result) is not None:
                self._workspace.update_passage(key, passage.id, *result, quote=passage.quote)
                self._send()

        title = "Pasaje huérfano" if item.orphan else "Editar pasaje"
        dialog = PassageDialog(
            title, passage.quote, passage.tags, passage.note, self._workspace.tags
        )
        self._ask(dialog, write, done)

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
