"""Issue 15's "scanning the list" and "finding inside a bulletin", mixed into `BoletinApp`.

- Read marks: a bulletin shown for `read_delay` seconds becomes read; `r` toggles, `R` marks
  every bulletin shown; the timeline shows unread ones bold and the status counts them; the
  marks are written on the store thread (`StoreClient.write_reads`), one write per action.
- Search hits: the query's words are highlighted in the reading pane; `n`/`N` move to the
  next/previous hit, and on to the next/previous bulletin shown when this one has no more.
- Jump (`:`), and the timeline's width (`<`/`>`), remembered per database (`ui_state`).

The app calls the `_reader_*` hooks from its own handlers; everything else is actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.timer import Timer
from textual.widget import Widget

from boletin_tui import ui_state
from boletin_tui.jumping import jump_target, parse_jump
from boletin_tui.reading import ReadWrite, split_read_filter
from boletin_tui.safe_text import safe_text
from boletin_tui.search.hits import Needles, hit_spans, needles
from boletin_tui.tui.jump_screen import JumpScreen
from boletin_tui.tui.labels import plural
from boletin_tui.tui.reader import Hit, Reader

if TYPE_CHECKING:
    from textual.app import App

    from boletin_tui.corpus import Bulletin
    from boletin_tui.tui.store_client import StoreClient
    from boletin_tui.tui.timeline import Timeline
    from boletin_tui.workspace import Workspace

    class _Base(App[None]):
        """What the mixin uses of `BoletinApp`."""

        _timeline: Timeline
        workspace: Workspace
        store: StoreClient

        def _status(self, text: str) -> None: ...
        def _count_text(self) -> str: ...
        def _sync_selection(self) -> None: ...

else:
    _Base = object

WIDTH_STEP = 4
MIN_WIDTH = 24
MIN_READER = 36  # the reading pane keeps at least this many columns


class ReaderActions(_Base):
    """Mixed into `BoletinApp` (see the module docstring)."""

    read_delay: float = 1.5  # seconds a bulletin is shown before it counts as read
    _read_timer: Timer | None = None
    _needles: Needles | None = None
    _pane_titles: list[tuple[Widget, Widget]]

    # -- hooks the app calls ----------------------------------------------------------------
    def _reader_mounted(self) -> None:
        width = ui_state.load(self.store.path).get("timeline_width")
        if isinstance(width, int) and width > 0:
            self._set_timeline_width(width)
        self._timeline.set_read(self.workspace.reads.keys)
        # Widgets of this screen, kept: the watcher also runs while a dialog is on top.
        screen = self.screen
        self._pane_titles = [
            (screen.query_one(pane), screen.query_one(title))
            for pane, title in (("#timeline-pane", "#timeline-status"), ("#reader-pane", "#legend"))
        ]
        self.watch(screen, "focused", self._mark_focused_pane)

    def _mark_focused_pane(self, focused: Widget | None) -> None:
        """The title line of the pane holding the focus in the accent (CSS `:focus-within`
        does not restyle a sibling of the focused widget when the focus moves)."""
        for pane, title in self._pane_titles:
            title.set_class(
                focused is not None and pane in focused.ancestors_with_self, "-pane-focused"
            )

    def _reader_hits(self, bulletin: Bulletin | None) -> list[Hit]:
        """The search hits to highlight in `bulletin` for the current query."""
        if bulletin is None or not self._needles:
            return []
        return [Hit(a, b) for a, b in hit_spans(bulletin.text, self._needles)]

    def _reader_shown(self, key: str | None) -> None:
        """A bulletin is now shown: it becomes read if it stays `read_delay` seconds."""
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if key is not None and not self.workspace.reads.is_read(key):
            self._read_timer = self.set_timer(self.read_delay, lambda: self._auto_read(key))

    def _reader_query(self, query: str) -> None:
        """The query changed: highlight its words in the bulletin shown."""
        words = split_read_filter(query)[0]
        self._needles = needles(words) if words.strip() else None
        reader = self.query_one(Reader)
        reader.set_hits(self._reader_hits(reader.bulletin))

    def _unread_text(self) -> str:
        unread = self._timeline.unread_count(self.workspace.reads)  # snappy: remembered
        return f" · {unread} sin leer" if unread else " · todo leído"

    # -- read marks -------------------------------------------------------------------------
    def _auto_read(self, key: str) -> None:
        self._read_timer = None
        if self._timeline.current_key == key:
            self._write_reads(self.workspace.mark_read([key]))

    def action_toggle_read(self) -> None:
        key = self._timeline.current_key
        if key is None:
            return
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if self.workspace.reads.is_read(key):
            self._write_reads(self.workspace.mark_unread([key]))
        else:
            self._write_reads(self.workspace.mark_read([key]))

    def action_mark_all_read(self) -> None:
        write = self.workspace.mark_read(self._timeline.shown_keys)
        count = len(write.keys) if write else 0
        self.notify(
            f"{plural(count, 'boletín marcado', 'boletines marcados')} como leídos", markup=False
        )
        self._write_reads(write)

    def _write_reads(self, write: ReadWrite | None) -> None:
        if write is None:
            return
        self._timeline.refresh()
        self._status(self._count_text())
        self._store_reads(write)

    @work(thread=True, group="store", exit_on_error=False)
    def _store_reads(self, write: ReadWrite) -> None:
        try:
            self.store.write_reads(write).result()
        except Exception as exc:  # noqa: BLE001 - StoreError, ValueError: shown to the user
            self.call_from_thread(self._reads_failed, write, exc)

    def _reads_failed(self, write: ReadWrite, error: Exception) -> None:
        self.workspace.read_failed(write)
        self._timeline.refresh()
        self._status(self._count_text())
        self.notify(
            safe_text(f"No se guardó la marca de leído: {error}", newlines=False),
            severity="error",
            timeout=10,
            markup=False,
        )

    # -- search hits ------------------------------------------------------------------------
    def action_hit(self, step: int) -> None:
        reader = self.query_one(Reader)
        if reader.goto_hit(step):
            return
        before = self._timeline.current_key
        self._timeline.action_cursor(step)
        if self._timeline.current_key == before:
            self.notify("No hay más coincidencias." if step > 0 else "No hay coincidencias antes.")
            return
        self._sync_selection()
        reader.goto_hit(step, edge=True)

    # -- jump -------------------------------------------------------------------------------
    def action_jump(self) -> None:
        self.push_screen(JumpScreen(), self._jump_to)

    def _jump_to(self, text: str | None) -> None:
        if not text:
            return
        jump = parse_jump(text)
        if jump is None:
            self.notify(
                "Escribe una fecha (2020-04, abril 2020, 2020) o un número (119/2020).",
                title="Ir a",
                severity="warning",
            )
            return
        key = jump_target(self._timeline.shown_outlines(), jump)
        if key is None:
            self.notify("No hay ese boletín entre los mostrados.", title="Ir a", severity="warning")
            return
        self._timeline.select(key)
        self.set_focus(self._timeline)

    # -- timeline width ---------------------------------------------------------------------
    def action_timeline_width(self, step: int) -> None:
        pane = self.query_one("#timeline-pane")
        width = self._set_timeline_width(pane.outer_size.width + step * WIDTH_STEP)
        self._save_width(width)

    def _set_timeline_width(self, width: int) -> int:
        pane = self.query_one("#timeline-pane")
        most = max(self.size.width - MIN_READER, MIN_WIDTH)
        width = min(max(width, MIN_WIDTH), most)
        pane.styles.width = width
        pane.styles.min_width = width
        pane.styles.max_width = width
        return width

    @work(thread=True, group="ui-state", exit_on_error=False)
    def _save_width(self, width: int) -> None:
        if not ui_state.save(self.store.path, timeline_width=width):  # False: not written
            self.call_from_thread(
                self.notify, "No se pudo recordar el ancho de la lista.", severity="warning"
            )
