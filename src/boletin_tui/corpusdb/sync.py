"""Bringing the database in step with the files: stat everything, parse only what changed.

New and changed files are parsed (in several processes when there are many) and written in
batches, each in its own transaction, so readers see progress as it is committed; rows of
removed files go in the first one. A failure to read a file is reported and never stored, so
the file is read again next time. Keys are reassigned for every number a batch touched
(`corpus.keys.assign_keys`): they depend only on the bulletins, never on paths or order.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Sequence

from boletin_tui.corpus.files import check_stat, find_files, is_read_failure, parse_file
from boletin_tui.corpus.keys import assign_keys
from boletin_tui.corpus.model import Bulletin, Skipped
from boletin_tui.corpus.parallel import map_files
from boletin_tui.corpusdb.report import Progress, SyncReport
from boletin_tui.corpusdb.schema import add_missing_indexes, from_db, to_db

BATCH = 1000
# What a worker process gives for one file: the parse result, and for a bulletin the text, the
# figure tokens and the body as JSON (the CPU work of indexing, done in parallel).
Prepared = tuple[Bulletin | Skipped, tuple[str, str, str] | None]


def prepare(path: str) -> Prepared:
    """Parse `path` and, for a bulletin, compute what indexing it needs."""
    result = parse_file(path)
    if isinstance(result, Skipped):
        return result, None
    return result, prepare_bulletin(result)


def prepare_bulletin(b: Bulletin) -> tuple[str, str, str]:
    body = [list(b.highlights), list(b.paragraphs), [[x.label, x.url] for x in b.links]]
    # Here, not at the top: it imports the recogniser's numerals (0.3 s with `entities`),
    # which a launch that parses nothing never needs.
    from boletin_tui.corpusdb.numbers import figure_tokens

    return b.text, figure_tokens(b.text), json.dumps(body, ensure_ascii=False)


def sync(
    conn: sqlite3.Connection, paths: Sequence[os.PathLike[str] | str], progress: Progress | None
) -> SyncReport:
    report = SyncReport()
    add_missing_indexes(conn)  # here, in the worker: at 100,000 bulletins it takes ~1 s once
    files, problems = find_files(paths)
    report.problems.extend(p for p in problems if is_read_failure(p))
    known = {
        from_db(row[0]): (row[1], row[2])
        for row in conn.execute("SELECT path, size, mtime_ns FROM files")
    }
    stale: list[tuple[str, os.stat_result]] = []
    present: set[str] = set()
    for path in files:
        try:
            info = os.stat(path)
        except OSError as exc:
            report.problems.append(Skipped(path, f"no se pudo leer ({exc.strerror or exc})"))
            continue
        problem = check_stat(path, info)
        if problem is not None and problem.reason.startswith("no es un archivo normal"):
            report.problems.append(problem)
            continue
        present.add(path)
        if known.get(path) != (info.st_size, info.st_mtime_ns):
            stale.append((path, info))
    removed = [p for p in known if p not in present]
    # Content skipped before (too big, not a bulletin) stays a problem: reported once here.
    report.problems[:0] = [p for p in problems if not is_read_failure(p)]
    total = len(stale)
    if progress:
        progress(0, total)
    if removed:
        _write(conn, [], removed, report, known)
    if not stale:
        return report
    batch: list[tuple[str, os.stat_result, Prepared]] = []
    done = 0
    results = map_files(prepare, [p for p, _ in stale])
    for (path, info), result in zip(stale, results, strict=True):
        batch.append((path, info, result))
        if len(batch) >= BATCH:
            _write(conn, batch, [], report, known)
            done += len(batch)
            batch = []
            if progress:
                progress(done, total)
    if batch:
        _write(conn, batch, [], report, known)
        done += len(batch)
    if progress:
        progress(done, total)
    return report


def _write(
    conn: sqlite3.Connection,
    batch: list[tuple[str, os.stat_result, Prepared]],
    removed: list[str],
    report: SyncReport,
    known: dict[str, tuple[int, int]],
) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        old_hashes: set[str] = set()
        touched: set[str] = set()  # numbers whose keys must be reassigned
        inserted: set[str] = set()  # numbers of new bulletins (keyed plainly on insert)
        for path in removed:
            old_hashes.update(_drop_file(conn, path))
            report.removed += 1
        for path, info, (result, extras) in batch:
            old_hashes.update(_drop_file(conn, path))
            if path in known:
                report.changed += 1
            else:
                report.added += 1
            if isinstance(result, Skipped):
                if is_read_failure(result):
                    report.problems.append(result)  # read again next time
                    continue
                conn.execute(
                    "INSERT INTO files(path, size, mtime_ns, hash, reason)"
                    " VALUES (?, ?, ?, NULL, ?)",
                    (to_db(path), info.st_size, info.st_mtime_ns, result.reason),
                )
                continue
            if insert_bulletin(conn, result, extras):
                inserted.add(result.key)
            conn.execute(
                "INSERT INTO files(path, size, mtime_ns, hash, reason) VALUES (?, ?, ?, ?, NULL)",
                (to_db(path), info.st_size, info.st_mtime_ns, result.content_hash),
            )
        for content_hash in old_hashes:
            touched.update(_drop_orphan(conn, content_hash))
        touched.update(_shared(conn, inserted - touched))
        for base_key in touched:
            _assign(conn, base_key)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _drop_file(conn: sqlite3.Connection, path: str) -> list[str]:
    rows = conn.execute(
        "DELETE FROM files WHERE path = ? RETURNING hash", (to_db(path),)
    ).fetchall()
    return [h for (h,) in rows if h]


def _drop_orphan(conn: sqlite3.Connection, content_hash: str) -> list[str]:
    """Delete the bulletin `content_hash` if no file holds it any more; its base key, if so."""
    if conn.execute("SELECT 1 FROM files WHERE hash = ? LIMIT 1", (content_hash,)).fetchone():
        return []
    row = conn.execute(
        "DELETE FROM bulletins WHERE hash = ?"
        " RETURNING id, base_key, number, kind, city, dateline, title",
        (content_hash,),
    ).fetchone()
    if row is None:
        return []
    # A contentless index forgets a row only when given the values it indexed.
    conn.execute(
        "INSERT INTO fts(fts, rowid, meta, text, figures) VALUES ('delete', ?, ?, ?, ?)",
        (row[0], *_indexed(conn, row[0], row[2:])),
    )
    conn.execute("DELETE FROM texts WHERE id = ?", (row[0],))
    return [row[1]]


def _indexed(conn: sqlite3.Connection, rowid: int, fields: tuple) -> tuple[str, str, str]:
    """The meta, text and figures indexed for bulletin `rowid`, rebuilt from what is stored
    (the same strings `insert_bulletin` gave the index)."""
    number, kind, city, dateline, title = fields
    body, figures = conn.execute(
        "SELECT body, figures FROM texts WHERE id = ?", (rowid,)
    ).fetchone()
    highlights, paragraphs, _ = json.loads(body)
    text = "\n".join([*([dateline] if dateline else []), title, *highlights, *paragraphs])
    return _meta(number, kind, city), text, figures


def _meta(number: str | None, kind: str | None, city: str | None) -> str:
    return " ".join(x for x in (number, kind, city) if x)


def insert_bulletin(
    conn: sqlite3.Connection, b: Bulletin, extras: tuple[str, str, str] | None = None
) -> bool:
    """Store `b` unless its content is already there; whether it was new. `extras` are
    `prepare`'s text, figures and body, computed here when not given."""
    if conn.execute("SELECT 1 FROM bulletins WHERE hash = ?", (b.content_hash,)).fetchone():
        return False
    number = 0
    if b.date is not None and b.number:
        head = b.number.split("/")[0]
        number = int(head) if head.isdigit() else 0
    cur = conn.execute(
        "INSERT INTO bulletins(hash, base_key, key, number, kind, date, city, dateline, title,"
        " year, month, undated, neg_day, neg_num, title_fold)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            b.content_hash,
            b.key,
            b.key,  # the plain key; `_assign` changes it if another bulletin prints the number
            b.number,
            b.kind,
            b.date.isoformat() if b.date else None,
            b.city,
            b.dateline,
            b.title,
            b.year,
            f"{b.date.year:04d}-{b.date.month:02d}" if b.date else None,
            b.date is None,
            -b.date.toordinal() if b.date else 0,
            -number,
            b.title.casefold(),
        ),
    )
    rowid = cur.lastrowid
    text, figures, body = extras or prepare_bulletin(b)
    conn.execute("INSERT INTO texts(id, body, figures) VALUES (?, ?, ?)", (rowid, body, figures))
    conn.execute(
        "INSERT INTO fts(rowid, meta, text, figures) VALUES (?, ?, ?, ?)",
        (rowid, _meta(b.number, b.kind, b.city), text, figures),
    )
    return True


def _shared(conn: sqlite3.Connection, base_keys: set[str]) -> list[str]:
    """Which of `base_keys` more than one bulletin prints."""
    found: list[str] = []
    keys = list(base_keys)
    for i in range(0, len(keys), 500):
        part = keys[i : i + 500]
        found.extend(
            k
            for (k,) in conn.execute(
                "SELECT base_key FROM bulletins WHERE base_key IN"
                f" ({', '.join('?' * len(part))}) GROUP BY base_key HAVING count(*) > 1",
                part,
            )
        )
    return found


def _assign(conn: sqlite3.Connection, base_key: str) -> None:
    rows = conn.execute(
        "SELECT id, date, hash FROM bulletins WHERE base_key = ?", (base_key,)
    ).fetchall()
    if not rows:
        return
    members = [(dt.date.fromisoformat(d) if d else None, h) for _, d, h in rows]
    for (rowid, _, _), key in zip(rows, assign_keys(base_key, members), strict=True):
        conn.execute("UPDATE bulletins SET key = ? WHERE id = ?", (key, rowid))
