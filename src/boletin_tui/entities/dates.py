"""Dates inside a text: `10 de agosto`, `20 de abril de 2020`, `de junio a agosto`, `2024`.

They are found before figures so that days of the month and years are never figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from boletin_tui.entities.scan import Scan
from boletin_tui.spanish import MONTH_NAMES, WEEKDAY_PATTERN

_MONTHS = "|".join(MONTH_NAMES)
_MONTH = rf"(?:{_MONTHS}|{_MONTHS.upper()})"
_WEEKDAY = rf"(?i:{WEEKDAY_PATTERN})"
_DAY = r"(?:[0-3]?\d|1[oº°]|primero)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_OF = r"(?:de|del|DE|DEL)"

DATE_RE = re.compile(
    rf"(?<![\w/-])(?:"
    rf"(?:(?:del|entre el|entre los días|los días|el) )?{_DAY}"
    rf"(?:(?:,| y(?: el)?| al?| e) {_DAY})+ de {_MONTH}(?: {_OF} (?:año )?{_YEAR})?"
    rf"|(?:{_WEEKDAY} )?{_DAY} {_OF} {_MONTH}(?: {_OF} (?:año )?{_YEAR})?"
    rf"|de {_MONTH} (?:a|al|y) {_MONTH}(?: de {_YEAR})?"
    rf"|{_MONTH} (?:de|del) {_YEAR}"
    rf"|{_MONTH}(?: (?:y|a) {_MONTH})?"
    rf"|{_YEAR}"
    rf")(?![\w/-])"
)
# Years only count as dates when nothing makes them a quantity (`2020 pesos`).
_QUANTITY_AFTER = re.compile(r"\s*(?:%|por ciento|pesos|dólares|mdp|personas|casos)")


_MONTH_WORDS = MONTH_NAMES
_MONTH_CAPS = frozenset(m.upper() for m in _MONTH_WORDS)


def _matches_over(found: Scan, anchor: int) -> Iterator[re.Match[str]]:
    """The matches of `DATE_RE.finditer(text, anchor - 40, anchor + 50)` that contain `anchor`.

    A date opens a word, so instead of letting the search try every position of the window,
    it is tried where words begin (after a space of `found.letters`) up to the anchor, jumping
    over each match as `finditer` does.
    """
    text, letters = found.text, found.letters
    low, high = max(0, anchor - 40), min(len(text), anchor + 50)
    # `letters[i]` is a space when `text[i - 1]` is not a word character (or `i` is 0).
    pos = letters.find(b" ", low)
    while pos != -1 and pos <= anchor:
        if letters[pos + 1 : pos + 2] != b" ":
            m = DATE_RE.match(text, pos, high)
            if m:
                if anchor < m.end():
                    yield m
                pos = letters.find(b" ", m.end())
                continue
        pos = letters.find(b" ", pos + 1)


def find_dates(found: Scan) -> list[tuple[int, int]]:
    """Spans of dates and years. Tries the date pattern only around month names and 4-digit
    numbers found by the scan."""
    text = found.text
    anchors = found.word_starts(_MONTH_WORDS)
    anchors += [s for s, _ in found.starts_of(_MONTH_CAPS)]
    anchors += [
        s for s in found.digits if text[s : s + 4].isdigit() and not text[s + 4 : s + 5].isdigit()
    ]
    spans: set[tuple[int, int]] = set()
    for anchor in anchors:
        for m in _matches_over(found, anchor):
            if m.group().isdigit() and _QUANTITY_AFTER.match(text, m.end()):
                continue
            spans.add(m.span())
    # Keep the longest of overlapping windows' matches.
    out: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and span[0] < out[-1][1]:
            if span[1] - span[0] > out[-1][1] - out[-1][0]:
                out[-1] = span
            continue
        out.append(span)
    return out
