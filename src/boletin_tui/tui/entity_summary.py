"""Who, where and how much: "En este boletín", a list you can enter.

One option per person, institution, place and figure (`boletin_tui.entity_entries`), under a
heading per type; long names wrap. `enter` posts `Show(entry)` (the app scrolls the reading
pane to the first mention and highlights it); the `entity_filter` key posts `Filter(entry)`
(the app filters the timeline to the bulletins that mention the same name). The panel's
height is fixed: a new bulletin replaces the options, never the size of anything around.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from boletin_tui.entity_entries import Entry, entries
from boletin_tui.entity_types import LABELS as ENTITY_LABELS
from boletin_tui.safe_text import safe_text
from boletin_tui.tui.keymap import widget_binding
from boletin_tui.tui.labels import NO_ENTITIES

PER_TYPE = 12


class EntitySummary(OptionList):
    """`show(mentions)`; `entries_shown` is what the list offers, in order."""

    BINDINGS = [widget_binding("entity_show", "show_entry"), widget_binding("entity_filter")]
    # The list's size never depends on its options (its height is fixed, see the module), so
    # new options need a repaint and the scrollbar's update, not a layout of the whole screen
    # (which re-renders every scrollbar on it: several ms of each `j`). `OptionList` assigns
    # `virtual_size` and updates the scrollbars itself; this only drops the layout. (snappy)
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class Show(Message):
        """Scroll the reading pane to `entry`'s first mention."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    class Filter(Message):
        """Show only the bulletins that mention `entry`."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._mentions: Sequence[Any] = ()
        self.entries_shown: list[Entry] = []

    def show(self, mentions: Sequence[Any]) -> None:
        """List the entries of `mentions` (the bulletin shown)."""
        if mentions is self._mentions and self.option_count:
            return
        self._mentions = mentions
        options: list[Option | None] = []
        shown: list[Entry] = []
        for kind, items in entries(mentions).items():
            if not items:
                continue
            heading = Content(f"{ENTITY_LABELS[kind]} ({len(items)})").stylize("bold")
            options.append(Option(heading, disabled=True))
            for entry in items[:PER_TYPE]:
                options.append(
                    Option(Content(safe_text(entry.label, newlines=False)), id=str(len(shown)))
                )
                shown.append(entry)
            if len(items) > PER_TYPE:
                options.append(Option(f"… y {len(items) - PER_TYPE} más", disabled=True))
        if not shown:
            options = [Option(NO_ENTITIES, disabled=True)]
        self.entries_shown = shown
        # One step, not `clear_options` then `add_options`: the empty list in between hid the
        # scrollbar and showed it again, a layout of the whole screen each time. (snappy)
        self.set_options(options)
        first = next((i for i, o in enumerate(options) if o and not o.disabled), None)
        self.highlighted = first

    @property
    def current(self) -> Entry | None:
        """The highlighted entry, if any."""
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.entries_shown[int(option.id)] if option.id is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_show_entry()

    def action_show_entry(self) -> None:
        if (entry := self.current) is not None:
            self.post_message(self.Show(entry))

    def action_entity_filter(self) -> None:
        entry = self.current
        if entry is not None and entry.query:
            self.post_message(self.Filter(entry))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "entity_filter":
            entry = self.current
            return entry is not None and entry.query is not None
        return True
