"""Figure values as search tokens: `11 mil 907`, `11,907` and `11.907` all give `11907`.

A cheap pass over digits and scale words only (no recogniser): what it finds is indexed in the
`figures` column, so a query for `11907` or `11,907` finds a bulletin that prints any of them.
Spelled-out numbers (`once mil`) are left to the figures recogniser, whose values may be
written to the same column later.
"""

from __future__ import annotations

import re

from boletin_tui.entities.numerals import number_value

# Each alternative starts with a digit, so the regex engine can skip to digits quickly.
_DIGITS = r"\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d{0,2}(?:\.\d{3})+(?![.,]?\d)|\d*(?:\.\d+)?)"
_SCALE = r"(?:mil|millones|millón|millon|billones|billón|billon)"
_FIGURE = re.compile(
    rf"{_DIGITS}(?:\s+{_SCALE}\b(?:\s+(?:{_DIGITS})(?![\w.,]\d))?)*(?!\w)",
    re.IGNORECASE,
)
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_ACCENT = re.compile(r"\b(?:mill|bill)on\b")


def figure_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, value) of each figure in `text` written with separators or scale words
    and whose value is whole, in order; `value` is its digits as `figure_tokens` indexes them
    (`11 mil 907`, `11,907` and `11.907` give `11907`). Plain numbers (`522`) are left out:
    the text column indexes them as they are."""
    found: list[tuple[int, int, str]] = []
    for match in _FIGURE.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_.,"):
            continue  # the tail of a longer token
        raw = " ".join(match.group().lower().split())
        if "," not in raw and " " not in raw and not _DOT_THOUSANDS.fullmatch(raw):
            continue  # a plain number is indexed as it is
        if _DOT_THOUSANDS.fullmatch(raw):
            found.append((start, match.end(), raw.replace(".", "")))
            continue
        value = number_value(_ACCENT.sub(lambda m: m.group()[:-2] + "ón", raw))
        if value is not None and value == int(value):
            found.append((start, match.end(), str(int(value))))
    return found


def figure_tokens(text: str) -> str:
    """The whole values of the figures in `text` written with separators or scale words,
    space-separated, each once."""
    return " ".join(dict.fromkeys(value for _, _, value in figure_spans(text)))
