"""What the keys do: `BoletinApp`'s actions, which of them apply now, and the export worker.

`ActionsMixin.check_action` decides what the footer and the command palette offer;
`_update_bindings()` refreshes the footer only when that answer changes (a footer refresh
rebuilds it, which costs more than moving to another bulletin).
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.widgets import Input, TextArea

from boletin_tui.search import SYNTAX_HELP
from boletin_tui.store.exchange import export_rows, write_export
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.export_screen import ExportScreen, default_export_path
from boletin_tui.tui.help_screen import HelpScreen
from boletin_tui.tui.labels import plural
from boletin_tui.tui.legend import Legend
from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.palette import app_commands
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.search_bar import SearchBar
from boletin_tui.tui.skipped_screen import SkippedScreen
from boletin_tui.tui.tag_input import TagInput
from boletin_tui.tui.timeline import Timeline

# Priority bindings (checked at the app before the focused widget sees the key), so that a fast
# `j n xyz` moves, then opens the note, then types in it, in that order. They stand aside
# while the user types in a field and under dialogs.
_PRIORITY = {"add_tag", "edit_note", "search", "timeline_cursor"}
# Actions whose availability depends on the app's state rather than on the focus.
_STATEFUL = ("add_tag", "edit_note", "clear_search", "skipped")


class ActionsMixin:
    """The app's `action_*` methods and `check_action`."""

    _bindings_state: tuple | None = None
    # Set on mount. Not looked up here: Textual calls `check_action` for every binding on
    # every key, and a DOM query each time cost about 2 ms of each `j`.
    _annotation_panel: AnnotationPanel | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        panel = self._annotation_panel
        has_bulletin = panel is not None and panel.key is not None
        if action in _PRIORITY:
            if self.screen.is_modal or isinstance(self.focused, (Input, TextArea)):
                return False  # the key belongs to the dialog, or types a character
            if action == "timeline_cursor":
                return self.focused is None or isinstance(self.focused, Timeline)
        if action in ("add_tag", "edit_note"):
            return has_bulletin
        if action == "save_note":
            return has_bulletin and panel.editor.dirty
        if action == "clear_search":
            return bool(self._query)
        if action == "skipped":
            return bool(self.corpus and self.corpus.skipped)
        return True

    def _update_bindings(self) -> None:
        """`refresh_bindings()`, only if an action's availability has changed."""
        state = tuple(self.check_action(action, ()) for action in _STATEFUL)
        if state != self._bindings_state:
            self._bindings_state = state
            self.refresh_bindings()

    def action_timeline_cursor(self, step: int) -> None:
        self.query_one(Timeline).action_cursor(step)

    def action_add_tag(self) -> None:
        self._sync_selection()
        self.query_one(TagInput).open(self.known_tags)

    def action_edit_note(self) -> None:
        # Focus now, not on the next refresh: keys typed right after `n` belong to the note.
        self._sync_selection()
        self.set_focus(self.query_one(NoteEditor))

    def action_save_note(self) -> None:
        self.query_one(NoteEditor).action_save()

    def action_search(self) -> None:
        self.query_one(SearchBar).open()

    def action_clear_search(self) -> None:
        self.query_one(SearchBar).action_clear()

    def action_toggle_entity(self, kind: str) -> None:
        self.hidden_types ^= {kind}
        self.query_one(Reader).set_hidden(self.hidden_types)
        self.query_one(Legend).set_hidden(self.hidden_types)

    def action_focus(self, widget_id: str) -> None:
        self.query_one(f"#{widget_id}").focus()

    def action_export(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self._export(path)

        self.push_screen(ExportScreen(default_export_path(), len(self.annotations)), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, path: Path) -> None:
        try:
            annotations = self.store.submit("all").result()
            write_export(export_rows(annotations, self.by_key), path, fmt="csv")
        except Exception as exc:
            self.call_from_thread(
                self.notify,
                f"No se pudo exportar a {path}: {exc}",
                title="Exportar",
                severity="error",
                timeout=10,
            )
            return
        done = "exportada" if len(annotations) == 1 else "exportadas"
        self.call_from_thread(
            self.notify,
            f"{plural(len(annotations), 'anotación', 'anotaciones')} {done} a {path}",
            title="Exportar",
        )

    def action_skipped(self) -> None:
        self.push_screen(SkippedScreen(self.corpus.skipped if self.corpus else []))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(SYNTAX_HELP))

    async def action_quit(self) -> None:
        """Write a pending note before leaving (synchronously: nothing typed is lost)."""
        pending = self.query_one(NoteEditor).take_pending()
        if pending is not None:
            try:
                self.store.submit("set_note", *pending).result()
            except Exception as exc:
                self.notify(f"No se guardó la nota: {exc}", severity="error", timeout=10)
                return
        self.exit()

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        yield from app_commands(self)
