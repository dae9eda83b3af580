"""Every key, in Spanish (from the action table, with the user's keymap), and the search
syntax."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class HelpScreen(ModalScreen[None]):
    """`escape`, `?` or `q` closes."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Cerrar", tooltip="Cierra la ayuda")]

    def __init__(self, keys: Content, syntax_help: str) -> None:
        super().__init__()
        self._keys, self._syntax = keys, syntax_help

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label("Teclas", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(self._keys, id="help-keys")
                yield Static(Content(self._syntax), id="help-syntax")
            yield Label("escape cierra", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
