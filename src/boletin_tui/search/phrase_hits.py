"""Where a query's phrases and `cerca:` groups occur in a text, as the index matches them.

The index (`unicode61 remove_diacritics 2`) cuts text into runs of letters and digits, folded;
a phrase is such runs adjacent and in order, whatever separates them (spaces, a line break,
`-`, `,`). `atoms(text)` gives those runs with their offsets; `phrase_spans` and `near_spans`
find a phrase's occurrences and the words of a `cerca:` group that stand near each other
(FTS5's NEAR: from the end of the first to the start of the last at most `distance` tokens).
Pure, no Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from boletin_tui.search.fold import fold

ATOM_RE = re.compile(r"[^\W_]+")  # letters and digits: the index's tokens

_fold = lru_cache(maxsize=8192)(fold)


class Atoms:
    """The index tokens of a text: `words[i]` folded, at `starts[i]`-`ends[i]` in the text."""

    __slots__ = ("ends", "starts", "words")

    def __init__(self, lowered: str) -> None:
        """`lowered` is the text lowercased (same offsets); folding does the rest."""
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.words: list[str] = []
        for m in ATOM_RE.finditer(lowered):
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.words.append(_fold(m.group()))


def query_atoms(words: Sequence[str]) -> tuple[str, ...]:
    """The index tokens of a query's folded words (`imss-bienestar` is `imss`, `bienestar`)."""
    return tuple(a for w in words for a in ATOM_RE.findall(w))


def _occurrences(atoms: Atoms, phrase: tuple[str, ...], open_end: bool) -> list[int]:
    """The token indexes where `phrase` starts; with `open_end` its last word is a prefix."""
    words, n, last = atoms.words, len(phrase), len(phrase) - 1
    if not n:
        return []
    found: list[int] = []
    first = phrase[0]
    for i in range(len(words) - n + 1):
        if last == 0 and open_end:
            if words[i].startswith(first):
                found.append(i)
            continue
        if words[i] != first:
            continue
        if all(words[i + j] == phrase[j] for j in range(1, last)) and (
            words[i + last].startswith(phrase[last])
            if open_end
            else words[i + last] == phrase[last]
        ):
            found.append(i)
    return found


def phrase_spans(atoms: Atoms, phrase: tuple[str, ...], open_end: bool) -> list[tuple[int, int]]:
    """(start, end) in the text of each occurrence of `phrase`, one span for all its words."""
    n = len(phrase)
    return [(atoms.starts[i], atoms.ends[i + n - 1]) for i in _occurrences(atoms, phrase, open_end)]


def near_spans(
    atoms: Atoms, group: tuple[tuple[str, ...], ...], distance: int
) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of a word of `group` that belongs to a set of one
    occurrence of every word with at most `distance` tokens between the end of the first and
    the start of the last (how FTS5 matches `NEAR(a b, distance)`). A word far from the others
    is not marked: the bulletin matched because of the words that stand together."""
    occ = sorted(
        (i, i + len(words), g)
        for g, words in enumerate(group)
        for i in _occurrences(atoms, words, False)
    )
    marked: set[int] = set()
    for a, (_, end, _) in enumerate(occ):
        window = []
        for b in range(a, len(occ)):
            if occ[b][0] - end > distance:
                break
            window.append(b)
        if len({occ[b][2] for b in window}) == len(group):
            marked.update(window)
    return [(atoms.starts[occ[k][0]], atoms.ends[occ[k][1] - 1]) for k in sorted(marked)]
