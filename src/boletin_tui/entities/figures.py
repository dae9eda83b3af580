"""Figures: quantities with a normalised value, a unit when stated, and a qualifier.

Follows ENTITIES.md: the span runs from the first digit or number word to the end of the
number, money keeps its currency and percentages their sign; `más de 130` is `130` with the
qualifier `más de`; `dos de cada tres` is one ratio; years, dates, clock times, bulletin and unit
numbers (`No. 31`), ordinals and names such as `COVID-19` are not figures.
"""

from __future__ import annotations

import re

from boletin_tui.entities.model import Mention
from boletin_tui.entities.numerals import NUMBER, UNITS, parse_number
from boletin_tui.entities.scan import Scan
from boletin_tui.entities.spans import Occupancy

_UNIT = (r"(?P<unit>\s?%| por ?ciento| (?:de )?pesos(?: mexicanos)?| m?md[pd](?![\w])| MDP"
         r"| (?:de )?dólares| (?:de )?euros| MXN| USD)")
_LEFT = r"(?<![\w/.,:\-$])"
_RIGHT = r"(?![\w/°º]|-\w|:\d)"
FIGURE_RE = re.compile(rf"{_LEFT}(?P<cur>\$ ?)?(?P<num>{NUMBER}){_UNIT}?{_RIGHT}", re.IGNORECASE)
RATIO_RE = re.compile(rf"{_LEFT}(?P<a>{NUMBER}) de (?:cada )?(?P<b>{NUMBER}){_RIGHT}",
                      re.IGNORECASE)

_QUALIFIER = re.compile(
    r"\b(?P<q>poco más de|poco menos de|más de|menos de|alrededor de|cerca de|al menos"
    r"|por lo menos|aproximadamente|casi|hasta|arriba de|unos|unas|mayor(?:es)? a|menor(?:es)? a"
    r"|superior(?:es)? a|inferior(?:es)? a)(?: (?:el|del|los|las))?\s+$",
    re.IGNORECASE,
)
# A number that names something rather than counts it: `No. 31`, `artículo 4`, `las 10 horas`.
_NAMING_BEFORE = re.compile(
    r"(?:\b(?:No|Núm|Num|N°|n°|núm|num)\.?|\bnúmeros?|\bartículos?|\bfracci(?:ón|ones)|\bincisos?"
    r"|\bpáginas?|\bcapítulos?|\blíneas?|\bLíneas?|\bruta|\bcamas?|\bconsultorios?|\bpisos?"
    r"|\bsalas?|\bfolios?|\bexpedientes?|\bclaves?|\bversión|\bcódigos?|#)\s*$"
)
_CLOCK_BEFORE = re.compile(r"\b(?:las|la)\s+$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s*(?:horas|hrs|h\b|de la (?:mañana|tarde|noche)|am\b|pm\b|:)",
                          re.IGNORECASE)
_RANGE_GAP = re.compile(r" (?:al|a|y|-) $")
_RANGE_OPEN = re.compile(r"\b(?:del|de|entre(?: el)?|desde)\s+$", re.IGNORECASE)
_ENUMERATION = re.compile(r"(?:\by|,)\s+$")
_UNIT_NAMES = {"%": "%", "porciento": "%", "pesos": "pesos", "mdp": "pesos",
               "mmdp": "pesos", "mxn": "pesos", "dólares": "dólares", "mdd": "dólares",
               "mmdd": "dólares", "usd": "dólares", "euros": "euros"}
_ONE = frozenset({"un", "uno", "una"})

Span = tuple[int, int]


def _unit(raw: str | None, currency: str | None) -> str | None:
    if raw:
        word = raw.strip().lower().replace("por ciento", "porciento").split()[-1]
        if word == "mexicanos":
            word = "pesos"
        return _UNIT_NAMES.get(word, word)
    return "pesos" if currency else None


def _is_naming(text: str, start: int, end: int, num: str, after_org: set[int]) -> bool:
    before = text[max(0, start - 20):start]
    if _NAMING_BEFORE.search(before) or start in after_org:
        return True
    if num.isdigit() and int(num) <= 24 and _CLOCK_BEFORE.search(before) and _CLOCK_AFTER.match(text, end):
        return True
    if num.isdigit() and (re.match(r" \d", text[end:end + 2]) or re.search(r"\d $", before)):
        return True  # a telephone number or a code in groups of digits
    # A capitalised number word opening a name (`Tres Marías`), not a sentence.
    return (num[0].isupper() and not num[0].isdigit() and re.match(r" [A-ZÁÉÍÓÚ]", text[end:end + 2])
            is not None and re.search(r"[\w,] $", before) is not None)


_STEMS = ("un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
          "once", "doce", "trece", "catorce", "quince", "dieci", "veint", "treinta", "cuarenta",
          "cincuenta", "sesenta", "setenta", "ochenta", "noventa", "cien", "doscient",
          "trescient", "quinient", "seiscient", "setecient", "ochocient", "novecient", "mil")


def _starts(found: Scan) -> list[int]:
    """Where a figure may start: digits, `$`, number words (lower-case or capitalised)."""
    starts = set(found.digits)
    starts.update(found.word_starts(_STEMS))
    starts.update(s for s, _, w in found.caps if w.lower() in UNITS or w.lower() == "mil")
    return sorted(starts)


def find_figures(found: Scan, taken: list[Span], after_org: set[int]) -> list[Mention]:
    """Figures outside the `taken` spans (dates and names). `after_org` holds the positions
    right after an institution's name, where a number is a unit number (`UMF 28`)."""
    text = found.text
    free = Occupancy(len(text), taken).free
    out: list[Mention] = []
    last = 0
    for pos in _starts(found):
        if pos < last:
            continue
        m = RATIO_RE.match(text, pos)
        if m:
            a, b = parse_number(m.group("a")), parse_number(m.group("b"))
            if (a and b and a <= b and free(*m.span())
                    and (m.group("a").lower() not in _ONE or "cada" in m.group())
                    and not _is_naming(text, m.start(), m.end(), m.group("a"), after_org)):
                out.append(Mention("FIGURE", m.group(), m.start(), m.end(), _tidy(a / b),
                                   "ratio", _qualifier(text, m.start())))
                last = m.end()
                continue
        m = FIGURE_RE.match(text, pos)
        if not m:
            continue
        start, end = m.span()
        last = end
        num = m.group("num")
        if not free(start, end) or num.lower() == "cero":
            continue
        if _is_naming(text, start, end, num, after_org):
            continue
        if num.lower() in _ONE and not _in_enumeration(text, start, out):
            continue
        value = parse_number(num + (m.group("unit") or ""))
        if value is None:
            continue
        out.append(Mention("FIGURE", m.group(), start, end, value,
                           _unit(m.group("unit"), m.group("cur")), _qualifier(text, start)))
    return _share_range_units(text, out)


def _tidy(value: float) -> int | float:
    return int(value) if value == int(value) else round(value, 6)


def _qualifier(text: str, start: int) -> str | None:
    m = _QUALIFIER.search(text, max(0, start - 25), start)
    return m.group("q").lower() if m else None


def _in_enumeration(text: str, start: int, found: list[Mention]) -> bool:
    """`un`/`una` counts only inside a list of quantities: `cinco mujeres y un hombre`."""
    if not _ENUMERATION.search(text, max(0, start - 5), start):
        return False
    return any(0 < start - f.end <= 90 and not re.search(r"[.;\n]", text[f.end:start])
               for f in found)


def _share_range_units(text: str, figures: list[Mention]) -> list[Mention]:
    """`del 54 al 96 por ciento`: the first end of a range takes the unit of the second."""
    out = list(figures)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if (first.unit is None and second.unit and second.unit != "ratio"
                and _RANGE_GAP.fullmatch(text, first.end, second.start)
                and _RANGE_OPEN.search(text, max(0, first.start - 12), first.start)):
            out[i] = Mention("FIGURE", first.text, first.start, first.end, first.value,
                             second.unit, first.qualifier)
    return out
