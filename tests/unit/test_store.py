"""The annotation store's rules, one test each, on real files in tmp_path."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import threading
from pathlib import Path

import pytest

from boletin_tui.store import (
    SCHEMA_VERSION,
    Annotation,
    AnnotationStore,
    CorruptDatabase,
    StoreBusy,
    StoreError,
    default_annotator,
    jsonio,
    resolve_db_path,
    storage,
    tags_by_use,
)
from boletin_tui.store import config as config_module
from boletin_tui.store import db as db_module
from boletin_tui.store.lock import FileLock

ORJSON = [
    False,
    pytest.param(
        True,
        marks=pytest.mark.skipif(
            jsonio.orjson is None, reason="orjson is not installed (the optional fast extra)"
        ),
    ),
]


@pytest.fixture
def path(tmp_path: Path, monkeypatch) -> Path:
    """The default database (`annotations/annotations.json` in the current folder)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path / "annotations" / "annotations.json"


@pytest.fixture(params=ORJSON, ids=["stdlib", "orjson"])
def store(request, path: Path):
    with AnnotationStore(path, "ana", use_orjson=request.param) as s:
        yield s


def clock(monkeypatch, *stamps: str) -> None:
    """Make the store's clock return `stamps` in turn (the last one forever)."""
    values = list(stamps)
    monkeypatch.setattr(
        db_module, "now_iso", lambda: values.pop(0) if len(values) > 1 else values[0]
    )


# -- Creation ----------------------------------------------------------------------------
def test_opening_and_reading_create_nothing(path: Path):
    s = AnnotationStore(path, "ana")
    assert s.get("45/2019") is None
    assert s.all() == [] and tags_by_use(s.all()) == []
    s.close()
    assert not path.parent.exists()


def test_first_write_creates_folder_and_file(store, path: Path):
    store.add_tags("45/2019", ["salud"])
    assert path.is_file()
    assert json.loads(path.read_text("utf-8"))["_meta"]["1"]["schema"] == SCHEMA_VERSION


def test_noop_write_creates_nothing(path: Path):
    with AnnotationStore(path, "ana") as s:
        assert s.remove_tags("45/2019", ["x"]) is None
        s.add_tags("45/2019", ["  ", ""])
    assert not path.exists()


# -- Keys --------------------------------------------------------------------------------
def test_keys_are_normalised(store):
    store.add_tags("45/2019", ["salud"])
    store.add_tags("No. 045/2019", ["vacunas"])
    assert store.get("045/2019").tags == ("salud", "vacunas")
    assert [a.key for a in store.all()] == ["045/2019"]


def test_invalid_key_is_an_error_and_writes_nothing(store, path: Path):
    with pytest.raises(ValueError, match="clave de boletín no válida"):
        store.add_tags("hola", ["salud"])
    assert not path.exists()


def test_all_is_in_bulletin_order(store):
    for key in ("119/2020", "sn-0123456789", "045/2019", "002/2020"):
        store.add_tags(key, ["x"])
    assert [a.key for a in store.all()] == ["045/2019", "002/2020", "119/2020", "sn-0123456789"]


# -- Tags --------------------------------------------------------------------------------
def test_tags_trimmed_deduplicated_ignoring_case_in_order(store):
    a = store.add_tags("45/2019", [" Salud ", "vacunas", "SALUD", "", "   ", "niñez  pobreza"])
    assert a.tags == ("Salud", "vacunas", "niñez pobreza")
    a = store.add_tags("45/2019", ["salud", "Guarderías"])
    assert a.tags == ("Salud", "vacunas", "niñez pobreza", "Guarderías")


def test_semicolon_separates_tags(store):
    assert store.add_tags("45/2019", ["a; b;;c"]).tags == ("a", "b", "c")


def test_remove_tags_ignores_case_and_deletes_empty_record(store):
    store.add_tags("45/2019", ["Salud", "vacunas"])
    assert store.remove_tags("45/2019", ["SALUD", "ausente"]).tags == ("vacunas",)
    assert store.remove_tags("45/2019", ["vacunas"]) is None
    assert store.get("45/2019") is None


def test_remove_last_tag_keeps_record_with_note(store):
    store.add_tags("45/2019", ["salud"])
    store.set_note("45/2019", "importante")
    assert store.remove_tags("45/2019", ["salud"]) == store.get("45/2019")
    assert store.get("45/2019").note == "importante"


def test_all_tags_most_used_first(store):
    store.add_tags("1/2020", ["b", "a"])
    store.add_tags("2/2020", ["A", "c"])
    store.add_tags("3/2020", ["c", "a"])
    assert tags_by_use(store.all()) == ["a", "c", "b"]


# -- Notes -------------------------------------------------------------------------------
def test_note_keeps_newlines_and_any_length(store, path: Path):
    note = 'Primera línea, con «comillas» y "dobles".\n\n  sangría\r\nfin\t' + "x" * 200_000
    saved = store.set_note("45/2019", note)
    assert saved.note == note.replace("\r\n", "\n")
    with AnnotationStore(path) as again:
        assert again.get("45/2019").note == saved.note


def test_blank_note_deletes_it(store):
    store.set_note("45/2019", "algo")
    store.add_tags("45/2019", ["x"])
    assert store.set_note("45/2019", "  \n").note == ""
    store.remove_tags("45/2019", ["x"])
    assert store.all() == []


# -- Timestamps and annotator ------------------------------------------------------------
def test_timestamps_are_iso_with_time_zone(store):
    a = store.add_tags("45/2019", ["x"])
    for stamp in (a.created, a.updated):
        assert dt.datetime.fromisoformat(stamp).tzinfo is not None


def test_created_kept_updated_moves(store, monkeypatch):
    clock(monkeypatch, "2026-01-01T10:00:00-06:00", "2026-02-01T10:00:00-06:00")
    first = store.add_tags("45/2019", ["x"])
    second = store.set_note("45/2019", "nota")
    assert first.created == first.updated == "2026-01-01T10:00:00-06:00"
    assert second.created == "2026-01-01T10:00:00-06:00"
    assert second.updated == "2026-02-01T10:00:00-06:00"


def test_unchanged_update_keeps_updated(store, monkeypatch):
    clock(monkeypatch, "2026-01-01T10:00:00-06:00", "2026-02-01T10:00:00-06:00")
    first = store.add_tags("45/2019", ["x"])
    assert store.add_tags("45/2019", ["X"]) == first


def test_annotator_is_who_last_changed(path: Path):
    with AnnotationStore(path, "ana") as a:
        a.add_tags("45/2019", ["x"])
    with AnnotationStore(path, "luis") as b:
        assert b.get("45/2019").annotator == "ana"
        assert b.add_tags("45/2019", ["y"]).annotator == "luis"


def test_annotator_defaults(monkeypatch):
    monkeypatch.setenv("BOLETIN_TUI_ANNOTATOR", "  mariana ")
    assert default_annotator() == "mariana"
    monkeypatch.delenv("BOLETIN_TUI_ANNOTATOR")
    monkeypatch.setattr(config_module.getpass, "getuser", lambda: "login")
    assert default_annotator() == "login"

    def fail() -> str:
        raise OSError("sin usuario")

    monkeypatch.setattr(config_module.getpass, "getuser", fail)
    assert default_annotator() == "desconocido"


def test_resolve_db_path(monkeypatch, tmp_path: Path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BOLETIN_TUI_DB", raising=False)
    assert resolve_db_path(None) == tmp_path / "annotations" / "annotations.json"
    monkeypatch.setenv("BOLETIN_TUI_DB", "/x/env.json")
    assert resolve_db_path(None) == Path("/x/env.json")
    assert resolve_db_path("mia.json") == Path("mia.json")


# -- The file ----------------------------------------------------------------------------
def test_json_is_deterministic_sorted_indented_unescaped(path: Path, tmp_path: Path, monkeypatch):
    clock(monkeypatch, "2026-01-01T10:00:00-06:00")
    other = tmp_path / "other.json"
    for target, use_orjson in ((path, False), (other, jsonio.orjson is not None)):
        with AnnotationStore(target, "ana", use_orjson=use_orjson) as s:
            s.add_tags("45/2019", ["niñez", "salud"])
            s.set_note("sn-0123456789", "Nota «citada»\ncon ñ")
            s.add_tags("119/2020", ["x"])
    raw = path.read_bytes()
    assert raw == other.read_bytes()
    assert raw == jsonio.reference_dumps(json.loads(raw))
    assert "niñez" in raw.decode("utf-8") and '\n  "_meta": {\n' in raw.decode("utf-8")


@pytest.mark.parametrize("journal", [False, True])
@pytest.mark.parametrize("use_orjson", ORJSON)
def test_file_matches_reference_after_random_updates(path: Path, use_orjson, journal):
    """The file's bytes are the reference serialisation after every write (journal=True:
    after folding the journal in, which must leave the same bytes as writing each change)."""
    rng = random.Random(4)
    with AnnotationStore(path, "ana", use_orjson=use_orjson, journal=journal) as s:
        for step in range(150):
            key = f"{rng.randint(1, 15)}/2020"
            action = rng.choice(("tag", "tag", "untag", "note"))
            if action == "tag":
                s.add_tags(key, [rng.choice("abcdefg")])
            elif action == "untag":
                s.remove_tags(key, [rng.choice("abcdefg")])
            else:
                s.set_note(key, rng.choice(["", "a\nb", 'ñ "q"', f"n{step}"]))
            if journal and step % 7 == 0:
                s.compact()
            if journal and step % 7:
                continue
            raw = path.read_bytes() if path.exists() else b'{"annotations": {}}'
            parsed = json.loads(raw)
            if path.exists():
                assert raw == jsonio.reference_dumps(parsed)
            on_disk = {d["key"]: Annotation.from_json(d) for d in parsed["annotations"].values()}
            assert on_disk == {a.key: a for a in s.all()}


@pytest.mark.parametrize(
    "text",
    [
        "ñ á ü «»",
        "emoji 🦠",
        "\x00\x01\x1f\x7f",
        "a\u2028b\u2029c",
        'comillas "y" \\ barra',
        "\ud800 suelto",
    ],
)
def test_orjson_and_stdlib_write_the_same_bytes(tmp_path: Path, text: str, monkeypatch):
    if jsonio.orjson is None:
        pytest.skip("orjson is not installed (the optional fast extra)")
    clock(monkeypatch, "2026-01-01T10:00:00-06:00")
    files = []
    for use_orjson in (False, True):
        target = tmp_path / f"{use_orjson}.json"
        with AnnotationStore(target, "ana", use_orjson=use_orjson) as s:
            s.set_note("1/2020", text)
            s.add_tags("1/2020", [text])
        files.append(target.read_bytes())
    assert files[0] == files[1]


def test_schema_version_is_in_the_file(store, path: Path):
    store.add_tags("45/2019", ["x"])
    meta = json.loads(path.read_text("utf-8"))["_meta"]["1"]
    assert meta == {"format": "boletin-tui-annotations", "schema": SCHEMA_VERSION}


def test_doc_ids_are_stable_per_key(tmp_path: Path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    with AnnotationStore(a) as s:
        s.add_tags("45/2019", ["x"])
        s.add_tags("sn-0123456789", ["x"])
    with AnnotationStore(b) as s:
        s.add_tags("sn-0123456789", ["x"])
        s.add_tags("45/2019", ["x"])
    ids = [set(json.loads(p.read_text())["annotations"]) for p in (a, b)]
    assert ids[0] == ids[1] and "201900045" in ids[0]


def test_another_writer_is_seen(path: Path):
    with AnnotationStore(path, "ana") as a, AnnotationStore(path, "luis") as b:
        a.add_tags("45/2019", ["a"])
        b.add_tags("45/2019", ["b"])
        a.add_tags("46/2019", ["c"])
        assert a.get("45/2019").tags == ("a", "b")
        assert {x.key for x in b.all()} == {"045/2019", "046/2019"}


def test_threads_lose_nothing(path: Path):
    with AnnotationStore(path, "ana") as s:

        def work(n: int) -> None:
            for i in range(15):
                s.add_tags("45/2019", [f"t{n}-{i}"])

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    with AnnotationStore(path) as again:
        assert len(again.get("45/2019").tags) == 60


# -- Damaged files -----------------------------------------------------------------------
CORRUPT = {
    "not json": b"{ esto no es json",
    "empty": b"",
    "not utf-8": b'{"_meta": "\xff"}',
    "list": b"[]",
    "plain tinydb": b'{"_default": {"1": {"a": 1}}}',
    "bad tags": (
        b'{"_meta": {"1": {"format": "boletin-tui-annotations", "schema": 1}},'
        b' "annotations": {"1": {"key": "045/2019", "tags": "x", "note": "",'
        b' "annotator": "", "created": "", "updated": ""}}}'
    ),
    "duplicate key": (
        b'{"_meta": {"1": {"format": "boletin-tui-annotations", "schema": 1}},'
        b' "annotations": {"1": {"key": "045/2019", "tags": [], "note": "n",'
        b' "annotator": "", "created": "", "updated": ""}, "2": {"key":'
        b' "045/2019", "tags": [], "note": "m", "annotator": "", "created": "",'
        b' "updated": ""}}}'
    ),
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_damaged_file_is_kept_aside_and_never_overwritten(path: Path, content: bytes):
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    s = AnnotationStore(path, "ana")
    for _attempt in range(2):
        with pytest.raises(CorruptDatabase) as info:
            s.add_tags("45/2019", ["x"])
        assert str(path) in str(info.value) and str(info.value.copy) in str(info.value)
        assert info.value.copy.read_bytes() == content
        assert path.read_bytes() == content
    with pytest.raises(CorruptDatabase):
        s.get("45/2019")
    with pytest.raises(CorruptDatabase):
        s.merge_many([Annotation("046/2019", ("y",))])
    assert path.read_bytes() == content
    copies = list(path.parent.glob("annotations.json.corrupt-*"))
    assert len(copies) == 1  # the same damage is copied once, not once per attempt


def test_repaired_file_is_used_again(path: Path):
    path.parent.mkdir(parents=True)
    path.write_bytes(b"roto")
    s = AnnotationStore(path, "ana")
    with pytest.raises(CorruptDatabase):
        s.get("45/2019")
    path.unlink()
    assert s.add_tags("45/2019", ["x"]).tags == ("x",)


# -- Locks and failures ------------------------------------------------------------------
def test_busy_database_changes_nothing(path: Path):
    with AnnotationStore(path, "ana") as s:
        s.add_tags("45/2019", ["x"])
    before = path.read_bytes()
    held = FileLock(path.with_name(path.name + ".lock"))
    assert held.acquire(1)
    try:
        with (
            AnnotationStore(path, "luis", lock_timeout=0.2) as s,
            pytest.raises(StoreBusy, match="ocupada"),
        ):
            s.add_tags("45/2019", ["y"])
    finally:
        held.release()
    assert path.read_bytes() == before


def test_failed_write_leaves_file_and_store_consistent(path: Path, monkeypatch):
    with AnnotationStore(path, "ana", journal=False) as s:
        s.add_tags("45/2019", ["x"])
        before = path.read_bytes()

        def refuse(*args):
            raise OSError(28, "No queda espacio en el dispositivo")

        monkeypatch.setattr(storage.os, "replace", refuse)
        with pytest.raises(StoreError, match="No se pudo escribir"):
            s.add_tags("45/2019", ["y"])
        monkeypatch.undo()
        assert path.read_bytes() == before
        assert s.get("45/2019").tags == ("x",)
        assert not list(path.parent.glob(".annotations.json.*.tmp"))
        assert s.add_tags("45/2019", ["z"]).tags == ("x", "z")


def test_leftover_temporary_files_are_swept(path: Path):
    path.parent.mkdir(parents=True)
    stray = path.parent / ".annotations.json.abc123.tmp"
    stray.write_text("medio escrito")
    with AnnotationStore(path, "ana") as s:
        s.add_tags("45/2019", ["x"])
    assert not stray.exists()


@pytest.mark.skipif(os.name != "posix", reason="permisos POSIX")
def test_file_mode_is_kept(path: Path):
    with AnnotationStore(path, "ana") as s:
        s.add_tags("45/2019", ["x"])
        os.chmod(path, 0o600)
        s.add_tags("45/2019", ["y"])
    assert path.stat().st_mode & 0o777 == 0o600


def test_unwritable_location_is_a_store_error(tmp_path: Path):
    blocker = tmp_path / "un-archivo"
    blocker.write_text("")
    with pytest.raises(StoreError, match="No existe la carpeta"):
        AnnotationStore(blocker / "sub" / "annotations.json", "ana")
