"""Three small dialogs: choose one of a list, type one line, confirm. `escape` cancels each.

- `ChoiceScreen(title, choices)`: returns the id of the option chosen (`enter`, a click or
  the option's own key, shown before it), or None.
- `AskScreen(title, prompt, value)`: returns the line typed (`enter`), or None.
- `ConfirmScreen(title, question)`: returns True (`enter`, `s` or *Sí*) or False.

Every text shown is `Content` built from plain strings: user text is never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from boletin_tui.safe_text import safe_text

_CANCEL = Binding("escape", "cancel", "Cancelar", tooltip="Cierra sin hacer nada")


class ChoiceScreen(ModalScreen[str | None]):
    """`choices`: (id, key, label); `key` ("" for none) picks the option at once."""

    BINDINGS = [_CANCEL]

    def __init__(self, title: str, choices: Sequence[tuple[str, str, str]], hint: str = "") -> None:
        super().__init__()
        self._title, self._choices, self._hint = title, list(choices), hint

    def compose(self):
        with Vertical(classes="dialog"):
            yield Label(Content(self._title), classes="dialog-title")
            options = [
                Option(
                    Content.assemble((f"{key}  ", "bold") if key else "", safe_text(label)),
                    id=ident,
                )
                for ident, key, label in self._choices
            ]
            yield OptionList(*options, id="choice-list")
            if self._hint:
                yield Label(Content(self._hint), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event: events.Key) -> None:
        for ident, key, _ in self._choices:
            if key and event.character == key:
                event.stop()
                self.dismiss(ident)
                return

    def action_cancel(self) -> None:
        self.dismiss(None)


class AskScreen(ModalScreen[str | None]):
    """One line of text; `enter` returns it stripped (None when empty)."""

    BINDINGS = [_CANCEL]

    def __init__(self, title: str, prompt: str, value: str = "") -> None:
        super().__init__()
        self._title, self._prompt, self._value = title, prompt, value

    def compose(self):
        with Vertical(classes="dialog"):
            yield Label(Content(self._title), classes="dialog-title")
            yield Label(Content(self._prompt))
            yield Input(self._value, id="ask-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = safe_text(event.value, newlines=False).strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A question; *Sí* (`enter` or `s`) returns True, *No* (`escape`, `n`) False."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", "No", tooltip="No"),
        Binding("s", "answer(True)", "Sí", tooltip="Sí"),
    ]

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self._title, self._question = title, question

    def compose(self):
        with Vertical(classes="dialog"):
            yield Label(Content(self._title), classes="dialog-title")
            yield Label(Content(self._question))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Sí", variant="primary", id="confirm-yes")
                yield Button("No", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
