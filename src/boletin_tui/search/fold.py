"""Accent- and case-insensitive folding and tokenisation for Spanish text.

`fold(text)` turns text into its search form: case folded, accents and other diacritics removed
(`á` -> `a`, `ñ` -> `n`, `ü` -> `u`), compatibility characters simplified (`º` -> `o`).

`tokens(text)` splits text into search terms, in order, each folded:

- words and numbers: `Atendió 11,907 casos` -> `atendio`, `11,907`, `11907`, `casos`;
- a number with thousands separators is kept whole and also without its separators
  (`11,907` and `11907`); a decimal such as `3.5` is kept whole only;
- compounds joined by `-` or `/` are kept whole and also split into their parts:
  `IMSS-Bienestar` -> `imss-bienestar`, `imss`, `bienestar`; `119/2020` -> `119/2020`, `119`,
  `2020`.

Both functions are pure and never raise on any string.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from boletin_tui.spanish import fold

_UNIT = r"(?:\d+(?:[.,]\d+)+|\w+)"
# A token is a run of word characters (or a number with separators), optionally joined to
# more of them by hyphens or slashes. Tokenising happens before folding, on NFC text.
TOKEN_RE = re.compile(rf"{_UNIT}(?:[-\u2010\u2011/]{_UNIT})*")
_JOINERS = re.compile(r"[-\u2010\u2011/]")
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


def nfc(text: str) -> str:
    """`text` in composed form, so that `\\w` sees `é` as one letter even if it came decomposed."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def raw_tokens(text: str) -> list[str]:
    """The lowercased tokens of `text`, not yet folded nor expanded into parts."""
    return TOKEN_RE.findall(nfc(text).lower())


@lru_cache(maxsize=4096)
def expand(raw: str) -> tuple[str, ...]:
    """The folded index terms of one raw token: the whole, then its parts and variants.

    Every term is distinct; the first is always the folded whole (with `-` as the only joiner).
    """
    whole = _JOINERS.sub(lambda m: "/" if m.group() == "/" else "-", fold(raw))
    terms = [whole]
    parts = _JOINERS.split(whole) if _JOINERS.search(whole) else [whole]
    if len(parts) > 1:
        terms.extend(p for p in parts if p)
    for part in parts:
        if part and part[0].isdigit() and _THOUSANDS.fullmatch(part):
            terms.append(part.replace(",", "").replace(".", ""))
    return tuple(dict.fromkeys(terms))


def tokens(text: str) -> list[str]:
    """The folded search terms of `text`, in order (see the module docstring)."""
    out: list[str] = []
    for raw in raw_tokens(text):
        out.extend(expand(raw))
    return out


def query_terms(text: str) -> list[str]:
    """The folded whole of each token of `text`: what a query word is looked up as."""
    return [expand(raw)[0] for raw in raw_tokens(text)]
