"""The current bulletin's tags; `x` or `delete` removes the highlighted one."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from boletin_tui.safe_text import safe_text
from boletin_tui.tui.keymap import widget_binding
from boletin_tui.tui.labels import NO_TAGS

TAG_ROWS = 6  # rows shown before `+N más` (panes.tcss: `max-height`)


class TagList(OptionList):
    """Tags as options, or a dimmed hint when there are none; posts `RemoveRequested(tag)`.

    `set_tags` does nothing when the tags are the ones shown, and refreshes the footer's
    bindings only when the list goes from empty to not empty or back.
    """

    BINDINGS = [widget_binding("remove_tag")]

    class RemoveRequested(Message):
        def __init__(self, tag: str) -> None:
            super().__init__()
            self.tag = tag

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Option(NO_TAGS, disabled=True), id=id)
        self.tags: tuple[str, ...] = ()
        self._hint = True
        self.add_class("-empty")

    def set_tags(self, tags: Sequence[str], *, hint: bool = True) -> None:
        """Show `tags`; with none, the hint `NO_TAGS` (or nothing when `hint` is False: no
        bulletin to tag)."""
        tags = tuple(tags)
        if tags == self.tags and hint == self._hint:
            return
        was_empty, self.tags, self._hint = not self.tags, tags, hint
        highlighted = self.highlighted
        self.clear_options()
        if tags:
            # Plain `Content`: a tag is never markup (`[@click=app.quit]`, `[/]`).
            options = [Option(Content(f"# {safe_text(t, newlines=False)}"), id=t) for t in tags]
            self.add_options(options)
            self.highlighted = min(highlighted or 0, len(tags) - 1)
        else:
            self.add_option(Option(NO_TAGS if hint else "", disabled=True))
        if was_empty != (not tags):
            self.set_class(not tags, "-empty")
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            return bool(self.tags)
        return True

    def action_remove(self) -> None:
        if not self.tags or self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id:
            self.post_message(self.RemoveRequested(option.id))
