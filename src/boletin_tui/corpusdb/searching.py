"""Searching a `CorpusDB`: tags and notes fed from the annotation store, and the query
language compiled to FTS5 (`search.fts`). Imported at the first search, not at launch."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from itertools import compress
from typing import TYPE_CHECKING

from boletin_tui.corpusdb.rows import first
from boletin_tui.search.fold import fold, tokens
from boletin_tui.search.fts import Fts, Sql, as_sql, compile_node
from boletin_tui.search.query import parse, query_terms

if TYPE_CHECKING:
    from boletin_tui.corpusdb.db import CorpusDB


def set_annotations(db: CorpusDB, items: Iterable[tuple[str, Sequence[str], str]]) -> int:
    """Make each `(key, tags, note)` searchable, replacing what the key had, in one
    transaction on `db`'s connection (temporary tables). Returns how many keys have some."""
    with db._lock:
        c = db._conn
        c.execute("BEGIN")
        try:
            for key, tags, note in items:
                for table in ("ann", "ann_tags", "ann_fts"):
                    c.execute(f"DELETE FROM temp.{table} WHERE key = ?", (key,))
                folded = list(
                    dict.fromkeys(t for t in (" ".join(fold(x).split()) for x in tags) if t)
                )
                words = " ".join([*tags, note or ""]).strip()
                if not folded and not tokens(words):
                    continue
                c.execute("INSERT INTO temp.ann(key) VALUES (?)", (key,))
                c.executemany(
                    "INSERT INTO temp.ann_tags(key, tag) VALUES (?, ?)",
                    [(key, t) for t in folded],
                )
                c.execute("INSERT INTO temp.ann_fts(key, words) VALUES (?, ?)", (key, words))
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return int(c.execute("SELECT count(*) FROM temp.ann").fetchone()[0])


def search(db: CorpusDB, query: str, relevance: bool, annotated: bool) -> list[str]:
    """`CorpusDB.search` (see there); `annotated`: some key has tags or notes."""
    q = parse(query)
    if q.root is None:
        return db.keys()
    try:
        return _run(db, compile_node(q.root, annotated), q.words if relevance else [])
    except sqlite3.OperationalError:
        pass  # an expression FTS5 refuses: the words alone
    try:
        words = [w for w in query_terms(query) if w]
        if not words:
            return []
        plain = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
        return _run(db, Fts(plain), [])
    except sqlite3.Error:
        return []


def _run(db: CorpusDB, part: Fts | Sql, rank_words: list[str]) -> list[str]:
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
        cursor = db._conn.execute(sql.sql, sql.params)
        cursor.row_factory = first
        ids: list[int] = cursor.fetchall()
    order, rank = db._timeline()
    # Mark the positions, then keep the marked keys in order: no sort, no per-key object.
    marks = bytearray(len(order) + 1)  # the last slot takes ids without a key yet
    last = len(rank)
    for i in ids:
        marks[rank[i] if i < last else -1] = 1
    return list(compress(order, marks))
