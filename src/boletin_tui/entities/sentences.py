"""The sentence around a mention, for listings of figures."""

from __future__ import annotations

import re
from bisect import bisect_left

# A sentence ends at `.`, `!` or `?` followed by a space or the end, or at a line break;
# `86.3` and `No. 31` are not ends.
_END = re.compile(r"(?<!\bNo)(?<!\bNúm)(?<!\bDr)(?<!\bDra)(?<!\bLic)[.!?](?=\s|$)|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that contains `text[start:end]`, stripped."""
    begin = 0
    for m in _END.finditer(text, 0, start):
        begin = m.end()
    stop = _END.search(text, end)
    if stop is None:
        return text[begin:].strip()
    return text[begin : stop.start() if stop.group() == "\n" else stop.end()].strip()


class Sentences:
    """`sentence_around` for many spans of one text: the sentence ends are found once, so each
    span costs a binary search instead of a scan from the start of the text (the figures of a
    5 KB bulletin took four times as long as recognising it). Same results, span for span."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends = [m.start() for m in _END.finditer(text)]  # each match is one character

    def around(self, start: int, end: int) -> str:
        text, ends = self.text, self._ends
        # `sentence_around` searches `text[:start]`, where a `.` just before `start` is an end
        # whatever follows it; every other end before `start` is one in the whole text too.
        if start > 0 and _END.match(text, start - 1, start):
            begin = start
        else:
            i = bisect_left(ends, start - 1)
            begin = ends[i - 1] + 1 if i else 0
        j = bisect_left(ends, end)
        if j == len(ends):
            return text[begin:].strip()
        stop = ends[j]
        return text[begin : stop if text[stop] == "\n" else stop + 1].strip()
