"""A question with a few answers as buttons: quitting with unsaved work, replacing a file.

The question and the details are plain text (never markup: they may hold file names, tags or
notes). `escape` answers the last choice (the cancelling one, by convention).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from boletin_tui.safe_text import safe_text


class ChoiceScreen(ModalScreen[str]):
    """Asks `question`; dismisses with the id of the chosen answer.

    `choices` are (id, label) pairs, the first the default (focused), the last what `escape`
    answers.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancelar")]

    def __init__(
        self, question: str, details: str, choices: Sequence[tuple[str, str]], *, id: str
    ) -> None:
        super().__init__(id=id)
        self._question, self._details, self._choices = question, details, list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog choice-dialog"):
            yield Label(Content(safe_text(self._question)), classes="dialog-title")
            yield Static(Content(safe_text(self._details)), classes="choice-details")
            with Horizontal(classes="dialog-buttons"):
                for n, (choice, label) in enumerate(self._choices):
                    yield Button(
                        Content(label),
                        id=f"choice-{choice}",
                        variant="primary" if n == 0 else "default",
                    )

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self._choices[-1][0])


KEEP_TRYING, DISCARD, CANCEL = "keep", "discard", "cancel"
REPLACE = "replace"


def quit_screen(unsaved: int, problem: str | None, preview: str) -> ChoiceScreen:
    """`Hay N cambios sin guardar`: seguir intentando / descartar y salir / cancelar."""
    count = "1 cambio" if unsaved == 1 else f"{unsaved} cambios"
    details = "No se pudieron guardar en la base de anotaciones."
    if problem:
        details += f"\n{problem}"
    if preview:
        details += f"\n{preview}"
    details += (
        "\n\nSeguir intentando: la aplicación se cierra sola en cuanto se guarden."
        "\nDescartar y salir: se pierden."
    )
    return ChoiceScreen(
        f"Hay {count} sin guardar",
        details,
        [(KEEP_TRYING, "Seguir intentando"), (DISCARD, "Descartar y salir"), (CANCEL, "Cancelar")],
        id="quit-dialog",
    )


def replace_screen(path: str) -> ChoiceScreen:
    """`El archivo ya existe`: reemplazar / cancelar."""
    return ChoiceScreen(
        "El archivo ya existe",
        f"{safe_text(path, newlines=False)}\n¿Reemplazarlo con la exportación?",
        [(REPLACE, "Reemplazar"), (CANCEL, "Cancelar")],
        id="replace-dialog",
    )
