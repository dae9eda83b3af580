"""One pass over a text that finds where entities can start, so the rules run anchored.

A regular expression searching a whole text costs about 10 ns a character here (0.05 ms for
5 KB) unless it opens with a literal, which the engine skips ahead to in C. So the scan encodes
the text as Latin-1 (one byte per character) and translates each byte, in C, to its class: a
capital, a digit, another word character or a non-word character. Capitalised words and digit
runs are then literal-led searches of those class bytes, and lower-case words (number words,
months) are searched in a second translation where each word follows a space. The rules try
their own patterns only at the positions found (`pattern.match(text, pos)`) and read word
boundaries from the class bytes.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from boletin_tui.spanish import is_word_char

TOKEN_RE = re.compile(r"[A-ZÁÉÍÓÚÜÑ][\w\-]*|\d+|\$")


_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÜÑ"
# Class bytes: `A` a capital that may open a capitalised word, `0` a decimal digit, `a` any
# other character of `[\w\-]`, and a space for the rest (what `is_word_char` rejects).
CAPITAL, DIGIT, WORD, NON_WORD = b"A"[0], b"0"[0], b"a"[0], b" "[0]


def _class_table() -> bytes:
    table = bytearray()
    for code in range(256):
        ch = chr(code)
        if ch in _CAPITALS:
            table.append(CAPITAL)
        elif ch.isdecimal():  # what `\d` matches
            table.append(DIGIT)
        elif is_word_char(ch):  # what `[\w\-]` matches
            table.append(WORD)
        else:
            table.append(NON_WORD)
    return bytes(table)


CLASS_TABLE = _class_table()
# For finding lower-case words: ASCII lower-case letters stay, any other word character becomes
# `X` and a non-word character a space, so a word beginning with `dos` is ` dos` (no regex
# lookbehind needed, and the search can skip ahead to each space in C).
_LETTER_TABLE = bytes(
    code if "a" <= chr(code) <= "z" else (b"X"[0] if is_word_char(chr(code)) else NON_WORD)
    for code in range(256)
)


def _stem_pattern(stems: tuple[str, ...]) -> re.Pattern[bytes]:
    """` (?:u(?:n)|d(?:os|oce|...)|...)`: a space, then one of `stems`, grouped by their first
    letter so that a failed attempt costs one test per letter, not per stem."""
    by_initial: dict[str, list[str]] = {}
    for stem in stems:
        if not stem.isascii() or not stem.islower() or not stem.isalpha():
            raise ValueError(f"stems are lower-case ASCII words: {stem!r}")
        by_initial.setdefault(stem[0], []).append(re.escape(stem[1:]))
    groups = "|".join(f"{initial}(?:{'|'.join(rests)})" for initial, rests in by_initial.items())
    return re.compile(f" (?:{groups})".encode("ascii"))


_STEM_PATTERNS: dict[tuple[str, ...], re.Pattern[bytes]] = {}


@dataclass(slots=True)
class Scan:
    """Where entities can start in `text`.

    `at_word` maps each capitalised word (`[A-ZÁÉÍÓÚÜÑ][\\w\\-]*`) to its starts, in order;
    `digits` holds the starts of digit runs, then of `$` signs; `classes` has one class byte
    per character (`CLASS_TABLE`) and `letters` a space, then one byte per character
    (`_LETTER_TABLE`)."""

    text: str
    digits: list[int] = field(default_factory=list)
    at_word: dict[str, list[int]] = field(default_factory=dict)
    classes: bytes = b""
    letters: bytes = b" "

    def starts_of(self, words: Collection[str]) -> list[tuple[int, str]]:
        """`(start, word)` of the capitalised words that are in `words` (a set or a dict),
        in text order."""
        found = [
            (start, word)
            for word, starts in self.at_word.items()
            if word in words
            for start in starts
        ]
        found.sort()
        return found

    def word_starts(self, stems: tuple[str, ...]) -> list[int]:
        """Starts of lower-case words beginning with one of `stems` (lower-case ASCII)."""
        pattern = _STEM_PATTERNS.get(stems)
        if pattern is None:
            pattern = _STEM_PATTERNS[stems] = _stem_pattern(stems)
        # `letters` has one more character in front, so a match's start (its space) is the
        # start of the word in `text`.
        return [m.start() for m in pattern.finditer(self.letters)]


def _char_classes(text: str) -> tuple[bytes, bytes]:
    """The class bytes (`CLASS_TABLE`) and the letters (`_LETTER_TABLE`) of `text`; the few
    characters beyond Latin-1 are classified one by one."""
    raw = text.encode("latin-1", "replace")  # one byte per character; `?` for the others
    classes = raw.translate(CLASS_TABLE)
    letters = raw.translate(_LETTER_TABLE)
    if raw.count(b"?") == text.count("?"):
        return classes, b" " + letters
    classes_b, letters_b = bytearray(classes), bytearray(letters)
    pos = raw.find(b"?")
    while pos != -1:
        ch = text[pos]
        if ch.isalnum():
            classes_b[pos] = DIGIT if ch.isdecimal() else WORD
            letters_b[pos] = b"X"[0]
        pos = raw.find(b"?", pos + 1)
    return bytes(classes_b), b" " + bytes(letters_b)


# Searches of the class bytes. Each opens with a literal byte, so the engine skips ahead to
# it in C (a pattern opening with a repeat, `0+`, gets no such prefix scan).
# A capitalised word: a capital, then word characters up to a non-word one.
_CAPITALISED = re.compile(bytes([CAPITAL]) + b"[^" + bytes([NON_WORD]) + b"]*")
# A run of digits (`\d+`).
_DIGIT_RUN = re.compile(bytes([DIGIT, DIGIT]) + b"*")


def _capitalised_words(text: str, classes: bytes) -> dict[str, list[int]]:
    """Each word that `[A-ZÁÉÍÓÚÜÑ][\\w\\-]*` finds, with its starts in order (a capital
    inside a word belongs to that word, as in a regex search)."""
    at_word: dict[str, list[int]] = {}
    for start, end in [m.span() for m in _CAPITALISED.finditer(classes)]:
        word = text[start:end]
        if word in at_word:
            at_word[word].append(start)
        else:
            at_word[word] = [start]
    return at_word


def scan(text: str) -> Scan:
    """Capitalised words, digit runs and `$` signs of `text`. Digit runs inside capitalised
    words (`COVID-19`) are found too; the rules reject them by what precedes them."""
    classes, letters = _char_classes(text)
    at_word = _capitalised_words(text, classes)
    digits = [m.start() for m in _DIGIT_RUN.finditer(classes)]
    dollar = text.find("$")
    while dollar != -1:  # rare; a separate search keeps the digit search simple (fast)
        digits.append(dollar)
        dollar = text.find("$", dollar + 1)
    return Scan(text, digits, at_word, classes, letters)
