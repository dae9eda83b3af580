"""Span bookkeeping shared by the rules: which characters are taken, whole-word search."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import Any

from boletin_tui.spanish import is_word_char

Span = tuple[int, int]


class Occupancy:
    """Characters of a text already claimed by some span; checks cost O(span length)."""

    __slots__ = ("_taken",)

    def __init__(self, size: int, spans: Iterable[Span] = ()) -> None:
        taken = self._taken = bytearray(size + 1)
        for start, end in spans:  # what `mark` does, without a call per span
            taken[start:end] = b"\x01" * (end - start)

    def mark(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        # Slicing and `in` beat `find(1, start, end)`, whose argument parsing is slow.
        return 1 not in self._taken[start:end]

    def covered(self, pos: int) -> bool:
        return self._taken[pos] == 1


def keep_best(items: list[tuple], rank: Callable[[tuple], Any], start: int = 0) -> list[tuple]:
    """The items left when, best `rank` first, each is kept if its span is still free.

    Each item holds its span at `item[start]`, `item[start + 1]`. The same outcome as ranking
    all the items, but only each group of overlapping spans (a chain of spans overlapping one
    another) is ranked: a group's outcome cannot depend on items outside it, which overlap
    none of its members, and an item that overlaps nothing is simply kept. Returns the kept
    items group by group, in order of their starts (within a group, by rank).
    """
    end = start + 1
    by_start = sorted(items, key=itemgetter(start))
    kept: list[tuple] = []
    i, count = 0, len(by_start)
    while i < count:
        group_end = by_start[i][end]
        j = i + 1
        while j < count and by_start[j][start] < group_end:
            group_end = max(group_end, by_start[j][end])
            j += 1
        if j == i + 1:
            kept.append(by_start[i])
        else:
            taken = Occupancy(group_end)
            for item in sorted(by_start[i:j], key=rank):
                if taken.free(item[start], item[end]):
                    kept.append(item)
                    taken.mark(item[start], item[end])
        i = j
    return kept


def find_word(text: str, form: str) -> Iterator[Span]:
    """Occurrences of `form` in `text` not glued to letters, digits or hyphens."""
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        if (start == 0 or not is_word_char(text[start - 1])) and (
            end == len(text) or not is_word_char(text[end])
        ):
            yield start, end
        start = text.find(form, start + 1)
