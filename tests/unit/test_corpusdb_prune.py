"""Cache databases of older schema versions are deleted when a corpus database is opened."""

from __future__ import annotations

from pathlib import Path

from boletin_tui.corpusdb import CorpusDB, db_path
from boletin_tui.corpusdb.schema import VERSION

DIGEST = "0123456789abcdef01234567"


def test_older_schema_files_go_and_everything_else_stays(tmp_path: Path):
    cache = tmp_path / "cache"
    cache.mkdir()
    older = [
        f"corpus-v{VERSION - 1}-{DIGEST}.sqlite3",
        f"corpus-v{VERSION - 1}-{DIGEST}.sqlite3-wal",
        f"corpus-v{VERSION - 1}-{DIGEST}.sqlite3-shm",
        f"corpus-v1-{DIGEST}.sqlite3",
    ]
    kept = [
        f"corpus-v{VERSION}-{DIGEST}.sqlite3",  # this version, another set of folders
        f"corpus-v{VERSION}-{DIGEST}.sqlite3-wal",
        f"corpus-v{VERSION + 1}-{DIGEST}.sqlite3",  # a newer program's
        f"corpus-v{VERSION - 1}-{DIGEST}.sqlite3.dañada-20260101-000000-1",  # moved aside
        "notas.txt",
    ]
    for name in older + kept:
        (cache / name).write_bytes(b"x")
    corpus = tmp_path / "corpus"
    corpus.mkdir()

    db = CorpusDB.open([corpus], cache)
    try:
        assert Path(db.path) == db_path([corpus], cache)
        left = sorted(p.name for p in cache.iterdir())
        assert [n for n in older if n in left] == []
        assert [n for n in kept if n not in left] == []
        assert Path(db.path).name in left  # its own, made anew
    finally:
        db.close()


def test_a_missing_cache_folder_is_made_not_an_error(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    db = CorpusDB.open([corpus], tmp_path / "no" / "such" / "cache")
    try:
        assert db.count() == 0 and Path(db.path).exists()
    finally:
        db.close()
