"""The app's side of saving (issue 12 #1-#4): nothing typed is dropped, the database's current
state is shown, and signals save before leaving.

`SavingApp` is the base of `BoletinApp`. Writes go out as `Workspace.outbox()` says, each one
awaited on the store thread by an async worker (`_save`); a write the store refuses stays
pending in the workspace (`Sin guardar` in the panel and the status line) and goes out again
with the next write, every `POLL_SECONDS`, and when quitting. The same timer asks the store
whether the file changed (another app, the CLI) and reloads the annotations when it did.
Quitting with unsaved work asks (`choice_screen.quit_screen`); SIGTERM, SIGHUP and SIGINT save
what can be saved and leave through `exit()`, which restores the terminal.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from boletin_tui.safe_text import safe_text
from boletin_tui.store import Annotation
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.choice_screen import DISCARD, KEEP_TRYING, quit_screen
from boletin_tui.tui.labels import SAVED, plural
from boletin_tui.tui.messages import AnnotationsChanged
from boletin_tui.tui.store_client import StoreClient
from boletin_tui.tui.timeline import Timeline
from boletin_tui.workspace import Change, Stored, Workspace, Write

POLL_SECONDS = 2.0
SIGNAL_SAVE_SECONDS = 10.0  # how long a signal waits for the pending writes before leaving
SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


class SavingApp(App[None]):
    """Saving, retrying, watching the database and leaving safely (see the module)."""

    workspace: Workspace
    store: StoreClient
    _panel: AnnotationPanel
    _timeline: Timeline
    # What a signal could not save before leaving (the CLI prints it on standard error).
    unsaved_at_exit: Sequence[Write] = ()

    if TYPE_CHECKING:

        def _after_saved(self, write: Write, change: Change) -> None: ...  # passage_actions
        def _after_annotation_change(self, key: str) -> None: ...  # trust.py

    def start_saving(self) -> None:
        """Start the retry/watch timer and the signal handlers (from `on_mount`)."""
        self._saving: list[Worker[None]] = []
        self._quit_when_saved = False
        self._told: str | None = None  # the save problem last notified (no repeats per retry)
        self._leaving = False
        self._status_label = self.query_one("#timeline-status", Static)
        self.set_interval(POLL_SECONDS, self.poll_now, name="poll")
        loop = asyncio.get_running_loop()
        for sig in SIGNALS:
            # Not in the main thread (some test runners): the default handlers stay.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._on_signal, sig)

    def stop_saving(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(sig)

    # -- sending ------------------------------------------------------------------------
    def send_writes(self) -> None:
        """Send what the workspace's outbox holds (new writes and failed ones, in order)."""
        for write in self.workspace.outbox():
            self._saving.append(self.run_worker(self._save(write), group="store"))
        self.show_pending()

    async def _save(self, write: Write) -> None:
        try:
            stored = await asyncio.wrap_future(self.store.write(write))
        except Exception as exc:  # noqa: BLE001 - StoreError, OSError, ValueError: kept or told
            self._failed(write, exc)
        else:
            self._saved(write, stored)

    def _saved(self, write: Write, stored: Stored) -> None:
        change = self.workspace.saved(write, stored)
        if not self._panel.is_attached:  # saved while the app was closing: nothing to redraw
            return
        self._after_saved(write, change)  # passages, undo and redo (passage_actions.py)
        key = change.key
        if not key:  # nothing to undo or redo
            self._after_write()
            return
        if change.annotated:
            self._timeline.refresh_marks([key])
        else:
            self._timeline.refresh_marks([], [key])
        self._after_annotation_change(key)  # a tag filter re-run; the snapshot warning (trust.py)
        if self._panel.key == key:
            self._panel.show_annotation(change.annotation)
            editor = self._panel.editor
            stored_note = change.annotation.note if change.annotation else ""
            if change.conflict and not editor.dirty and self.workspace.pending_note(key) is None:
                editor.load(key, stored_note)  # the merged note: both versions
            elif change.note is not None and not change.conflict:
                editor.mark_saved(key, change.note, stored_note)
            if not editor.dirty and self.workspace.pending_note(key) is None:
                self._panel.set_status(SAVED)
        if change.conflict:
            self.notify(
                safe_text(
                    f"La nota de {key} cambió en la base mientras la editabas (otra ventana o "
                    "la terminal): se guardaron las dos versiones, una tras otra.",
                    newlines=False,
                ),
                title="Nota editada en dos sitios",
                severity="warning",
                timeout=12,
                markup=False,
            )
        self._after_write()

    def _after_write(self) -> None:
        self.send_writes()  # a write waiting behind this one may go now
        if not self.workspace.pending:
            if self._told is not None:
                self._told = None
                self.notify("Se guardaron los cambios pendientes.", title="Guardado")
            if self._quit_when_saved:
                self.exit()

    def _failed(self, write: Write, error: BaseException) -> None:
        kept = self.workspace.failed(write, error)
        if not self._panel.is_attached:
            return
        detail = safe_text(str(error) or type(error).__name__, newlines=False)
        if not kept and write.op in ("undo", "redo"):  # never retried: it could apply twice
            verb = "deshacer" if write.op == "undo" else "rehacer"
            self.notify(
                f"No se pudo {verb} (no se reintentará; vuelve a pulsar la tecla): {detail}",
                severity="error",
                timeout=10,
                markup=False,
            )
            self.send_writes()  # writes that waited behind it
        elif not kept:
            self.notify(f"No se guardó: {detail}", severity="error", timeout=10, markup=False)
        elif detail != self._told:
            self._told = detail
            self.notify(
                f"No se guardó; queda pendiente y se reintentará: {detail}",
                title="Sin guardar",
                severity="error",
                timeout=10,
                markup=False,
            )
        self.show_pending()

    async def drain(self) -> None:
        """Wait until no write is in flight (each ends saved or pending)."""
        while running := [w for w in self._saving if w.state in _RUNNING]:
            for worker in running:
                with contextlib.suppress(Exception):
                    await worker.wait()
            self._saving = [w for w in self._saving if w.state in _RUNNING]

    # -- showing what is pending ------------------------------------------------------------
    def show_pending(self) -> None:
        """`Sin guardar` in the panel when the bulletin shown has unsaved work, and the count
        of unsaved changes in the status line."""
        key = self._panel.key
        self._panel.set_pending(key is not None and key in self.workspace.writes.pending_keys())
        self.set_status_line(self.status_text())

    def set_status_line(self, text: str) -> None:
        """The timeline's status line; repainted only when it changes (not on every `j`)."""
        if text != getattr(self, "_shown_status", None):
            self._shown_status = text
            # Kept from `start_saving`: a screen on top (figures...) has no such widget.
            self._status_label.update(text, layout=False)

    def status_text(self) -> str:
        """The timeline's status line (the count of bulletins is `BoletinApp._count_text`)."""
        raise NotImplementedError

    def unsaved_text(self) -> str:
        """` · N cambios sin guardar` when writes wait for a retry, else ""."""
        waiting = len(self.workspace.writes.unsent)
        return f" · {plural(waiting, 'cambio', 'cambios')} sin guardar" if waiting else ""

    # -- the database's current state ------------------------------------------------------
    def poll_now(self) -> None:
        """Retry what failed, and reload the annotations if the file changed on disk."""
        # Not while the quit dialog asks whether to discard them: a retry started then could
        # still complete after «Descartar y salir».
        if self.workspace.writes.unsent and self.screen.id != "quit-dialog":
            self.send_writes()
        polling = getattr(self, "_polling", None)
        if polling is None or polling.state not in _RUNNING:  # one look at a time
            self._polling = self._poll()

    @work(thread=True, group="poll", exit_on_error=False)
    def _poll(self) -> None:
        if self.store.changed().result():
            self.post_message(AnnotationsChanged(self.store.all().result()))

    def on_annotations_changed(self, message: AnnotationsChanged) -> None:
        changed = self.workspace.reload(message.annotations)
        if not changed:
            return
        marked = [k for k in changed if k in self.workspace.annotations]
        self._timeline.refresh_marks(marked, set(changed) - set(marked))
        key = self._panel.key
        if key in changed:
            annotation: Annotation | None = self.workspace.annotation(key)
            self._panel.show_annotation(annotation)
            editor = self._panel.editor
            if not editor.dirty and self.workspace.pending_note(key) is None:
                editor.load(key, annotation.note if annotation else "")

    # -- leaving ---------------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Save the note being typed and every pending write; ask before dropping any.
        Awaited (without blocking the event loop), so the writes are done when it returns."""
        self.flush_note()
        await self._quit()

    async def _quit(self) -> None:
        await self.drain()
        if self.workspace.writes.unsent:
            self.send_writes()
            await self.drain()
        if not self.workspace.pending:
            self.exit()
            return
        if self.screen.id == "quit-dialog":
            return
        notes = [w for w in self.workspace.pending if w.op == "set_note"]
        preview = "\n".join(f"Nota de {w.key}: {w.note[:60]}" for w in notes[:3])
        dialog = quit_screen(len(self.workspace.pending), self.workspace.save_problem, preview)
        self.push_screen(dialog, self._quit_chosen)

    def _quit_chosen(self, choice: str | None) -> None:
        if choice == DISCARD:
            # Writes queued on the store thread and not started are not made either.
            self.store.discard(self.workspace.discard_pending())
            self.exit()
        elif choice == KEEP_TRYING:
            self._quit_when_saved = True
            self.notify("La aplicación se cerrará en cuanto se guarden los cambios.")
            self.send_writes()

    def flush_note(self) -> None:
        """Queue the editor's unsaved text as a note write and send it."""
        raise NotImplementedError

    def _on_signal(self, sig: int) -> None:
        if self._leaving:  # a second signal: leave now
            self.unsaved_at_exit = self.workspace.pending
            self.exit(return_code=128 + sig)
            return
        self._leaving = True
        self.run_worker(self._leave_on_signal(sig), group="quit", exclusive=True)

    async def _leave_on_signal(self, sig: int) -> None:
        self.flush_note()
        self.send_writes()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.drain(), SIGNAL_SAVE_SECONDS)
        self.unsaved_at_exit = self.workspace.pending
        self.exit(return_code=128 + sig)


_RUNNING = (WorkerState.PENDING, WorkerState.RUNNING)
