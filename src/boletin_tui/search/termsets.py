"""A small mutable term -> positions index with a sorted vocabulary, for annotations.

Used for tags and for the words of tags and notes: adding or removing one annotation costs time
proportional to its number of terms (plus a list insertion for a term never seen before).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable

from boletin_tui.search.query import Term

END = "\U0010ffff"  # sorts after any term: `prefix + END` bounds a prefix range


class TermSets:
    """Folded term -> set of bulletin positions, searchable by whole term or by prefix."""

    def __init__(self) -> None:
        self._postings: dict[str, set[int]] = {}
        self._vocab: list[str] = []

    def add(self, terms: Iterable[str], pos: int) -> None:
        for t in terms:
            s = self._postings.get(t)
            if s is None:
                self._postings[t] = {pos}
                insort(self._vocab, t)
            else:
                s.add(pos)

    def remove(self, terms: Iterable[str], pos: int) -> None:
        for t in terms:
            s = self._postings.get(t)
            if s is not None:
                s.discard(pos)
                if not s:
                    del self._postings[t]
                    del self._vocab[bisect_left(self._vocab, t)]

    def lookup(self, term: Term) -> set[int]:
        """Positions holding `term` (or, for a prefix term, any term starting with it)."""
        if not term.prefix:
            return self._postings.get(term.text, set())
        lo = bisect_left(self._vocab, term.text)
        hi = bisect_left(self._vocab, term.text + END, lo)
        return set().union(*(self._postings[t] for t in self._vocab[lo:hi]))
