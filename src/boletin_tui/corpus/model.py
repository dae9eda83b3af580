"""Plain records the rest of the application receives: bulletins, links and load reports.

Nothing here reads files or knows about the interface. `Bulletin` is frozen so it can be shared
between threads and cached safely.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass(frozen=True, slots=True)
class Link:
    """A URL at the end of a bulletin, with the label that introduced it (`fotos`, `video`)."""

    label: str
    url: str

    def __reduce__(self) -> tuple[type[Link], tuple[str, str]]:
        return (Link, (self.label, self.url))


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a bulletin's `text`: where it starts and what it is.

    `role` is one of `dateline`, `title`, `highlight`, `paragraph`.
    """

    role: str
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Bulletin:
    """One press bulletin, cleaned of conversion artefacts and page furniture.

    `key` identifies the bulletin everywhere (annotations, search, the command line): the
    normalised number for numbered bulletins (`119/2020`), or `sn-<hash>` for bulletins without
    a number (see `corpus.keys`). `number` is the number as printed, or None.
    """

    key: str
    number: str | None
    kind: str | None
    date: dt.date | None
    city: str | None
    dateline: str | None
    title: str
    highlights: tuple[str, ...]
    paragraphs: tuple[str, ...]
    links: tuple[Link, ...]
    sources: tuple[str, ...]
    content_hash: str

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The dateline, title, highlights and paragraphs, with their offsets into `text`."""
        parts: list[tuple[str, str]] = []
        if self.dateline:
            parts.append(("dateline", self.dateline))
        parts.append(("title", self.title))
        parts.extend(("highlight", h) for h in self.highlights)
        parts.extend(("paragraph", p) for p in self.paragraphs)
        blocks, start = [], 0
        for role, text in parts:
            blocks.append(Block(role, start, text))
            start += len(text) + 1  # the "\n" that joins blocks in `text`
        return tuple(blocks)

    @property
    def text(self) -> str:
        """Dateline, title, highlights and paragraphs joined by newlines.

        Entity offsets (`entities`) and search refer to this string.
        """
        return "\n".join(b.text for b in self.blocks)

    @property
    def year(self) -> int | None:
        """The year of the bulletin: its date's, else the year of its number."""
        return _year(self.date, self.number)

    def outline(self) -> Outline:
        """This bulletin without its highlights, paragraphs and links."""
        return Outline._make(getattr(self, name) for name in Outline._fields)

    def __reduce__(self) -> tuple[Any, ...]:
        # Positional rebuild: bulletins sent back from the parsing processes are rebuilt
        # twice as fast as with the dataclass's generic __setstate__.
        return (Bulletin, tuple(getattr(self, name) for name in self.__slots__))

    def to_json(self) -> dict:
        """The bulletin as JSON-ready data (the `list --json` shape)."""
        return {
            "key": self.key,
            "number": self.number,
            "kind": self.kind,
            "date": self.date.isoformat() if self.date else None,
            "city": self.city,
            "title": self.title,
            "highlights": list(self.highlights),
            "paragraphs": list(self.paragraphs),
            "links": [{"label": link.label, "url": link.url} for link in self.links],
            "sources": list(self.sources),
            "content_hash": self.content_hash,
        }


class Outline(NamedTuple):
    """What a list of bulletins shows: a `Bulletin`'s fields without its body.

    The corpus database gives outlines for the timeline (`CorpusDB.rows`) without reading any
    text; the full bulletin is read when it is opened (`CorpusDB.bulletin`). It has no `text`,
    so it cannot be mistaken for a bulletin.
    A named tuple, not a frozen dataclass: cheap to build by the thousand.
    """

    key: str
    number: str | None
    kind: str | None
    date: dt.date | None
    city: str | None
    dateline: str | None
    title: str
    sources: tuple[str, ...]
    content_hash: str

    @property
    def year(self) -> int | None:
        return _year(self.date, self.number)


def _year(date: dt.date | None, number: str | None) -> int | None:
    """A bulletin's year: its date's, else the year of its number (`119/2020`)."""
    if date is not None:
        return date.year
    if number and "/" in number:
        tail = number.rsplit("/", 1)[1]
        return int(tail) if tail.isdigit() else None
    return None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that gave no bulletin, and why (a Spanish sentence for the user)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """Different bulletins that print the same number; each keeps a distinct key."""

    number_key: str
    keys: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(slots=True)
class Corpus:
    """What loading a set of paths gave: bulletins newest first (undated last), and problems.

    `duplicates` lists, for bulletins read from more than one file, their key and sources.
    `complete` is False for a corpus that is not every file's yet.
    """

    bulletins: list[Bulletin] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    duplicates: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    label: str = ""
    complete: bool = True

    def by_key(self) -> dict[str, Bulletin]:
        return {b.key: b for b in self.bulletins}

    @property
    def clean(self) -> bool:
        return not (self.skipped or self.conflicts or self.duplicates)
