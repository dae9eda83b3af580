"""Spanish-language facts shared by the corpus, the recogniser, search and the interface.

One home for what the other packages used to list each on their own: month names (with the
abbreviations the press uses), weekday names (accented and unaccented), accent folding and what
counts as a word character. Pure data and small functions; importing it is cheap.
"""

from __future__ import annotations

import re
import unicodedata

# Months in order; `MONTHS[0]` is January.
MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
# Every written form of each month, lower-case: the name, variants, abbreviations.
MONTH_FORMS: tuple[tuple[str, ...], ...] = (
    ("enero", "ene"),
    ("febrero", "feb"),
    ("marzo", "mar"),
    ("abril", "abr"),
    ("mayo", "may"),
    ("junio", "jun"),
    ("julio", "jul"),
    ("agosto", "ago"),
    ("septiembre", "setiembre", "sep", "sept"),
    ("octubre", "oct"),
    ("noviembre", "nov"),
    ("diciembre", "dic"),
)
# Full month names, including the variant `setiembre` (no abbreviations: `mar`, `may` are words).
MONTH_NAMES = (*MONTHS[:9], "setiembre", *MONTHS[9:])
# Weekdays from Monday; each with its accented form first, then the unaccented one if any.
WEEKDAY_FORMS: tuple[tuple[str, ...], ...] = (
    ("lunes",),
    ("martes",),
    ("miércoles", "miercoles"),
    ("jueves",),
    ("viernes",),
    ("sábado", "sabado"),
    ("domingo",),
)
WEEKDAYS = tuple(forms[0] for forms in WEEKDAY_FORMS)
WEEKDAY_NAMES = tuple(form for forms in WEEKDAY_FORMS for form in forms)
# Every calendar word (months and weekdays, all forms, lower-case): never a place or a name.
CALENDAR_WORDS = frozenset(MONTH_NAMES) | frozenset(WEEKDAY_NAMES)

# Regular-expression alternations (lower-case; compile with IGNORECASE or add `.upper()`).
MONTH_PATTERN = "|".join(MONTH_NAMES)
WEEKDAY_PATTERN = "|".join(WEEKDAY_NAMES)

_MONTH_NUMBER = {form: i + 1 for i, forms in enumerate(MONTH_FORMS) for form in forms}


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation in any case (`Sept.` -> 9), else None."""
    return _MONTH_NUMBER.get(word.lower().rstrip("."))


def is_calendar_word(word: str) -> bool:
    """Is `word` (any case, accented or not) a month or a weekday name?"""
    return word.lower() in CALENDAR_WORDS


def is_word_char(ch: str) -> bool:
    """A character that belongs to a word for the recogniser: a letter, a digit, `-` or `_`
    (so `COVID-19` and `IMSS-Bienestar` are one word)."""
    return ch.isalnum() or ch in "-_"


# Combining marks of any script (accents, tildes, diaereses) once a text is decomposed.
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """`text` case folded and without accents or other diacritics (`Ñú` -> `nu`), with
    compatibility characters simplified (`º` -> `o`). May differ in length from `text`."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize("NFC", _COMBINING.sub("", text))
