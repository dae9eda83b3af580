"""The write-ahead journal beside the database (`store.journal`, `store.storage`).

A small write is appended to `<db>.journal` and fsync'd; every reader (another store, the CLI,
`check`, a process started after a kill -9) replays it; the JSON file is rewritten when the
journal is folded in, and stays a plain TinyDB file throughout.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
import tinydb

from boletin_tui.store import Annotation, AnnotationStore, StoreError
from boletin_tui.store import journal as wal
from boletin_tui.store.errors import NewerSchema, ReadOnlyDatabase
from boletin_tui.store.journal_report import report

REPO = Path(__file__).resolve().parents[2]
TEXT = "El Instituto informó que la vacunación avanza en todo el país con buenos resultados."


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def opened(path: Path, who: str = "ana") -> AnnotationStore:
    """A store whose journal is folded in only when asked or on close (no idle timer: the
    tests look at the journal between writes)."""
    return AnnotationStore(path, who, compact_delay=None)


def fresh(path: Path) -> dict[str, Annotation]:
    """The records as another process reads them now (file and journal, nothing compacted)."""
    with AnnotationStore(path, "otro", journal=False) as other:
        return {a.key: a for a in other.all()}


def plain_tinydb(path: Path) -> dict[str, dict]:
    """The records as plain TinyDB reads the JSON file (no journal)."""
    db = tinydb.TinyDB(path, access_mode="r")
    try:
        return {doc["key"]: dict(doc) for doc in db.table("annotations").all()}
    finally:
        db.close()


def seeded(path: Path) -> None:
    """A database file with one record, and no journal."""
    with opened(path) as store:
        store.add_tags("1/2020", ["base"])
    assert not journal_of(path).exists()


def test_a_small_write_is_journalled_and_folded_in_on_close(path: Path):
    seeded(path)
    before = path.read_bytes()
    with opened(path) as store:
        passage = store.add_passage("1/2020", TEXT, 3, 22, ["verificar"])
        store.add_tags("2/2020", ["salud"])
        assert path.read_bytes() == before  # the file is untouched…
        assert journal_of(path).exists()  # …the journal holds the writes
        assert store.journal_status() == (2, None)
        seen = fresh(path)
        assert seen["001/2020"].passages[0].id == passage.id
        assert seen["002/2020"].tags == ("salud",)
    assert not journal_of(path).exists()
    records = plain_tinydb(path)
    assert records["001/2020"]["passages"][0]["quote"] == TEXT[3:22]
    assert records["002/2020"]["tags"] == ["salud"]


def test_the_file_stays_plain_tinydb_json_while_a_journal_is_pending(path: Path):
    seeded(path)
    with opened(path) as store:
        store.add_tags("1/2020", ["nueva"])
        assert plain_tinydb(path)["001/2020"]["tags"] == ["base"]  # the state last folded in
        assert store.compact()
        assert plain_tinydb(path)["001/2020"]["tags"] == ["base", "nueva"]
        assert not store.compact()  # nothing left to fold in


def test_kill_9_right_after_a_write_loses_nothing(path: Path):
    seeded(path)
    child = textwrap.dedent(
        f"""
        import os, signal
        from boletin_tui.store import AnnotationStore
        store = AnnotationStore({str(path)!r}, "ana")
        store.add_passage("1/2020", {TEXT!r}, 3, 22, ["verificar"], "nota")
        store.add_tags("3/2020", ["rápida"])
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run([sys.executable, "-c", child], env=env, timeout=120, check=False)
    assert done.returncode == -signal.SIGKILL
    assert journal_of(path).exists()  # never folded in: the process died
    seen = fresh(path)
    assert seen["001/2020"].passages[0].note == "nota"
    assert seen["003/2020"].tags == ("rápida",)
    with opened(path) as store:  # the next writer folds it in
        store.add_tags("1/2020", ["después"])
    assert not journal_of(path).exists()
    records = plain_tinydb(path)
    assert records["001/2020"]["passages"][0]["note"] == "nota"
    assert records["001/2020"]["tags"] == ["base", "después"]


def test_the_cli_and_check_see_a_pending_journal(path: Path):
    seeded(path)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    with opened(path) as store:
        store.add_tags("1/2020", ["pendiente"])
        exported = subprocess.run(
            [sys.executable, "-m", "boletin_tui", "export", "--db", str(path), "--format", "json"],
            capture_output=True,
            env=env,
            timeout=120,
            encoding="utf-8",
        )
        assert exported.returncode == 0, exported.stderr
        rows = {r["key"]: r for r in json.loads(exported.stdout)}
        assert "pendiente" in rows["001/2020"]["tags"]
        problems, warnings = report(path)
        assert not problems and any("1 cambio del diario" in w for w in warnings)
    assert report(path) == ([], [])


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(
        [sys.executable, "-m", "boletin_tui", *args],
        capture_output=True,
        env=env,
        timeout=120,
        encoding="utf-8",
    )


def test_check_and_a_command_report_a_torn_journal(path: Path):
    seeded(path)
    store = opened(path)
    store.add_tags("2/2020", ["escrita"])
    with open(journal_of(path), "ab") as handle:
        handle.write(b'{"changes": [["annotat')  # a writer killed midway
    checked = cli("check", "--db", str(path))
    assert checked.returncode == 0 and "escritura interrumpida" in checked.stdout
    tagged = cli("tag", "--db", str(path), "1/2020", "otra")
    assert tagged.returncode == 0, tagged.stderr
    assert "se guardó una copia" in tagged.stderr and "Traceback" not in tagged.stderr
    assert set(plain_tinydb(path)) == {"001/2020", "002/2020"}
    assert "copia de un diario" in cli("check", "--db", str(path)).stdout
    store.close()


def test_other_processes_writes_are_seen_both_ways(path: Path):
    seeded(path)
    with opened(path) as ana, opened(path, "luis") as luis:
        assert ana.all() and luis.all()
        ana.add_tags("1/2020", ["ana"])
        assert luis.changed()
        luis.add_tags("1/2020", ["luis"])  # appended after ana's line, under the lock
        assert ana.changed()
        assert ana.get("1/2020").tags == ("base", "ana", "luis")
        ana.set_note("1/2020", "nota")
        assert luis.get("1/2020").note == "nota"
    record = plain_tinydb(path)["001/2020"]
    assert (record["tags"], record["note"]) == (["base", "ana", "luis"], "nota")


def test_a_damaged_line_is_kept_aside_and_the_rest_applied(path: Path):
    seeded(path)
    store = opened(path)
    store.add_tags("2/2020", ["perdida"])
    store.add_tags("3/2020", ["buena"])
    lines = journal_of(path).read_bytes().split(b"\n")
    lines[1] = b'{"changes": [["annotations", "7", {"key": ro'  # damaged on disk
    journal_of(path).write_bytes(b"\n".join(lines))
    with opened(path, "luis") as luis:
        seen = {a.key: a for a in luis.all()}
        assert "003/2020" in seen and "002/2020" not in seen
        count, trouble = luis.journal_status()
        assert trouble and "ilegibles (2)" in trouble
        assert report(path)[0]  # `check` calls it a problem
        luis.add_tags("4/2020", ["otra"])  # a write folds the journal in, a copy kept aside
        assert any("se guardó una copia" in n for n in luis.notices())
    copies = list(path.parent.glob("annotations.json.journal.corrupt-*"))
    assert len(copies) == 1 and copies[0].read_bytes() == b"\n".join(lines)
    assert not journal_of(path).exists()
    assert set(plain_tinydb(path)) == {"001/2020", "003/2020", "004/2020"}
    assert any("copia de un diario" in w for w in report(path)[1])
    store.close()


def test_a_torn_last_line_is_ignored_then_kept_aside(path: Path):
    seeded(path)
    store = opened(path)
    store.add_tags("2/2020", ["escrita"])
    with open(journal_of(path), "ab") as handle:
        handle.write(b'{"changes": [["annotations", "9", {"key": "009/20')  # killed midway
    assert set(fresh(path)) == {"001/2020", "002/2020"}
    assert any("interrumpida" in w for w in report(path)[1])
    with opened(path, "luis") as luis:
        luis.add_tags("1/2020", ["luis"])
        assert any("a medias" in n for n in luis.notices())
    assert list(path.parent.glob("annotations.json.journal.corrupt-*"))
    assert set(plain_tinydb(path)) == {"001/2020", "002/2020"}
    store.close()


def test_a_journal_of_a_replaced_file_is_not_applied_but_kept_for_import(path: Path):
    seeded(path)
    store = opened(path)
    store.add_tags("1/2020", ["mía"])
    store.add_tags("5/2020", ["solo en el diario"])
    # `git pull` replaces the file (another annotator's version) while the journal is pending.
    theirs = path.with_name("theirs.json")
    with AnnotationStore(theirs, "luis", journal=False) as luis:
        luis.add_tags("1/2020", ["base", "suya"])
    os.replace(theirs, path)
    seen = fresh(path)
    assert seen["001/2020"].tags == ("base", "suya") and "005/2020" not in seen
    assert report(path)[0]
    with opened(path, "luis") as luis:
        assert luis.journal_status()[1]
        luis.add_tags("6/2020", ["x"])
        notice = " ".join(luis.notices())
    pending = list(path.parent.glob("annotations.json.journal.pending-*.json"))
    assert len(pending) == 1 and f"boletin-tui import {pending[0]}" in notice
    assert list(path.parent.glob("annotations.json.journal.corrupt-*"))
    assert not journal_of(path).exists()
    with opened(path) as again:  # what the notice tells the user to run
        from boletin_tui.store.exchange import read_export

        again.merge_many(read_export(pending[0]))
        tags = again.get("1/2020").tags
        assert set(tags) == {"base", "suya", "mía"}
        assert again.get("5/2020").tags == ("solo en el diario",)
    store.close()


def test_a_compaction_cut_short_leaves_a_harmless_journal(path: Path):
    seeded(path)
    with opened(path) as store:
        store.add_tags("1/2020", ["x"])
        left = journal_of(path).read_bytes()
    journal_of(path).write_bytes(left)  # killed after replacing the file, before the unlink
    assert report(path) == ([], [])
    with opened(path) as store:
        assert store.get("1/2020").tags == ("base", "x")
        assert store.journal_status()[1] is None
        store.add_tags("1/2020", ["y"])
        assert not store.notices()
    assert not journal_of(path).exists()
    assert not list(path.parent.glob("annotations.json.journal.*"))
    assert plain_tinydb(path)["001/2020"]["tags"] == ["base", "x", "y"]


def test_a_large_transaction_rewrites_the_file(path: Path):
    seeded(path)
    many = [Annotation(f"{n}/2021", ("lote",)) for n in range(1, 400)]
    with opened(path) as store:
        store.merge_many(many)
        assert not journal_of(path).exists()
        assert len(plain_tinydb(path)) == 400


def test_a_newer_journal_is_refused(path: Path):
    seeded(path)
    journal_of(path).write_bytes(b'{"boletin-tui-journal": 99, "base": {}}\n')
    with opened(path) as store, pytest.raises(NewerSchema):
        store.all()
    assert journal_of(path).read_bytes().startswith(b'{"boletin-tui-journal": 99')


@pytest.mark.skipif(os.name != "posix", reason="permisos POSIX")
def test_a_read_only_database_gets_no_journal(path: Path):
    seeded(path)
    os.chmod(path, 0o444)
    try:
        with opened(path) as store, pytest.raises(ReadOnlyDatabase):
            store.add_tags("1/2020", ["y"])
        assert not journal_of(path).exists()
    finally:
        os.chmod(path, 0o644)


def test_a_failed_append_changes_nothing(path: Path, monkeypatch):
    seeded(path)
    with opened(path) as store:
        store.add_tags("1/2020", ["uno"])
        before = journal_of(path).read_bytes()
        real_write = os.write

        def full_disk(fd: int, data: bytes) -> int:
            real_write(fd, bytes(data)[:10])  # half a line, then the disk is full
            raise OSError(28, "No queda espacio en el dispositivo")

        monkeypatch.setattr(wal.os, "write", full_disk)
        with pytest.raises(StoreError, match="No se pudo escribir"):
            store.add_tags("1/2020", ["dos"])
        monkeypatch.undo()
        assert journal_of(path).read_bytes() == before  # cut back: no torn line
        assert store.get("1/2020").tags == ("base", "uno")
        assert store.add_tags("1/2020", ["tres"]).tags == ("base", "uno", "tres")
    assert plain_tinydb(path)["001/2020"]["tags"] == ["base", "uno", "tres"]


def test_journal_lines_round_trip():
    changes: list[wal.Change] = [("annotations", "5", {"note": "a\nb «c»"}), ("reads", "2", None)]
    raw = wal.header_line({"size": 3, "sha1": "x"}) + wal.change_line(changes)
    assert raw.count(b"\n") == 2
    parsed = wal.parse(raw)
    assert parsed.base == {"size": 3, "sha1": "x"} and parsed.transactions == [changes]
    assert not (parsed.damaged or parsed.torn)
    data: dict[str, dict] = {"reads": {"2": {}}}
    wal.apply(data, parsed)
    assert data == {"reads": {}, "annotations": {"5": {"note": "a\nb «c»"}}}


def test_an_export_onto_the_journal_is_refused(path: Path):
    seeded(path)
    with opened(path) as store:
        store.add_tags("1/2020", ["pendiente"])
        before = journal_of(path).read_bytes()
        done = cli("export", "--db", str(path), "-o", str(journal_of(path)))
        assert done.returncode == 1 and "diario" in done.stderr
        assert journal_of(path).read_bytes() == before


def test_the_journal_is_folded_in_when_writes_pause(path: Path):
    seeded(path)
    with AnnotationStore(path, "ana", compact_delay=0.05) as store:
        store.add_tags("1/2020", ["pausa"])
        gone = threading.Event()
        for _ in range(400):  # the fold runs on a timer thread; wait for it, at most 20 s
            if not journal_of(path).exists():
                gone.set()
                break
            gone.wait(0.05)
        assert gone.is_set()
        assert plain_tinydb(path)["001/2020"]["tags"] == ["base", "pausa"]
        assert store.add_tags("1/2020", ["luego"]).tags == ("base", "pausa", "luego")
