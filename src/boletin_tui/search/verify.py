"""Checking that a phrase's words are adjacent, on the original (unfolded) text.

Folding thousands of candidate bulletins per keystroke is slow (Python's `str.lower` on
accented text runs at ~100 MB/s), and keeping a folded copy costs as much memory as the texts.
Instead `PhraseMatcher` compiles the folded words into a bytes pattern accepting every accented
and upper-case spelling, and scans each candidate's UTF-8 bytes after `bytes.lower` (ASCII-only
and fast); accented capitals are in the pattern. Word boundaries are checked on the few raw
matches only.
"""

from __future__ import annotations

import re

from boletin_tui.search.fold import fold

# Combining accents (U+0300-U+036F) may follow a letter in decomposed text.
_MARKS = rb"(?:\xcc[\x80-\xbf]|\xcd[\x80-\xaf])*"
# Between words: ASCII non-word bytes, Latin-1 punctuation (« » ¿ ¡ nbsp), general punctuation
# (— “ ” …), but never a letter, so "seguro é social" is not "seguro social".
_SEP = rb"(?:[^0-9A-Za-z_\x80-\xff]|\xc2[\x80-\xbf]|\xe2\x80[\x80-\xbf])+"


def _variants() -> dict[str, bytes]:
    # Latin-1 letters only (Spanish and its neighbours): an alternation per letter keeps the
    # pattern's ASCII letters literal, which lets the regex engine skip ahead quickly.
    table: dict[str, list[bytes]] = {}
    for code in range(0xAA, 0x100):
        folded = fold(chr(code))
        if len(folded) == 1 and folded.isascii() and folded.isalpha():
            table.setdefault(folded, []).append(chr(code).encode())
    out = {"-": rb"(?:-|\xe2\x80[\x90\x91])"}
    for key, encoded in table.items():
        tails = b"".join(re.escape(e[1:]) for e in encoded if e[0] == 0xC3)
        others = [re.escape(e) for e in encoded if e[0] != 0xC3]
        alts = [re.escape(key.encode()), b"\xc3[" + tails + b"]", *others]
        out[key] = b"(?:" + b"|".join(alts) + b")" + _MARKS
    return out


_VARIANTS = _variants()


def _char_pattern(c: str) -> bytes:
    found = _VARIANTS.get(c)
    if found is not None:
        return found
    return re.escape(c.encode("utf-8", "surrogatepass"))


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class PhraseMatcher:
    """Whether a text contains `words` (folded) adjacent and in order, as whole words.

    With `open_end` the last word may be the start of a longer word (the user is typing it).
    """

    def __init__(self, words: tuple[str, ...], open_end: bool = False) -> None:
        body = _SEP.join(b"".join(_char_pattern(c) for c in w) for w in words)
        self._pattern = re.compile(body)
        self._open_end = open_end

    def __call__(self, text: str) -> bool:
        data = text.encode("utf-8", "surrogatepass").lower()
        for m in self._pattern.finditer(data):
            if self._before_ok(data, m.start()) and (
                self._open_end or self._after_ok(data, m.end())
            ):
                return True
        return False

    @staticmethod
    def _before_ok(data: bytes, i: int) -> bool:
        j = i - 1
        while j > 0 and 0x80 <= data[j] < 0xC0:  # back to the first byte of that character
            j -= 1
        prev = data[max(j, 0) : i].decode("utf-8", "ignore")
        return not prev or not _is_word_char(prev[-1])

    @staticmethod
    def _after_ok(data: bytes, i: int) -> bool:
        nxt = data[i : i + 4].decode("utf-8", "ignore")
        return not nxt or not _is_word_char(nxt[0])
