"""The current bulletin's tags; `x` or `delete` removes the highlighted one."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class TagList(OptionList):
    """Tags as options; posts `TagList.RemoveRequested(tag)`."""

    BINDINGS = [Binding("x,delete", "remove", "Quitar etiqueta", tooltip="Quita la etiqueta")]

    class RemoveRequested(Message):
        def __init__(self, tag: str) -> None:
            super().__init__()
            self.tag = tag

    def set_tags(self, tags: Sequence[str]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Option(f"# {tag}", id=tag) for tag in tags])
        if tags:
            self.highlighted = min(highlighted or 0, len(tags) - 1)
        self.set_class(not tags, "-empty")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            return self.option_count > 0
        return True

    def action_remove(self) -> None:
        if self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id:
            self.post_message(self.RemoveRequested(option.id))
