"""`Matches`: the keys a search found, as places in the timeline order they were found in.

A search at 100,000 bulletins may match most of them. Rather than a new list of keys, it
gives the ascending positions of the matches in `order` (every key in timeline order, the
same list object the `CorpusView` read at that moment holds), so that the timeline can lay
out its rows from the positions without looking each key up again (issue 11).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import compress
from typing import overload


class Matches(Sequence[str]):
    """Keys `order[p]` for each `p` in `positions` (ascending), in that order. Compares equal
    to any sequence of the same keys in the same order (a list, a tuple)."""

    __slots__ = ("order", "positions")

    def __init__(self, order: Sequence[str], positions: Sequence[int]) -> None:
        self.order = order
        self.positions = positions

    @classmethod
    def marked(cls, order: Sequence[str], marks: bytes | bytearray) -> Matches:
        """The keys of `order` whose byte in `marks` is set (`marks` may be longer)."""
        return cls(order, list(compress(range(len(order)), marks)))

    def where(self, keep: Callable[[str], bool]) -> Matches:
        """The matches whose key `keep` accepts, in the same order."""
        order = self.order
        return Matches(order, [p for p in self.positions if keep(order[p])])

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self.order[p] for p in self.positions[index]]
        return self.order[self.positions[index]]

    def __iter__(self) -> Iterator[str]:
        return map(self.order.__getitem__, self.positions)  # in C

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # compared by content, like a list

    def __repr__(self) -> str:
        return f"Matches({list(self)!r})"
