"""The recogniser: every rule run over a text, overlaps resolved, mentions in order.

`recognise(text)` is pure and fast (a few milliseconds for a long bulletin); the app calls
`recognise_bulletin(bulletin)` for the bulletin on screen, memoised by content hash.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from boletin_tui.entities import gazetteer as gz
from boletin_tui.entities import geo
from boletin_tui.entities.dates import find_dates
from boletin_tui.entities.figures import find_figures
from boletin_tui.entities.model import Mention, new_mention
from boletin_tui.entities.nouns import attach_nouns
from boletin_tui.entities.orgs import find_acronyms, find_orgs, is_facility
from boletin_tui.entities.people import find_people, find_streets, link_people
from boletin_tui.entities.scan import scan
from boletin_tui.entities.spans import Occupancy, keep_best
from boletin_tui.spanish import WEEKDAY_PATTERN

if TYPE_CHECKING:
    from boletin_tui.corpus import Bulletin

_CAP = r"[A-ZÁÉÍÓÚÑ][\wáéíóúñ.]+"
# `Mérida, Yucatán, 12 de octubre de 2022`: the places of a dateline on the first line.
_DATELINE = re.compile(
    rf"^\s*(?P<city>{_CAP}(?: (?:de |del |de la )?{_CAP})*)"
    rf"(?:, (?!(?:{WEEKDAY_PATTERN})\b)(?P<state>{_CAP}(?: {_CAP})*))?"
    rf",? (?:a )?(?:(?:{WEEKDAY_PATTERN}) )?\d{{1,2}} (?:de|DE) ",
    re.IGNORECASE,
)

Span = tuple[int, int]
# Final candidates are (-length, priority, start, end, type, entity).
_rank = itemgetter(0, 1, 2)  # the longest first, then by priority, then the first
_by_start = itemgetter(2, 0, 1)  # start, then as ranked


def _longest_first(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Of overlapping institution candidates `(start, end, canonical)`, the longest (then the
    first); sorted."""
    return sorted(keep_best(spans, lambda s: (s[0] - s[1], s[0])))


def _dateline_places(text: str) -> list[Span]:
    m = _DATELINE.match(text)
    if not m:
        return []
    return [m.span(g) for g in ("city", "state") if m.group(g)]


def _surnames_are_not_towns(
    text: str, places: list[Span], towns: list[tuple[int, int, bool]], people: list[Span]
) -> list[Span]:
    """`places` without the towns found on a weak cue alone (`de Arriaga`) whose name is a
    word of a person named in the text (`Juan Arriaga Pérez`): that is the person again."""
    weak = {(s, e) for s, e, strong in towns if not strong}
    if not weak or not people:
        return places
    words = {w for s, e in people for w in text[s:e].split()}
    return [p for p in places if p not in weak or text[p[0] : p[1]] not in words]


def recognise(text: str) -> list[Mention]:
    """Mentions of people, institutions, places, figures and dates in `text`.

    Sorted by start; no two overlap (the longer span wins, then ORG, PERSON, PLACE, DATE,
    FIGURE). Offsets index `text`. Figures carry their noun (`entities.nouns`).
    """
    found = scan(text)
    size = len(text)
    places = sorted(set(gz.find_places(found)) | set(_dateline_places(text)))
    states = {s for s, e in places if gz.is_state(text[s:e])}
    towns = geo.find_places(found, places, states)
    if towns:
        covered = Occupancy(size, [(s, e) for s, e, _ in towns])
        places = sorted([p for p in places if covered.free(*p)] + [(s, e) for s, e, _ in towns])
    org_cands, blocked = find_orgs(found, places)
    orgs = _longest_first(org_cands)
    orgs = _longest_first(orgs + find_acronyms(text, orgs, blocked))
    org_spans = [(s, e) for s, e, _ in orgs]
    venues = [(s, e) for s, e, venue in blocked if venue]
    venues += find_streets(found, {s for s, _ in places})
    claimed = Occupancy(size, org_spans + venues)
    places = [p for p in places if claimed.free(*p)]
    multi = [p for p in places if " " in text[p[0] : p[1]]]
    single = [p for p in places if " " not in text[p[0] : p[1]]]
    block_spans = [(s, e) for s, e, _ in blocked] + venues
    people = find_people(found, org_spans + block_spans + multi, single, {s for s, _ in places})
    if towns:
        places = _surnames_are_not_towns(text, places, towns, people)
    people, canon = link_people(found, people, org_spans + block_spans + places)
    dates = find_dates(found)
    after_org = {e + 1 for s, e, _ in orgs if text[e : e + 1] == " " and is_facility(text[s:e])}
    figures = find_figures(found, dates + org_spans + people, after_org)

    # Candidates as plain tuples (length, priority, start, end, type, entity); a frozen
    # dataclass costs a microsecond to build, so only the chosen become `Mention`s.
    cands: list[tuple[int, int, int, int, str, Any]] = [
        (s - e, 0, s, e, "ORG", c) for s, e, c in orgs
    ]
    cands += [(s - e, 1, s, e, "PERSON", canon[(s, e)]) for s, e in people]
    cands += [(s - e, 2, s, e, "PLACE", None) for s, e in places]
    cands += [(s - e, 3, s, e, "DATE", None) for s, e in dates]
    cands += [(f[0] - f[1], 4, f[0], f[1], "FIGURE", f) for f in figures]
    kept = keep_best(cands, _rank, start=2)
    kept.sort(key=_by_start)  # as ranking all and then sorting by start would leave them
    chosen: list[Mention] = []
    for _, _, s, e, kind, extra in kept:
        if kind == "FIGURE":
            _, _, value, unit, qualifier = extra
            chosen.append(new_mention(kind, text[s:e], s, e, value, unit, qualifier))
        else:
            chosen.append(new_mention(kind, text[s:e], s, e, None, None, None, extra))
    return attach_nouns(text, chosen)


_CACHE: OrderedDict[str, tuple[Mention, ...]] = OrderedDict()
_CACHE_SIZE = 64


def recognise_bulletin(bulletin: Bulletin) -> list[Mention]:
    """`recognise(bulletin.text)`, memoised by `bulletin.content_hash` (a small LRU cache)."""
    key = bulletin.content_hash
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return list(hit)
    mentions = tuple(recognise(bulletin.text))
    _CACHE[key] = mentions
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return list(mentions)
