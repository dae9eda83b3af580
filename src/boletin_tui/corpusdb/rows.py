"""Rows of the corpus database as records: the timeline order, the outline columns, and
`Outline`/`Bulletin` built from what a query returns (`CorpusDB` reads through these)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import deque
from collections.abc import Sequence

from boletin_tui.corpus.model import Bulletin, Link, Outline
from boletin_tui.corpusdb.schema import from_db

ORDER = "ORDER BY undated, neg_day, neg_num, title_fold, hash"
COLUMNS = (
    "key, number, kind, date, city, dateline, title,"
    " (SELECT group_concat(path, char(0)) FROM (SELECT path FROM files f"
    "  WHERE f.hash = b.hash ORDER BY path)), hash"
)
OUTLINE = f"SELECT {COLUMNS} FROM bulletins b"
PLAIN = COLUMNS.split(", (SELECT", 1)[0]  # without the sources


def first(_cursor: sqlite3.Cursor, row: tuple) -> object:
    """A row factory keeping the first column only."""
    return row[0]


def bulletin_of(o: Outline, body: str | None) -> Bulletin:
    """The bulletin of outline `o` with its stored body (JSON; None: an empty text)."""
    highlights, paragraphs, links = json.loads(body) if body else ([], [], [])
    return Bulletin(
        key=o.key,
        number=o.number,
        kind=o.kind,
        date=o.date,
        city=o.city,
        dateline=o.dateline,
        title=o.title,
        highlights=tuple(highlights),
        paragraphs=tuple(paragraphs),
        links=tuple(Link(label, url) for label, url in links),
        sources=o.sources,
        content_hash=o.content_hash,
    )


def outline_of(row: Sequence) -> Outline:
    """The outline of a row of `COLUMNS` (sources joined by NUL)."""
    key, number, kind, date, city, dateline, title, sources, content_hash = row
    return Outline(
        key,
        number,
        kind,
        dt.date.fromisoformat(date) if date else None,
        city,
        dateline,
        title,
        tuple(from_db(p) for p in sources.split("\0")) if sources else (),
        content_hash,
    )


def rank_of(ids: str, count: int) -> list[int]:
    """Each bulletin id's position in the timeline, from `ids` (`"4,1,7"`: the ids in
    timeline order, `count` of them); `count` for an id not in it."""
    found = list(map(int, ids.split(","))) if ids else []
    rank = [count] * (max(found, default=0) + 1)
    deque(map(rank.__setitem__, found, range(count)), maxlen=0)  # in C
    return rank
