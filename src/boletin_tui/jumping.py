"""Where a typed jump goes, without Textual: `2020-04-20`, `20 de abril de 2020`, `2020-04`,
`abril 2020`, `2020`, `119/2020`, or a key as the key line shows it (`sn-5b9ff551c7`).

`parse_jump(text)` reads the target (None when it is not one); `jump_target(bulletins, target)`
finds the bulletin to select among those shown: a number's bulletin, or for a date the first
shown (newest first) on that day, in that month or year, else the one nearest to it.
`jump_key` tries the text as a key first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from boletin_tui.spanish import MONTH_FORMS, fold

if TYPE_CHECKING:
    from boletin_tui.corpus import Bulletin, Outline

_NUMBER = re.compile(r"^(\d{1,5})\s*/\s*(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_MONTH_YEAR_NUM = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_MONTHS = {fold(form): n for n, forms in enumerate(MONTH_FORMS, 1) for form in forms}


@dataclass(frozen=True, slots=True)
class Jump:
    """A bulletin number (`number` and `year`) or a period (`year`, `month` and `day` or
    None)."""

    year: int
    month: int | None = None
    number: int | None = None
    day: int | None = None


def parse_jump(text: str) -> Jump | None:
    """The target `text` names, or None (see the module docstring for the forms)."""
    text = " ".join(fold(text).replace(" de ", " ").split())
    if m := _NUMBER.match(text):
        return Jump(int(m.group(2)), number=int(m.group(1)))
    if (m := _DATE.match(text)) or (m := _DATE_DMY.match(text)):
        year, month, day = (int(g) for g in (m.groups() if m.re is _DATE else m.groups()[::-1]))
        return _day(year, month, day)
    if m := _YEAR_MONTH.match(text):
        month = int(m.group(2))
        return Jump(int(m.group(1)), month) if 1 <= month <= 12 else None
    if m := _MONTH_YEAR_NUM.match(text):
        month = int(m.group(1))
        return Jump(int(m.group(2)), month) if 1 <= month <= 12 else None
    if m := _YEAR.match(text):
        return Jump(int(m.group(1)))
    words = text.split()
    if len(words) == 2 and words[0] in _MONTHS and _YEAR.match(words[1]):
        return Jump(int(words[1]), _MONTHS[words[0]])
    if len(words) == 3 and words[0].isdigit() and words[1] in _MONTHS and _YEAR.match(words[2]):
        return _day(int(words[2]), _MONTHS[words[1]], int(words[0]))
    return None


def _day(year: int, month: int, day: int) -> Jump | None:
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return Jump(year, month, day=day)


def jump_target(bulletins: Sequence[Bulletin | Outline], jump: Jump) -> str | None:
    """The key of the bulletin `jump` leads to among `bulletins` (timeline order), or None."""
    if jump.number is not None:
        for b in bulletins:
            if b.number and b.date and b.date.year == jump.year:
                digits = re.match(r"\d+", b.number)
                if digits and int(digits.group()) == jump.number:
                    return b.key
        return None
    for b in bulletins:
        if b.date and (b.date.year, b.date.month, b.date.day) == (
            jump.year,
            jump.month or b.date.month,
            jump.day or b.date.day,
        ):
            return b.key
    # Nothing in that period: the nearest dated bulletin.
    aim = dt.date(jump.year, jump.month or 6, jump.day or 15)
    dated = [b for b in bulletins if b.date is not None]
    if not dated:
        return None
    return min(dated, key=lambda b: abs((b.date - aim).days) if b.date else 0).key


JUMP_HELP = "Escribe una fecha (2020-04-20, abril 2020, 2020), un número (119/2020) o una clave."
NOT_SHOWN = "No hay ese boletín entre los mostrados."


def jump_key(text: str, bulletins: Sequence[Outline | Bulletin]) -> tuple[str | None, str]:
    """(the key `text` jumps to among `bulletins`, "") or (None, why not, to tell the user)."""
    typed = text.strip().casefold()
    for b in bulletins:  # a key as shown (`sn-5b9ff551c7`, `119/2020`)
        if b.key.casefold() == typed:
            return b.key, ""
    jump = parse_jump(text)
    if jump is None:
        return None, JUMP_HELP
    key = jump_target(bulletins, jump)
    return (key, "") if key is not None else (None, NOT_SHOWN)
