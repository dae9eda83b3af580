"""The sentence around a mention, for listings of figures."""

from __future__ import annotations

import re

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
