"""The reading pane with passages: their highlights, and choosing a new one by keyboard.

`PassageReader` is the `Reader` plus two layers drawn over the entity colours: the bulletin's
passages (`set_passages`) and, while the user chooses a passage, the selection. `begin()`
starts a selection at the sentence under the reading position (the top line on screen);
the selection keys (the `passage_*` actions, bound here and active only while selecting)
grow or shrink it by sentence or word, make it the entity at its start, confirm it
(`PassageReader.Chosen`) or cancel it. Offsets are into `Bulletin.text`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any, NamedTuple

from rich.cells import cell_len
from textual.content import Content
from textual.message import Message
from textual.style import Style

from boletin_tui.corpus import Bulletin
from boletin_tui.passage_places import Placed
from boletin_tui.text_units import Selection
from boletin_tui.tui.keymap import widget_binding
from boletin_tui.tui.reader import Hit, Reader
from boletin_tui.tui.wrapping import break_lines

PASSAGE, SELECTION = "PASSAGE", "SELECTION"
SELECT_ACTIONS = (
    "passage_grow",
    "passage_shrink",
    "passage_word_grow",
    "passage_word_shrink",
    "passage_entity",
    "passage_confirm",
    "passage_cancel",
)


class Mark(NamedTuple):
    """A span drawn like a mention (`bulletin_view.render_pieces` styles it by `type`)."""

    type: str
    start: int
    end: int


class PassageReader(Reader):
    """See the module docstring."""

    COMPONENT_CLASSES = Reader.COMPONENT_CLASSES | {"reader--passage", "reader--selection"}
    BINDINGS = [widget_binding(a, a.removeprefix("passage_")) for a in SELECT_ACTIONS]

    class Chosen(Message):
        """The user confirmed `text[start:end]` of the bulletin `key` as a new passage."""

        def __init__(self, key: str, text: str, start: int, end: int) -> None:
            super().__init__()
            self.key, self.text, self.start, self.end = key, text, start, end

    class Cancelled(Message):
        """The user left the selection without a passage."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.selection: Selection | None = None
        self._base: Sequence[Any] = ()
        self._placed: Sequence[Placed] = ()
        self._line_starts: tuple[tuple, list[int], list[int]] | None = None

    # -- what is drawn ------------------------------------------------------------------
    def show(
        self,
        bulletin: Bulletin | None,
        mentions: Sequence[Any] = (),
        hits: Sequence[Hit] = (),
        placed: Sequence[Placed] = (),
    ) -> None:
        """Show `bulletin` with its `mentions` and its passages `placed`, in one paint."""
        self._base, self._placed, self.selection = mentions, placed, None
        self._line_starts = None
        marks = self._marks()
        super().show(bulletin, [*mentions, *marks] if marks else mentions, hits)

    def set_passages(self, placed: Sequence[Placed]) -> None:
        """Highlight `placed` (orphans have nowhere to be drawn)."""
        if tuple(placed) == tuple(self._placed):
            return
        self._placed = placed
        self._remark()

    def _marks(self) -> list[Mark]:
        marks = [
            Mark(PASSAGE, p.start, p.end)
            for p in self._placed
            if p.start is not None and p.end is not None
        ]
        if self.selection is not None:
            marks.append(Mark(SELECTION, self.selection.start, self.selection.end))
        return marks

    def _remark(self) -> None:
        marks = self._marks()
        self._mentions = [*self._base, *marks] if marks else self._base
        self._paint()

    def _styles(self) -> tuple[dict, dict]:
        styles, parts = super()._styles()
        styles[PASSAGE] = self._layer_style("reader--passage")
        styles[SELECTION] = self._layer_style("reader--selection")
        return styles, parts

    def _layer_style(self, name: str) -> Style:
        """The component class `name` as a span style, background and `reverse` included
        (a partial visual style drops an opaque background, and has no `reverse`)."""
        rules = self.get_component_styles(name)
        text = rules.text_style
        base = self.visual_style.background
        return Style(
            background=base + rules.background if rules.has_rule("background") else None,
            foreground=base + rules.color if rules.has_rule("color") else None,
            bold=text.bold or None,
            underline=text.underline or None,
            reverse=text.reverse or None,
        )

    # -- the reading position -------------------------------------------------------------
    def _starts(self) -> tuple[list[int], list[int]]:
        """(wrapped line numbers, their offsets in the text) for lines that show text."""
        width = max(self.text_width - 2, 8)  # as `Reader._paint` wraps
        key = (self._content_key, width)
        if self._line_starts is None or self._line_starts[0] != key:
            lines, offsets = _line_offsets(self.bulletin, self._pieces, width)
            self._line_starts = (key, lines, offsets)
        return self._line_starts[1], self._line_starts[2]

    def reading_offset(self) -> int:
        """The offset in the text of the first line of text on screen."""
        lines, offsets = self._starts()
        i = bisect_right(lines, round(self.scroll_y) - 1)
        return offsets[i] if i < len(offsets) else (offsets[-1] if offsets else 0)

    def scroll_to_offset(self, offset: int, *, top: bool = True) -> None:
        """Bring the line holding `offset` on screen (to the top unless it is already shown)."""
        lines, offsets = self._starts()
        i = max(bisect_right(offsets, offset) - 1, 0)
        y = lines[i] if lines else 0
        height = self.scrollable_content_region.height
        if top or not (self.scroll_y <= y < self.scroll_y + height):
            target = y if top or y < self.scroll_y else y - height + 1
            self.scroll_to(0, max(target - (1 if top else 0), 0), animate=False, immediate=True)

    # -- choosing a passage -----------------------------------------------------------
    def begin(self) -> bool:
        """Select the sentence under the reading position; False when there is no text."""
        if self.bulletin is None:
            return False
        self.selection = Selection.at(self.bulletin.text, self.reading_offset())
        if self.selection is None:
            return False
        self._changed()
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if f"passage_{action}" in SELECT_ACTIONS:
            return self.selection is not None
        return super().check_action(action, parameters)

    def _move(self, selection: Selection | None) -> None:
        if selection is not None and selection != self.selection:
            self.selection = selection
            self._changed()

    def _changed(self) -> None:
        self._remark()
        if self.selection is not None:
            self.scroll_to_offset(self.selection.end, top=False)
            self.scroll_to_offset(self.selection.start, top=False)

    def action_grow(self) -> None:
        self._move(self.selection and self.selection.by_sentence(1))

    def action_shrink(self) -> None:
        self._move(self.selection and self.selection.by_sentence(-1))

    def action_word_grow(self) -> None:
        self._move(self.selection and self.selection.by_word(1))

    def action_word_shrink(self) -> None:
        self._move(self.selection and self.selection.by_word(-1))

    def action_entity(self) -> None:
        """Select exactly the next entity shown at or after the selection's start (again:
        the one after it)."""
        if self.selection is None or self.bulletin is None:
            return
        current = self.selection
        is_entity = any(m.start == current.start and m.end == current.end for m in self._base)
        after = current.start + (1 if is_entity else 0)
        shown = [m for m in self._base if m.type not in self._hidden and m.start >= after]
        if shown:
            m = min(shown, key=lambda m: (m.start, -m.end))
            self._move(Selection(self.bulletin.text, m.start, m.end))

    def action_confirm(self) -> None:
        if self.selection is None or self.bulletin is None:
            return
        chosen = self.selection
        self.selection = None
        self._remark()
        self.post_message(self.Chosen(self.bulletin.key, chosen.text, chosen.start, chosen.end))

    def action_cancel(self) -> None:
        self.selection = None
        self._remark()
        self.post_message(self.Cancelled())


def _line_offsets(
    bulletin: Bulletin | None, pieces: Sequence[Content], width: int
) -> tuple[list[int], list[int]]:
    """For each wrapped line showing bulletin text: its number (after the blank first line)
    and the offset of its first character. Lines are laid out as `Reader._paint` wraps them;
    a piece is matched to its block by its text (`• ` before highlights)."""
    lines: list[int] = []
    offsets: list[int] = []
    if bulletin is None:
        return lines, offsets
    blocks = iter(bulletin.blocks)
    block = next(blocks, None)
    y = 1  # the blank line above the text
    for piece in pieces:
        for line in piece.split("\n") if "\n" in piece.plain else (piece,):
            text = line.plain
            base = None
            if block is not None and text.endswith(block.text) and len(text) - len(block.text) <= 2:
                base = block.start - (len(text) - len(block.text))
                block = next(blocks, None)
            if len(text) != cell_len(text):
                count = len(line.wrap(width))
                if base is not None:
                    lines.append(y)
                    offsets.append(base + len(text) - len(text.lstrip("• ")))
                y += count
                continue
            for start, _end in break_lines(text, width):
                if base is not None:
                    lines.append(y)
                    offsets.append(max(base + start, base + len(text) - len(text.lstrip("• "))))
                y += 1
    return lines, offsets
