"""Figures as the app shows them, as search terms: `11 mil 907` is found by `11907`.

`figure_terms(bulletin)` gives, for each figure written with words (`11 mil 907`,
`12 millones de pesos`, `dos mil`, `28.9 mdp`), its value as the panel and the `figures`
command print it (`11,907`, `12,000,000`, `2,000`, `28,900,000`: see
`boletin_tui.formatting.format_figure`). Indexed beside the bulletin's words, these make
`/11907` and `/11,907` find the bulletin that says `11 mil 907` (the index expands `11,907`
into both forms, as it does for numbers in the text). Numbers written in digits alone need
nothing: they are words of the text already.

Figures are found with the recogniser's own pattern and arithmetic (`entities.figures`,
`entities.numerals`), without the rest of the recogniser (names, places): a text is only
scanned when it holds a scale word or a money abbreviation, so that building the index for
10,000 bulletins stays cheap. Pure and Textual-free; any index (in memory or SQLite FTS5) can
call it on each bulletin it indexes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from boletin_tui.formatting import format_figure

if TYPE_CHECKING:
    from boletin_tui.corpus.model import Bulletin

# A number with words in it has one of these (`once` alone is left to the words: a search
# for `11` should not find every `once`).
_WORDY = re.compile(r"(?<!\w)(?:mil|millones|millón|billones|billón|m?md[pd])(?!\w)", re.I)
_BEFORE = 48  # characters before a scale word where its number may start
_OPENERS: frozenset[str] = frozenset()  # words a number may open with (filled on first use)


def figure_terms(bulletin: Bulletin) -> list[str]:
    """The values of `bulletin`'s figures written with words, each as the app shows it
    (`11,907`), in order of appearance, without repeats. Never raises on any text."""
    from boletin_tui.entities.figures import FIGURE_RE
    from boletin_tui.entities.numerals import SCALES, UNITS, number_value, unit_multiplier

    global _OPENERS
    if not _OPENERS:
        _OPENERS = frozenset(UNITS) | frozenset(SCALES) | {"medio", "y"}

    out: dict[str, None] = {}
    match, wordy = FIGURE_RE.match, _WORDY.match
    for text in (bulletin.title, *bulletin.highlights, *bulletin.paragraphs):
        done = 0  # where the last figure found ends
        for at in _candidates(text):
            if at < done or (hit := wordy(text, at)) is None:
                continue
            for start in _number_starts(text, max(done, at - _BEFORE), at):
                m = match(text, start)
                if m is None or m.end() < hit.end():
                    continue
                done = m.end()
                num, unit = m.group("num", "unit")
                factor = unit_multiplier(unit) if unit else 1
                value = None if factor is None else number_value(num, factor)
                if value is not None and value >= 1000:
                    out.setdefault(format_figure(value), None)
                break
    return list(out)


def _candidates(text: str) -> list[int]:
    """Where a scale word may start in `text`, in order: `str.find` on the lowercased text
    (a regular expression scanning for them took twice the time of the index itself)."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lowercase is longer: offsets would shift
        low = text
    found: list[int] = []
    for part in ("mil", "bill", "md"):
        at = low.find(part)
        while at >= 0:
            found.append(at - 1 if part == "md" and at and low[at - 1] == "m" else at)
            at = low.find(part, at + 1)
    found.sort()
    return found


def _number_starts(text: str, low: int, at: int) -> list[int]:
    """Where, between `low` and the scale word at `at`, the number holding it may start:
    the run of number words (digits, `$`, `ciento`, `y`...) right before it, earliest first,
    then `at` itself (`mil 200`). `FIGURE_RE.match` costs ~20 µs a try: the first start
    usually matches."""
    starts = [at]
    end = at - 1  # the space before the word at `at`
    while end > low and text[end] == " ":
        space = text.rfind(" ", low, end)
        word = text[space + 1 : end]
        if not word or not (word[0].isdigit() or word[0] == "$" or word.lower() in _OPENERS):
            break
        starts.append(space + 1)
        end = space
    starts.reverse()
    return starts
