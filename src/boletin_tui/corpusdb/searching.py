"""Searching a `CorpusDB`: tags and notes fed from the annotation store, and the query
language compiled to FTS5 (`search.fts`). Imported at the first search, not at launch."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING

from boletin_tui.corpusdb.matches import Matches
from boletin_tui.search.fold import fold, tokens
from boletin_tui.search.fts import Fts, Sql, as_sql, compile_node
from boletin_tui.search.query import parse, query_terms

if TYPE_CHECKING:
    from boletin_tui.corpusdb.db import CorpusDB


#: What `set_annotations` takes per key: `(key, tags, note)`, or `(key, tags, note, marked)`
#: where `marked` makes the key count for `anotado:sí` even with no tag nor word (a bulletin
#: whose only annotation is a passage without tags or note; see `search.terms`).
AnnotationTerms = tuple[str, Sequence[str], str] | tuple[str, Sequence[str], str, bool]


def set_annotations(db: CorpusDB, items: Iterable[AnnotationTerms]) -> int:
    """Make each item's tags and note searchable for its key (see `AnnotationTerms`),
    replacing what the key had, in one transaction on `db`'s connection (temporary tables).
    Returns how many keys count as annotated (some tag, some word, or marked)."""
    with db._lock:
        c = db._conn
        c.execute("BEGIN")
        try:
            for key, tags, note, *marked in items:
                # By rowid: the words' table cannot look a key up (an FTS5 column), and a
                # `DELETE ... WHERE key = ?` there read all of it, for every key: 20,000
                # annotations took half a minute at launch (issue 11).
                found = c.execute("SELECT rowid FROM temp.ann WHERE key = ?", (key,)).fetchone()
                if found is not None:
                    c.execute("DELETE FROM temp.ann_fts WHERE rowid = ?", found)
                    c.execute("DELETE FROM temp.ann WHERE rowid = ?", found)
                c.execute("DELETE FROM temp.ann_tags WHERE key = ?", (key,))
                folded = list(
                    dict.fromkeys(t for t in (" ".join(fold(x).split()) for x in tags) if t)
                )
                words = " ".join([*tags, note or ""]).strip()
                searchable = bool(tokens(words))
                if not folded and not searchable and not (marked and marked[0]):
                    continue
                rowid = c.execute("INSERT INTO temp.ann(key) VALUES (?)", (key,)).lastrowid
                c.executemany(
                    "INSERT INTO temp.ann_tags(key, tag) VALUES (?, ?)",
                    [(key, t) for t in folded],
                )
                if searchable or folded:
                    c.execute(
                        "INSERT INTO temp.ann_fts(rowid, key, words) VALUES (?, ?, ?)",
                        (rowid, key, words),
                    )
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return int(c.execute("SELECT count(*) FROM temp.ann").fetchone()[0])


def search(db: CorpusDB, query: str, relevance: bool, annotated: bool) -> Matches | list[str]:
    """`CorpusDB.search` (see there); `annotated`: some key has tags or notes."""
    q = parse(query)
    if q.root is None:
        order = db._current_order()  # no positions needed: every key
        return Matches(order, range(len(order)))
    try:
        return _run(db, compile_node(q.root, annotated), q.words if relevance else [])
    except sqlite3.OperationalError:
        pass  # an expression FTS5 refuses: the words alone
    try:
        words = [w for w in query_terms(query) if w]
        if not words:
            return Matches([], [])
        plain = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
        return _run(db, Fts(plain), [])
    except sqlite3.Error:
        return Matches([], [])


def _run(db: CorpusDB, part: Fts | Sql, rank_words: list[str]) -> Matches | list[str]:
    sql = as_sql(part)
    if rank_words:
        expr = " OR ".join('"' + w.replace('"', '""') + '"' for w in rank_words)
        return [
            k
            for (k,) in db._all(
                "SELECT b.key FROM bulletins b LEFT JOIN"
                " (SELECT rowid, bm25(fts) AS r FROM fts WHERE fts MATCH ?) s ON s.rowid = b.id"
                f" WHERE b.id IN ({sql.sql})"
                f" AND b.key IS NOT NULL ORDER BY s.r IS NULL, s.r, b.undated, b.neg_day,"
                f" b.neg_num, b.title_fold, b.hash",
                (expr, *sql.params),
            )
        ]
    with db._lock:
        # issue 11: the ids as one string, split in C (a row per id cost five times more
        # when most bulletins match), read under the same lock as the order they index.
        (text,) = db._conn.execute(
            f"SELECT group_concat(id) FROM ({sql.sql})", sql.params
        ).fetchone()
        order, rank = db._timeline()
    ids = json.loads(f"[{text}]") if text else []  # a third of `map(int, split)`'s time
    if len(ids) < 2:
        found = [rank[i] if i < len(rank) else len(order) for i in ids]
    else:
        if (top := max(ids)) >= len(rank):  # ids of bulletins without a key (not listed)
            rank = rank + [len(order)] * (top + 1 - len(rank))
        found = sorted(itemgetter(*ids)(rank))  # in C; ids are distinct (SQL sets)
    while found and found[-1] == len(order):  # without a key: not listed
        found.pop()
    return Matches(order, found)
