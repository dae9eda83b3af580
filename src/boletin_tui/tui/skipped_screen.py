"""The list of files that gave no bulletin, with the reason for each."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from boletin_tui.safe_text import safe_text
from boletin_tui.tui.labels import plural


class SkippedScreen(ModalScreen[None]):
    """Shows `Skipped(path, reason)` records; `escape` or `o` closes."""

    BINDINGS = [Binding("escape,o,q", "close", "Cerrar", tooltip="Vuelve a la lista")]

    def __init__(self, skipped: Sequence) -> None:
        super().__init__()
        self._skipped = list(skipped)

    def compose(self):
        with Vertical(id="skipped-dialog", classes="dialog"):
            yield Label(
                plural(len(self._skipped), "archivo omitido", "archivos omitidos")
                if self._skipped
                else "No se omitió ningún archivo.",
                classes="dialog-title",
            )
            options = [
                Option(
                    Content.assemble(
                        (safe_text(str(s.path), newlines=False), "bold"),
                        "\n  ",
                        safe_text(str(s.reason), newlines=False),
                    )
                )
                for s in self._skipped
            ]
            yield OptionList(*options, id="skipped-list")
            yield Label("escape cierra", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
