"""Sentences and words of a bulletin's text, and a selection that grows by them. No Textual.

Offsets are into `Bulletin.text` (blocks separated by `\\n`). A sentence ends after `.`, `!`,
`?` or `…` (with any closing quotes or brackets) followed by white space, or at the end of a
line; a full stop after a common abbreviation (`Dr.`, `núm.`) or a single letter does not end
one. A word is a run of non-space characters. A `Span` is `text[start:end]`, never empty and
never starting or ending with white space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)", re.M)
_WORD = re.compile(r"\S+")
_ABBREVIATIONS = frozenset(
    ("dr", "dra", "sr", "sra", "srta", "lic", "ing", "mtro", "mtra", "prof", "núm", "art",
     "fracc", "col", "av", "gral", "cd", "etc", "pág", "tel")
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Span:
    """`text[start:end]` of the text it was made from."""

    start: int
    end: int


def _sentence_ends(text: str, line_start: int, line_end: int) -> list[int]:
    """Offsets just after each sentence of the line `text[line_start:line_end]`."""
    ends: list[int] = []
    for match in _END.finditer(text, line_start, line_end):
        word = text[text.rfind(" ", line_start, match.start()) + 1 : match.start()]
        word = word.lstrip("\"'“‘«(¿¡[")
        if match.group()[0] == "." and (len(word) == 1 or word.casefold() in _ABBREVIATIONS):
            continue
        ends.append(match.end())
    if not ends or text[ends[-1] : line_end].strip():
        ends.append(len(text[:line_end].rstrip()))
    return ends


def _line(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def sentences(text: str) -> list[Span]:
    """Every sentence of `text`, in order."""
    out: list[Span] = []
    line_start = 0
    while line_start <= len(text):
        _, line_end = _line(text, line_start)
        begin = line_start
        for end in _sentence_ends(text, line_start, line_end):
            span = _trim(text, begin, end)
            if span is not None:
                out.append(span)
            begin = end
        line_start = line_end + 1
    return out


def sentence_at(text: str, offset: int) -> Span | None:
    """The sentence holding `offset`, or the first one after it; None if there is none."""
    for span in sentences_from(text, offset):
        if span.end > offset:
            return span
    return None


def sentences_from(text: str, offset: int) -> list[Span]:
    """The sentences of the line holding `offset` and of every line after it."""
    line_start, _ = _line(text, min(max(offset, 0), len(text)))
    return [Span(s.start + line_start, s.end + line_start) for s in sentences(text[line_start:])]


def words(text: str, start: int, end: int) -> list[Span]:
    """The words of `text[start:end]`."""
    return [Span(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


@dataclass(frozen=True, slots=True)
class Selection:
    """A passage being chosen in `text`: its start stays, its end moves by sentence or word."""

    text: str
    start: int
    end: int

    @classmethod
    def at(cls, text: str, offset: int) -> Selection | None:
        """The sentence at (or after) `offset`; None when the text has no sentence there."""
        span = sentence_at(text, offset)
        return None if span is None else cls(text, span.start, span.end)

    @property
    def quote(self) -> str:
        return self.text[self.start : self.end]

    def by_sentence(self, step: int) -> Selection:
        """One sentence more (`step` 1) or less (-1); never less than the first word."""
        if step > 0:
            for span in sentences_from(self.text, self.end):
                if span.end > self.end:
                    return Selection(self.text, self.start, span.end)
            return self
        ends = [s.end for s in sentences_from(self.text, self.start) if s.end < self.end]
        ends = [e for e in ends if e > self.start]
        if ends:
            return Selection(self.text, self.start, ends[-1])
        return self._first_word()

    def by_word(self, step: int) -> Selection:
        """One word more (`step` 1) or less (-1); never less than the first word."""
        if step > 0:
            found = _WORD.search(self.text, self.end)
            return self if found is None else Selection(self.text, self.start, found.end())
        inside = words(self.text, self.start, self.end)
        if len(inside) <= 1:
            return self
        return Selection(self.text, self.start, inside[-2].end)

    def _first_word(self) -> Selection:
        inside = words(self.text, self.start, self.end)
        return Selection(self.text, self.start, inside[0].end) if inside else self
