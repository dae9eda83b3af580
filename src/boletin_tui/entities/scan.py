"""One pass over a text that finds where entities can start, so the rules run anchored.

Python's regular expressions cost about 0.3 ms per scan of a 5 KB text here; the recogniser
scans once for capitalised words and digits, finds number words and months with `str.find`,
and then tries each rule only at those positions (`pattern.match(text, pos)`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TOKEN_RE = re.compile(r"[A-ZÁÉÍÓÚÜÑ][\w\-]*|\d+|\$")


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "-_"


@dataclass(slots=True)
class Scan:
    """Capitalised words `(start, end, word)` and starts of digit runs and `$` signs."""

    text: str
    caps: list[tuple[int, int, str]] = field(default_factory=list)
    digits: list[int] = field(default_factory=list)

    def word_starts(self, stems: tuple[str, ...]) -> list[int]:
        """Starts of lower-case words beginning with one of `stems` (`str.find`, no regex)."""
        text, out = self.text, []
        for stem in stems:
            pos = text.find(stem)
            while pos != -1:
                if pos == 0 or not is_word_char(text[pos - 1]):
                    out.append(pos)
                pos = text.find(stem, pos + 1)
        return out


def scan(text: str) -> Scan:
    result = Scan(text)
    caps, digits = result.caps, result.digits
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        if word[0].isdigit() or word == "$":
            digits.append(m.start())
        else:
            caps.append((m.start(), m.end(), word))
    return result
