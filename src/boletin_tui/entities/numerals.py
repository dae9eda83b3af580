"""Spanish numerals and the number forms of the Mexican press, to values.

`parse_number("11 mil 907") == 11907`, `parse_number("3 millones 400 mil") == 3400000`,
`parse_number("ciento cuarenta y dos") == 142`, `parse_number("86.3%") == 86.3`,
`parse_number("28.9 mdp") == 28900000`, `parse_number("un millón y medio") == 1500000`. The
regular expressions that find such numbers in a text (`NUMBER`) live here too, so the grammar
and the arithmetic stay together.
"""

from __future__ import annotations

import re

UNITS = {
    "cero": 0,
    "un": 1,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "trece": 13,
    "catorce": 14,
    "quince": 15,
    "dieciséis": 16,
    "dieciseis": 16,
    "diecisiete": 17,
    "dieciocho": 18,
    "diecinueve": 19,
    "veinte": 20,
    "veintiuno": 21,
    "veintiún": 21,
    "veintiuna": 21,
    "veintidós": 22,
    "veintidos": 22,
    "veintitrés": 23,
    "veintitres": 23,
    "veinticuatro": 24,
    "veinticinco": 25,
    "veintiséis": 26,
    "veintiseis": 26,
    "veintisiete": 27,
    "veintiocho": 28,
    "veintinueve": 29,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "sesenta": 60,
    "setenta": 70,
    "ochenta": 80,
    "noventa": 90,
    "cien": 100,
    "ciento": 100,
    "doscientos": 200,
    "doscientas": 200,
    "trescientos": 300,
    "trescientas": 300,
    "cuatrocientos": 400,
    "cuatrocientas": 400,
    "quinientos": 500,
    "quinientas": 500,
    "seiscientos": 600,
    "seiscientas": 600,
    "setecientos": 700,
    "setecientas": 700,
    "ochocientos": 800,
    "ochocientas": 800,
    "novecientos": 900,
    "novecientas": 900,
}
SCALES = {
    "mil": 1_000,
    "millón": 1_000_000,
    "millon": 1_000_000,
    "millones": 1_000_000,
    "billón": 10**12,
    "billon": 10**12,
    "billones": 10**12,
}
# Number nouns, which multiply what precedes them: `dos centenares` is 200.
NOUNS = {
    "centenar": 100,
    "centenares": 100,
    "decena": 10,
    "decenas": 10,
    "veintena": 20,
    "veintenas": 20,
    "docena": 12,
    "docenas": 12,
    "millar": 1_000,
    "millares": 1_000,
}
# Abbreviations that carry their own scale: millones / miles de millones de pesos or dollars.
SCALED_UNITS = {"mdp": 1_000_000, "mmdp": 1_000_000_000, "mdd": 1_000_000, "mmdd": 1_000_000_000}
_IGNORED = {
    "y",
    "de",
    "por",
    "ciento",
    "porciento",
    "%",
    "$",
    "pesos",
    "dólares",
    "dolares",
    "mxn",
    "usd",
    "euros",
    "mexicanos",
    "estadounidenses",
}

_TENS = "treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa"
_UNIT_WORDS = "uno|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
_HUNDREDS = (
    "ciento|doscient[oa]s|trescient[oa]s|cuatrocient[oa]s|quinient[oa]s|seiscient[oa]s"
    "|setecient[oa]s|ochocient[oa]s|novecient[oa]s"
)
_SMALL = (
    "diez|once|doce|trece|catorce|quince|dieci(?:séis|seis|siete|ocho|nueve)|veinte"
    "|veinti(?:uno|una|ún|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)"
    "|cien|" + _UNIT_WORDS
)
# A spelled-out number below a thousand: `ciento cuarenta y dos`, `veintitrés`, `nueve`.
_WORD_BELOW_1000 = (
    rf"(?:(?:{_HUNDREDS})(?: (?:(?:{_TENS})(?: y (?:{_UNIT_WORDS}))?|{_SMALL}))?"
    rf"|(?:{_TENS})(?: y (?:{_UNIT_WORDS}))?|{_SMALL})"
)
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ATOM = rf"(?:{DIGITS}|{_WORD_BELOW_1000})"
_SCALE = r"(?:mil|millones|millón|billones|billón)"
# After a scale, a number is the next group only if another scale or nothing of the kind
# follows: `3 millones 400 mil`, `11 mil 907`.
_GROUPS = rf"(?: {_SCALE}(?: {_ATOM}(?= {_SCALE}\b|(?! {_SCALE})))?)*"
# Number nouns: `un centenar`, `dos decenas`, `una docena`, `un millar`.
_NOUN = r"(?:centenar(?:es)?|decenas?|veintenas?|docenas?|millar(?:es)?)"
# `11 mil 907`, `3 millones 400 mil`, `7 mil millones`, `2.5 millones`; numbers opening with a
# bare `mil` (`mil 140`, `mil 85 millones`); halves of a million or more (`medio millón`,
# `dos millones y medio`: the look-behind, a scale just ended); number nouns (`un centenar`).
NUMBER = (
    rf"(?:(?:mil )?{_ATOM}(?: {_NOUN}(?![\w])|{_GROUPS}(?:(?<=ones|llón|llon) y medio)?)"
    rf"|medio (?:millón|billón)|mil(?: {_SCALE})*)"
)

_PERCENT = re.compile(r"por ?ciento")
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+|[%$]")


def _digits_value(token: str) -> float:
    if "," in token:
        head, _, tail = token.partition(",")
        if re.fullmatch(r"\d{3}(?:,\d{3})*(?:\.\d+)?", tail):
            return float(token.replace(",", ""))
        return float(f"{head}.{tail.replace(',', '')}")  # a decimal comma
    return float(token)


def _tidy(value: float) -> int | float:
    if value == int(value):
        return int(value)
    return round(value, 10)


def parse_number(text: str) -> int | float | None:
    """The value of a number written in Spanish press style, or None if `text` is not one.

    Accepts digits with thousands commas and decimal points, number words, scale words
    (`mil`, `millones`) mixed with digits, and ignores a trailing unit (`%`, `por ciento`,
    `pesos`); `mdp`/`mdd` multiply by a million. Returns an int when the value is whole.
    """
    return _value(_TOKEN.findall(_PERCENT.sub("%", text.lower())))


def _value(tokens: list[str], multiplier: int = 1) -> int | float | None:
    total = 0.0
    current = 0.0
    last_scale = 0  # the unit of the last group of a million or more, for `y medio`
    thousands = False  # a `mil` in the group being read
    seen = False
    for token in tokens:
        if token[0].isdigit():
            current += _digits_value(token)
            seen = True
        elif token in UNITS:
            current += UNITS[token]
            seen = True
        elif token in SCALES:
            scale = SCALES[token]
            if scale == 1_000:
                current = (current or 1) * 1_000
                thousands = True
            else:
                total += (current or 1) * scale
                # `y medio` halves the group's unit: a million, or a thousand million in
                # `7 mil millones y medio` (7,500 millions).
                last_scale = scale * 1_000 if thousands else scale
                current, thousands = 0.0, False
            seen = True
        elif token in NOUNS:
            current = (current or 1) * NOUNS[token]
            seen = True
        elif token == "medio":
            if current == 0 and last_scale:  # `dos millones y medio`
                total += last_scale / 2
            else:  # `medio millón`
                current += 0.5
            seen = True
        elif token in SCALED_UNITS:
            multiplier = SCALED_UNITS[token]
        elif token not in _IGNORED:
            return None
    if not seen:
        return None
    return _tidy((total + current) * multiplier)


_MULTIPLIERS: dict[str, int | None] = {}


def unit_multiplier(unit: str) -> int | None:
    """What a unit matched after a number does to its value, as in `parse_number(num + unit)`:
    a factor (`mdp` -> 1000000, `%` -> 1), or None when the unit spoils the number."""
    if unit not in _MULTIPLIERS:
        factor: int | None = 1
        for token in _TOKEN.findall(_PERCENT.sub("%", unit.lower())):
            if token in SCALED_UNITS:
                factor = SCALED_UNITS[token]
            elif token not in _IGNORED:
                factor = None
                break
        _MULTIPLIERS[unit] = factor
    return _MULTIPLIERS[unit]


def number_value(num: str, multiplier: int = 1) -> int | float | None:
    """`parse_number` for a match of `NUMBER` (any case), times `multiplier`; equal to
    `parse_number(num + unit)` with `multiplier = unit_multiplier(unit)`. A match's words
    are separated by single spaces, so `split` tokenises it as `_TOKEN` does, but faster."""
    if num.isdecimal():  # plain digits, the commonest case: what `_value` computes for them
        return _tidy(float(num) * multiplier)
    return _value(num.lower().split(" "), multiplier)
