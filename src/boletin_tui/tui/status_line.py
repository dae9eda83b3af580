"""The status line under the timeline: how many bulletins, unsaved and unread, or loading."""

from __future__ import annotations

from textual.widgets import Static


class StatusLine(Static):
    """`show(text)` repaints only when the text changes (not on every `j`), without a layout."""

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(text, id=id)
        self._text: str | None = None

    def show(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update(text, layout=False)
