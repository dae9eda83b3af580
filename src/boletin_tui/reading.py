"""Read and unread bulletins, without Textual: the state and the `leído:` search filter.

`ReadState` is the set of keys the current annotator has read, kept by the `Workspace`
(the store keeps it on disk: `store.reads`). `split_read_filter(query)` takes `leído:sí` /
`leído:no` (also `leido:`, `read:`) out of a query, for the workspace to apply to the index's
results; the rest of the query goes to the index untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from boletin_tui.spanish import fold

_FILTER = re.compile(r"(?<![^\s])(?:le[ií]dos?|read):(\S*)(?=\s|$)", re.IGNORECASE)
_YES = {"si", "s", "yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


def split_read_filter(query: str) -> tuple[str, bool | None]:
    """(`query` without its `leído:` filters, True/False for `sí`/`no`, None if absent).

    The last filter given wins; one with no value yet (`leído:`) or an unknown one is
    dropped from the query and ignored, so results stay useful while typing. Filters inside
    a quoted phrase are left alone.
    """
    if ":" not in query:
        return query, None
    want: bool | None = None
    out: list[str] = []
    pos = 0
    for match in _FILTER.finditer(query):
        if query[: match.start()].count('"') % 2:  # inside a phrase
            continue
        value = fold(match.group(1))
        if value in _YES:
            want = True
        elif value in _NO:
            want = False
        out.append(query[pos : match.start()])
        pos = match.end()
    out.append(query[pos:])
    return " ".join("".join(out).split()), want


class ReadState:
    """The keys read by the current annotator."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self.keys: set[str] = set(keys)
        self.version = 0  # counts changes made through `mark` and `unmark`
        self._counted: tuple[Sequence[str], tuple[int, int], int] | None = None

    def is_read(self, key: str | None) -> bool:
        return key is not None and key in self.keys

    def mark(self, keys: Iterable[str]) -> list[str]:
        """Mark `keys` read; return those that were unread, in the order given."""
        new = [k for k in dict.fromkeys(keys) if k not in self.keys]
        self.keys.update(new)
        self.version += 1
        return new

    def unmark(self, keys: Iterable[str]) -> list[str]:
        """Mark `keys` unread; return those that were read."""
        gone = [k for k in dict.fromkeys(keys) if k in self.keys]
        self.keys.difference_update(gone)
        self.version += 1
        return gone

    def unread_count(self, keys: Iterable[str]) -> int:
        """How many of `keys` (distinct) are unread. For a sequence other than a list (a
        tuple, search `Matches`: not changed once made) the answer is remembered until the
        marks change, so a status line redrawn on every move does not count again."""
        stamp = (self.version, len(self.keys))
        memo = self._counted
        if memo is not None and memo[0] is keys and memo[1] == stamp:
            return memo[2]
        if isinstance(keys, Sequence):  # distinct keys: a set operation, in C
            count = len(keys) - len(self.keys.intersection(keys))
        else:
            count = sum(1 for k in keys if k not in self.keys)
        if isinstance(keys, Sequence) and not isinstance(keys, list):
            self._counted = (keys, stamp, count)
        return count

    def filter(self, keys: list[str], read: bool) -> list[str]:
        """The keys of `keys` that are read (`read`) or unread (not `read`), in order."""
        have = self.keys
        return [k for k in keys if (k in have) is read]


class ReadMarker(Protocol):
    """The store methods a `ReadWrite` calls (see `boletin_tui.store.reads.ReadMarks`)."""

    annotator: str

    def mark_read(self, keys: Iterable[str], annotator: str) -> set[str]: ...
    def unmark_read(self, keys: Iterable[str], annotator: str) -> set[str]: ...


@dataclass(frozen=True, slots=True)
class ReadWrite:
    """Read marks the store must add (`read`) or take off (not `read`), for its annotator."""

    keys: tuple[str, ...]
    read: bool

    def apply(self, store: ReadMarker) -> set[str]:
        """Write the marks (blocking; on the store thread), in one durable write."""
        if self.read:
            return store.mark_read(self.keys, store.annotator)
        return store.unmark_read(self.keys, store.annotator)
