"""The corpus database file: where it lives, its schema, and opening it safely.

The full-text index is contentless (the text is stored once, in `bulletins` and `texts`) with a
prefix index for two letters (longer prefixes are cheap without one).

One SQLite file per set of corpus folders (named by a digest of the working folder and the
paths, sorted, so `a b` and `b a` share it) in the user cache folder. WAL mode: one writer at a
time, readers never blocked; a second process waits for the writer (`busy_timeout`).
A file that is not a database, is damaged, or belongs to another program is moved aside (kept,
never overwritten) and a new one is made; one of an older schema of ours is deleted (it is only
a cache), and so are the files an older schema version left under other names
(`prune_older`, on `CorpusDB.open`). Opening never fails: as a last resort the database lives
in memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

APP_ID = 0x426F6C54  # "BolT"
VERSION = 3  # 3: texts made terminal-safe at parse (safe_text); keys keep 4-digit years
TOKENIZE = "unicode61 remove_diacritics 2"
BUSY_MS = 10_000

SCHEMA = f"""
CREATE TABLE files(
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    hash TEXT, reason TEXT
) WITHOUT ROWID;
CREATE INDEX files_hash ON files(hash);
CREATE INDEX files_problems ON files(path) WHERE reason IS NOT NULL;
CREATE TABLE bulletins(
    id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, base_key TEXT NOT NULL, key TEXT,
    number TEXT, kind TEXT, date TEXT, city TEXT, dateline TEXT, title TEXT NOT NULL,
    year INTEGER, month TEXT,
    undated INTEGER NOT NULL, neg_day INTEGER NOT NULL, neg_num INTEGER NOT NULL,
    title_fold TEXT NOT NULL
);
CREATE INDEX bulletins_timeline
    ON bulletins(undated, neg_day, neg_num, title_fold, hash, key, month);
CREATE INDEX bulletins_key ON bulletins(key);
CREATE INDEX bulletins_base ON bulletins(base_key);
CREATE INDEX bulletins_year ON bulletins(year);
CREATE INDEX bulletins_month ON bulletins(month);
CREATE TABLE texts(id INTEGER PRIMARY KEY, body TEXT NOT NULL, figures TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(
    meta, text, figures, tokenize='{TOKENIZE}', prefix='2', content=''
);
PRAGMA application_id = {APP_ID};
PRAGMA user_version = {VERSION};
"""

# Indexes added since version 3 was first written, made by `add_missing_indexes` in databases
# made before them (an index is derived data: no new version, no reparse). The timeline's
# index covers the keys and months the first list reads (an index-only scan: at 100,000
# bulletins 0.06 s instead of 0.16-0.3 s, and seconds when the table's pages are not cached).
INDEXES = {
    "bulletins_timeline": "CREATE INDEX bulletins_timeline"
    " ON bulletins(undated, neg_day, neg_num, title_fold, hash, key, month)",
    "files_problems": "CREATE INDEX files_problems ON files(path) WHERE reason IS NOT NULL",
}
REPLACED_INDEXES = ("bulletins_order",)  # what `bulletins_timeline` replaces

# Per connection, in memory: tags and notes as the annotation store holds them now.
TEMP_SCHEMA = f"""
CREATE TEMP TABLE IF NOT EXISTS ann(key TEXT PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS ann_tags(key TEXT NOT NULL, tag TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS temp.ann_tags_tag ON ann_tags(tag);
CREATE INDEX IF NOT EXISTS temp.ann_tags_key ON ann_tags(key);
CREATE VIRTUAL TABLE IF NOT EXISTS temp.ann_fts USING fts5(key UNINDEXED, words,
    tokenize='{TOKENIZE}');
"""


class Unusable(Exception):
    """The file is not a usable corpus database (foreign, damaged, or of another version)."""

    def __init__(self, reason: str, ours: bool = False) -> None:
        super().__init__(reason)
        self.ours = ours


# File names that are not valid UTF-8 reach Python with lone surrogates (U+DC80-U+DCFF,
# `surrogateescape`), which SQLite's text cannot hold. They are stored as the last 128 code
# points of plane 16 (private use, never seen in a real file name) and mapped back on reading.
_TO_DB = {0xDC00 + b: 0x10FF00 + b for b in range(0x80, 0x100)}
_FROM_DB = {v: k for k, v in _TO_DB.items()}


def to_db(path: str) -> str:
    """`path` as stored in the database (see `_TO_DB`)."""
    return path if path.isascii() else path.translate(_TO_DB)


def from_db(path: str) -> str:
    """A path read from the database, as the file system gave it."""
    return path if path.isascii() else path.translate(_FROM_DB)


def default_cache_dir() -> Path:
    """`$BOLETIN_TUI_CACHE_DIR`, else the platform's user cache folder (`platformdirs`:
    `$XDG_CACHE_HOME/boletin-tui` on Linux, `~/Library/Caches/boletin-tui` on macOS)."""
    if explicit := os.environ.get("BOLETIN_TUI_CACHE_DIR"):
        return Path(explicit)
    import platformdirs  # only when no folder is given: a launch with one skips the import

    return Path(platformdirs.user_cache_dir("boletin-tui", appauthor=False))


def db_path(
    paths: Sequence[os.PathLike[str] | str], cache_dir: os.PathLike[str] | str | None
) -> Path:
    """The database file for these corpus paths (order does not matter) in `cache_dir`; for
    relative paths, also for this working folder."""
    names = sorted(set(os.fspath(p) for p in paths))
    # Relative paths (and the sources stored for them) depend on the working folder.
    where = os.getcwd() if any(not os.path.isabs(n) for n in names) else ""
    digest = hashlib.blake2b(f"corpus-v{VERSION}\n{where}\n".encode(), digest_size=12)
    digest.update("\0".join(names).encode("utf-8", "surrogateescape"))
    return (
        Path(cache_dir or default_cache_dir()) / f"corpus-v{VERSION}-{digest.hexdigest()}.sqlite3"
    )


_FILE = re.compile(r"corpus-v(\d+)-[0-9a-f]+\.sqlite3(?:-wal|-shm)?")


def prune_older(folder: Path) -> None:
    """Delete the databases (and their WAL files) of older schema versions in `folder`: a new
    schema version makes new file names, and the old files would stay forever otherwise.
    Files of this version (other folder sets) and of newer ones, files moved aside and any
    other file are left alone. Never raises."""
    try:
        entries = os.scandir(folder)
    except OSError:
        return
    with entries:
        for entry in entries:
            found = _FILE.fullmatch(entry.name)
            if found is not None and int(found.group(1)) < VERSION:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, waiting for locks."""
    conn = sqlite3.connect(
        os.fspath(path), timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    if os.fspath(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def open_database(path: Path | str) -> sqlite3.Connection:
    """A connection to a usable corpus database at `path`, made anew when needed; never raises
    for a bad file (moved aside) and falls back to memory when the folder is unusable."""
    if os.fspath(path) == ":memory:":
        return _prepared(connect(":memory:"))
    path = Path(path)
    for _ in range(3):
        conn = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = connect(path)
            return _prepared(conn)
        except Unusable as exc:
            _close(conn)
            if exc.ours:
                remove_database(path)
            else:
                move_aside(path, "ajena")
        except sqlite3.DatabaseError as exc:
            _close(conn)
            if isinstance(exc, sqlite3.OperationalError) and not path.exists():
                break  # the folder cannot hold it
            move_aside(path, "dañada")
        except OSError:
            _close(conn)
            break
    return _prepared(connect(":memory:"))


def _prepared(conn: sqlite3.Connection) -> sqlite3.Connection:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id == 0 and version == 0:
        conn.execute("BEGIN IMMEDIATE")  # another process may be making it right now
        try:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if conn.execute("PRAGMA application_id").fetchone()[0] == 0:
                if tables:
                    raise Unusable("a database of another program")
                for statement in SCHEMA.split(";\n"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute("COMMIT")
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APP_ID:
        raise Unusable("a database of another program")
    if version != VERSION:
        raise Unusable("an older corpus database", ours=True)
    conn.execute("SELECT count(*) FROM bulletins WHERE id = 0").fetchone()  # reads the schema
    conn.executescript(TEMP_SCHEMA)
    return conn


def add_missing_indexes(conn: sqlite3.Connection) -> None:
    """Make the `INDEXES` a database made before them lacks, and drop those they replace, in
    one write transaction (only when one is missing: a read otherwise)."""
    names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    missing = [sql for name, sql in INDEXES.items() if name not in names]
    if not missing:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for sql in INDEXES.values():
            conn.execute(sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
        for name in REPLACED_INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS {name}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def move_aside(path: Path, why: str) -> Path | None:
    """Rename a bad database (and its WAL files) to `<name>.<why>-<time>`; None if it cannot."""
    target = path.with_name(f"{path.name}.{why}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
    try:
        os.replace(path, target)
    except OSError:
        return None
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.replace(f"{path}{suffix}", f"{target}{suffix}")
    return target


def remove_database(path: Path) -> None:
    for name in (os.fspath(path), f"{path}-wal", f"{path}-shm"):
        with contextlib.suppress(OSError):
            os.unlink(name)


def _close(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
