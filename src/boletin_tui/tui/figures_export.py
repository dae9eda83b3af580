"""The figures screen's export dialog: asks for a file name, and asks again before replacing.

Returns the path (`.xlsx` writes Excel, anything else CSV) or None when cancelled. When the
file exists, the first `enter` only warns and turns the button into *Reemplazar*; a second
`enter` (or the button) confirms; editing the name asks again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from boletin_tui.safe_text import safe_text
from boletin_tui.tui.labels import plural


def default_figures_path(today: dt.date | None = None) -> Path:
    """`cifras-AAAA-MM-DD.csv` in the current folder."""
    today = today or dt.date.today()
    return Path.cwd() / f"cifras-{today.isoformat()}.csv"


class FiguresExportScreen(ModalScreen[Path | None]):
    """See the module."""

    BINDINGS = [Binding("escape", "cancel", "Cancelar", tooltip="Cierra sin exportar")]

    def __init__(self, default: Path, count: int) -> None:
        super().__init__()
        self._default, self._count = default, count
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="figures-export-dialog", classes="dialog"):
            yield Label("Exportar cifras", classes="dialog-title")
            yield Label(
                f"{plural(self._count, 'cifra', 'cifras')}. Archivo (.csv, o .xlsx con el "
                "extra «excel»):",
                markup=False,
            )
            yield Input(str(self._default), id="figures-export-path")
            yield Label("", id="figures-export-warning", classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Exportar", variant="primary", id="figures-export-ok")
                yield Button("Cancelar", id="figures-export-cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _finish(self) -> None:
        value = self.query_one(Input).value.strip()
        if not value:
            return
        path = Path(value).expanduser()
        if path.exists() and path != self._confirmed:
            self._confirmed = path
            self.query_one("#figures-export-warning", Label).update(
                Content(f"{safe_text(str(path))} ya existe: «Reemplazar» (o enter otra vez) ")
                + Content("lo sobrescribe.")
            )
            self.query_one("#figures-export-ok", Button).label = "Reemplazar"
            return
        self.dismiss(path)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._confirmed is not None:
            self._confirmed = None
            self.query_one("#figures-export-warning", Label).update("")
            self.query_one("#figures-export-ok", Button).label = "Exportar"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "figures-export-ok":
            self._finish()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
