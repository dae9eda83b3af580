"""Every key, in Spanish (from the action table, with the user's keymap), and the search
syntax. Keys and what they do are two columns: a description too long for a narrow terminal
wraps in its own column, never under the keys."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class HelpScreen(ModalScreen[None]):
    """`escape`, `?` or `q` closes."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Cerrar", tooltip="Cierra la ayuda")]

    def __init__(self, rows: Sequence[tuple[str, str, str]], syntax_help: str) -> None:
        """`rows`: (keys, what they do, where), as `keymap.help_rows` gives them."""
        super().__init__()
        self._rows, self._syntax = list(rows), syntax_help

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label("Teclas", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                keys = Grid(id="help-keys")
                width = min(max((len(k) for k, _, _ in self._rows), default=0), 22) + 2
                keys.styles.grid_columns = f"{width} 1fr"
                with keys:
                    for key, what, where in self._rows:
                        yield Label(Content.styled(key, "bold"), classes="help-key")
                        yield Label(Content.assemble(what, (f"  ({where})", "dim")))
                yield Static(Content(self._syntax), id="help-syntax")
            yield Label("escape cierra", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
