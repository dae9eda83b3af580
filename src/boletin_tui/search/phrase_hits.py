"""Where a query's phrases and `cerca:` groups occur in a text, as the index matches them.

The index (`unicode61 remove_diacritics 2`) cuts text into runs of letters and digits, folded;
a phrase is such runs adjacent and in order, whatever separates them (spaces, a line break,
`-`, `,`). `folded(lowered)` is the text folded one character for one (offsets kept);
`phrase_pattern` finds a phrase in it, `near_spans` the words of a `cerca:` group that stand
near each other (FTS5's NEAR: from the end of the first to the start of the last at most
`distance` tokens). Pure, no Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from boletin_tui.search.fold import fold

ATOM_RE = re.compile(r"[^\W_]+")  # letters and digits: the index's tokens
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """`char` folded, or itself when folding would change the length (`ß`: rare)."""
    out = fold(char)
    return out if len(out) == 1 else char


def folded(lowered: str) -> str:
    """`lowered` (a lowercased text) folded character by character: same offsets."""
    if lowered.isascii():
        return lowered
    return _NON_ASCII.sub(lambda m: _fold_char(m.group()), lowered)


def query_atoms(words: Sequence[str]) -> tuple[str, ...]:
    """The index tokens of a query's folded words (`imss-bienestar` is `imss`, `bienestar`)."""
    return tuple(a for w in words for a in ATOM_RE.findall(w))


def phrase_pattern(atoms: tuple[str, ...], open_end: bool) -> re.Pattern[str]:
    """A regex for `atoms` adjacent and in order in a `folded` text, as whole tokens; with
    `open_end` the last is the start of a token (the match runs to the token's end)."""
    body = r"[\W_]+".join(re.escape(a) for a in atoms)
    return re.compile(rf"(?<![^\W_]){body}" + (r"[^\W_]*" if open_end else r"(?![^\W_])"))


def near_spans(
    text: str, group: tuple[tuple[str, ...], ...], distance: int
) -> list[tuple[int, int]]:
    """(start, end) in `text` (folded) of each occurrence of a word of `group` that belongs
    to a set of one occurrence of every word with at most `distance` tokens between the end
    of the first and the start of the last (how FTS5 matches `NEAR(a b, distance)`). A word
    far from the others is not marked: the bulletin matched for the words that stand
    together."""
    wanted = {w[0] for w in group}
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    firsts: dict[str, list[int]] = {}
    for m in ATOM_RE.finditer(text):
        word = m.group()
        if word in wanted:
            firsts.setdefault(word, []).append(len(words))
        starts.append(m.start())
        ends.append(m.end())
        words.append(word)
    occ = sorted(
        (i, i + len(phrase), g)
        for g, phrase in enumerate(group)
        for i in firsts.get(phrase[0], ())
        if tuple(words[i : i + len(phrase)]) == phrase
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
    return [(starts[occ[k][0]], ends[occ[k][1] - 1]) for k in sorted(marked)]
