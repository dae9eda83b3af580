"""The timeline's first read is an index-only scan, also in a database made before the
covering index existed (issue 11: warm launch at 100,000 bulletins)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from boletin_tui.corpusdb import CorpusDB
from boletin_tui.corpusdb.rows import ORDER

TEXT = (
    "Oaxaca, {day} de mayo de 2023.\nNo. {number}\n\n{title}\n\n"
    "· Se fortalece la atención en las unidades médicas de la región.\n"
    "El director regional señaló que la campaña llegó a muchas familias de la región.\n"
    "Añadió que la coordinación con las autoridades estatales ha sido permanente y que el "
    "personal de salud seguirá trabajando en cada unidad de la región.\n"
)
SKELETON = f"SELECT key, month FROM bulletins WHERE key IS NOT NULL {ORDER}"
PROBLEMS = "SELECT path, reason FROM files WHERE reason IS NOT NULL ORDER BY path"


def plan(path: Path | str, sql: str) -> str:
    with sqlite3.connect(path) as conn:
        return " ".join(str(row[-1]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))


def indexes(path: Path | str) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        text = TEXT.format(
            day=10 + i,
            number=f"{i + 1:03d}/2023",
            title=f"Inaugura el Instituto la clínica número {i} de la región",
        )
        (folder / f"b{i}.txt").write_text(text, encoding="utf-8")
    (folder / "vacio.txt").write_text("", encoding="utf-8")  # skipped: a stored problem
    return folder


def test_a_new_database_reads_the_list_from_its_index_alone(tmp_path):
    db = CorpusDB.open([corpus(tmp_path)], tmp_path / "cache")
    try:
        db.sync()
        assert "COVERING INDEX bulletins_timeline" in plan(db.path, SKELETON)
        assert "files_problems" in plan(db.path, PROBLEMS)
        assert len(db.skeleton()[0]) == 3
    finally:
        db.close()


def test_a_database_made_before_the_index_gets_it_at_the_next_sync(tmp_path):
    folder = corpus(tmp_path)
    db = CorpusDB.open([folder], tmp_path / "cache")
    db.sync()
    path = db.path
    db.close()
    with sqlite3.connect(path) as conn:  # as version 3 databases were first made
        conn.execute("DROP INDEX bulletins_timeline")
        conn.execute("DROP INDEX files_problems")
        conn.execute(
            "CREATE INDEX bulletins_order"
            " ON bulletins(undated, neg_day, neg_num, title_fold, hash, key)"
        )
    assert "COVERING" not in plan(path, SKELETON)

    again = CorpusDB.open([folder], tmp_path / "cache")
    try:
        assert len(again.skeleton()[0]) == 3  # what it holds is listed as before
        report = again.sync()
        assert not report.modified  # nothing parsed again
        assert {"bulletins_timeline", "files_problems"} <= indexes(path)
        assert "bulletins_order" not in indexes(path)
        assert "COVERING INDEX bulletins_timeline" in plan(path, SKELETON)
    finally:
        again.close()
