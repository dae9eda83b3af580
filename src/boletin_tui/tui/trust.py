"""What issue 13 ("Trust") added to the app, kept apart from `app.py`: the bulletin's full key
above the text (`c` copies it), the warning when an annotation was made on another bulletin,
tag filters run again after an annotation changes, the annotation panel shown and hidden (`a`;
hidden at first on narrow terminals, see `app.tcss`), and `ctrl+c`'s hint in Spanish.

`TrustActions` is the base class of `BoletinApp`, which sets the attributes declared here.
"""

from __future__ import annotations

from textual.app import App
from textual.content import Content
from textual.widgets import Static

from boletin_tui.actions import BY_ID, display_keys
from boletin_tui.safe_text import safe_text
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.keymap import effective_keys
from boletin_tui.tui.timeline import Timeline
from boletin_tui.workspace import Workspace


class TrustActions(App[None]):
    """The methods above, for `BoletinApp`."""

    workspace: Workspace
    _panel: AnnotationPanel
    _timeline: Timeline
    _keys: dict[str, str]
    _query: str

    def _search(self, text: str) -> None:
        raise NotImplementedError  # BoletinApp's

    def _show_trust(self, key: str | None) -> None:
        """The full key above the text (#4) and the warning when the annotation under
        `key` was made on another bulletin (#3)."""
        self._key_line(key)
        self._panel.set_mismatch(self.workspace.mismatch(key))

    def _key_line(self, key: str | None) -> None:
        """`Clave KEY`, and how to show the annotation panel while it is hidden."""
        text = Content.assemble(("Clave ", "dim"), safe_text(key)) if key else Content("")
        if not self._panel.display:
            keys = display_keys(effective_keys(BY_ID["toggle_panel"], self._keys))
            text += Content.assemble(("  · ", "dim"), (keys, "bold"), (" anotaciones", "dim"))
        self.query_one("#reader-key", Static).update(text, layout=False)

    def on_resize(self) -> None:
        # The breakpoint may have hidden or shown the panel (app.tcss).
        if hasattr(self, "_panel"):  # not before the first mount
            self.call_after_refresh(self._panel_shown)

    def _panel_shown(self) -> None:
        """Follow the panel being shown or hidden: the key line's hint, and `#main`'s class
        `-panel-open` (below 76 columns the panel then takes the timeline's place)."""
        self.query_one("#main").set_class(bool(self._panel.display), "-panel-open")
        self._key_line(self._panel.key)
        if self.focused is None and not self._panel.display:
            self.set_focus(self._timeline)

    def _after_annotation_change(self, key: str) -> None:
        """A filter on tags or notes is run again (#16); the warning follows the record."""
        if self._query and self.workspace.index is not None:
            self._search(self._query)
        if self._panel.key == key:
            self._panel.set_mismatch(self.workspace.mismatch(key))

    def action_toggle_panel(self) -> None:
        self._panel.display = not self._panel.display
        focused = self.focused
        if not self._panel.display and focused is not None and self._panel in focused.ancestors:
            self.set_focus(self._timeline)
        self._panel_shown()

    def _open_panel(self) -> None:
        if not self._panel.display:
            self._panel.display = True
            self._panel_shown()

    def action_help_quit(self) -> None:
        """Textual's answer to `ctrl+c` (which does not quit), in Spanish (#11)."""
        keys = display_keys(effective_keys(BY_ID["quit"], self._keys))
        self.notify(f"Para salir, pulsa {keys}.", title="¿Quieres salir?", markup=False)
