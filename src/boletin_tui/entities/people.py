"""People: capitalised names found by cues that generalise, and their short forms linked.

A candidate is a run of capitalised words joined by `de`/`del`/`de la` (and `y` before a last
surname: `Ortega y Gasset`). It is cut where an
institution, an event or a multi-word place begins, and at words that are not names (`Además`,
`Nacional`, `Evaluación`). What is left is a person when it has a cue: a title or role before it
(`la doctora`, `el presidente`, `gobernador de Nayarit, ...`), a role or a reporting verb after it
(`..., titular de`, `... destacó`), a headline verb before it (`Instruye Zoé ...`), a common given
name first, or three or more name-like words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from typing import Any

from boletin_tui.entities.lexicon import (
    REPORTING_VERBS,
    ROLE_RE,
    is_common,
    is_given_name,
    is_name_like,
    is_role_word,
    is_title,
    is_verb_like,
)
from boletin_tui.entities.scan import NON_WORD, Scan
from boletin_tui.entities.spans import Occupancy

_UP = "A-ZÁÉÍÓÚÜÑ"
_LOW = "a-záéíóúüñ"
_NAME_TOKEN = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?|[{_UP}]\."
RUN_RE = re.compile(
    rf"(?:{_NAME_TOKEN})(?: (?:(?:de|del|de la|de los|de las) )?(?:{_NAME_TOKEN}))*"
)
_TOKEN_RE = re.compile(rf"{_NAME_TOKEN}|de la|de los|de las|del|de")
_PARTICLES = frozenset({"de", "del", "de la", "de los", "de las"})
_OPENERS = "\n.:;!?¡¿\"“”«»'‘’·•(—–-"
_AFTER_ROLE = re.compile(
    rf"\s*,\s*(?:el |la |los |las |y )?(?:{ROLE_RE.pattern}|quien)", re.IGNORECASE
)
_NEXT_WORD = re.compile(rf"\s+([{_LOW}]+)")
_WORD_DOT = re.compile(r"\w+\.?(?!\w)")

Span = tuple[int, int]


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0“\"«'‘(¿¡·•-—–":
        i -= 1
    return i < 0 or text[i] in _OPENERS


def _has_cue(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 60) : start]
    words = before.split()
    if words and before[-1:].isspace() and is_title(words[-1]):
        return True
    if words and (words[-1] in REPORTING_VERBS or words[-1].endswith("ó")) and words[-1].islower():
        return True
    stripped = before.rstrip()
    if stripped.endswith(","):
        low = max(0, start - 300)
        cut = max(text.rfind(".", low, start), text.rfind("\n", low, start))
        clause = text[cut + 1 if cut != -1 else low : start]
        if any(map(is_role_word, _WORD_DOT.findall(clause))):
            return True  # `el gobernador de Nayarit, Nombre ...`
    if stripped.endswith(":") and (end == len(text) or text[end] in ".\n"):
        return True  # an attribution closing a headline: `...: Zoé Robledo`
    after = text[end : end + 50]
    if _AFTER_ROLE.match(after):
        return True
    nxt = _NEXT_WORD.match(after)
    return bool(nxt and (nxt.group(1) in REPORTING_VERBS or nxt.group(1).endswith("ó")))


def _plural_phrase(words: list[tuple[int, int, str]]) -> bool:
    """`Personas Trabajadoras Independientes`: a capitalised noun phrase, not a name. A name's
    first word is a given name, and given names ending in -s (`Carlos`) are in the list; a
    plural first word and a plural last word make a noun with its adjective."""
    first, last = words[0][2], words[-1][2]
    return (
        first.endswith("s")
        and not is_given_name(first)
        and last.endswith("s")
        and not is_given_name(last)
    )


def _segments(text: str, run: re.Match[str], stops: Occupancy) -> Iterator[list[Any]]:
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


def _opening_starts(found: Scan) -> list[int]:
    """Starts of the capitalised words that may open a name, in order: a run opening with a
    non-name word (`Además`) would be cut there anyway. Judged once per distinct word."""
    starts = []
    for word, positions in found.at_word.items():
        if not word.isalpha() or is_name_like(word):
            starts += positions
    starts.sort()
    return starts


def _cut_at_place(piece: list[tuple[int, int, str]], place_starts: AbstractSet[int]) -> int:
    """Where a full name followed by `de <place>` ends (`Marta Ruiz Peña de Zacatlán`): the
    index of that `de` in `piece`, or len(piece). With one surname before `de` (`Irma Soto de
    León`), `de León` is the second surname and the name stays whole."""
    for i in range(2, len(piece) - 1):
        if piece[i][2] == "de" and piece[i + 1][0] in place_starts:
            words = [t[2] for t in piece[:i] if t[2] not in _PARTICLES]
            given = 0
            while given < len(words) - 1 and is_given_name(words[given]):
                given += 1
            if len(words) - max(given, 1) >= 2:
                return i
    return len(piece)


# Streets, venues and settlements named after people: `calle Mariano Escobedo`.
_STREET_STEMS = (
    "calle",
    "avenida",
    "bulevar",
    "boulevard",
    "calzada",
    "privada",
    "andador",
    "prolongaci",
    "carretera",
    "colonia",
    "fraccionamiento",
    "barrio",
    "glorieta",
    "callej",
)
_STREET = re.compile(
    r"(?:calles?|avenidas?|bulevar|boulevard|calzada|privada|andador|prolongación|carretera"
    r"|colonia|fraccionamiento|barrio|glorieta|callejón) "
)


def find_streets(found: Scan, place_starts: AbstractSet[int] = frozenset()) -> list[Span]:
    """Spans of the capitalised names after `calle`, `avenida`, `colonia`...: neither people
    nor places. A name ends before `de <place>` (`avenida Miguel Hidalgo de Toluca`)."""
    text = found.text
    spans = []
    for pos in found.word_starts(_STREET_STEMS):
        m = _STREET.match(text, pos)
        if m:
            run = RUN_RE.match(text, m.end())
            if run:
                start, end = run.span()
                for tok in _TOKEN_RE.finditer(text, start, end):
                    cut = text.rfind(" de", start, tok.start())
                    if tok.start() in place_starts and cut > start:
                        end = cut
                        break
                spans.append((start, end))
    return spans


def find_people(
    found: Scan,
    stops: list[Span],
    single_places: list[Span],
    place_starts: AbstractSet[int] = frozenset(),
) -> list[Span]:
    """Spans of person names. `stops` are institutions, blocked names and multi-word places;
    `single_places` are one-word places, which lose to a longer name around them;
    `place_starts` are where places begin, to end a full name before `de <place>`."""
    text = found.text
    people: list[Span] = []
    stopped = Occupancy(len(text), stops)
    places = Occupancy(len(text), single_places)
    last = 0
    for start in _opening_starts(found):
        if start < last:
            continue
        run = RUN_RE.match(text, start)
        if not run:
            continue
        last = run.end()
        name = run.group()
        if " " not in name:
            # One word (what `_segments` would yield for it, checked directly): a person
            # only after a title (`la doctora Sánchez`).
            if (
                name.endswith(".")
                or stopped.covered(start)
                or not is_name_like(name)
                or places.covered(start)
                or is_given_name(name)
            ):
                continue
            before = text[max(0, start - 30) : start].split()
            if before and is_title(before[-1]):
                people.append((start, last))
            continue
        for piece in _segments(text, run, stopped):
            while piece and (piece[0][2] in _PARTICLES or piece[0][2].endswith(".")):
                piece.pop(0)
            while piece and (piece[-1][2] in _PARTICLES or piece[-1][2].endswith(".")):
                piece.pop()
            if place_starts and len(piece) > 3:
                piece = piece[: _cut_at_place(piece, place_starts)]
            if not piece:
                continue
            cue = False
            words = [t for t in piece if t[2] not in _PARTICLES]
            if len(words) >= 2 and _sentence_start(text, piece[0][0]) and is_verb_like(words[0][2]):
                piece = piece[1:]
                words = words[1:]
                cue = True
            start, end = piece[0][0], piece[-1][1]
            if len(words) == 1:
                before = text[max(0, start - 30) : start].split()
                if (
                    places.covered(start)
                    or is_given_name(words[0][2])
                    or not before
                    or not is_title(before[-1])
                ):
                    continue
                people.append((start, end))
                continue
            if (
                (len(words) >= 3 and not _plural_phrase(words))
                or cue
                or is_given_name(words[0][2])
                or _has_cue(text, start, end)
            ):
                people.append((start, _y_surname_end(text, end, stopped, places)))
    return people


# ` y Gasset` closing a name (`José Ortega y Gasset`): one capitalised word that no further
# capitalised word follows, so `Ana Sánchez y Luis Pérez` stays two people.
_Y_SURNAME = re.compile(rf" y ([{_UP}][{_LOW}]+)(?![\w-]| [{_UP}])")


def _y_surname_end(text: str, end: int, stopped: Occupancy, places: Occupancy) -> int:
    """Where a name of two or more words ending at `end` ends when `y` joins a last surname
    to it; `end` when it does not (the word is a given name, a common word, a place or part of
    an institution: `Ana Pérez y Oaxaca`, `... y Salud`)."""
    joined = _Y_SURNAME.match(text, end)
    if joined is None:
        return end
    word, at = joined.group(1), joined.start(1)
    if (
        is_given_name(word)
        or is_common(word)
        or not is_name_like(word)
        or stopped.covered(at)
        or places.covered(at)
    ):
        return end
    return joined.end()


def _surname_forms(name: str) -> list[str]:
    """Short forms of a full name that may appear alone: `López Obrador`, `Andrés López`,
    `López` (given names and common words are never short forms on their own)."""
    words = [w for w in name.split() if w not in ("de", "del", "la", "los", "las", "y")]
    if len(words) < 2:
        return []
    forms = []
    if " y " in name:  # `José Ortega y Gasset` -> `Ortega y Gasset`
        forms.append(name.split(" ", 1)[1])
    if len(words) >= 3:
        forms.append(" ".join(words[-2:]))
        forms.append(f"{words[0]} {words[-2]}")
        forms.append(words[-2])
    else:
        forms.append(words[-1])
    return [f for f in forms if not is_common(f) and not is_given_name(f)]


def link_people(
    found: Scan, spans: list[Span], taken: list[Span]
) -> tuple[list[Span], dict[Span, str]]:
    """Add further uses of the names found and their short forms (`Robledo Aburto`), and give
    each mention its entity.

    Returns the spans, sorted, and a map span -> canonical name (the fullest name containing it).
    """
    text = found.text
    at_word = found.at_word  # capitalised word -> its starts: where a form may be
    size = len(text)
    first: dict[str, int] = {}
    for s, e in sorted(spans):
        first.setdefault(text[s:e], s)
    # Fullest names first, then in order of appearance (deterministic, unlike set order).
    names = sorted(first, key=lambda n: (-len(n.split()), first[n]))
    spans = list(spans)
    occupied = Occupancy(len(text), spans + taken)
    free, mark, startswith, classes = occupied.free, occupied.mark, text.startswith, found.classes
    for name in names:
        for form in dict.fromkeys([name, *_surname_forms(name)]):
            n = len(form)
            for s in at_word.get(form.split(" ", 1)[0], ()):
                e = s + n  # a whole-word occurrence of `form` at `s`, not yet taken
                if (
                    startswith(form, s)
                    and (s == 0 or classes[s - 1] == NON_WORD)
                    and (e == size or classes[e] == NON_WORD)
                    and free(s, e)
                ):
                    spans.append((s, e))
                    mark(s, e)
    by_word: dict[str, list[list[str]]] = {}
    for name in names:
        for word in set(name.split()):
            by_word.setdefault(word, []).append(name.split())
    canon: dict[Span, str] = {}
    memo: dict[str, str] = {}
    for span in spans:
        surface = text[span[0] : span[1]]
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
