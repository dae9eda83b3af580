"""Word wrapping that slices styled text lazily: only the lines shown are ever built.

`WrappedLines(pieces, width)` is a sequence of one-line `Content`s: the break positions of
every piece (a paragraph, a title...) are computed up front, which is cheap and gives the line
count; `lines[i]` slices its piece when it is first asked for. Words go to the next line when
they do not fit, and a word longer than the line is cut (like `Content.wrap`, faster: a
bulletin's breaks take a fraction of a millisecond).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content

_WORD = re.compile(r"\S+\s*")


def break_lines(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` (no newlines) in `width` cells, trailing spaces off.

    Assumes one cell per character; `WrappedLines` sends wider text to `Content.wrap`.
    """
    width = max(width, 1)
    if len(text) <= width:
        return [(0, len(text.rstrip()))]
    lines: list[tuple[int, int]] = []
    start = line_end = 0
    for match in _WORD.finditer(text):
        word_start, word_end = match.start(), match.start() + len(match.group().rstrip())
        if word_end - start > width and line_end > start:
            lines.append((start, line_end))
            start = word_start
        while word_end - start > width:  # a word longer than the line: cut it
            lines.append((start, start + width))
            start += width
        line_end = word_end
    lines.append((start, line_end))
    return lines


class WrappedLines(Sequence[Content]):
    """`pieces` (each one or more lines of `Content`) wrapped to `width`, built on demand."""

    def __init__(self, pieces: Sequence[Content], width: int) -> None:
        self._index: list[tuple[Content, int, int] | Content] = []
        self._built: dict[int, Content] = {}
        #: The index of the first line of each piece (reader2: scrolling to an offset).
        self.piece_starts: list[int] = []
        for piece in pieces:
            self.piece_starts.append(len(self._index))
            for line in piece.split("\n") if "\n" in piece.plain else (piece,):
                text = line.plain
                if len(text) != cell_len(text):  # wide characters: the exact, slower way
                    self._index.extend(line.wrap(width))
                    continue
                self._index.extend((line, start, end) for start, end in break_lines(text, width))

    def line_of(self, piece: int, column: int) -> int:
        """The line showing `column` of `pieces[piece]` (its first line when wrapped
        the exact way, for wide characters)."""
        line = self.piece_starts[piece]
        end = self.piece_starts[piece + 1] if piece + 1 < len(self.piece_starts) else len(self)
        for index in range(line, end):
            entry = self._index[index]
            if isinstance(entry, tuple) and entry[1] <= column:
                line = index
        return line

    def piece_of(self, line: int) -> int:
        """The piece that `line` belongs to."""
        from bisect import bisect_right

        return max(bisect_right(self.piece_starts, line) - 1, 0)

    def __len__(self) -> int:
        return len(self._index)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        line = self._built.get(index)
        if line is None:
            entry = self._index[index]
            line = entry if isinstance(entry, Content) else entry[0][entry[1] : entry[2]]
            self._built[index] = line
        return line

    def lines_with(self, style: object) -> list[int]:
        """The lines on which a span styled with `style` (the same object) starts, top to
        bottom: a span wrapped onto the next line (a phrase found) counts once. (Lines
        wrapped the exact way, for wide characters, count wherever the span shows.)"""
        out: list[int] = []
        for i, entry in enumerate(self._index):
            if isinstance(entry, Content):
                spans, end = entry.spans, len(entry.plain)
                if any(s.style is style and s.start < end and s.end > 0 for s in spans):
                    out.append(i)
                continue
            content, start, end = entry
            if any(s.style is style and start <= s.start < end for s in content.spans):
                out.append(i)
        return out
