"""The app's save queue (issue 12 #1-#4): nothing typed is dropped, the database's current
state is shown, and signals save before leaving.

`Saver` is a plain object the app owns (`app.saver`). Writes go out as `Workspace.outbox()`
says, each one awaited on the store thread by an async worker (`_save`); a write the store
refuses stays pending in the workspace (`Sin guardar` in the panel and the status line) and goes
out again with the next write, every `POLL_SECONDS`, and when quitting. The same timer asks the
store whether the file changed (another app, the CLI) and posts `AnnotationsChanged` when it
did. Quitting with unsaved work asks (`choice_screen.quit_screen`); SIGTERM and SIGINT save what
can be saved and leave through `exit()`, which restores the terminal; a hangup (SIGHUP, or the
terminal gone without one) saves the same way and ends the process without touching the
terminal, and every such signal has a deadline (`hangup.Hangup`). Quitting and signals first
queue what is typed and not queued yet (`saver_views.flush_typed`: the note in the editor, tags
in the tag field not confirmed with `enter`, the passage in an open passage dialog); the
watchdog reads them (`saver_views.typed_writes`).

What it needs of the interface comes in as `SaverViews` (`saver_views`): it never reads a
widget.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App
from textual.worker import Worker, WorkerState

from boletin_tui.safe_text import safe_text
from boletin_tui.store import StoreBusy
from boletin_tui.tui.choice_screen import DISCARD, KEEP_TRYING, quit_screen
from boletin_tui.tui.hangup import Hangup
from boletin_tui.tui.labels import plural
from boletin_tui.tui.messages import AnnotationsChanged
from boletin_tui.tui.saver_views import SaverViews, anything_typed, flush_typed, typed_writes
from boletin_tui.tui.store_client import StoreClient
from boletin_tui.workspace import Stored, Workspace, Write
from boletin_tui.writes import preview_lines, retry_reason, unsaved_lines

POLL_SECONDS = 2.0
SIGNAL_SAVE_SECONDS = 10.0  # how long a signal waits for the pending writes before leaving
SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
SETTLE_SECONDS = 0.1  # a signal's save ends when nothing new came in this long
GRACE_SECONDS = 10.0  # then the process ends anyway (`hangup.Hangup`'s watchdog)
QUIT_ROUNDS = 20  # quitting queues what was typed while it waited, this many times at most


class Saver:
    """Saving, retrying, watching the database and leaving safely (see the module)."""

    def __init__(
        self,
        app: App[Any],
        workspace: Workspace,
        store: StoreClient,
        views: SaverViews,
        *,
        close: Callable[[], None],
    ) -> None:
        """`close()` ends the session (remember it, close the store) after a hangup."""
        self._app, self._workspace, self._store, self._views = app, workspace, store, views
        self.hangup = Hangup(
            store.path,
            deadline=SIGNAL_SAVE_SECONDS + GRACE_SECONDS,
            unsaved=self._unsaved_lines,
            close=close,
            close_store=store.close,
        )
        self._left_unsaved: Sequence[Write] = ()  # what a signal could not save
        self._unqueued: list[Write] = []  # tags typed with no bulletin shown (key "")
        self._saving: list[Worker[None]] = []
        self._polling: Worker[None] | None = None
        self._quit_when_saved = False
        self._told: str | None = None  # the save problem last notified (no repeats per retry)
        self._leaving = False
        self._notices_told = 0  # the store's notices already shown
        self._busy: StoreBusy | None = None  # the lock held by another process, last told

    def start(self) -> None:
        """Start the retry/watch timer and the signal handlers (from the app's `on_mount`)."""
        self.tell_notices()  # a journal kept aside when the database was opened
        self.tell_kept()  # what an earlier session could not save before it ended
        self._app.set_interval(POLL_SECONDS, self.poll_now, name="poll")
        loop = asyncio.get_running_loop()
        if not self._app.is_headless:  # a terminal to lose: handlers that run when the loop
            with contextlib.suppress(ValueError):  # cannot (`hangup`); not in the main thread
                self.hangup.install(
                    SIGNALS, lambda sig: loop.call_soon_threadsafe(self._on_signal, sig)
                )
            return
        for sig in SIGNALS:
            # Not in the main thread (some test runners): the default handlers stay.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._on_signal, sig)

    @property
    def unsaved_at_exit(self) -> Sequence[Write]:
        """What a signal could not save before leaving, and tags typed while no bulletin was
        shown that quitting took from their field (the CLI prints them on standard error)."""
        return [*self._left_unsaved, *self._unqueued]

    def stop(self) -> None:
        self.hangup.uninstall()
        loop = asyncio.get_running_loop()
        for sig in SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(sig)

    # -- sending ------------------------------------------------------------------------
    def send(self) -> None:
        """Send what the workspace's outbox holds (new writes and failed ones, in order)."""
        for write in self._workspace.outbox():
            self._saving.append(self._app.run_worker(self._save(write), group="store"))
        self._views.pending()

    async def _save(self, write: Write) -> None:
        try:
            stored = await asyncio.wrap_future(self._store.write(write))
        except Exception as exc:  # noqa: BLE001 - StoreError, OSError, ValueError: kept or told
            self._failed(write, exc)
        else:
            self._saved(write, stored)

    def _saved(self, write: Write, stored: Stored) -> None:
        self._busy = None
        change = self._workspace.saved(write, stored)
        if not self._views.attached():  # saved while the app was closing: nothing to redraw
            return
        self._views.saved(write, change)
        if change.key and change.conflict:
            self._app.notify(
                safe_text(
                    f"La nota de {change.key} cambió en la base mientras la editabas (otra "
                    "ventana o la terminal): se guardaron las dos versiones, una tras otra.",
                    newlines=False,
                ),
                title="Nota editada en dos sitios",
                severity="warning",
                timeout=12,
                markup=False,
            )
        self._after_write()

    def tell_notices(self) -> None:
        """Show what the store says it kept aside (a damaged journal, a journal of a file
        replaced underneath), once each: nothing is dropped without the user knowing."""
        notices = self._store.notices()
        fresh, self._notices_told = notices[self._notices_told :], len(notices)
        if fresh:
            self._app.notify(
                safe_text("\n".join(fresh)),
                title="Base de anotaciones",
                severity="warning",
                timeout=20,
                markup=False,
            )

    def tell_kept(self) -> None:
        """Name the files of changes an earlier session could not save (`Hangup.keep`), at
        every launch until the user has copied them back and removed them."""
        kept = self.hangup.kept()
        if kept:
            self._app.notify(
                safe_text(
                    "Una sesión anterior terminó sin poder guardar estos cambios; están en "
                    + ", ".join(str(path) for path in kept)
                    + ". Cópialos a mano y borra el archivo."
                ),
                title="Cambios sin guardar",
                severity="warning",
                timeout=30,
                markup=False,
            )

    def _after_write(self) -> None:
        self.tell_notices()
        self.send()  # a write waiting behind this one may go now
        if not self._workspace.pending:
            if self._told is not None:
                self._told = None
                self._app.notify("Se guardaron los cambios pendientes.", title="Guardado")
            if self._quit_when_saved:
                self._app.exit()

    def _failed(self, write: Write, error: BaseException) -> None:
        kept = self._workspace.failed(write, error)
        self._busy = error if isinstance(error, StoreBusy) else None
        if not self._views.attached():
            return
        detail = safe_text(str(error) or type(error).__name__, newlines=False)
        notify = self._app.notify
        if not kept and write.op in ("undo", "redo"):  # never retried: it could apply twice
            verb = "deshacer" if write.op == "undo" else "rehacer"
            notify(
                f"No se pudo {verb} (no se reintentará; vuelve a pulsar la tecla): {detail}",
                severity="error",
                timeout=10,
                markup=False,
            )
            self.send()  # writes that waited behind it
        elif not kept:
            notify(f"No se guardó: {detail}", severity="error", timeout=10, markup=False)
        elif (reason := safe_text(retry_reason(error), newlines=False)) != self._told:
            self._told = reason  # without «inténtalo de nuevo»: it is retried (uxfix #4)
            notify(
                f"No se guardó; queda pendiente y se reintentará: {reason}",
                title="Sin guardar",
                severity="error",
                timeout=10,
                markup=False,
            )
        self._views.pending()

    async def drain(self) -> None:
        """Wait until no write is in flight (each ends saved or pending)."""
        while running := [w for w in self._saving if w.state in _RUNNING]:
            for worker in running:
                with contextlib.suppress(Exception):
                    await worker.wait()
            self._saving = [w for w in self._saving if w.state in _RUNNING]

    def unsaved_text(self) -> str:
        """` · N cambios sin guardar` when writes wait for a retry, else ""."""
        waiting = len(self._workspace.writes.unsent)
        return f" · {plural(waiting, 'cambio', 'cambios')} sin guardar" if waiting else ""

    # -- the database's current state ------------------------------------------------------
    def poll_now(self) -> None:
        """Retry what failed, and look whether the file changed on disk (posting
        `AnnotationsChanged` to the app with its records when it did)."""
        if self.hangup.gone():  # hung up, and no SIGHUP came
            self._on_hangup()
        # Not while the quit dialog asks whether to discard them: a retry started then could
        # still complete after «Descartar y salir».
        if self._workspace.writes.unsent and self._app.screen.id != "quit-dialog":
            self.send()
        if self._polling is None or self._polling.state not in _RUNNING:  # one look at a time
            self._polling = self._app.run_worker(
                self._poll, thread=True, group="poll", exit_on_error=False
            )

    def _poll(self) -> None:
        if self._store.changed().result():
            self._app.post_message(AnnotationsChanged(self._store.all().result()))
            self._app.call_from_thread(self.tell_notices)  # the reread may have kept some aside

    # -- leaving ---------------------------------------------------------------------------
    async def quit(self) -> None:
        """Save the note being typed and every pending write; ask before dropping any.
        Awaited, so the writes are done when it returns. Run it in a worker (`action_quit`):
        the app keeps drawing meanwhile (the notice that it is saving, uxfix #2) and reading
        keys, so what is typed while it waits is queued and saved too before leaving."""
        told = False
        for _ in range(QUIT_ROUNDS):
            self._flush_typed()
            if self._workspace.pending and not told:
                told = True
                self._tell_saving()
            await self.drain()
            if self._workspace.writes.unsent:
                self.send()
                await self.drain()
            if not anything_typed(self._views):
                break
        if not self._workspace.pending:
            self._app.exit()
            return
        if self._app.screen.id == "quit-dialog":
            return
        pending = self._workspace.pending
        preview = "\n".join(preview_lines(pending))
        dialog = quit_screen(len(pending), self._workspace.save_problem, preview)
        self._app.push_screen(dialog, self._quit_chosen)

    def _tell_saving(self) -> None:
        """Say at once that quitting waits for the writes (uxfix #2): with the lock held
        elsewhere, each waits up to the lock's timeout before the quit dialog can ask."""
        busy = self._busy
        if busy is None:
            self._app.notify("Guardando antes de salir…", title="Guardando", markup=False)
            return
        self._app.notify(
            "Guardando antes de salir… La base está ocupada por otro proceso: se espera hasta "
            f"{busy.timeout:g} s por cambio y, si sigue ocupada, se pregunta qué hacer con lo "
            "pendiente.",
            title="Guardando",
            severity="warning",
            timeout=busy.timeout + 1,
            markup=False,
        )

    def _quit_chosen(self, choice: str | None) -> None:
        if choice == DISCARD:
            # Writes queued on the store thread and not started are not made either.
            self._store.discard(self._workspace.discard_pending())
            self._app.exit()
        elif choice == KEEP_TRYING:
            self._quit_when_saved = True
            self._app.notify("La aplicación se cerrará en cuanto se guarden los cambios.")
            self.send()

    def _flush_typed(self) -> None:
        """Queue what is typed and not queued yet (`saver_views.flush_typed`; tags with no
        bulletin to go to are kept for `unsaved_at_exit`)."""
        self._unqueued += flush_typed(self._views)

    def _on_hangup(self) -> None:
        self._on_signal(signal.SIGHUP)

    def _on_signal(self, sig: int) -> None:
        self.hangup.arm(sig)  # the process ends by a deadline, whatever happens next
        if self.hangup.gone():  # the terminal hung up (whatever the signal)
            self.hangup.detach()
        if self._leaving:  # a second signal: leave now (after a hangup, when saved)
            if not self.hangup.hung_up:
                self._left_unsaved = self._workspace.pending
                self._app.exit(return_code=128 + sig)
            return
        self._leaving = True
        self._app.run_worker(self._leave_on_signal(sig), group="quit", exclusive=True)

    async def _leave_on_signal(self, sig: int) -> None:
        self.send()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._settle(), SIGNAL_SAVE_SECONDS)
        self._left_unsaved = self._workspace.pending
        if self.hangup.hung_up:  # no terminal to restore, nor to print on
            self.hangup.leave(sig, unsaved_lines(self.unsaved_at_exit))
        self._app.exit(return_code=128 + sig)

    async def _settle(self) -> None:
        """Queue what is typed (the note, tags, a passage) and await every write; again while
        the events read before the signal (a key, `enter`) still make more."""
        while True:
            self._flush_typed()
            await self.drain()
            await asyncio.sleep(SETTLE_SECONDS)
            typed = anything_typed(self._views)
            if not typed and not any(w.state in _RUNNING for w in self._saving):
                return

    def _unsaved_lines(self) -> list[str]:
        """For the watchdog: what the workspace has not saved, and what is being typed."""
        typed = typed_writes(self._views)
        return unsaved_lines([*self._workspace.pending, *self._unqueued, *typed])


_RUNNING = (WorkerState.PENDING, WorkerState.RUNNING)
