"""The export dialog: asks where to write the CSV, returns the path (or None to cancel)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from boletin_tui.wording import plural


def default_export_path(today: dt.date | None = None) -> Path:
    """`anotaciones-AAAA-MM-DD.csv` in the current folder."""
    today = today or dt.date.today()
    return Path.cwd() / f"anotaciones-{today.isoformat()}.csv"


class ExportScreen(ModalScreen[Path | None]):
    """`enter` or *Exportar* returns the path typed; `escape` or *Cancelar* returns None."""

    BINDINGS = [Binding("escape", "cancel", "Cancelar", tooltip="Cierra sin exportar")]

    def __init__(self, default: Path, count: int) -> None:
        super().__init__()
        self._default, self._count = default, count

    def compose(self):
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label("Exportar anotaciones a CSV", classes="dialog-title")
            yield Label(
                f"{plural(self._count, 'boletín anotado', 'boletines anotados')}. "
                "Archivo de destino:",
                markup=False,
            )
            yield Input(str(self._default), id="export-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Exportar", variant="primary", id="export-ok")
                yield Button("Cancelar", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _finish(self) -> None:
        value = self.query_one(Input).value.strip()
        self.dismiss(Path(value).expanduser() if value else None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-ok":
            self._finish()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
