"""The store under the faults and hostile files of issues 12 and 13, through its public API."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

import pytest

from boletin_tui.corpus.model import Bulletin
from boletin_tui.store import (
    MAX_NOTE_BYTES,
    AnnotationStore,
    BulletinSnapshot,
    CorruptDatabase,
    ReadOnlyDatabase,
    StoreError,
    StoreUsageError,
    snapshot_mismatch,
)
from boletin_tui.store.exchange import export_rows, read_export, write_export

BULLETIN = Bulletin(
    key="045/2019",
    number="045/2019",
    kind="Boletín",
    date=dt.date(2019, 3, 5),
    city="Monterrey",
    dateline=None,
    title="Abre IMSS nueva Unidad, en Apodaca",
    highlights=(),
    paragraphs=(),
    links=(),
    sources=("corpus/2019-03-05_045.txt",),
    content_hash="ab" * 16,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


def stored(path: Path) -> dict:
    """The records as another process reads them (the file and its journal)."""
    with AnnotationStore(path, "otro", journal=False) as fresh:
        return {a.key: a.to_json() for a in fresh.all()}


# -- A note edited in two places (12 #2) ----------------------------------------------------
def test_note_saved_against_a_stale_base_keeps_both(path: Path):
    with AnnotationStore(path, "ana") as ana, AnnotationStore(path, "luis") as luis:
        ana.set_note("45/2019", "Primera versión.")
        base = ana.get("45/2019").note
        luis.set_note("45/2019", "Luis la cambió.")  # another process, meanwhile
        saved = ana.save_note("45/2019", "Ana la editó.", base=base)
        assert saved.conflict and saved.theirs == "Luis la cambió."
        assert saved.annotation.note == "[luis] Luis la cambió.\n\n[ana] Ana la editó."
        assert stored(path)["045/2019"]["note"] == saved.annotation.note


def test_note_saved_against_the_current_base_replaces_it(path: Path):
    with AnnotationStore(path, "ana") as ana:
        ana.set_note("45/2019", "Primera versión.")
        saved = ana.save_note("45/2019", "Segunda.", base="Primera versión.")
        assert not saved.conflict and saved.annotation.note == "Segunda."


def test_changed_tells_when_another_process_wrote(path: Path):
    with AnnotationStore(path, "ana") as ana, AnnotationStore(path, "luis") as luis:
        ana.add_tags("45/2019", ["x"])
        assert not ana.changed()
        luis.add_tags("46/2019", ["y"])
        assert ana.changed()
        assert [a.key for a in ana.all()] == ["045/2019", "046/2019"]
        assert not ana.changed()


# -- Files that are not what they seem (12 #6, #7, #17, #21; 13 #19, #20) --------------------
@pytest.mark.skipif(os.name != "posix", reason="enlaces simbólicos POSIX")
def test_symlinked_database_is_written_through(tmp_path: Path):
    real_dir, link_dir = tmp_path / "real", tmp_path / "link"
    real_dir.mkdir()
    link_dir.mkdir()
    target = real_dir / "annotations.json"
    with AnnotationStore(target, "ana") as s:
        s.add_tags("45/2019", ["x"])
    link = link_dir / "annotations.json"
    link.symlink_to(target)
    with AnnotationStore(link, "ana") as s:
        s.add_tags("45/2019", ["y"])
    assert link.is_symlink()
    assert stored(target)["045/2019"]["tags"] == ["x", "y"]
    assert sorted(p.name for p in link_dir.iterdir()) == ["annotations.json"]


@pytest.mark.skipif(os.name != "posix", reason="permisos POSIX")
def test_read_only_database_is_refused_not_replaced(path: Path):
    with AnnotationStore(path, "ana") as s:
        s.add_tags("45/2019", ["x"])
    before = path.read_bytes()
    os.chmod(path, 0o444)
    try:
        with AnnotationStore(path, "ana") as s, pytest.raises(ReadOnlyDatabase, match="lectura"):
            s.add_tags("45/2019", ["y"])
        assert path.read_bytes() == before and path.stat().st_mode & 0o777 == 0o444
    finally:
        os.chmod(path, 0o644)


@pytest.mark.parametrize("use_orjson", [False, True])
def test_deeply_nested_database_is_damaged_not_a_crash(path: Path, use_orjson: bool):
    path.write_text('{"_meta": ' + "[" * 200_000 + "]" * 200_000 + "}")
    with (
        AnnotationStore(path, "ana", use_orjson=use_orjson) as s,
        pytest.raises(CorruptDatabase),
    ):
        s.all()


def test_one_damaged_copy_per_distinct_content(path: Path):
    for content in (b"roto", b"roto", b"otro dano", b"roto"):
        path.write_bytes(content)
        with AnnotationStore(path, "ana") as s, pytest.raises(CorruptDatabase):
            s.all()
    assert len(list(path.parent.glob("annotations.json.corrupt-*"))) == 2


def test_lock_file_problem_names_the_lock_file(path: Path):
    (path.parent / "annotations.json.lock").mkdir()  # a folder where the lock file goes
    with AnnotationStore(path, "ana") as s, pytest.raises(StoreError, match=r"\.lock"):
        s.add_tags("45/2019", ["x"])


def test_busy_database_names_the_lock_file(path: Path):
    from boletin_tui.store import StoreBusy
    from boletin_tui.store.lock import FileLock

    held = FileLock(path.with_name(path.name + ".lock"))
    assert held.acquire(1)
    try:
        with AnnotationStore(path, "ana", lock_timeout=0.1) as s, pytest.raises(StoreBusy) as info:
            s.add_tags("45/2019", ["x"])
        assert "annotations.json.lock" in str(info.value)
    finally:
        held.release()


def test_missing_folder_of_an_explicit_path_is_an_error(tmp_path: Path):
    with pytest.raises(StoreUsageError, match="No existe la carpeta"):
        AnnotationStore(tmp_path / "no" / "dir" / "db.json", "ana")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("value", ["nan", "-1", "inf", "abc"])
def test_lock_timeout_setting_is_validated(path: Path, monkeypatch, value: str):
    monkeypatch.setenv("BOLETIN_TUI_LOCK_TIMEOUT", value)
    with pytest.raises(StoreUsageError, match="BOLETIN_TUI_LOCK_TIMEOUT"):
        AnnotationStore(path, "ana")


# -- Limits (12 #16) -------------------------------------------------------------------------
def test_note_over_the_limit_is_refused(path: Path):
    with AnnotationStore(path, "ana") as s:
        with pytest.raises(StoreUsageError, match="MB"):
            s.set_note("45/2019", "x" * (MAX_NOTE_BYTES + 1))
        assert s.get("45/2019") is None
        assert s.set_note("45/2019", "x" * MAX_NOTE_BYTES).note


# -- The record keeps what it does not know, and what it annotated (13 #3, schema) -----------
def test_unknown_fields_survive_an_update(path: Path):
    with AnnotationStore(path, "ana") as s:
        s.add_tags("45/2019", ["x"])
    data = json.loads(path.read_text("utf-8"))
    doc = next(iter(data["annotations"].values()))
    # (`passages` was this test's unknown field before schema 2 made it known.)
    doc["reviews"] = [{"start": 3, "end": 9, "note": "cita"}]
    path.write_text(json.dumps(data), "utf-8")
    with AnnotationStore(path, "ana") as s:
        s.add_tags("45/2019", ["y"])
        s.set_note("45/2019", "nota")
    assert stored(path)["045/2019"]["reviews"] == [{"start": 3, "end": 9, "note": "cita"}]


def test_snapshot_is_stored_and_compared(path: Path):
    with AnnotationStore(path, "ana") as s:
        record = s.add_tags("45/2019", ["x"], bulletin=BULLETIN)
        assert record.bulletin == BulletinSnapshot(
            "045/2019", "2019-03-05", BULLETIN.title, "corpus/2019-03-05_045.txt", "ab" * 16
        )
        assert stored(path)["045/2019"]["bulletin"]["hash"] == "ab" * 16
        s.set_note("45/2019", "nota")  # a write without a bulletin keeps the snapshot
        record = s.get("45/2019")
    assert record.bulletin is not None
    assert snapshot_mismatch(record, BULLETIN) is None
    edited = dataclasses.replace(BULLETIN, content_hash="cd" * 16)
    assert "cambió" in snapshot_mismatch(record, edited)
    other = dataclasses.replace(edited, title="Otro boletín")
    message = snapshot_mismatch(record, other)
    assert "otro boletín" in message and BULLETIN.title in message


def test_export_fills_metadata_from_the_snapshot(path: Path):
    with AnnotationStore(path, "ana") as s:
        s.add_tags("45/2019", ["x", "y"], bulletin=BULLETIN)
        rows = export_rows(s.all(), {})
    assert rows[0]["number"] == "045/2019" and rows[0]["title"] == BULLETIN.title
    assert rows[0]["date"] == "2019-03-05" and rows[0]["tags"] == ["x", "y"]


# -- Exports (12 #5) ---------------------------------------------------------------------------
def test_failed_export_leaves_the_old_file(tmp_path: Path, monkeypatch):
    out = tmp_path / "backup.jsonl"
    out.write_text("uno\ndos\ntres\ncuatro\ncinco\n")
    rows = [{"key": "045/2019", "tags": ["x"]}]
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "lleno")))
    with pytest.raises(StoreError, match="No se pudo escribir"):
        write_export(rows, out, "jsonl")
    monkeypatch.undo()
    assert out.read_text().count("\n") == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.jsonl"]


def test_export_refuses_the_database_and_its_lock(path: Path):
    with AnnotationStore(path, "ana") as s:
        s.add_tags("45/2019", ["x"])
        before = path.read_bytes()
        rows = export_rows(s.all())
        for target in s.own_files():
            with pytest.raises(StoreError, match="base de anotaciones"):
                write_export(rows, target, "csv", protect=s.own_files())
    assert path.read_bytes() == before


# -- Imports (12 #14, #17) ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "value"),
    [("tags", 5), ("tags", True), ("tags", ["a", 3]), ("note", {"a": 1}), ("annotator", [1])],
)
def test_import_rejects_wrong_types_with_the_row(tmp_path: Path, field: str, value: object):
    src = tmp_path / "in.jsonl"
    good = {"key": "045/2019", "tags": ["x"]}
    src.write_text(json.dumps(good) + "\n" + json.dumps({**good, field: value}) + "\n")
    with pytest.raises(StoreError, match="fila 2"):
        read_export(src)


def test_import_note_over_the_limit_names_the_row(tmp_path: Path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"key": "045/2019", "note": "x" * (MAX_NOTE_BYTES + 1)}) + "\n")
    with pytest.raises(StoreError, match="fila 1.*MB"):
        read_export(src)


def test_import_lone_surrogate_in_annotator_is_stored_cleanly(path: Path, tmp_path: Path):
    src = tmp_path / "in.json"
    src.write_text('[{"key": "045/2019", "tags": ["x"], "annotator": "an\\ud800a"}]')
    with AnnotationStore(path, "yo", use_orjson=True) as s:
        s.merge_many(read_export(src))
        s.set_note("45/2019", "nota")
    assert stored(path)["045/2019"]["tags"] == ["x"]


def test_merge_many_reports_progress_and_lands_every_record(path: Path):
    from boletin_tui.store import Annotation

    lines: list[str] = []
    incoming = [Annotation(f"{n % 900 + 1}/{2000 + n // 900}", ("t",)) for n in range(3000)]
    with AnnotationStore(path, "ana") as s:
        s.merge_many(incoming, lines.append)
        assert len(s.all()) == 3000
    assert any("escribiendo" in line for line in lines)
