"""Read marks (issue 15): a bulletin shown for `delay` seconds becomes read; `r` toggles the
one shown, `R` marks every bulletin listed. The marks are written on the store thread
(`StoreClient.write_reads`), one write per action; a write that fails is undone in the
workspace and told.

`ReadMarks` is a plain object the app owns (`app.read_marks`); what it needs of the timeline
comes in as callbacks, and it redraws through `redraw()` (the timeline's bold rows and the
status line's count).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App
from textual.timer import Timer

from boletin_tui.reading import ReadWrite
from boletin_tui.safe_text import safe_text
from boletin_tui.tui.labels import plural
from boletin_tui.tui.store_client import StoreClient
from boletin_tui.workspace import Workspace


class ReadMarks:
    """Marking bulletins read (see the module). `current()` is the bulletin highlighted,
    `listed()` the bulletins the timeline lists now."""

    delay: float = 1.5  # seconds a bulletin is shown before it counts as read

    def __init__(
        self,
        app: App[Any],
        workspace: Workspace,
        store: StoreClient,
        *,
        current: Callable[[], str | None],
        listed: Callable[[], Sequence[str]],
        redraw: Callable[[], None],
    ) -> None:
        self._app, self._workspace, self._store = app, workspace, store
        self._current, self._listed, self._redraw = current, listed, redraw
        self._timer: Timer | None = None

    def unread_text(self) -> str:
        """The status line's ` · N sin leer` (or ` · todo leído`) for the bulletins listed."""
        unread = self._workspace.reads.unread_count(self._listed())
        return f" · {unread} sin leer" if unread else " · todo leído"

    def shown(self, key: str | None) -> None:
        """A bulletin is now shown: it becomes read if it stays `delay` seconds."""
        self._stop_timer()
        if key is not None and not self._workspace.reads.is_read(key):
            self._timer = self._app.set_timer(self.delay, lambda: self._auto_read(key))

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _auto_read(self, key: str) -> None:
        self._timer = None
        if self._current() == key:
            self._write(self._workspace.mark_read([key]))

    def toggle(self) -> None:
        """Mark the bulletin highlighted read, or unread if it was."""
        key = self._current()
        if key is None:
            return
        self._stop_timer()
        if self._workspace.reads.is_read(key):
            self._write(self._workspace.mark_unread([key]))
        else:
            self._write(self._workspace.mark_read([key]))

    def mark_all(self) -> None:
        """Mark every bulletin listed as read, and say how many."""
        write = self._workspace.mark_read(self._listed())
        count = len(write.keys) if write else 0
        self._app.notify(
            f"{plural(count, 'boletín marcado', 'boletines marcados')} como leídos", markup=False
        )
        self._write(write)

    def _write(self, write: ReadWrite | None) -> None:
        if write is None:
            return
        self._redraw()
        self._app.run_worker(
            lambda: self._store_reads(write), thread=True, group="store", exit_on_error=False
        )

    def _store_reads(self, write: ReadWrite) -> None:
        try:
            self._store.write_reads(write).result()
        except Exception as exc:  # noqa: BLE001 - StoreError, ValueError: shown to the user
            self._app.call_from_thread(self._failed, write, exc)

    def _failed(self, write: ReadWrite, error: Exception) -> None:
        self._workspace.read_failed(write)
        self._redraw()
        self._app.notify(
            safe_text(f"No se guardó la marca de leído: {error}", newlines=False),
            severity="error",
            timeout=10,
            markup=False,
        )
