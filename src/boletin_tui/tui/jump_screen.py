"""The small dialog behind `:`: where to go (`2020-04-20`, `abril 2020`, `2020`, `119/2020`, a
key)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class JumpScreen(ModalScreen[str | None]):
    """Returns the text typed (enter), or None (escape)."""

    BINDINGS = [Binding("escape", "cancel", "Cancelar", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="jump-dialog"):
            yield Static("Ir a", classes="dialog-title")
            yield Input(
                placeholder="2020-04-20, abril 2020, 2020, 119/2020 o una clave", id="jump-input"
            )
            yield Static("enter va · escape cancela", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
