"""The field for a new tag, completing from tags already in the database."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input

from boletin_tui.search import fold
from boletin_tui.tui.handoff import HandsBackKeys


class TagSuggester(Suggester):
    """Suggests the first known tag that starts like the input (accents and case ignored)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags: list[str] = []

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        wanted = fold(typed)
        for tag in self.tags:
            if fold(tag).startswith(wanted) and tag != typed:
                return value[: len(value) - len(typed)] + tag
        return None


def split_tags(value: str) -> list[str]:
    """`a, b c` -> [`a`, `b c`]: tags are separated by commas (and line breaks), spaces
    inside are kept."""
    parts = (part for line in value.splitlines() for part in line.split(","))
    return [t for t in (" ".join(part.split()) for part in parts) if t]


def paste_tags(text: str) -> str:
    """A paste as a tag field takes it: each line break is a tag separator
    (`salud\nvacunas` -> `salud, vacunas`; blank lines dropped); a one-line paste as it is."""
    lines = text.splitlines()
    if len(lines) <= 1:
        return text
    return ", ".join(line.strip() for line in lines if line.strip())


class PastesTags(Input):
    """An `Input` whose paste keeps every line, as tags (`paste_tags`): Textual's keeps only
    the first line, silently (uxfix #5)."""

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # not Input's own handler, which drops all but a line
        if event.text:
            text = paste_tags(event.text)
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *selection)


class TagInput(HandsBackKeys, PastesTags):
    """Hidden until `open()`; `enter` posts `TagInput.Added(tags)`, `escape` closes (the
    user's word: the text typed is dropped).

    Text typed and not confirmed is never dropped otherwise: the field stays open with it when
    the focus or the bulletin shown changes (its tags go to the bulletin shown when `enter`
    comes), `open()` again keeps it, `enter` with no bulletin shown keeps it and says so, and
    quitting or a signal takes it (`take_typed`) as `enter` would.
    """

    LEAVE_KEYS = {"enter": "submit", "escape": "cancel"}

    BINDINGS = [
        Binding("escape", "cancel", "Cancelar", tooltip="Cierra sin añadir"),
    ]

    class Added(Message):
        """`tags` for the bulletin `key` (the one shown when `enter` was pressed)."""

        def __init__(self, tags: list[str], key: str | None) -> None:
            super().__init__()
            self.tags, self.key = tags, key

    def __init__(self, *, id: str | None = None) -> None:
        self.tag_suggester = TagSuggester()
        super().__init__(
            placeholder="etiqueta (varias con comas)",
            id=id,
            suggester=self.tag_suggester,
            select_on_focus=False,  # text kept from before is added to, not typed over
        )
        self.key: str | None = None  # kept up to date by the panel while the field is open

    def open(self, known_tags: Sequence[str]) -> None:
        """Show the field and focus it; text typed before and not confirmed stays in it."""
        self.tag_suggester.tags = list(known_tags)
        self.display = True
        self.app.set_focus(self)  # now: keys typed right after `t` belong here

    def close(self) -> None:
        if self.has_focus:
            self.app.set_focus(None)  # keys typed next go to the app; `Closed` refocuses
        self.value = ""
        self.display = False

    def typed(self) -> tuple[str | None, list[str]] | None:
        """(key, tags) typed and not confirmed, split as `enter` splits them, or None; changes
        nothing (read from the hangup watchdog's thread too)."""
        tags = split_tags(self.value) if self.display else []
        return (self.key, tags) if tags else None

    def take_typed(self) -> tuple[str | None, list[str]] | None:
        """`typed()`, and the field closes as after `enter` (without posting `Added`: the
        caller queues the tags)."""
        typed = self.typed()
        if typed is not None:
            self.close()
            self.post_message(self.Closed())
        return typed

    async def action_submit(self) -> None:
        tags = split_tags(self.value)
        if tags and self.key is None:  # no bulletin to tag (an empty list): kept here
            self.notify(
                "No hay ningún boletín mostrado: las etiquetas siguen en el campo.",
                severity="warning",
                markup=False,
            )
            self.post_message(self.Closed())
            return
        self.close()
        if tags:
            self.post_message(self.Added(tags, self.key))
        self.post_message(self.Closed())

    def action_cancel(self) -> None:
        self.close()
        self.post_message(self.Closed())

    class Closed(Message):
        """The field closed (added or cancelled): focus can go back."""
