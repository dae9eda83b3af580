"""Figures: quantities with a normalised value, a unit when stated, and a qualifier.

Follows ENTITIES.md: the span runs from the first digit or number word to the end of the
number, money keeps its currency and percentages their sign; `más de 130` is `130` with the
qualifier `más de`; `dos de cada tres` is one ratio; years, dates, clock times, bulletin and unit
numbers (`No. 31`), ordinals and names such as `COVID-19` are not figures.
"""

from __future__ import annotations

import re

from boletin_tui.entities.model import Mention
from boletin_tui.entities.numerals import (
    NUMBER, UNITS, number_value, parse_number, unit_multiplier,
)
from boletin_tui.entities.scan import Scan
from boletin_tui.entities.spans import Occupancy

_UNIT = (r"(?P<unit>\s?%| por ?ciento| (?:de )?pesos(?: mexicanos)?| m?md[pd](?![\w])| MDP"
         r"| (?:de )?dólares| (?:de )?euros| MXN| USD)")
_LEFT = r"(?<![\w/.,:\-$])"
_RIGHT = r"(?![\w/°º]|-\w|:\d)"
FIGURE_RE = re.compile(rf"{_LEFT}(?P<cur>\$ ?)?(?P<num>{NUMBER}){_UNIT}?{_RIGHT}", re.IGNORECASE)
RATIO_RE = re.compile(rf"{_LEFT}(?P<a>{NUMBER}) de (?:cada )?(?P<b>{NUMBER}){_RIGHT}",
                      re.IGNORECASE)

# Context before a number is tested on the reversed text with `match`, one attempt at its end,
# instead of `search`ing a window for a pattern ending in `$` (ten times slower).
_QUALIFIERS = ("poco más de", "poco menos de", "más de", "menos de", "alrededor de", "cerca de",
               "al menos", "por lo menos", "aproximadamente", "casi", "hasta", "arriba de",
               "unos", "unas", "mayor a", "mayores a", "menor a", "menores a", "superior a",
               "superiores a", "inferior a", "inferiores a")


def _reversed(words) -> str:
    return "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True))


_QUALIFIER_REV = re.compile(rf"\s+(?:(?:le|led|sol|sal) )?(?P<q>{_reversed(_QUALIFIERS)})(?!\w)",
                            re.IGNORECASE)
# A number that names something rather than counts it: `No. 31`, `artículo 4`, `las 10 horas`.
_NAMING_ABBREVIATIONS = ("No", "Núm", "Num", "N°", "n°", "núm", "num")
_NAMING_WORDS = ("número", "artículo", "fracción", "fracciones", "inciso", "página", "capítulo",
                 "línea", "Línea", "ruta", "cama", "consultorio", "piso", "sala", "folio",
                 "expediente", "clave", "versión", "código")
_NAMING_REV = re.compile(
    rf"\s*(?:\.?(?:{_reversed(_NAMING_ABBREVIATIONS)})|s?(?:{_reversed(_NAMING_WORDS)}))(?!\w)"
    r"|\s*#")
_CLOCK_REV = re.compile(r"\s+(?:sal|al)(?!\w)", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s*(?:horas|hrs|h\b|de la (?:mañana|tarde|noche)|am\b|pm\b|:)",
                          re.IGNORECASE)
_NAME_INITIALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚ")
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
    if start in after_org:
        return True
    rev = text[max(0, start - 20):start][::-1]
    if _NAMING_REV.match(rev):
        return True
    nxt = text[end:end + 2]
    if num.isdigit():
        if int(num) <= 24 and _CLOCK_REV.match(rev) and _CLOCK_AFTER.match(text, end):
            return True
        if (nxt[:1] == " " and nxt[1:].isdecimal()) or (rev[:1] == " " and rev[1:2].isdecimal()):
            return True  # a telephone number or a code in groups of digits
    # A capitalised number word opening a name (`Tres Marías`), not a sentence.
    return (num[0].isupper() and nxt[:1] == " " and nxt[1:] in _NAME_INITIALS
            and rev[:1] == " " and (rev[1:2].isalnum() or rev[1:2] in ("_", ",")))


# Beginnings of number words (`dos` also finds `doscientos`, `cien` finds `ciento`).
_STEMS = ("un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
          "once", "doce", "trece", "catorce", "quince", "dieci", "veint", "treinta", "cuarenta",
          "cincuenta", "sesenta", "setenta", "ochenta", "noventa", "cien", "quinient",
          "setecient", "novecient", "mil")


_NUMBER_WORDS = frozenset(UNITS) | {"mil"}
_CAP_IS_NUMBER: dict[str, bool] = {}  # capitalised word -> is it a number word (memo)


def _cap_is_number(word: str) -> bool:
    if len(_CAP_IS_NUMBER) > 50_000:
        _CAP_IS_NUMBER.clear()
    hit = _CAP_IS_NUMBER[word] = word.lower() in _NUMBER_WORDS
    return hit


def _starts(found: Scan) -> list[int]:
    """Where a figure may start: digits, `$`, number words (lower-case or capitalised)."""
    starts = set(found.digits)
    starts.update(found.word_starts(_STEMS))
    memo = _CAP_IS_NUMBER.get
    for s, _, w in found.caps:
        hit = memo(w)
        if hit or (hit is None and _cap_is_number(w)):
            starts.add(s)
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
        m = FIGURE_RE.match(text, pos)
        if not m:
            continue  # no number here, so no ratio either
        if text.startswith(" de ", m.end("num")):  # maybe `dos de cada tres`, `14 de 32`
            r = RATIO_RE.match(text, pos)
            if r:
                a, b = parse_number(r.group("a")), parse_number(r.group("b"))
                if (a and b and a <= b and free(*r.span())
                        and (r.group("a").lower() not in _ONE or "cada" in r.group())
                        and not _is_naming(text, r.start(), r.end(), r.group("a"), after_org)):
                    out.append(Mention("FIGURE", r.group(), r.start(), r.end(), _tidy(a / b),
                                       "ratio", _qualifier(text, r.start())))
                    last = r.end()
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
        unit = m.group("unit")
        if not unit:
            value = int(num) if num.isdecimal() else number_value(num)
        else:
            factor = unit_multiplier(unit)
            value = None if factor is None else number_value(num, factor)
        if value is None:
            continue
        out.append(Mention("FIGURE", m.group(), start, end, value,
                           _unit(unit, m.group("cur")), _qualifier(text, start)))
    return _share_range_units(text, out)


def _tidy(value: float) -> int | float:
    return int(value) if value == int(value) else round(value, 6)


def _qualifier(text: str, start: int) -> str | None:
    m = _QUALIFIER_REV.match(text[max(0, start - 25):start][::-1])
    return m.group("q")[::-1].lower() if m else None


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
