"""People: capitalised names found by cues that generalise, and their short forms linked.

A candidate is a run of capitalised words joined by `de`/`del`/`de la`. It is cut where an
institution, an event or a multi-word place begins, and at words that are not names (`Además`,
`Nacional`, `Evaluación`). What is left is a person when it has a cue: a title or role before it
(`la doctora`, `el presidente`, `gobernador de Nayarit, ...`), a role or a reporting verb after it
(`..., titular de`, `... destacó`), a headline verb before it (`Instruye Zoé ...`), a common given
name first, or three or more name-like words.
"""

from __future__ import annotations

import re

from boletin_tui.entities.scan import Scan
from boletin_tui.entities.spans import Occupancy, find_word
from boletin_tui.entities.lexicon import (
    REPORTING_VERBS, ROLE, ROLE_RE, TITLE, is_common, is_given_name, is_name_like,
    is_verb_like,
)

_UP = "A-ZÁÉÍÓÚÜÑ"
_LOW = "a-záéíóúüñ"
_NAME_TOKEN = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?|[{_UP}]\."
RUN_RE = re.compile(rf"(?:{_NAME_TOKEN})(?: (?:(?:de|del|de la|de los|de las) )?(?:{_NAME_TOKEN}))*")
_TOKEN_RE = re.compile(rf"{_NAME_TOKEN}|de la|de los|de las|del|de")
_PARTICLES = frozenset({"de", "del", "de la", "de los", "de las"})
_OPENERS = "\n.:;!?¡¿\"“”«»'‘’·•(—–-"
_AFTER_ROLE = re.compile(rf"\s*,\s*(?:el |la |los |las |y )?(?:{ROLE_RE.pattern}|quien)", re.IGNORECASE)
_NEXT_WORD = re.compile(rf"\s+([{_LOW}]+)")
_TITLE_WORD = re.compile(rf"{TITLE}|{ROLE}", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.\n](?=[^.\n]*$)")

Span = tuple[int, int]


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0“\"«'‘(¿¡·•-—–":
        i -= 1
    return i < 0 or text[i] in _OPENERS


def _has_cue(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 60):start]
    words = before.split()
    if words and before[-1:].isspace() and _TITLE_WORD.fullmatch(words[-1]):
        return True
    if words and (words[-1] in REPORTING_VERBS or words[-1].endswith("ó")) and words[-1].islower():
        return True
    stripped = before.rstrip()
    if stripped.endswith(","):
        cut = _SENTENCE_END.search(text, max(0, start - 300), start)
        clause = text[cut.end() if cut else max(0, start - 300):start]
        if ROLE_RE.search(clause):
            return True
    if stripped.endswith(":") and (end == len(text) or text[end] in ".\n"):
        return True  # an attribution closing a headline: `...: Zoé Robledo`
    after = text[end:end + 50]
    if _AFTER_ROLE.match(after):
        return True
    nxt = _NEXT_WORD.match(after)
    return bool(nxt and (nxt.group(1) in REPORTING_VERBS or nxt.group(1).endswith("ó")))


def _segments(text: str, run: re.Match, stops: Occupancy):
    """Pieces of a capitalised run, cut at stops and non-name words; yields token lists."""
    piece: list[tuple[int, int, str]] = []
    for tok in _TOKEN_RE.finditer(text, run.start(), run.end()):
        word = tok.group()
        if word in _PARTICLES:
            piece.append((tok.start(), tok.end(), word))
            continue
        if stops.covered(tok.start()) or (not is_name_like(word) and not word.endswith(".")):
            yield piece
            piece = []
            continue
        piece.append((tok.start(), tok.end(), word))
    yield piece


def find_people(found: Scan, stops: list[Span], single_places: list[Span]) -> list[Span]:
    """Spans of person names. `stops` are institutions, blocked names and multi-word places;
    `single_places` are one-word places, which lose to a longer name around them."""
    text = found.text
    people: list[Span] = []
    stopped = Occupancy(len(text), stops)
    places = Occupancy(len(text), single_places)
    last = 0
    for start, _, _ in found.caps:
        if start < last:
            continue
        run = RUN_RE.match(text, start)
        if not run:
            continue
        last = run.end()
        for piece in _segments(text, run, stopped):
            while piece and (piece[0][2] in _PARTICLES or piece[0][2].endswith(".")):
                piece.pop(0)
            while piece and (piece[-1][2] in _PARTICLES or piece[-1][2].endswith(".")):
                piece.pop()
            if not piece:
                continue
            cue = False
            words = [t for t in piece if t[2] not in _PARTICLES]
            if (len(words) >= 2 and _sentence_start(text, piece[0][0])
                    and is_verb_like(words[0][2])):
                piece = piece[1:]
                words = words[1:]
                cue = True
            start, end = piece[0][0], piece[-1][1]
            if len(words) == 1:
                before = text[max(0, start - 30):start].split()
                if (places.covered(start) or is_given_name(words[0][2]) or not before
                        or not _TITLE_WORD.fullmatch(before[-1])):
                    continue
                people.append((start, end))
                continue
            if (len(words) >= 3 or cue or is_given_name(words[0][2])
                    or _has_cue(text, start, end)):
                people.append((start, end))
    return people


def _surname_forms(name: str) -> list[str]:
    """Short forms of a full name that may appear alone: `López Obrador`, `Andrés López`,
    `López` (given names and common words are never short forms on their own)."""
    words = [w for w in name.split() if w not in ("de", "del", "la", "los", "las")]
    if len(words) < 2:
        return []
    forms = []
    if len(words) >= 3:
        forms.append(" ".join(words[-2:]))
        forms.append(f"{words[0]} {words[-2]}")
        forms.append(words[-2])
    else:
        forms.append(words[-1])
    return [f for f in forms if not is_common(f) and not is_given_name(f)]


def link_people(text: str, spans: list[Span], taken: list[Span]) -> tuple[list[Span], dict[Span, str]]:
    """Add further uses of the names found and their short forms (`Robledo Aburto`), and give
    each mention its entity.

    Returns the spans, sorted, and a map span -> canonical name (the fullest name containing it).
    """
    names = sorted({text[s:e] for s, e in spans}, key=lambda n: -len(n.split()))
    spans = list(spans)
    occupied = Occupancy(len(text), spans + taken)
    for name in names:
        for form in [name, *_surname_forms(name)]:
            for span in find_word(text, form):
                if occupied.free(*span):
                    spans.append(span)
                    occupied.mark(*span)
    by_word: dict[str, list[list[str]]] = {}
    for name in names:
        for word in set(name.split()):
            by_word.setdefault(word, []).append(name.split())
    canon: dict[Span, str] = {}
    memo: dict[str, str] = {}
    for span in spans:
        surface = text[span[0]:span[1]]
        if surface not in memo:
            words = surface.split()
            best = None
            for full in by_word.get(words[-1], ()):
                if _subsequence(words, full) and (best is None or len(full) > len(best)):
                    best = full
            memo[surface] = " ".join(best) if best else surface
        canon[span] = memo[surface]
    return sorted(spans), canon


def _subsequence(short: list[str], full: list[str]) -> bool:
    it = iter(full)
    return all(any(w == f for f in it) for w in short)
