"""Bulletin keys: one string per bulletin, the same wherever it is typed or read.

- A numbered bulletin's key is its number and year, the number zero-padded to three digits as
  IMSS prints it: `119/2020`, `045/2019` (`45/2019` is the same bulletin, so it normalises to
  `045/2019`). Numbers restart each year, so `119/2020` and `119/2021` differ.
- A bulletin without a number gets `sn-` ("sin número") and ten hex digits of its content hash:
  stable across renames and moves, and never mistaken for a number (it has no slash).
- When two different bulletins print the same number, the plain key goes to the earliest dated
  one (undated after dated), ties broken by content hash; the others get the number key plus
  `~` and six hex digits of their content hash (`assign_keys`). The rule depends only on the
  bulletins, never on the order of paths, folder walks or the cache.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

_NUMBER_KEY = re.compile(r"^\s*(?:no\.?\s*)?0*(\d{1,5})\s*/\s*(\d{4})\s*\.?\s*$", re.IGNORECASE)
_CONTENT_KEY = re.compile(r"^sn-[0-9a-f]{10}$")
_CONFLICT_KEY = re.compile(r"^(\d{3,5}/\d{4})~[0-9a-f]{6}$")


def number_key(number: int | str, year: int | str) -> str:
    """`number_key(45, 2019) == "045/2019"`. The year keeps its four digits as printed
    (`101/0202`, a typo, stays `101/0202`): every key made here is one `normalise_key`
    accepts and returns unchanged."""
    return f"{int(number):03d}/{int(year):04d}"


FIRST_YEAR = 1943  # IMSS was founded in 1943: no bulletin of its can be older


def plausible_year(key: str) -> bool:
    """False for a numbered key whose year cannot be a bulletin's (before 1943, or after next
    year): most likely a typo in the file (`No. 101/0202`), which `check` reports."""
    from datetime import date

    match = re.match(r"^\d{3,5}/(\d{4})", key)
    if match is None:
        return True
    return FIRST_YEAR <= int(match.group(1)) <= date.today().year + 1


def content_key(content_hash: str) -> str:
    return f"sn-{content_hash[:10]}"


def conflict_key(key: str, content_hash: str) -> str:
    return f"{key}~{content_hash[:6]}"


def normalise_key(text: str) -> str:
    """The canonical form of a key typed by a user or read from a file.

    Accepts `45/2019`, `045/2019`, `No. 45/2019`, `sn-…` and conflict keys; raises
    `ValueError` for anything else.
    """
    raw = text.strip()
    match = _NUMBER_KEY.match(raw)
    if match:
        return number_key(match.group(1), match.group(2))
    lowered = raw.lower()
    if _CONTENT_KEY.match(lowered):
        return lowered
    conflict = _CONFLICT_KEY.match(lowered)
    if conflict:
        head, tail = lowered.split("~")
        return f"{normalise_key(head)}~{tail}"
    raise ValueError(f"clave de boletín no válida: {text!r} (se espera algo como 119/2020)")


def key_rank(date: dt.date | None, content_hash: str) -> tuple[int, int, str]:
    """Which of several bulletins printing one number keeps the plain key: lowest rank wins."""
    return (date is None, date.toordinal() if date else 0, content_hash)


def assign_keys(base_key: str, members: Sequence[tuple[dt.date | None, str]]) -> list[str]:
    """Keys for the bulletins `members` (date, content hash) that all print `base_key`, in the
    order given: the best ranked (`key_rank`) gets `base_key`, the others conflict keys."""
    if len(members) == 1:
        return [base_key]
    winner = min(range(len(members)), key=lambda i: key_rank(*members[i]))
    return [
        base_key if i == winner else conflict_key(base_key, content_hash)
        for i, (_, content_hash) in enumerate(members)
    ]
