"""Where a query's words occur in a text: the spans the reading pane highlights.

`hit_spans(text, query)` returns (start, end) offsets into `text` of every token that a word
of `query` (or of one of its phrases) matches, as the index matches it: accent- and
case-insensitive, compounds by their parts, the word being typed as a prefix. Filters
(`#tag`, `año:`) match no text. Pure; about a tenth of a millisecond per bulletin.
"""

from __future__ import annotations

from dataclasses import dataclass

from boletin_tui.search.fold import TOKEN_RE, expand, nfc
from boletin_tui.search.query import Query, parse


@dataclass(frozen=True, slots=True)
class Needles:
    """The folded words to look for: whole words, and prefixes."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixes)

    def matches(self, terms: tuple[str, ...]) -> bool:
        if not self.exact.isdisjoint(terms):
            return True
        return any(t.startswith(p) for t in terms for p in self.prefixes)


def needles(query: str | Query) -> Needles:
    """What `hit_spans` looks for in a text, from a query (parsed once, reused per text)."""
    q = query if isinstance(query, Query) else parse(query)
    exact: set[str] = set()
    prefixes: list[str] = []
    for term in q.terms:
        (prefixes.append(term.text) if term.prefix else exact.add(term.text))
    for phrase in q.phrases:
        exact.update(phrase.words[:-1] if phrase.open_end else phrase.words)
        if phrase.open_end:
            prefixes.append(phrase.words[-1])
    return Needles(frozenset(exact), tuple(prefixes))


def hit_spans(text: str, query: str | Query | Needles) -> list[tuple[int, int]]:
    """(start, end) of each token of `text` that the query's words match, in order."""
    found = query if isinstance(query, Needles) else needles(query)
    if not found:
        return []
    # Offsets must stay those of `text`: normalising changes lengths only for decomposed text.
    source = nfc(text)
    if len(source) != len(text):
        source = text
    lowered = source.lower()
    if len(lowered) != len(source):
        lowered = source  # rare case-mapping that changes length: folding handles case anyway
    return [
        (m.start(), m.end()) for m in TOKEN_RE.finditer(lowered) if found.matches(expand(m.group()))
    ]
