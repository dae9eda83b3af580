"""The full-text index built as a large sync builds it: merging after each commit (FTS5's
default, automerge 4) against merging once at the end (`corpusdb.sync.DEFER_MERGE`).

    python benchmarks/fts_merge_bench.py CORPUS_DB N [ROUNDS]

CORPUS_DB is a corpus database the app (or `benchmarks/run.py`) built; its first N bulletins
are indexed again into scratch databases beside /tmp, in batches of `sync.BATCH`, one
transaction each, the two ways alternating ROUNDS times (default 2): this machine's speed
varies within minutes. Prints each build's seconds, the ratio, and prefix-query times after.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from boletin_tui.corpusdb import schema, sync  # noqa: E402

QUERIES = ["se*", "seg*", "segu*", "oax*", "seguro"]


def build(rows: list[tuple], deferred: bool) -> tuple[float, dict[str, float]]:
    path = Path(tempfile.mkdtemp(prefix="fts-merge-")) / "fts.sqlite3"
    conn = schema.connect(path)
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(meta, text, figures,"
        f" tokenize='{schema.TOKENIZE}', prefix='2', content='')"
    )
    t0 = time.perf_counter()
    sync._set_automerge(conn, 0 if deferred else sync.AUTOMERGE)
    for i in range(0, len(rows), sync.BATCH):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO fts(rowid, meta, text, figures) VALUES (?, ?, ?, ?)",
            rows[i : i + sync.BATCH],
        )
        conn.execute("COMMIT")
    if deferred:
        sync._merge_index(conn)
    seconds = time.perf_counter() - t0
    queries = {}
    for q in QUERIES:
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            conn.execute("SELECT group_concat(rowid) FROM fts WHERE fts MATCH ?", (q,)).fetchone()
            best = min(best, time.perf_counter() - t)
        queries[q] = best
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.rmdir()
    return seconds, queries


def main() -> None:
    source, n = sys.argv[1], int(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    rows = []
    for rowid, number, kind, city, dateline, title in src.execute(
        "SELECT id, number, kind, city, dateline, title FROM bulletins LIMIT ?", (n,)
    ):
        rows.append((rowid, *sync._indexed(src, rowid, (number, kind, city, dateline, title))))
    src.close()
    print(f"{len(rows)} bulletins, batches of {sync.BATCH}")
    for r in range(rounds):
        each = {}
        for deferred in (False, True):
            seconds, queries = build(rows, deferred)
            each[deferred] = seconds
            name = "merge at the end" if deferred else "automerge (default)"
            shown = " ".join(f"{q}={ms * 1000:.1f}ms" for q, ms in queries.items())
            print(f"round {r + 1}: {name:20} {seconds:7.2f} s   {shown}")
        print(f"round {r + 1}: ratio deferred / default {each[True] / each[False]:.2f}")


if __name__ == "__main__":
    main()
