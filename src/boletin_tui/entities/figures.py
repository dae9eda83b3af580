"""Figures: quantities with a normalised value, a unit when stated, and a qualifier.

Follows ENTITIES.md: the span runs from the first digit or number word to the end of the
number, money keeps its currency and percentages their sign; `más de 130` is `130` with the
qualifier `más de`; `dos de cada tres` is one ratio; years, dates, clock times, bulletin and unit
numbers (`No. 31`), ordinals and names such as `COVID-19` are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from boletin_tui.entities.numerals import (
    NUMBER,
    UNITS,
    number_value,
    unit_multiplier,
)
from boletin_tui.entities.scan import Scan
from boletin_tui.entities.spans import Occupancy

_UNIT = (
    r"(?P<unit>\s?%| por ?ciento| (?:de )?pesos(?: mexicanos)?| m?md[pd](?![\w])| MDP"
    r"| (?:de )?dólares| (?:de )?euros| MXN| USD)"
)
_LEFT = r"(?<![\w/.,:\-$])"
_RIGHT = r"(?![\w/°º]|-\w|:\d)"
FIGURE_RE = re.compile(rf"{_LEFT}(?P<cur>\$ ?)?(?P<num>{NUMBER}){_UNIT}?{_RIGHT}", re.IGNORECASE)
RATIO_RE = re.compile(
    rf"{_LEFT}(?P<a>{NUMBER}) de (?:cada )?(?P<b>{NUMBER}){_RIGHT}", re.IGNORECASE
)

# Context before a number is tested on the reversed text with `match`, one attempt at its end,
# instead of `search`ing a window for a pattern ending in `$` (ten times slower).
_QUALIFIERS = (
    "poco más de",
    "poco menos de",
    "más de",
    "menos de",
    "alrededor de",
    "cerca de",
    "al menos",
    "por lo menos",
    "aproximadamente",
    "casi",
    "hasta",
    "arriba de",
    "unos",
    "unas",
    "mayor a",
    "mayores a",
    "menor a",
    "menores a",
    "superior a",
    "superiores a",
    "inferior a",
    "inferiores a",
)


def _reversed(words: Iterable[str]) -> str:
    return "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True))


_QUALIFIER_REV = re.compile(
    rf"\s+(?:(?:le|led|sol|sal) )?(?P<q>{_reversed(_QUALIFIERS)})(?!\w)", re.IGNORECASE
)
# A number that names something rather than counts it: `No. 31`, `artículo 4`, `las 10 horas`.
_NAMING_ABBREVIATIONS = ("No", "Núm", "Num", "N°", "n°", "núm", "num")
_NAMING_WORDS = (
    "número",
    "artículo",
    "fracción",
    "fracciones",
    "inciso",
    "página",
    "capítulo",
    "línea",
    "Línea",
    "ruta",
    "cama",
    "consultorio",
    "piso",
    "sala",
    "folio",
    "expediente",
    "clave",
    "versión",
    "código",
)
_NAMING_REV = re.compile(
    rf"\s*(?:\.?(?:{_reversed(_NAMING_ABBREVIATIONS)})|s?(?:{_reversed(_NAMING_WORDS)}))(?!\w)"
    r"|\s*#"
)
_CLOCK_REV = re.compile(r"\s+(?:sal|al)(?!\w)", re.IGNORECASE)
_CLOCK_AFTER = re.compile(
    r"\s*(?:horas|hrs|h\b|de la (?:mañana|tarde|noche)|am\b|pm\b|:)", re.IGNORECASE
)
_NAME_INITIALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚ")
_RANGE_GAP = re.compile(r" (?:al|a|y|-) $")
_RANGE_OPEN = re.compile(r"\b(?:del|de|entre(?: el)?|desde)\s+$", re.IGNORECASE)
_ENUMERATION = re.compile(r"(?:\by|,)\s+$")
_UNIT_NAMES = {
    "%": "%",
    "porciento": "%",
    "pesos": "pesos",
    "mdp": "pesos",
    "mmdp": "pesos",
    "mxn": "pesos",
    "dólares": "dólares",
    "mdd": "dólares",
    "mmdd": "dólares",
    "usd": "dólares",
    "euros": "euros",
}
_ONE = frozenset({"un", "uno", "una"})
# After `un`/`una`, a noun that is not counted but measures something else (`un aumento de 7
# por ciento`), or a noun followed by `de` and a number: then `un` is an article.
_NOT_COUNTED = re.compile(
    r" (?:aumento|incremento|crecimiento|alza|avance|descenso|disminución|reducción|promedio"
    r"|total|monto|porcentaje|máximo|mínimo|equivalente|estimado|acumulado|récord|margen"
    r"|presupuesto|costo|valor|ahorro|índice|tasa|rango|periodo|lapso|plazo)\b"
    r"|(?: \w+){1,2} de (?:\d|más de|hasta)",
    re.IGNORECASE,
)
# Fractions that quantify (`un tercio de los pacientes`, `la mitad de las camas`, `más de la
# mitad.`): the span, from the number word or `la`, with the value as a ratio.
_FRACTION = re.compile(
    r"(?<![\w])(?:(?P<n>un|una|dos|tres|cuatro)"
    r" (?P<d>tercios?|cuartos?|quintos?|(?:cuartas?|quintas?|terceras?) partes?)"
    r"(?= de(?:l| l[oa]s?| sus| est[oa]s| es[oa]s| tod[oa]s| ell[oa]s| \d| nuestr[oa]s)\b)"
    r"|(?P<half>la mitad)(?P<of> de(?:l| l[oa]s?| sus| est[oa]s| es[oa]s| tod[oa]s| ell[oa]s"
    r"| \d| nuestr[oa]s)\b|[.,;])?)",
    re.IGNORECASE,
)
_FRACTION_NUMERATORS = {"un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4}
_FRACTION_DENOMINATORS = {"ter": 3, "cua": 4, "qui": 5}
# `a la mitad del año`, `la mitad del camino`: a point in time or space, not a quantity.
_HALF_NOT_QUANTITY = re.compile(
    r"del? (?:año|mes|semana|día|camino|periodo|sexenio|siglo|jornada|mandato|trayecto|ciclo)"
)
_HALF_BEFORE = re.compile(r"(?:\ba|\ben|\bpor|\bhasta)\s+$", re.IGNORECASE)

Span = tuple[int, int]


_UNIT_OF: dict[str, str] = {}  # a unit as matched -> its name (memo)


def _unit(raw: str | None, currency: str | None) -> str | None:
    if raw:
        name = _UNIT_OF.get(raw)
        if name is None:
            word = raw.strip().lower().replace("por ciento", "porciento").split()[-1]
            if word == "mexicanos":
                word = "pesos"
            name = _UNIT_OF[raw] = _UNIT_NAMES.get(word, word)
        return name
    return "pesos" if currency else None


# The look-back of a number: the 25 characters before it, reversed, which the naming and
# qualifier patterns test with `match` (one attempt at the number, not a search of a window).
# Computed once per number and shared; `_is_naming` reads only its first 20.
_LOOK_BACK = 25
_NAMING_BACK = 20


def _is_naming(text: str, start: int, end: int, num: str, after_org: set[int], back: str) -> bool:
    """Is the number at `text[start:end]` a name (`No. 31`, `las 10 horas`, a telephone)
    rather than a quantity? `back` is the number's look-back (`_LOOK_BACK`)."""
    if start in after_org or _NAMING_REV.match(back, 0, _NAMING_BACK):
        return True
    if num.isdigit():
        if (
            int(num) <= 23  # `a las 24 horas` is a duration
            and _CLOCK_REV.match(back, 0, _NAMING_BACK)
            and _CLOCK_AFTER.match(text, end)
        ):
            return True
        # A telephone number or a code in groups of digits.
        return (text[end : end + 1] == " " and text[end + 1 : end + 2].isdecimal()) or (
            back[:1] == " " and back[1:2].isdecimal()
        )
    # A capitalised number word opening a name (`Tres Marías`), not a sentence.
    return (
        num[0].isupper()
        and text[end : end + 1] == " "
        and text[end + 1 : end + 2] in _NAME_INITIALS
        and back[:1] == " "
        and (back[1:2].isalnum() or back[1:2] in ("_", ","))
    )


# Beginnings of number words (`dos` also finds `doscientos`, `cien` finds `ciento`).
_STEMS = (
    "un",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieci",
    "veint",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
    "cien",
    "quinient",
    "setecient",
    "novecient",
    "mil",
    "medio",
)


_NUMBER_WORDS = frozenset(UNITS) | {"mil", "medio"}
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
    for word, positions in found.at_word.items():
        hit = memo(word)
        if hit or (hit is None and _cap_is_number(word)):
            starts.update(positions)
    return sorted(starts)


# A figure before it becomes a `Mention`: (start, end, value, unit, qualifier).
Figure = tuple[int, int, int | float, str | None, str | None]


def find_figures(found: Scan, taken: list[Span], after_org: set[int]) -> list[Figure]:
    """Figures outside the `taken` spans (dates and names). `after_org` holds the positions
    right after an institution's name, where a number is a unit number (`UMF 28`)."""
    text = found.text
    free = Occupancy(len(text), taken).free
    match_figure = FIGURE_RE.match
    out: list[Figure] = []
    last = 0
    for pos in _starts(found):
        if pos < last:
            continue
        m = match_figure(text, pos)
        if not m:
            continue  # no number here, so no ratio either
        start, end = m.span()
        if not free(start, end):
            # In a date or a name. A ratio from here would contain this match, so it is
            # not free either.
            last = end
            continue
        back = text[max(0, start - _LOOK_BACK) : start][::-1]
        if text.startswith(" de ", m.end("num")):  # maybe `dos de cada tres`, `14 de 32`
            ratio = _ratio(text, pos, free, after_org, back)
            if ratio:
                out.append(ratio)
                last = ratio[1]
                continue
        last = end
        currency, num, unit = m.group("cur", "num", "unit")
        if num.isdecimal():
            if _is_naming(text, start, end, num, after_org, back):
                continue
            value = int(num) if not unit else _scaled(num, unit)
        else:
            low = num.lower()
            if low == "cero" or _is_naming(text, start, end, num, after_org, back):
                continue
            if low in _ONE and not _in_enumeration(text, start, out):
                continue
            value = number_value(num) if not unit else _scaled(num, unit)
        if value is None:
            continue
        out.append((start, end, value, _unit(unit, currency), _qualifier(back)))
    if "mitad" in text or "tercio" in text or "cuart" in text or "quint" in text:
        out = sorted(out + _fractions(text, free))
    return _share_range_units(text, out)


def _fractions(text: str, free: Callable[[int, int], bool]) -> list[Figure]:
    """`un tercio de los pacientes`, `la mitad de las camas`: ratios, where they quantify."""
    out: list[Figure] = []
    for m in _FRACTION.finditer(text):
        start, end = m.span()
        if not free(start, end):
            continue
        back = text[max(0, start - _LOOK_BACK) : start][::-1]
        if m.group("half"):
            end = m.end("half")
            if _HALF_BEFORE.search(text, max(0, start - 8), start) or _HALF_NOT_QUANTITY.match(
                text, end + 1
            ):
                continue
            if m.group("of") is None and not _QUALIFIER_REV.match(back):
                continue  # `la mitad` quantifies `de los...`, or after `más de`, `casi`
            value: int | float = 0.5
        else:
            n = _FRACTION_NUMERATORS[m.group("n").lower()]
            value = _tidy(n / _FRACTION_DENOMINATORS[m.group("d")[:3].lower()])
        out.append((start, end, value, "ratio", _qualifier(back)))
    return out


def _scaled(num: str, unit: str) -> int | float | None:
    """The value of `num` followed by `unit` (`28.9 mdp`), or None if the unit spoils it."""
    factor = unit_multiplier(unit)
    return None if factor is None else number_value(num, factor)


def _ratio(
    text: str, pos: int, free: Callable[[int, int], bool], after_org: set[int], back: str
) -> Figure | None:
    """`dos de cada tres`, `14 de 32` at `pos`, if it is one and free."""
    r = RATIO_RE.match(text, pos)
    if not r:
        return None
    a, b = number_value(r.group("a")), number_value(r.group("b"))
    start, end = r.span()
    if (
        a
        and b
        and a <= b
        and free(start, end)
        and (r.group("a").lower() not in _ONE or "cada" in r.group())
        and not _is_naming(text, start, end, r.group("a"), after_org, back)
    ):
        return (start, end, _tidy(a / b), "ratio", _qualifier(back))
    return None


def _tidy(value: float) -> int | float:
    return int(value) if value == int(value) else round(value, 6)


def _qualifier(back: str) -> str | None:
    """`más de`, `casi`... before a number; `back` is its look-back (`_LOOK_BACK`)."""
    m = _QUALIFIER_REV.match(back)
    return m.group("q")[::-1].lower() if m else None


def _in_enumeration(text: str, start: int, found: list[Figure]) -> bool:
    """`un`/`una` counts only inside a list of quantities: `cinco mujeres y un hombre`."""
    if not _ENUMERATION.search(text, max(0, start - 5), start):
        return False
    after = text.find(" ", start)
    if after != -1 and _NOT_COUNTED.match(text, after):
        return False
    return any(
        0 < start - f[1] <= 90 and not re.search(r"[.;\n]", text[f[1] : start]) for f in found
    )


def _share_range_units(text: str, figures: list[Figure]) -> list[Figure]:
    """`del 54 al 96 por ciento`: the first end of a range takes the unit of the second."""
    out = list(figures)
    for i in range(len(out) - 1):
        (start, end, value, unit, qualifier), second = out[i], out[i + 1]
        if (
            unit is None
            and second[3]
            and second[3] != "ratio"
            and _RANGE_GAP.fullmatch(text, end, second[0])
            and _RANGE_OPEN.search(text, max(0, start - 12), start)
        ):
            out[i] = (start, end, value, second[3], qualifier)
    return out
