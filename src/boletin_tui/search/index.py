"""An in-memory word index over bulletins and their annotations.

`SearchIndex(bulletins)` tokenises every bulletin once (key, number, kind, city, dateline, title,
highlights, paragraphs, and the values of figures written with words: `figure_terms`) into an
inverted index: folded term -> sorted positions (an `array` of 4-byte integers, no per-posting
objects), plus a sorted vocabulary for prefix look-ups. It keeps
references to the bulletins (for phrase checks and keys) but no folded copy of their text.

Annotations live in a separate small index that `set_annotation` updates in time proportional to
the annotation's size. `search(query)` returns keys in the order the bulletins were given. The
query syntax is in `query.SYNTAX_HELP`.

Building is pure CPU work and may run in a worker thread; once built, use the index from one
thread at a time (searches and `set_annotation` are not synchronised).
"""

from __future__ import annotations

import gc
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from boletin_tui.search.figure_terms import figure_terms
from boletin_tui.search.fold import TOKEN_RE, expand, fold, nfc, tokens
from boletin_tui.search.query import Phrase, Query, Term, parse
from boletin_tui.search.termsets import END, TermSets
from boletin_tui.search.verify import PhraseMatcher

if TYPE_CHECKING:
    from boletin_tui.corpus.model import Bulletin

_CACHE_SIZE = 32
# Characters that never belong to a token, stripped from the ends of whitespace-cut chunks.
_PUNCT = ".,;:¿?¡!()[]{}<>«»\"'“”‘’…*%$#@+=|-/\u2010\u2011\u2013\u2014"


class SearchIndex:
    """Searchable view of a fixed list of bulletins plus their (changing) annotations."""

    def __init__(self, bulletins: Iterable[Bulletin]) -> None:
        self._bulletins: list[Bulletin] = list(bulletins)
        self._keys: list[str] = [b.key for b in self._bulletins]
        self._positions: dict[str, list[int]] = {}
        self._years: dict[str, set[int]] = {}
        self._months: dict[str, set[int]] = {}
        for pos, b in enumerate(self._bulletins):
            self._positions.setdefault(b.key, []).append(pos)
            if b.year is not None:
                self._years.setdefault(str(b.year), set()).add(pos)
            if b.date is not None:
                self._months.setdefault(f"{b.date.year:04d}-{b.date.month:02d}", set()).add(pos)
        self._postings = self._build_postings()
        self._vocab: list[str] = sorted(self._postings)
        self._cache: dict[tuple[str, bool], frozenset[int]] = {}  # text-only term results
        self._phrases: dict[Phrase, frozenset[int]] = {}  # includes annotations: reset on change
        # Annotations: per position, what was indexed (so it can be removed), and the reverse.
        self._ann: dict[int, tuple[tuple[str, ...], tuple[str, ...], str]] = {}
        self._ann_terms = TermSets()  # words of tags and notes
        self._ann_tags = TermSets()  # whole folded tags, for `#tag`

    def _build_postings(self) -> dict[str, array | int]:
        # Regular expressions are slow on 50 MB, so bulletins are cut at whitespace (in C) and
        # each distinct chunk ("social," "(IMSS)") is tokenised, folded and expanded only once,
        # at the end. Tokens never contain whitespace, so this equals tokenising the whole text.
        raw: dict[str, list[int]] = {}
        get = raw.get
        enabled = gc.isenabled()
        gc.disable()  # millions of appends to young lists would trigger useless collections
        try:
            for pos, b in enumerate(self._bulletins):
                fields = [
                    b.key,
                    b.number or "",
                    b.kind or "",
                    b.city or "",
                    b.dateline or "",
                    b.title,
                ]
                fields.extend(b.highlights)
                fields.extend(b.paragraphs)
                # Figures written with words, by the value the app shows (issue 13 #13).
                fields.extend(figure_terms(b))
                for chunk in set("\n".join(fields).lower().split()):
                    lst = get(chunk)
                    if lst is None:
                        raw[chunk] = [pos]
                    else:
                        lst.append(pos)
            merged: dict[str, list[int]] = {}
            shared: set[str] = set()
            folded: dict[str, str] = {}
            for chunk, lst in raw.items():
                word = chunk.strip(_PUNCT)
                if word.isalnum():  # by far the most common case: one plain word
                    if word.isascii():
                        terms: tuple[str, ...] = (word,)
                    else:
                        term = folded.get(word)
                        if term is None:
                            folded[word] = term = fold(word)
                        terms = (term,)
                else:
                    terms = _terms(chunk)
                for term in terms:
                    have = merged.get(term)
                    if have is None:
                        merged[term] = lst
                    else:
                        if term not in shared:
                            merged[term] = have = list(have)
                            shared.add(term)
                        have.extend(lst)
            raw.clear()
            out: dict[str, array | int] = {}
            for term, lst in merged.items():
                if term in shared:
                    lst = sorted(set(lst))
                # A single posting is kept as a bare int: most terms (figures, names) are rare.
                out[term] = lst[0] if len(lst) == 1 else array("I", lst)
            return out
        finally:
            if enabled:
                gc.enable()

    # -- annotations -------------------------------------------------------------------------

    def set_annotation(self, key: str, tags: Sequence[str], note: str) -> None:
        """Index `tags` and `note` for the bulletin `key`, replacing what it had before.

        Unknown keys are ignored (an annotation whose bulletin is not loaded). Cost is
        proportional to the size of the old and new annotation.
        """
        for pos in self._positions.get(key, ()):
            self._phrases.clear()
            self._unset(pos)
            folded_tags = tuple(
                dict.fromkeys(t for t in (" ".join(fold(x).split()) for x in tags) if t)
            )
            terms = tuple(dict.fromkeys(tokens(" ".join(tags)) + tokens(note or "")))
            if not folded_tags and not terms:
                continue
            self._ann[pos] = (folded_tags, terms, "\n".join([*tags, note or ""]))
            self._ann_tags.add(folded_tags, pos)
            self._ann_terms.add(terms, pos)

    def _unset(self, pos: int) -> None:
        old = self._ann.pop(pos, None)
        if old is not None:
            self._ann_tags.remove(old[0], pos)
            self._ann_terms.remove(old[1], pos)

    # -- searching ---------------------------------------------------------------------------

    # -- persistence (see `persist.py`) ------------------------------------------------------

    def __getstate__(self) -> dict:
        """The built text index only: no bulletins (the caller has them), no annotations
        (they change between runs and are set again), no query caches."""
        state = self.__dict__.copy()
        state["_bulletins"] = None
        state["_cache"], state["_phrases"], state["_ann"] = {}, {}, {}
        state["_ann_terms"], state["_ann_tags"] = TermSets(), TermSets()
        return state

    @classmethod
    def restore(cls, state: dict, bulletins: Sequence[Bulletin]) -> SearchIndex:
        """An index from `__getstate__`'s state, attached to the same bulletins, in order."""
        index = cls.__new__(cls)
        index.__dict__.update(state)
        index._bulletins = list(bulletins)
        if [b.key for b in index._bulletins] != index._keys:
            raise ValueError("the saved index belongs to other bulletins")
        return index

    def __len__(self) -> int:
        return len(self._keys)

    def search(self, query: str) -> list[str]:
        """Keys of the bulletins matching `query`, in the original order; all keys if empty."""
        q = query if isinstance(query, Query) else parse(query)
        if q.is_empty:
            return list(self._keys)
        found = self._match(q)
        if len(found) == len(self._keys):
            return list(self._keys)
        keys = self._keys
        return [keys[p] for p in sorted(found)]

    def _match(self, q: Query) -> set[int] | frozenset[int]:
        sets: list[set[int] | frozenset[int]] = [self._term(t) for t in q.terms]
        sets.extend(self._ann_tags.lookup(t) for t in q.tags)
        sets.extend(self._dated(self._years, t) for t in q.years)
        sets.extend(self._dated(self._months, t) for t in q.months)
        if q.annotated is not None:
            ann = set(self._ann)
            sets.append(ann if q.annotated else set(range(len(self._keys))) - ann)
        sets.sort(key=len)
        result: set[int] | frozenset[int] | None = sets[0] if sets else None
        for s in sets[1:]:
            if not result:
                break
            result = result & s
        for phrase in q.phrases:
            if result is not None and not result:
                break
            result = self._phrase(phrase, result)
        return result if result is not None else frozenset(range(len(self._keys)))

    def _phrase(self, phrase: Phrase, within: set[int] | frozenset[int] | None) -> frozenset[int]:
        """Bulletins where `phrase` occurs, among `within` (None: among all).

        Results over all bulletins are cached per phrase, and a phrase being typed
        (`"seguro so` after `"seguro s`) is checked only within the previous one's results.
        """
        hit = self._phrases.get(phrase)
        if hit is not None:
            return hit if within is None else hit & within
        words, n = phrase.words, len(phrase.words)
        sets = [self._term(Term(w, phrase.open_end and i == n - 1)) for i, w in enumerate(words)]
        for seen, found in self._phrases.items():
            prev = seen.words
            if seen.open_end and prev[:-1] == words[:-1] and words[-1].startswith(prev[-1]):
                sets.append(found)  # a shorter prefix of the same phrase: a superset
        if within is not None:
            sets.append(within)
        sets.sort(key=len)
        candidates = sets[0].intersection(*sets[1:])
        matches = PhraseMatcher(words, phrase.open_end)
        out = []
        for pos in candidates:
            b = self._bulletins[pos]
            ann = self._ann.get(pos)
            text = "\n".join(
                (b.title, *b.highlights, *b.paragraphs, b.dateline or "", b.city or "")
            )
            if matches(text) or (ann is not None and matches(ann[2])):
                out.append(pos)
        found = frozenset(out)
        if within is None:
            self._phrases[phrase] = found
            if len(self._phrases) > _CACHE_SIZE:
                del self._phrases[next(iter(self._phrases))]
        return found

    def _term(self, term: Term) -> frozenset[int]:
        # Only the text part is cached: it never changes, while annotations do.
        key = (term.text, term.prefix)
        hit = self._cache.pop(key, None)
        if hit is None:
            hit = self._text_term(term)
        self._cache[key] = hit  # most recently used last
        if len(self._cache) > _CACHE_SIZE:
            del self._cache[next(iter(self._cache))]
        ann = self._ann_terms.lookup(term)
        return hit | ann if ann else hit

    def _text_term(self, term: Term) -> frozenset[int]:
        if not term.prefix:
            return frozenset(_positions(self._postings.get(term.text, ())))
        lo = bisect_left(self._vocab, term.text)
        hi = bisect_left(self._vocab, term.text + END, lo)
        postings = self._postings
        n = len(self._keys)
        out: set[int] = set()
        singles = []
        lists = []
        for t in self._vocab[lo:hi]:
            p = postings[t]
            if type(p) is int:
                singles.append(p)
            else:
                lists.append(p)
        out.update(singles)
        # Largest first, so a short prefix ("d") stops as soon as every bulletin is in.
        lists.sort(key=len, reverse=True)
        for lst in lists:
            if len(out) == n:
                break
            out.update(lst)
        return frozenset(out)

    def _dated(self, index: dict[str, set[int]], term: Term) -> set[int]:
        value = term.text
        if value in index and not term.prefix:
            return index[value]
        span = value.split("-")
        if index is self._years and len(span) == 2 and all(s.isdigit() for s in span):
            keys = [y for y in index if span[0] <= y <= span[1]]
        elif term.prefix:
            keys = [k for k in index if k.startswith(value)]
        else:
            keys = [value] if value in index else []
        return set().union(*(index[k] for k in keys))


def _terms(chunk: str) -> tuple[str, ...]:
    """The index terms of a whitespace-free chunk of lowercased text."""
    found = TOKEN_RE.findall(nfc(chunk))
    if len(found) == 1:
        return expand(found[0])
    return tuple(dict.fromkeys(t for tok in found for t in expand(tok)))


def _positions(p: array | int | tuple) -> array | tuple:
    return (p,) if type(p) is int else p
