"""Leaving when the terminal goes away, and a deadline for every signal that asks to leave.

Contract (`saving.Saver` uses it; nothing else should):

- A hangup is standard input found to be a terminal no longer (`gone()`: a hung-up terminal
  refuses the terminal's own requests), checked when SIGHUP comes (the kernel hangs the
  terminal up before it sends SIGHUP), when any signal comes, and by the saver's timer (a
  terminal closed without a SIGHUP reaching the app). After one, the process saves as for any
  signal (the note and the tags being typed, every pending write, waiting up to
  `saving.SIGNAL_SAVE_SECONDS`), then `leave()`s: what is still unsaved is written to
  `<db>.unsaved-YYYYmmddTHHMMSS.txt` beside the database (in the ui-state folder if that
  fails), the session is closed (the bulletin shown remembered, the store closed, which folds
  its journal), and the process ends with `os._exit(128 + signal)`, status 129 for SIGHUP,
  without Textual's terminal teardown: there is no terminal to restore or to print on. A
  SIGHUP sent with `kill` to an app whose terminal is still there is not a hangup: it leaves
  like SIGTERM, restoring the terminal, with status 129.
- Every signal that asks to leave (SIGHUP, SIGTERM, SIGINT) `arm()`s a watchdog thread: if
  the process still runs `deadline` seconds later (the saver's timeout plus a margin), the
  watchdog writes the same file from what the workspace holds, closes the store (waiting at
  most `CLOSE_SECONDS`) and ends the process with 128 + that signal.

Why not `App.exit()` (textual 8.2, `drivers/linux_driver.py`, `drivers/_writer_thread.py`):
once the terminal has hung up, reading it gives end of file at once; the driver's input thread
ignores that (`os.read` returns b"", it `break`s and calls `select` again, which returns at
once), a busy loop that starves the event loop of the GIL, and the SIGCONT the kernel sends
with SIGHUP makes the driver restart application mode (`_sigcont_application`), which starts a
second such thread. Writing to the terminal fails (EIO), which ends the writer thread; its
queue then fills and every later write, and `WriterThread.stop()`, blocks for ever, so the
teardown `exit()` runs, which writes the codes that restore the terminal, never returns.

So SIGHUP, SIGTERM and SIGINT get Python-level handlers (`signal.signal`, not the event
loop's `add_signal_handler`), which run in the main thread at its next bytecode, even while
the event loop is busy or blocked on a lock (a full writer queue: a terminal that stopped
reading, then SIGTERM, would otherwise never end the app). On a hangup the handler
`detach()`es at once (standard input becomes a pipe that never has data, so the input threads
wait in `select`; standard output and error become /dev/null, so a writer thread still alive
keeps writing; SIGCONT does nothing any more); for any of the three it arms the watchdog, then
asks for the save on the event loop.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from glob import escape as glob_escape
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

from boletin_tui import ui_state
from boletin_tui.atomic import write_bytes_atomic

CLOSE_SECONDS = 5.0  # how long the watchdog waits for the store to close


class Hangup:
    """See the module. `unsaved()` gives the lines about what is not saved (read from the
    watchdog's thread as well); `close()` closes the session (on the event loop);
    `close_store()` only closes the store (from the watchdog's thread)."""

    def __init__(
        self,
        db_path: Path,
        *,
        deadline: float,
        unsaved: Callable[[], Sequence[str]],
        close: Callable[[], None],
        close_store: Callable[[], None],
    ) -> None:
        self._db_path, self._deadline = db_path, deadline
        self._unsaved, self._close, self._close_store = unsaved, close, close_store
        self.active = False  # installed: the app has a real terminal to lose
        self.hung_up = False
        self._was_tty = False
        self._never_ready: int | None = None  # the write end of standard input's new pipe
        self._armed = threading.Event()
        self._signal: int = signal.SIGHUP
        self._on_signal: Callable[[int], object] = lambda signum: None
        self._previous: dict[int, Any] = {}

    def install(self, signals: Iterable[int], on_signal: Callable[[int], object]) -> None:
        """Handle `signals` (main thread only) and start the idle watchdog. Each signal arms
        it and, on a hangup, detaches at once; then `on_signal(signum)` is called, which must
        only schedule the save (`call_soon_threadsafe`)."""
        self._on_signal = on_signal
        self._was_tty = os.isatty(0)
        for signum in signals:
            self._previous[signum] = signal.signal(signum, self._handler)
        # Started now, not from the handler: a handler may run while the main thread holds
        # `threading`'s own locks.
        threading.Thread(target=self._watch, name="boletin-hangup", daemon=True).start()
        self.active = True

    def uninstall(self) -> None:
        """The handlers from before `install` (the app has closed its session). An armed
        watchdog stays armed."""
        for signum, previous in self._previous.items():
            signal.signal(signum, signal.SIG_DFL if previous is None else previous)
        self._previous.clear()

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        if self.gone():  # else a signal sent with `kill`: the terminal is there to restore
            self.detach()
        self.arm(signum)
        self._on_signal(signum)

    def gone(self) -> bool:
        """Whether the terminal hung up (and was not detached yet): standard input was a
        terminal and is not any more (a hung-up terminal refuses the terminal's requests;
        the kernel does this before it sends SIGHUP)."""
        return self.active and not self.hung_up and self._was_tty and not os.isatty(0)

    def detach(self) -> None:
        """Stop using the terminal, which is gone (see the module); once."""
        if not self.active or self.hung_up:
            return
        self.hung_up = True
        quiet, self._never_ready = os.pipe()  # kept open: `quiet` never reads end of file
        null = os.open(os.devnull, os.O_WRONLY)
        for fd, target in ((0, quiet), (1, null), (2, null)):
            with contextlib.suppress(OSError):
                os.dup2(target, fd)
        signal.signal(signal.SIGCONT, _ignore)

    def arm(self, signum: int) -> None:
        """A signal asks to leave: the process ends within the deadline (the first counts)."""
        if not self._armed.is_set():
            self._signal = signum
            self._armed.set()

    def leave(self, signum: int, unsaved: Sequence[str]) -> NoReturn:
        """After a hangup, once the save is over (on the event loop): keep what is unsaved,
        close the session, end the process without touching the terminal."""
        self.keep(unsaved)
        with contextlib.suppress(Exception):
            self._close()
        os._exit(128 + signum)

    def keep(self, lines: Sequence[str]) -> Path | None:
        """Write `lines` (what could not be saved) to a new file beside the database, or in
        the ui-state folder when that fails; its path, or None (nothing to keep, or no
        folder would take it)."""
        if not lines:
            return None
        stamp = time.strftime("%Y%m%dT%H%M%S")
        header = (
            f"boletin-tui: esto no se guardó en {self._db_path} antes de cerrarse la aplicación "
            f"(señal {signal.Signals(self._signal).name}); cópialo a mano."
        )
        data = "\n".join([header, *lines, ""]).encode()
        for folder in (self._db_path.parent, ui_state.state_path().parent):
            target = folder / f"{self._db_path.name}.unsaved-{stamp}.txt"
            try:
                folder.mkdir(parents=True, exist_ok=True)
                write_bytes_atomic(target, data)
            except OSError:
                continue
            return target
        return None

    def kept(self) -> list[Path]:
        """The files `keep` wrote for this database, in this or an earlier session (oldest
        first): the app tells them at launch until the user removes them."""
        found: set[Path] = set()
        for folder in (self._db_path.parent, ui_state.state_path().parent):
            with contextlib.suppress(OSError):
                found.update(folder.glob(f"{glob_escape(self._db_path.name)}.unsaved-*.txt"))
        return sorted(found, key=lambda path: path.name)

    def _watch(self) -> None:
        self._armed.wait()
        time.sleep(self._deadline)
        # Still here: the event loop is stuck (a full writer queue, a hung teardown).
        with contextlib.suppress(Exception):
            self.keep(self._unsaved())
        closing = threading.Thread(target=self._close_store, daemon=True)
        closing.start()
        closing.join(CLOSE_SECONDS)
        os._exit(128 + self._signal)


def _ignore(signum: int, frame: FrameType | None) -> None:
    """SIGCONT after a hangup: Textual's handler would restart application mode."""
