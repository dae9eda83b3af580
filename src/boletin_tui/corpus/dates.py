"""Spanish dates and datelines (month and weekday names from `boletin_tui.spanish`).

A dateline is a city followed by a date: `Ciudad de México, 20 de abril de 2020`,
`Ciudad de México, jueves 30 de mayo de 2024.`, `Mérida, Yucatán, a 12 de octubre de 2022.`,
`CIUDAD DE MÉXICO, 3 DE ENERO DE 2021`.
"""

from __future__ import annotations

import datetime as dt
import re

from boletin_tui.spanish import MONTH_PATTERN, WEEKDAY_PATTERN, month_number

_MONTH = f"(?:{MONTH_PATTERN})"
_WEEKDAY = f"(?:{WEEKDAY_PATTERN})"
DATE_PATTERN = (
    rf"(?:{_WEEKDAY},?\s+)?(?:a\s+)?(?P<day>\d{{1,2}})(?:o|º|°)?\.?\s+de\s+(?P<month>{_MONTH})"
    rf"\s+(?:de|del)\s+(?P<year>\d{{4}})"
)
_DATELINE = re.compile(rf"^(?P<city>[^\d]+?),\s*(?P<date>{DATE_PATTERN})\s*\.?$", re.IGNORECASE)
_LONE_DATE = re.compile(rf"^(?P<date>{DATE_PATTERN})\s*\.?$", re.IGNORECASE)
_LOWER_WORDS = {"de", "del", "la", "las", "los", "el", "y", "e"}


def parse_dateline(line: str) -> tuple[str | None, dt.date | None] | None:
    """A dateline's city and date, or None if the line is not a dateline.

    The date may be None when the line has a dateline's shape but an impossible date
    (`31 de febrero de 2020`).
    """
    match = _DATELINE.match(line.strip())
    if match:
        return normal_case(match.group("city").strip(" ,")), _date_from(match)
    match = _LONE_DATE.match(line.strip())
    if match:
        return None, _date_from(match)
    return None


def _date_from(match: re.Match) -> dt.date | None:
    """The date a dateline match names (the regex has already found day, month and year)."""
    month = month_number(match.group("month"))
    if month is None:
        return None
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except (TypeError, ValueError):  # no such month or day
        return None


def normal_case(text: str) -> str:
    """Title-case a place printed in capitals (`CIUDAD DE MÉXICO` -> `Ciudad de México`)."""
    if text != text.upper():
        return text
    words = text.lower().split(" ")
    return " ".join(
        w if i and w in _LOWER_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
