"""A large sync leaves the full-text index's merging to its end (issue 11: the cold build at
100,000 bulletins): it finds what a sync merging as it goes finds, ends merged into one
b-tree with FTS5's everyday merging restored, and one interrupted half-way leaves nothing
behind that the next sync does not put right."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from boletin_tui.corpusdb import CorpusDB, sync

TEXT = (
    "Oaxaca, {day} de mayo de 2023.\nNo. {number}\n\n{title}\n\n"
    "· Se fortalece la atención en las unidades médicas de la región.\n"
    "El director regional señaló que la campaña de {word} llegó a {n} familias de la región.\n"
)
WORDS = ["vacunación", "dengue", "seguridad", "segundo", "obesidad"]


def corpus(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(n):
        (folder / f"b{i:03d}.txt").write_text(
            TEXT.format(
                day=1 + i % 28,
                number=f"{i + 1:03d}/2023",
                title=f"Campaña número {i} en la región",
                word=WORDS[i % len(WORDS)],
                n=100 + i,
            )
        )
    return folder


def automerge(db: CorpusDB) -> int:
    with sqlite3.connect(db.path) as conn:
        row = conn.execute("SELECT v FROM fts_config WHERE k = 'automerge'").fetchone()
    return int(row[0])


def merged(db: CorpusDB) -> bool:
    """Whether FTS5 finds nothing left to merge (one b-tree)."""
    with sqlite3.connect(db.path, isolation_level=None) as conn:
        before = conn.total_changes
        conn.execute("INSERT INTO fts(fts, rank) VALUES ('merge', -100)")
        return conn.total_changes - before < 2


QUERIES = ["vacunacion", "segu*", "seg*", "dengue OR obesidad", '"campaña de seguridad"']


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(sync, "BATCH", 4)
    monkeypatch.setattr(sync, "MERGE_PAGES", 1)  # many merge steps, each its own transaction


def test_a_large_sync_finds_the_same_and_ends_merged(tmp_path, small_batches, monkeypatch):
    folder = corpus(tmp_path, 40)
    monkeypatch.setattr(sync, "DEFER_MERGE", 10**9)
    as_it_goes = CorpusDB.open([folder], tmp_path / "a")
    as_it_goes.sync()
    monkeypatch.setattr(sync, "DEFER_MERGE", 20)
    at_the_end = CorpusDB.open([folder], tmp_path / "b")
    at_the_end.sync()
    for query in QUERIES:
        assert at_the_end.search(query) == as_it_goes.search(query), query
        assert len(at_the_end.search(query)) > 0, query
    assert not merged(as_it_goes)  # merging as it goes leaves several b-trees here
    assert merged(at_the_end)
    assert automerge(at_the_end) == sync.AUTOMERGE
    as_it_goes.close()
    at_the_end.close()


def test_an_interrupted_large_sync_is_put_right_by_the_next(tmp_path, small_batches, monkeypatch):
    folder = corpus(tmp_path, 40)
    monkeypatch.setattr(sync, "DEFER_MERGE", 20)
    db = CorpusDB.open([folder], tmp_path / "cache")

    def stop(done: int, total: int) -> None:
        if done >= 12:
            raise KeyboardInterrupt  # the app closed during the first build

    with pytest.raises(KeyboardInterrupt):
        db.sync(stop)
    assert automerge(db) == 0 and 0 < db.count() < 40
    report = db.sync()  # the rest: fewer files than DEFER_MERGE
    assert report.added == 40 - 12
    assert db.count() == 40
    assert automerge(db) == sync.AUTOMERGE
    assert len(db.search("segu*")) == len([i for i in range(40) if WORDS[i % 5][:4] == "segu"])
    db.close()
