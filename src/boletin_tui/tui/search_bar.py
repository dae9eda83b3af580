"""The search field above the timeline; each keystroke posts the query, `escape` clears."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

from boletin_tui.tui.handoff import HandsBackKeys


class SearchBar(HandsBackKeys, Input):
    """Hidden until `open()`. Posts `SearchBar.Query(text)` on every change, `Cleared` on escape,
    `Done` on enter (the filter stays; focus goes back to the timeline)."""

    BINDINGS = [Binding("escape", "clear", "Borrar búsqueda", tooltip="Muestra todos")]
    LEAVE_KEYS = {"enter": "done", "escape": "clear", "down": "done"}  # down: into the list
    # `Input` sets its virtual size (the text's width, for scrolling it) on every keystroke,
    # and a layout of the whole screen came with it; the field's size never depends on its
    # text (a fixed height and width), so a repaint is enough. (snappy)
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class Query(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Cleared(Message):
        pass

    class Done(Message):
        pass

    def __init__(self, *, id: str | None = None, searcher: Callable[[str], None] | None = None):
        """`searcher`, when given, is called with each change instead of posting `Query`:
        as the value changes, in the keystroke's own turn, so that the field and the
        filtered list go out in one frame. (`Input.Changed` is a message: the screen drew a
        frame of the field alone before it was handled, and the list then waited for
        Textual's next 1/60 s tick; issue 11.)"""
        super().__init__(placeholder="buscar… (? ayuda: sintaxis)", id=id)
        self.searcher = searcher
        self._quiet = False

    def open(self) -> None:
        self.display = True
        self.app.set_focus(self)  # now: keys typed right after `/` belong here

    def show_query(self, text: str) -> None:
        """Show `text` without searching it or posting anything (the caller searches)."""
        self._quiet = True
        try:
            with self.prevent(Input.Changed):
                self.value = text
        finally:
            self._quiet = False

    def _watch_value(self, value: str) -> None:
        super()._watch_value(value)
        if self.searcher is not None and not self._quiet and self.is_mounted:
            self.searcher(value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.searcher is None:  # else searched as the value changed
            self.post_message(self.Query(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()

    def action_done(self) -> None:
        """`enter`: keep the filter and leave the field (an empty one clears)."""
        if not self.value.strip():
            self.action_clear()
            return
        self.app.set_focus(None)  # keys typed next go to the app; `Done` refocuses
        self.post_message(self.Done())

    def action_clear(self) -> None:
        if self.has_focus:
            self.app.set_focus(None)  # keys typed next go to the app; `Cleared` refocuses
        self.value = ""
        self.display = False
        self.post_message(self.Cleared())
