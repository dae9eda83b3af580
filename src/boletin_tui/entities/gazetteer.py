"""Gazetteers of public bodies and places, compiled once into regular expressions.

`ORG_FORMS` maps every written form of a body (`IMSS`, `Seguro Social`) to its canonical name;
`PLACE_FORMS` does the same for places. `find_orgs` and `find_places` look them up at the
capitalised words of a `Scan`, longest form first, case-sensitively (an all-capitals variant of
every place is added for capitalised datelines).
"""

from __future__ import annotations

from boletin_tui.entities.lexicon import read_data
from boletin_tui.entities.scan import NON_WORD, TOKEN_RE, Scan, is_word_char


def _forms(lines: list[str], upper: bool) -> dict[str, str]:
    forms: dict[str, str] = {}
    for line in lines:
        names = [n.strip() for n in line.split("|") if n.strip()]
        for name in names:
            forms.setdefault(name, names[0])
            if upper:
                forms.setdefault(name.upper(), names[0])
    return forms


ORG_FORMS = _forms(read_data("orgs.txt"), upper=False)
PLACE_FORMS = _forms(read_data("places.txt"), upper=True)
# The 32 states open places.txt; only they have IMSS offices named `<state> <direction>`.
_STATE_NAMES = frozenset(ln.split("|")[0].strip() for ln in read_data("places.txt")[:32])

# Abbreviations that count anywhere; the others (`Gto.`, `Col.`) only after a comma.
_FREE_ABBREVIATIONS = frozenset({"D.F.", "EE.UU.", "Edo. Méx.", "Edo. de Méx.", "Q. Roo"})
_DIRECTIONS = (" Norte", " Sur", " Oriente", " Poniente", " NORTE", " SUR", " ORIENTE", " PONIENTE")


def _index(forms: dict[str, str]) -> dict[str, list[str]]:
    """Forms by their first capitalised word, longest first (as the scanner tokenises)."""
    index: dict[str, list[str]] = {}
    for form in forms:
        first = TOKEN_RE.match(form)
        if first:
            index.setdefault(first.group(), []).append(form)
    for group in index.values():
        group.sort(key=len, reverse=True)
    return index


_ORG_INDEX = _index(ORG_FORMS)
_PLACE_INDEX = _index(PLACE_FORMS)


def org_canonical(form: str) -> str:
    return ORG_FORMS.get(form, form)


def place_canonical(form: str) -> str:
    return PLACE_FORMS.get(form, form)


def _lookup(found: Scan, index: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """Longest known form at each capitalised word, left to right, without overlaps."""
    text, out, last, size = found.text, [], 0, len(found.text)
    classes, startswith = found.classes, text.startswith
    for start, word in found.starts_of(index):
        if start < last or (start and classes[start - 1] != NON_WORD):
            continue
        for form in index[word]:
            end = start + len(form)
            if startswith(form, start) and (end == size or classes[end] == NON_WORD):
                out.append((start, end, form))
                last = end
                break
    return out


def is_state(form: str) -> bool:
    """Is `form` a state (`Yucatán`, `Edomex`) or an IMSS regional office named by one
    (`Veracruz Norte`, `Estado de México Poniente`)?"""
    for direction in _DIRECTIONS:
        if form.endswith(direction):
            form = form[: -len(direction)]
            break
    return place_canonical(form) in _STATE_NAMES


def find_places(found: Scan) -> list[tuple[int, int]]:
    """Spans of known places; a state followed by a direction is one place (`Veracruz Sur`)."""
    spans = []
    text = found.text
    for start, end, form in _lookup(found, _PLACE_INDEX):
        if form[-1] == "." and form not in _FREE_ABBREVIATIONS and text[start - 2 : start] != ", ":
            continue  # `Col.`, `Son.`: a state only after a comma (`Celaya, Gto.`)
        canonical = place_canonical(form)
        if canonical == "México" and text[max(0, start - 10) : start] == "ciudad de ":
            start -= 10  # `ciudad de México` in lower case
        elif canonical in _STATE_NAMES or canonical == "México":  # `México Oriente` too
            for direction in _DIRECTIONS:
                tail = end + len(direction)
                if text.startswith(direction, end) and (
                    tail == len(text) or not is_word_char(text[tail])
                ):
                    end = tail
                    break
        spans.append((start, end))
    return spans


def find_orgs(found: Scan) -> list[tuple[int, int, str]]:
    """Spans of known bodies with their canonical names."""
    return [(s, e, org_canonical(form)) for s, e, form in _lookup(found, _ORG_INDEX)]
