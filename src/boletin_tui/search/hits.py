"""Where a query's words occur in a text: the spans the reading pane highlights.

`hit_spans(text, query)` returns (start, end) offsets into `text` of what the query matches,
as the index matches it (accent- and case-insensitive, the word being typed as a prefix):

- each token that a word of the query matches, compounds by their parts (`imss` marks
  `IMSS-Bienestar`);
- each occurrence of a phrase (`"secretaría de gobernación"`) as one span over its words,
  across spaces, a line break or punctuation as in the index, and no lone word of it;
- the words of a `cerca:` group only where they stand near each other (`phrase_hits`);
- a figure by its value (`11907`, `11,907` or `11.907` mark `11 mil 907`, as the index's
  `figures` column finds it: `corpusdb.numbers.figure_spans`).

Filters (`#tag`, `año:`) and words under `NOT` match no text. Spans are sorted and overlapping
ones merged. Pure; a fraction of a millisecond per bulletin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boletin_tui.search.fold import TOKEN_RE, expand, nfc
from boletin_tui.search.phrase_hits import folded, near_spans, phrase_pattern, query_atoms
from boletin_tui.search.query import And, Near, Node, Or, Phrase, Query, Term, parse

_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*", re.ASCII)


@dataclass(frozen=True, slots=True)
class Needles:
    """What to look for: whole words and prefixes (folded), phrases (as regexes over the
    folded text, `phrase_hits.phrase_pattern`), `cerca:` groups (each word as index tokens)
    with their distance, and figure values (whole, or the start of one being typed)."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: tuple[re.Pattern[str], ...] = ()
    nears: tuple[tuple[tuple[tuple[str, ...], ...], int], ...] = ()
    figures: frozenset[str] = frozenset()
    figure_prefixes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixes or self.phrases or self.nears or self._figures)

    @property
    def _figures(self) -> bool:
        return bool(self.figures or self.figure_prefixes)

    def matches(self, terms: tuple[str, ...]) -> bool:
        """Whether a token's index terms (`fold.expand`) hold one of the words."""
        if not self.exact.isdisjoint(terms):
            return True
        prefixes = self.prefixes
        return bool(prefixes) and any(t.startswith(prefixes) for t in terms)

    def figure_matches(self, value: str) -> bool:
        """Whether a figure's value (`numbers.figure_spans`) is one asked for."""
        return value in self.figures or value.startswith(self.figure_prefixes)


def _figure_value(word: str) -> str | None:
    """The digits a query word asks for as a figure (`11,907` -> `11907`), or None."""
    if word.isascii() and word.isdigit():
        return word
    if _THOUSANDS.fullmatch(word):
        return word.replace(",", "").replace(".", "")
    return None


def needles(query: str | Query) -> Needles:
    """What `hit_spans` looks for in a text, from a query (parsed once, reused per text)."""
    q = query if isinstance(query, Query) else parse(query)
    exact: set[str] = set()
    prefixes: list[str] = []
    phrases: list[re.Pattern[str]] = []
    nears: list[tuple[tuple[tuple[str, ...], ...], int]] = []
    figures: set[str] = set()
    figure_prefixes: list[str] = []
    todo: list[Node] = [q.root] if q.root is not None else []
    while todo:  # the words outside `NOT` and filters, wherever they sit in the tree
        node = todo.pop()
        if isinstance(node, (And, Or)):
            todo.extend(node.nodes)
        elif isinstance(node, Term):
            (prefixes.append(node.text) if node.prefix else exact.add(node.text))
            value = _figure_value(node.text)
            if value is not None:
                (figure_prefixes.append(value) if node.prefix else figures.add(value))
        elif isinstance(node, Phrase):
            phrase = query_atoms(node.words)
            if phrase:
                phrases.append(phrase_pattern(phrase, node.open_end))
        elif isinstance(node, Near):
            group = tuple(a for a in (query_atoms((w,)) for w in node.words) if a)
            if group:
                nears.append((group, node.distance))
    return Needles(
        frozenset(exact),
        tuple(prefixes),
        tuple(phrases),
        tuple(nears),
        frozenset(figures),
        tuple(figure_prefixes),
    )


def hit_spans(text: str, query: str | Query | Needles) -> list[tuple[int, int]]:
    """(start, end) of each hit of the query in `text`, in order, overlaps merged."""
    found = query if isinstance(query, Needles) else needles(query)
    if not found:
        return []
    # Offsets must stay those of `text`: normalising changes lengths only for decomposed text.
    source = nfc(text)
    if len(source) != len(text):
        source = text
    lowered = source.lower()
    if len(lowered) != len(source):  # a rare case mapping that changes length (`İ`)
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in source)
    spans: list[tuple[int, int]] = []
    if found.exact or found.prefixes:
        exact, prefixes = found.exact, found.prefixes  # `Needles.matches`, inlined: per token
        for m in TOKEN_RE.finditer(lowered):
            terms = expand(m.group())
            if not exact.isdisjoint(terms) or (
                prefixes and any(t.startswith(prefixes) for t in terms)
            ):
                spans.append(m.span())
    if found.phrases or found.nears:
        text_folded = folded(lowered)
        for pattern in found.phrases:
            spans.extend(m.span() for m in pattern.finditer(text_folded))
        for group, distance in found.nears:
            spans.extend(near_spans(text_folded, group, distance))
    if found.figure_prefixes or found.figures:
        from boletin_tui.corpusdb.numbers import figure_spans

        spans.extend((a, b) for a, b, value in figure_spans(source) if found.figure_matches(value))
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` sorted, overlapping ones joined (a word of the query inside a phrase)."""
    if len(spans) < 2:
        return spans
    spans.sort()
    out = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = out[-1]
        if start < last_end:
            out[-1] = (last_start, max(last_end, end))
        else:
            out.append((start, end))
    return out
