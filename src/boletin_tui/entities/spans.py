"""Span bookkeeping shared by the rules: which characters are taken, whole-word search."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

Span = tuple[int, int]


class Occupancy:
    """Characters of a text already claimed by some span; checks cost O(span length)."""

    __slots__ = ("_taken",)

    def __init__(self, size: int, spans: Iterable[Span] = ()) -> None:
        self._taken = bytearray(size + 1)
        for start, end in spans:
            self.mark(start, end)

    def mark(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        return self._taken.find(1, start, end) == -1

    def covered(self, pos: int) -> bool:
        return self._taken[pos] == 1


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "-_"


def find_word(text: str, form: str) -> Iterator[Span]:
    """Occurrences of `form` in `text` not glued to letters, digits or hyphens."""
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        if (start == 0 or not _is_word_char(text[start - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            yield start, end
        start = text.find(form, start + 1)
