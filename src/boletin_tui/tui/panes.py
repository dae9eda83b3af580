"""The layout of the main screen's three panes: which pane has the focus, how wide the
timeline is, and whether the annotation panel is shown.

- The title line of the pane holding the focus is drawn in the accent (issue 15).
- `<`/`>` narrow or widen the timeline; the width is remembered per database (`ui_state`).
- `A` shows or hides the annotation panel (hidden at first on narrow terminals, `app.tcss`);
  the key line above the text (`Clave KEY`, issue 13 #4) says how to show it while hidden.

`Panes` is a plain object the app owns (`app.panes`), made once the screen is composed
(`Panes.mount`); it touches only the widgets it is given and Textual's public `App` methods.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from textual.app import App
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from boletin_tui import ui_state
from boletin_tui.actions import BY_ID, display_keys
from boletin_tui.safe_text import safe_text
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.keymap import effective_keys
from boletin_tui.tui.timeline import Timeline

WIDTH_STEP = 4
MIN_WIDTH = 24
MIN_READER = 36  # the reading pane keeps at least this many columns


class Panes:
    """See the module docstring. `keymap` is the user's (action id -> keys)."""

    def __init__(
        self,
        app: App[Any],
        panel: AnnotationPanel,
        timeline: Timeline,
        keymap: Mapping[str, str],
        db_path: Path,
    ) -> None:
        self._app, self._panel, self._timeline = app, panel, timeline
        self._keys, self._db_path = keymap, db_path
        screen = app.screen
        # Widgets of this screen, kept: the watcher also runs while a dialog is on top.
        self._pane = screen.query_one("#timeline-pane")
        self._key_line = screen.query_one("#reader-key", Static)
        self._main = screen.query_one("#main")
        self._titles = [
            (screen.query_one(pane), screen.query_one(title))
            for pane, title in (("#timeline-pane", "#timeline-status"), ("#reader-pane", "#legend"))
        ]

    @classmethod
    def mount(
        cls,
        app: App[Any],
        panel: AnnotationPanel,
        timeline: Timeline,
        keymap: Mapping[str, str],
        db_path: Path,
    ) -> Panes:
        """Set up the composed screen: the width remembered for the database at `db_path`,
        the focus marks."""
        panes = cls(app, panel, timeline, keymap, db_path)
        width = ui_state.load(panes._db_path).get("timeline_width")
        if isinstance(width, int) and width > 0:
            panes._set_width(width)
        app.watch(app.screen, "focused", panes._mark_focused_pane)
        return panes

    # -- the pane holding the focus ---------------------------------------------------------
    def _mark_focused_pane(self, focused: Widget | None) -> None:
        """The title line of the pane holding the focus in the accent (CSS `:focus-within`
        does not restyle a sibling of the focused widget when the focus moves)."""
        for pane, title in self._titles:
            title.set_class(
                focused is not None and pane in focused.ancestors_with_self, "-pane-focused"
            )

    # -- the timeline's width ---------------------------------------------------------------
    def step_width(self, step: int) -> None:
        """Narrow (`step` -1) or widen (1) the timeline, and remember it."""
        width = self._set_width(self._pane.outer_size.width + step * WIDTH_STEP)
        self._app.run_worker(
            lambda: self._save_width(width), thread=True, group="ui-state", exit_on_error=False
        )

    def _set_width(self, width: int) -> int:
        most = max(self._app.size.width - MIN_READER, MIN_WIDTH)
        width = min(max(width, MIN_WIDTH), most)
        styles = self._pane.styles
        styles.width = width
        styles.min_width = width
        styles.max_width = width
        return width

    def _save_width(self, width: int) -> None:
        if not ui_state.save(self._db_path, timeline_width=width):  # False: not written
            self._app.call_from_thread(
                self._app.notify, "No se pudo recordar el ancho de la lista.", severity="warning"
            )

    # -- the annotation panel and the key line ----------------------------------------------
    def show_key(self, key: str | None) -> None:
        """`Clave KEY` above the text, and how to show the annotation panel while hidden."""
        text = Content.assemble(("Clave ", "dim"), safe_text(key)) if key else Content("")
        if not self._panel.display:
            keys = display_keys(effective_keys(BY_ID["toggle_panel"], self._keys))
            text += Content.assemble(("  · ", "dim"), (keys, "bold"), (" anotaciones", "dim"))
        self._key_line.update(text, layout=False)

    def toggle_panel(self) -> None:
        """Show or hide the annotation panel (the focus leaves it when hidden)."""
        panel = self._panel
        panel.display = not panel.display
        focused = self._app.focused
        if not panel.display and focused is not None and panel in focused.ancestors:
            self._app.set_focus(self._timeline)
        self.panel_shown()

    def open_panel(self) -> None:
        """Show the annotation panel if hidden (before typing a tag or a note)."""
        if not self._panel.display:
            self._panel.display = True
            self.panel_shown()

    def panel_shown(self) -> None:
        """Follow the panel being shown or hidden (also by a breakpoint): the key line's hint,
        and `#main`'s class `-panel-open` (below 76 columns the panel then takes the
        timeline's place)."""
        self._main.set_class(bool(self._panel.display), "-panel-open")
        self.show_key(self._panel.key)
        if self._app.focused is None and not self._panel.display:
            self._app.set_focus(self._timeline)
