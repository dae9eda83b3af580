"""`CorpusDB`: the bulletins of a set of corpus folders, their texts and their search index.

    db = CorpusDB.open(paths, cache_dir)   # shows at once what the file already holds
    db.sync(progress)                      # parse new and changed files (any thread)
    db.count(); db.rows(0, 50); db.bulletin(key); db.search("vacuna OR gripe")

Reads go through one connection guarded by a lock; `sync` opens its own, so it may run in a
worker thread while the interface reads. Two processes may share the file (WAL: one writer,
the other waits). Tags and notes for search live in this connection's memory only
(`set_annotation_terms`), fed from the annotation store, which stays the source of truth.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from boletin_tui.corpus.model import Bulletin, Conflict, Outline, Skipped
from boletin_tui.corpusdb import schema
from boletin_tui.corpusdb.matches import Matches
from boletin_tui.corpusdb.report import Progress, SyncReport
from boletin_tui.corpusdb.rows import (
    COLUMNS,
    ORDER,
    OUTLINE,
    PLAIN,
    bulletin_of,
    outline_of,
    rank_of,
)

if TYPE_CHECKING:
    from boletin_tui.corpusdb.searching import AnnotationTerms


class CorpusDB:
    """The corpus database for `paths` (see the module docstring)."""

    def __init__(self, path: Path | str, paths: Sequence[os.PathLike[str] | str]) -> None:
        self.path = path
        self.paths = [os.fspath(p) for p in paths]
        self._conn = schema.open_database(path)
        self._lock = threading.RLock()
        self._annotated = 0
        self._version: int | None = None  # `PRAGMA data_version` the order below is from
        self._order: list[str] = []  # keys in timeline order
        self._ids = ""  # their ids, in the same order, as "4,1,7"
        self._rank: list[int] | None = None  # id -> position in `_order`, made from `_ids`
        self.last_sync: SyncReport | None = None

    @classmethod
    def open(
        cls,
        paths: Sequence[os.PathLike[str] | str],
        cache_dir: os.PathLike[str] | str | None = None,
        *,
        memory: bool = False,
    ) -> CorpusDB:
        """The database for these corpus paths in `cache_dir` (the user cache folder by
        default), or a private one in memory (`memory=True`, for `--no-cache`). Databases of
        older schema versions in that folder are deleted (`schema.prune_older`)."""
        if memory:
            return cls(":memory:", paths)
        path = schema.db_path(paths, cache_dir)
        schema.prune_older(path.parent)
        return cls(path, paths)

    @classmethod
    def of(cls, bulletins: Iterable[Bulletin]) -> CorpusDB:
        """A private database in memory holding `bulletins`, in the order given, with their
        own keys (for tests and benchmarks that make bulletins rather than files)."""
        from boletin_tui.corpusdb.sync import insert_bulletin

        db = cls(":memory:", [])
        conn = db._conn
        conn.execute("BEGIN")
        for pos, b in enumerate(bulletins):
            if insert_bulletin(conn, b):
                conn.execute(
                    "UPDATE bulletins SET key = ?, undated = 0, neg_day = ?, neg_num = 0"
                    " WHERE hash = ?",
                    (b.key, pos, b.content_hash),
                )
        conn.execute("COMMIT")
        return db

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- keeping in step with the files ------------------------------------------------------

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Parse new and changed files, drop removed ones; `progress(done, total)` after each
        committed batch. Safe from any thread. A database found damaged meanwhile is moved
        aside and rebuilt."""
        from boletin_tui.corpusdb.sync import sync  # the parser: not needed to read

        in_memory = os.fspath(self.path) == ":memory:"
        conn = self._conn if in_memory else schema.open_database(self.path)
        try:
            with self._lock if in_memory else _nolock():
                report = sync(conn, self.paths, progress)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) or in_memory:
                raise
            conn.close()
            schema.move_aside(Path(self.path), "dañada")
            conn = schema.open_database(self.path)
            report = sync(conn, self.paths, progress)
            with self._lock:
                self._conn.close()
                self._conn = schema.open_database(self.path)
        finally:
            if not in_memory:
                conn.close()
        self._version = None
        self.last_sync = report
        return report

    # -- reading -------------------------------------------------------------------------------

    def count(self) -> int:
        return self._one("SELECT count(*) FROM bulletins WHERE key IS NOT NULL")

    def keys(self) -> list[str]:
        """Every key in timeline order: newest first, undated last."""
        return list(self._current_order())

    def skeleton(self) -> tuple[list[str], list[str | None]]:
        """Every key in timeline order with its month (`"2023-05"`; None when undated): what
        the timeline's headings need, without titles or texts. The list of keys is the one
        searches then give their positions in (`Matches.order`), until the data changes."""
        with self._lock:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            return self._read_skeleton(version)

    def _read_skeleton(self, version: int) -> tuple[list[str], list[str | None]]:
        # issue 11: one string of each column, split in C (a row per key read from SQLite
        # took 50-80 ms of a warm launch at 100,000; this takes a third of that). The data
        # version is read first: a commit in between only makes the next search read again.
        found, keys, months, ids = self._conn.execute(
            "SELECT count(*), group_concat(key, char(0)), group_concat(ifnull(month, ''),"
            f" char(0)), group_concat(id) FROM (SELECT id, key, month FROM bulletins"
            f" WHERE key IS NOT NULL {ORDER})"
        ).fetchone()
        split_keys: list[str] = keys.split("\0") if found else []
        split_months = months.split("\0") if found else []
        if len(split_keys) != found or len(split_months) != found:  # a NUL in a key (a test)
            rows = self._conn.execute(
                f"SELECT key, month, id FROM bulletins WHERE key IS NOT NULL {ORDER}"
            ).fetchall()
            split_keys, split_months = [r[0] for r in rows], [r[1] or "" for r in rows]
            ids = ",".join(str(r[2]) for r in rows)
        if split_keys == self._order and (ids or "") == self._ids:
            split_keys = self._order  # the same list: views and searches share it (`Matches`)
        else:
            self._order, self._ids, self._rank = split_keys, ids or "", None
        self._version = version
        return split_keys, [m or None for m in split_months]

    def _current_order(self) -> list[str]:
        """Keys in order (the list `skeleton` last gave), read again only when the data
        changed (a commit by another connection changes `data_version`; `sync` resets it
        here)."""
        with self._lock:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                self._read_skeleton(version)
            return self._order

    def _timeline(self) -> tuple[list[str], list[int]]:
        """`_current_order()` and each id's position in it (made when first asked for)."""
        with self._lock:
            self._current_order()
            if self._rank is None:
                self._rank = rank_of(self._ids, len(self._order))
            return self._order, self._rank

    def prepare_search(self) -> None:
        """Make now what the first search needs (a worker calls it, not the interface)."""
        self._timeline()

    def rows(self, offset: int = 0, limit: int = -1) -> list[Outline]:
        """Outlines (no body) in timeline order, `limit` of them from `offset` (-1: all)."""
        if 0 <= limit <= 500:  # a page: each row's sources by the index on files.hash
            sql = f"{OUTLINE} WHERE key IS NOT NULL {ORDER} LIMIT ? OFFSET ?"
            return [outline_of(r) for r in self._all(sql, (limit, offset))]
        # Many rows: every source in one pass (a sub-select per row costs 20 times more).
        sources = self._sources()
        sql = f"SELECT {PLAIN}, hash FROM bulletins WHERE key IS NOT NULL {ORDER} LIMIT ? OFFSET ?"
        return [
            outline_of((*r[:7], "\0".join(sources.get(r[7], ())), r[7]))
            for r in self._all(sql, (limit, offset))
        ]

    def _sources(self) -> dict[str, list[str]]:
        """Every bulletin's source files, by content hash, each list sorted."""
        sources: dict[str, list[str]] = {}
        for content_hash, path in self._all(
            "SELECT hash, path FROM files WHERE hash IS NOT NULL ORDER BY path"
        ):
            sources.setdefault(content_hash, []).append(schema.from_db(path))
        return sources

    def outline(self, key: str) -> Outline | None:
        rows = self._all(f"{OUTLINE} WHERE key = ? LIMIT 1", (key,))
        return outline_of(rows[0]) if rows else None

    def bulletin(self, key: str) -> Bulletin | None:
        """The full bulletin under `key`, or None."""
        with self._lock:
            row = self._conn.execute(
                f"SELECT id, {COLUMNS} FROM bulletins b WHERE key = ? LIMIT 1", (key,)
            ).fetchone()
            if row is None:
                return None
            body = self._conn.execute("SELECT body FROM texts WHERE id = ?", (row[0],)).fetchone()
        return bulletin_of(outline_of(row[1:]), body[0] if body else None)

    def bulletins(self) -> list[Bulletin]:
        """Every bulletin, in timeline order (reads every text: for the CLI)."""
        sources = self._sources()
        sql = (
            f"SELECT {PLAIN}, hash, (SELECT body FROM texts t WHERE t.id = b.id)"
            f" FROM bulletins b WHERE key IS NOT NULL {ORDER}"
        )
        return [
            bulletin_of(outline_of((*r[:7], "\0".join(sources.get(r[7], ())), r[7])), r[8])
            for r in self._all(sql)
        ]

    def text(self, key: str) -> str | None:
        found = self.bulletin(key)
        return found.text if found else None

    def problems(self) -> list[Skipped]:
        """Files stored as skipped for their content (not a bulletin, too big…)."""
        rows = self._all("SELECT path, reason FROM files WHERE reason IS NOT NULL ORDER BY path")
        return [Skipped(schema.from_db(p), r) for p, r in rows]

    def duplicates(self) -> list[tuple[str, tuple[str, ...]]]:
        """Bulletins read from more than one file: key and every source."""
        shared = self._all(
            "SELECT hash FROM files WHERE hash IS NOT NULL GROUP BY hash HAVING count(*) > 1"
        )
        out = []
        for (content_hash,) in shared:
            key = self._all("SELECT key FROM bulletins WHERE hash = ?", (content_hash,))
            paths = self._all(
                "SELECT path FROM files WHERE hash = ? ORDER BY path", (content_hash,)
            )
            if key and key[0][0] is not None:
                out.append((key[0][0], tuple(schema.from_db(p) for (p,) in paths)))
        return sorted(out)

    def conflicts(self) -> list[Conflict]:
        """Numbers printed by different bulletins: the plain key first."""
        out = []
        for (base,) in self._all(
            "SELECT base_key FROM bulletins GROUP BY base_key HAVING count(*) > 1 ORDER BY base_key"
        ):
            members = [
                o
                for o in (
                    self.outline(k)
                    for (k,) in self._all(
                        "SELECT key FROM bulletins WHERE base_key = ? ORDER BY key <> ?, key",
                        (base, base),
                    )
                )
                if o is not None
            ]
            out.append(
                Conflict(base, tuple(o.key for o in members), tuple(o.sources[0] for o in members))
            )
        return out

    # -- searching -----------------------------------------------------------------------------

    def set_annotation_terms(
        self, key: str, tags: Sequence[str], note: str, *, marked: bool = False
    ) -> None:
        """Make `tags` and `note` searchable for `key` (replacing what it had); `marked`:
        `key` counts for `anotado:sí` even without tags or words (see `searching`)."""
        self.set_annotations([(key, tags, note, marked)])

    def set_annotations(self, items: Iterable[AnnotationTerms]) -> None:
        """`set_annotation_terms` for many, `(key, tags, note[, marked])` each, in one
        transaction (at launch)."""
        from boletin_tui.corpusdb.searching import set_annotations

        self._annotated = set_annotations(self, items)

    def search(self, query: str, *, relevance: bool = False) -> Matches | list[str]:
        """Keys matching `query` (see `search.SYNTAX_HELP`) in timeline order, as `Matches`
        (positions in the keys `skeleton` gave), or by relevance as a list (bm25 over the
        text words; ties and non-text conditions in timeline order). Every key for an empty
        query. Never raises: bad syntax is searched as words, then as nothing."""
        from boletin_tui.corpusdb.searching import search

        return search(self, query, relevance, self._annotated > 0)

    # -- helpers -------------------------------------------------------------------------------

    def _all(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[object] = ()) -> int:
        return int(self._all(sql, params)[0][0])


class _nolock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


__all__ = ["CorpusDB", "SyncReport"]
