"""The corpus database: incremental sync, damage, sharing, the query language and key order."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from boletin_tui.corpus import load_corpus
from boletin_tui.corpusdb import CorpusDB
from boletin_tui.search import SYNTAX_HELP

TEXT = (
    "{city}, {day} de febrero de 2023.\nNo. {number}\n\n{title}\n\n"
    "· Se fortalece la atención en las unidades médicas de la región.\n"
    "{body}\n"
    "Añadió que la coordinación con las autoridades estatales ha sido permanente y que el "
    "personal de salud seguirá trabajando en cada unidad de la región.\n"
)
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def write(path: Path, number: str, title: str, body: str = "", day: int = 14, city="Oaxaca"):
    path.parent.mkdir(parents=True, exist_ok=True)
    body = body or "El director regional señaló que la campaña llegó a muchas familias."
    path.write_text(TEXT.format(number=number, title=title, body=body, day=day, city=city))
    return path


def bump(path: Path) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(
        root / "a.txt",
        "001/2023",
        "Vacunación contra la influenza en Mérida",
        "El doctor Robledo aplicó la vacuna a 11 mil 907 niños en la jornada.",
        day=10,
    )
    write(
        root / "b.txt",
        "002/2023",
        "Jornada de salud mental en Tijuana",
        "Se atendieron 1,250 consultas de salud mental y de gripe estacional.",
        day=11,
    )
    write(
        root / "c.txt",
        "003/2023",
        "El IMSS-Bienestar abre una clínica",
        "El Instituto Mexicano del Seguro Social abrió una clínica con el doctor Robledo.",
        day=12,
    )
    write(
        root / "d.txt",
        "004/2023",
        "Campaña contra la tos en niños y niñas",
        "La campaña contra la tos y la gripe llegó a escuelas; los niños recibieron la vacuna.",
        day=13,
    )
    return root


@pytest.fixture
def db(corpus: Path, tmp_path: Path):
    database = CorpusDB.open([corpus], tmp_path / "cache")
    database.sync()
    yield database
    database.close()


def test_sync_reads_everything_once_then_only_what_changed(corpus, tmp_path):
    db = CorpusDB.open([corpus], tmp_path / "cache")
    first = db.sync()
    assert (first.added, first.changed, first.removed) == (4, 0, 0)
    assert db.count() == 4 and db.keys() == ["004/2023", "003/2023", "002/2023", "001/2023"]
    assert not db.sync().modified
    write(corpus / "e.txt", "005/2023", "Nuevo boletín sobre dengue", day=20)
    write(corpus / "a.txt", "001/2023", "Vacunación cambiada en Mérida", day=10)
    bump(corpus / "a.txt")
    (corpus / "b.txt").unlink()
    report = db.sync()
    assert (report.added, report.changed, report.removed) == (1, 1, 1)
    assert db.keys() == ["005/2023", "004/2023", "003/2023", "001/2023"]
    assert db.bulletin("001/2023").title == "Vacunación cambiada en Mérida"
    assert db.search("dengue") == ["005/2023"] and db.search("tijuana") == []
    assert db.search("vacunacion cambiada") == ["001/2023"]
    assert db.search("vacunacion contra") == [] and db.search("jornada salud") == []
    rows = db.rows(1, 2)
    assert [r.key for r in rows] == ["004/2023", "003/2023"] and rows[0].sources
    db.close()


def test_what_is_stored_is_shown_by_a_second_open_without_reading_files(corpus, tmp_path, db):
    shutil.rmtree(corpus)
    again = CorpusDB.open([corpus], tmp_path / "cache")
    assert again.count() == 4 and again.bulletin("002/2023").city == "Oaxaca"
    assert again.text("002/2023").startswith("Oaxaca, 11 de febrero de 2023.")
    again.close()


def test_a_damaged_database_is_moved_aside_and_rebuilt(corpus, tmp_path, db):
    path = Path(db.path)
    db.close()
    data = bytearray(path.read_bytes())
    data[:100] = b"\x00" * 100  # the header: "file is not a database"
    path.write_bytes(bytes(data))
    for extra in path.parent.glob(path.name + "-*"):
        extra.unlink()
    rebuilt = CorpusDB.open([corpus], tmp_path / "cache")
    assert rebuilt.count() == 0
    rebuilt.sync()
    assert rebuilt.count() == 4
    assert [p for p in path.parent.iterdir() if ".dañada-" in p.name]
    rebuilt.close()


def test_two_instances_share_the_database(corpus, tmp_path):
    one = CorpusDB.open([corpus], tmp_path / "cache")
    two = CorpusDB.open([corpus.parent / "corpus"], tmp_path / "cache")
    assert one.path == two.path
    for i in range(40):
        write(corpus / "more" / f"{i:02d}.txt", f"{100 + i:03d}/2023", f"Boletín extra {i}")
    errors: list[BaseException] = []

    def run(db: CorpusDB) -> None:
        try:
            db.sync()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(d,)) for d in (one, two)]
    for t in threads:
        t.start()
    seen = [one.count() for _ in range(20)]  # reads while both write
    for t in threads:
        t.join()
    assert not errors
    assert all(0 <= n <= 44 for n in seen)
    assert one.count() == two.count() == 44
    assert one.search("extra") == two.search("extra") and len(one.search("extra")) == 40
    one.close()
    two.close()


def test_a_read_failure_is_not_remembered(corpus, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    target = corpus / "a.txt"
    target.chmod(0)
    db = CorpusDB.open([corpus], tmp_path / "cache")
    report = db.sync()
    assert [p.path for p in report.problems] == [str(target)]
    assert db.count() == 3
    target.chmod(0o644)
    db.sync()
    assert db.count() == 4
    db.close()


def test_an_unreadable_folder_is_reported(corpus, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads folders whatever their mode")
    hidden = corpus / "cerrada"
    write(hidden / "x.txt", "009/2023", "Boletín en una carpeta cerrada")
    hidden.chmod(0)
    try:
        corpus_read = load_corpus([corpus], cache_dir=tmp_path / "cache")
    finally:
        hidden.chmod(0o755)
    assert any("carpeta ilegible" in s.reason for s in corpus_read.skipped)


def test_a_fifo_is_skipped_with_a_reason_and_never_opened(corpus, tmp_path):
    os.mkfifo(corpus / "tubo.txt")
    for use_cache in (True, False):
        result = load_corpus([corpus], cache_dir=tmp_path / "cache", use_cache=use_cache)
        assert len(result.bulletins) == 4
        assert [s.reason for s in result.skipped if s.path.endswith("tubo.txt")] == [
            "no es un archivo normal (FIFO, dispositivo o similar)"
        ]


def test_the_plain_key_goes_to_the_earliest_bulletin_whatever_the_path_order(tmp_path):
    write(tmp_path / "z" / "primero.txt", "119/2020", "El primero en fecha", day=3)
    write(tmp_path / "a" / "segundo.txt", "119/2020", "El segundo en fecha", day=20)
    results = []
    for order in ([tmp_path / "a", tmp_path / "z"], [tmp_path / "z", tmp_path / "a"]):
        for use_cache in (True, False):
            got = load_corpus(order, cache_dir=tmp_path / "cache", use_cache=use_cache)
            results.append({b.key: b.title for b in got.bulletins})
            assert got.conflicts[0].keys[0] == "119/2020"
    assert all(r == results[0] for r in results)
    assert results[0]["119/2020"] == "El primero en fecha"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")
def test_seeds_then_c_and_c_then_seeds_give_the_same_keys(tmp_path):
    c = tmp_path / "c"
    shutil.copytree(SEEDS, c)
    first = next(p for p in sorted(c.glob("*.txt")))
    first.write_text(first.read_text() + "\nUn párrafo añadido que cambia el contenido.\n")
    for use_cache in (True, False):
        one = load_corpus([SEEDS, c], cache_dir=tmp_path / "k", use_cache=use_cache)
        two = load_corpus([c, SEEDS], cache_dir=tmp_path / "k", use_cache=use_cache)
        assert {b.key: b.content_hash for b in one.bulletins} == {
            b.key: b.content_hash for b in two.bulletins
        }
        assert one.conflicts == two.conflicts


# -- the query language: every form of the help screen, and the new ones ---------------------

FORMS = [
    ("robledo vacuna", ["001/2023"]),
    ("robl", ["003/2023", "001/2023"]),
    ("vacun* robledo", ["001/2023"]),
    ('"seguro social"', ["003/2023"]),
    ('"social seguro"', []),
    ("imss-bienestar", ["003/2023"]),
    ("bienestar", ["003/2023"]),
    ("11,907", ["001/2023"]),
    ("11907", ["001/2023"]),
    ("1250", ["002/2023"]),
    ("002/2023", ["002/2023"]),
    ("año:2023", ["004/2023", "003/2023", "002/2023", "001/2023"]),
    ("año:2020-2022", []),
    ("mes:2023-02", ["004/2023", "003/2023", "002/2023", "001/2023"]),
    ("MERIDA", ["001/2023"]),
    ("tijuana OR merida", ["002/2023", "001/2023"]),
    ("tijuana O merida", ["002/2023", "001/2023"]),
    ("gripe -tos", ["002/2023"]),
    ("gripe NOT tos", ["002/2023"]),
    ("-gripe", ["003/2023", "001/2023"]),
    ("(tijuana OR merida) robledo", ["001/2023"]),
    ("vacuna (tos OR influenza)", ["004/2023", "001/2023"]),
    ('cerca:"robledo clinica"', ["003/2023"]),
    ('cerca:"robledo niños"', ["001/2023"]),
    ("v", ["004/2023", "003/2023", "002/2023", "001/2023"]),  # one letter: not yet a filter
]


@pytest.mark.parametrize(("query", "expected"), FORMS)
def test_query_forms(db, query, expected):
    assert db.search(query) == expected


def test_tags_notes_and_annotated(db):
    db.set_annotation_terms("002/2023", ["Salud mental", "urgente"], "Revisar cifras")
    assert db.search("#urgente") == ["002/2023"]
    assert db.search('#"salud mental"') == ["002/2023"]
    assert db.search("#sal") == []  # the whole tag only: not a prefix of «salud mental»
    assert db.search("revisar") == ["002/2023"]
    assert db.search("anotado:sí") == ["002/2023"]
    assert db.search("anotado:no") == ["004/2023", "003/2023", "001/2023"]
    assert db.search("urgente OR robledo") == ["003/2023", "002/2023", "001/2023"]
    assert db.search("-urgente gripe") == ["004/2023"]
    db.set_annotation_terms("002/2023", [], "")
    assert db.search("#urgente") == [] and db.search("anotado:si") == []


def test_relevance_order_puts_the_best_match_first(db):
    assert db.search("robledo", relevance=True)[0] in {"001/2023", "003/2023"}
    assert sorted(db.search("gripe", relevance=True)) == sorted(db.search("gripe"))


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "((",
        ")",
        "OR",
        "NOT",
        "-",
        "a OR",
        "( OR )",
        '"x',
        "cerca:",
        "año:",
        "#",
        "*",
        "NEAR(",
        "^x",
        "a:b:c",
        "\x00",
        "-(",
        "((((((((((x",
        "OR OR OR",
        '" OR "',
        "x*y*",
    ],
)
def test_bad_syntax_never_raises(db, query):
    result = db.search(query)
    assert isinstance(result, Sequence) and set(result) <= set(db.keys())


def test_the_help_screen_documents_the_new_forms():
    for form in ("OR", "-influenza", "NOT", "cerca:", "(gripe OR tos)"):
        assert form in SYNTAX_HELP


def test_a_foreign_sqlite_file_is_never_used(tmp_path, corpus):
    path = tmp_path / "x.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE notas(x)")
    db = CorpusDB(path, [corpus])
    db.sync()
    assert db.count() == 4
    assert [p for p in tmp_path.iterdir() if ".ajena-" in p.name]
    db.close()


def test_files_changed_while_loading_are_taken_next_time(corpus, tmp_path):
    db = CorpusDB.open([corpus], tmp_path / "cache")

    def meanwhile(done: int, total: int) -> None:
        if done == 0:  # the files were listed and stat-ed; now they change under the load
            write(corpus / "tarde.txt", "050/2023", "Llegó durante la carga", day=25)
            write(corpus / "a.txt", "001/2023", "Reescrito durante la carga", day=10)
            bump(corpus / "a.txt")

    db.sync(meanwhile)
    first = db.keys()
    assert "050/2023" not in first
    report = db.sync()
    assert report.added == 1 and report.changed == 1
    assert db.keys()[0] == "050/2023"
    assert db.bulletin("001/2023").title == "Reescrito durante la carga"
    db.close()


def test_a_failure_to_read_is_reported_and_never_stored(corpus, tmp_path, monkeypatch):
    from boletin_tui.corpus import files

    real = files._read_regular

    def denied(source: str) -> bytes:
        if source.endswith("a.txt"):
            raise PermissionError(13, "Permission denied")
        return real(source)

    monkeypatch.setattr(files, "_read_regular", denied)
    db = CorpusDB.open([corpus], tmp_path / "cache")
    report = db.sync()
    assert [p.path for p in report.problems] == [str(corpus / "a.txt")]
    assert "no se pudo leer" in report.problems[0].reason
    assert db.count() == 3 and not db.problems()
    monkeypatch.setattr(files, "_read_regular", real)
    assert db.sync().added == 1 and db.count() == 4  # same size and time: read again anyway
    db.close()


def test_a_database_of_an_older_schema_is_replaced_not_kept(corpus, tmp_path, db):
    path = Path(db.path)
    db.close()
    with sqlite3.connect(path) as old:
        old.execute("PRAGMA user_version = 1")
    again = CorpusDB.open([corpus], tmp_path / "cache")
    assert again.count() == 0 and again.sync().added == 4
    assert not [p for p in path.parent.iterdir() if ".dañada-" in p.name or ".ajena-" in p.name]
    again.close()
