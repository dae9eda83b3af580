"""Anchoring passages in a bulletin's text, and finding them again after the text changed.

Offsets are into `Bulletin.text` (the string `entities --json` offsets refer to), in
characters (code points), end exclusive. `locate(text, passage)` tries, in order:

1. `exact`: the quote is still at the stored offsets;
2. `context`: among the places the quote occurs, the one whose surrounding text agrees best
   with the stored prefix and suffix, if that agreement covers at least half of the stored
   context (ties go to the place nearest the old offset);
3. `unique`: the quote occurs exactly once;
4. `fuzzy`: the span most similar to the quote (`difflib` ratio, 2*matches/total length) if
   its similarity is at least `FUZZY_THRESHOLD` (0.8; a few words changed in a sentence),
   for quotes of `FUZZY_MIN_QUOTE` characters or more. Only windows where a piece (an
   eighth) of the quote still occurs unchanged are compared, those most pieces agree on
   first, at most `FUZZY_MAX_WINDOWS` of them, cheap upper bounds first; quotes longer
   than `FUZZY_MAX_QUOTE` are not searched;
5. otherwise the passage is orphaned: `locate` returns None. It is kept and reported, never
   deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from boletin_tui.store.passages import CONTEXT, Passage

FUZZY_THRESHOLD = 0.8
FUZZY_MIN_QUOTE = 12
FUZZY_MAX_QUOTE = 4000
FUZZY_MAX_WINDOWS = 50
METHODS = ("exact", "context", "unique", "fuzzy")


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage is in the current text: `text[start:end]`, found by `method` (one of
    `METHODS`) with `score` 1.0, or the fuzzy similarity."""

    start: int
    end: int
    method: str
    score: float = 1.0

    @property
    def moved(self) -> bool:
        """True when the passage is no longer exactly where it was stored."""
        return self.method != "exact"


def context_at(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(quote, prefix, suffix) for `text[start:end]`, with up to `CONTEXT` characters each side.

    Raises `ValueError` unless 0 <= start < end <= len(text).
    """
    if not 0 <= start < end <= len(text):
        raise ValueError(f"posiciones fuera del texto: {start}-{end} (el texto tiene {len(text)})")
    return text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) where `quote` occurs in `text`, left to right, without overlap.

    A run of white space in the quote matches any run of white space (a quote typed on one
    line matches text across a line break); otherwise the match is exact, case included.
    """
    words = quote.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    return [m.span() for m in re.finditer(pattern, text)]


def locate(text: str, passage: Passage) -> Anchor | None:
    """Where `passage` is in `text` now (see the module docstring), or None if orphaned."""
    start, end, quote = passage.start, passage.end, passage.quote
    if text[start:end] == quote:
        return Anchor(start, end, "exact")
    found = [(i, i + len(quote)) for i in _find_all(text, quote)]
    if found:
        best = _by_context(text, found, passage)
        if best is not None:
            return Anchor(*best, "context")
        if len(found) == 1:
            return Anchor(*found[0], "unique")
    return _fuzzy(text, passage)


def _find_all(text: str, quote: str) -> list[int]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append(i)
        i = text.find(quote, i + 1)
    return out


def _by_context(
    text: str, found: list[tuple[int, int]], passage: Passage
) -> tuple[int, int] | None:
    available = len(passage.prefix) + len(passage.suffix)
    if not available:
        return None

    def agreement(span: tuple[int, int]) -> int:
        before = text[max(0, span[0] - len(passage.prefix)) : span[0]]
        after = text[span[1] : span[1] + len(passage.suffix)]
        return _common_tail(before, passage.prefix) + _common_head(after, passage.suffix)

    scored = sorted(found, key=lambda s: (-agreement(s), abs(s[0] - passage.start)))
    best = scored[0]
    return best if 2 * agreement(best) >= available else None


def _common_head(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_tail(a: str, b: str) -> int:
    return _common_head(a[::-1], b[::-1])


def _fuzzy(text: str, passage: Passage) -> Anchor | None:
    quote = passage.quote
    size = len(quote)
    if size < FUZZY_MIN_QUOTE or size > FUZZY_MAX_QUOTE or not text:
        return None
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(quote)  # SequenceMatcher caches what it learns about seq2
    best_ratio, best_start = 0.0, -1
    for i in _candidates(text, quote, passage.start):
        matcher.set_seq1(text[i : i + size])
        if matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best_ratio, best_start = ratio, i
    if best_start < 0 or best_ratio < FUZZY_THRESHOLD * 0.75:
        return None
    # Refine: the best window widened each side, trimmed to what matches the quote.
    slack = max(2, size // 8)
    lo, hi = max(0, best_start - slack), min(len(text), best_start + size + slack)
    matcher.set_seq1(text[lo:hi])
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    # Stray letters may match at the widened edges: try the span with and without them.
    firsts = {0, next((i for i, b in enumerate(blocks) if b.size >= 3), 0)}
    lasts = {len(blocks) - 1, max((i for i, b in enumerate(blocks) if b.size >= 3), default=0)}
    ratio, start, end = 0.0, 0, 0
    for f in firsts:
        for la in lasts:
            if la < f:
                continue
            s, e = lo + blocks[f].a, lo + blocks[la].a + blocks[la].size
            matcher.set_seq1(text[s:e])
            r = matcher.ratio()
            if r > ratio:
                ratio, start, end = r, s, e
    if ratio < FUZZY_THRESHOLD:
        return None
    return Anchor(start, end, "fuzzy", round(ratio, 3))


def _candidates(text: str, quote: str, old_start: int) -> list[int]:
    """Window starts worth comparing: where pieces of the quote still occur unchanged.

    The quote is cut into up to 8 pieces; a quote edited in a few places keeps some pieces
    intact, and each occurrence of a piece votes for the window start it implies. At most
    `FUZZY_MAX_WINDOWS` starts, most votes first, then nearest the old offset.
    """
    size = len(quote)
    count = max(2, min(8, size // 6))
    length = size // count
    votes: dict[int, int] = {}
    limit = len(text) - 1
    seen = 0
    for n in range(count):
        offset = n * length
        piece = quote[offset : offset + length]
        i = text.find(piece)
        while i >= 0 and seen < 20 * FUZZY_MAX_WINDOWS:
            start = min(max(0, i - offset), limit)
            votes[start] = votes.get(start, 0) + 1
            seen += 1
            i = text.find(piece, i + 1)
    ranked = sorted(votes, key=lambda s: (-votes[s], abs(s - old_start)))
    return ranked[:FUZZY_MAX_WINDOWS]
