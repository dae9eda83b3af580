"""`tag`, `untag`, `note`, `export` and `import` through the real entry point, in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run(
    *args: str, stdin: str | None = None, cwd: str | None = None, **env: str
) -> subprocess.CompletedProcess:
    full_env = {
        **os.environ,
        "PYTHONPATH": str(REPO / "src"),
        "BOLETIN_TUI_ANNOTATOR": "ana",
        **env,
    }
    full_env.pop("BOLETIN_TUI_DB", None)
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "boletin_tui", *args],
        capture_output=True,
        input=stdin,
        env=full_env,
        cwd=cwd,
        timeout=120,
        encoding="utf-8",
        errors="replace",
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "annotations.json")


def records(db: str) -> dict[str, dict]:
    data = json.loads(Path(db).read_text("utf-8"))
    return {doc["key"]: doc for doc in data["annotations"].values()}


def test_tag_untag(db: str):
    done = run("tag", "--db", db, "45/2019", " Salud ", "vacunas", "SALUD")
    assert done.returncode == 0, done.stderr
    assert "045/2019" in done.stdout and "no se comprobó que 045/2019 exista" in done.stderr
    assert records(db)["045/2019"]["tags"] == ["Salud", "vacunas"]
    assert records(db)["045/2019"]["annotator"] == "ana"
    done = run("untag", "--db", db, "045/2019", "salud")
    assert done.returncode == 0, done.stderr
    assert records(db)["045/2019"]["tags"] == ["vacunas"]
    assert run("untag", "--db", db, "045/2019", "vacunas").returncode == 0
    assert records(db) == {}


def test_annotator_option_and_env_db(db: str, tmp_path: Path):
    done = run("tag", "--annotator", "luis", "45/2019", "x", BOLETIN_TUI_DB=db)
    assert done.returncode == 0, done.stderr
    assert records(db)["045/2019"]["annotator"] == "luis"


def test_note_from_argument_and_stdin(db: str):
    assert run("note", "--db", db, "45/2019", "corta").returncode == 0
    note = 'Primera línea, con "comillas".\n\nTercera línea: ñandú'
    done = run("note", "--db", db, "45/2019", "-", stdin=note + "\n")
    assert done.returncode == 0, done.stderr
    assert records(db)["045/2019"]["note"] == note


def test_export_csv_to_stdout_and_file(db: str, tmp_path: Path):
    run("tag", "--db", db, "45/2019", "salud")
    run("note", "--db", db, "45/2019", "-", stdin='coma, "comillas"\nsalto')
    run("tag", "--db", db, "119/2020", "otra")
    done = run("export", "--db", db)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout, newline="")))
    assert [r["key"] for r in rows] == ["045/2019", "119/2020"]
    assert rows[0]["note"] == 'coma, "comillas"\nsalto'
    assert rows[0]["title"]  # the sample corpus holds 045/2019
    out = tmp_path / "out.csv"
    done = run("export", "--db", db, "--excel", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbfkey,number,")


def test_export_import_export(db: str, tmp_path: Path):
    run("tag", "--db", db, "45/2019", "salud", "niñez")
    run("note", "--db", db, "119/2020", "-", stdin="nota\ncon, comas")
    for fmt in ("csv", "jsonl", "json"):
        first = run("export", "--db", db, "--format", fmt)
        exported = tmp_path / f"e.{fmt}"
        exported.write_text(first.stdout, encoding="utf-8", newline="")
        other = str(tmp_path / f"other-{fmt}.json")
        done = run("import", "--db", other, str(exported))
        assert done.returncode == 0, done.stderr
        assert "2 nuevas" in done.stdout
        assert run("export", "--db", other, "--format", fmt).stdout == first.stdout


def test_import_merges_another_annotator(db: str, tmp_path: Path):
    theirs = str(tmp_path / "luis.json")
    run("tag", "--db", theirs, "--annotator", "luis", "45/2019", "vacunas")
    run("note", "--db", theirs, "--annotator", "luis", "45/2019", "De Luis.")
    exported = tmp_path / "luis.jsonl"
    run("export", "--db", theirs, "--format", "jsonl", "-o", str(exported))
    run("tag", "--db", db, "45/2019", "salud")
    run("note", "--db", db, "45/2019", "De Ana.")
    assert run("import", "--db", db, str(exported)).returncode == 0
    mine = records(db)["045/2019"]
    assert mine["tags"] == ["salud", "vacunas"]
    assert mine["note"] == "[ana] De Ana.\n\n[luis] De Luis."


def test_corrupt_database_exit_1_and_unchanged(db: str):
    Path(db).write_bytes(b'{"roto": ')
    done = run("tag", "--db", db, "45/2019", "x")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    copies = list(Path(db).parent.glob("annotations.json.corrupt-*"))
    assert len(copies) == 1
    assert db in done.stderr and str(copies[0]) in done.stderr
    assert Path(db).read_bytes() == b'{"roto": '
    for args in (("export",), ("note", "45/2019", "n"), ("untag", "45/2019", "x")):
        assert run(args[0], "--db", db, *args[1:]).returncode == 1
    assert Path(db).read_bytes() == b'{"roto": '


def test_busy_database_exit_1(db: str, tmp_path: Path):
    from boletin_tui.store.lock import FileLock

    run("tag", "--db", db, "45/2019", "x")
    before = Path(db).read_bytes()
    held = FileLock(Path(db + ".lock"))
    assert held.acquire(5)
    try:
        done = run("tag", "--db", db, "45/2019", "y", BOLETIN_TUI_LOCK_TIMEOUT="0.3")
    finally:
        held.release()
    assert done.returncode == 1 and "ocupada" in done.stderr and "Traceback" not in done.stderr
    assert Path(db).read_bytes() == before


@pytest.mark.parametrize(
    "args", [("tag", "hola", "x"), ("untag", "12", "x"), ("note", "119-2020", "n")]
)
def test_invalid_key_exit_2(db: str, args: tuple[str, ...]):
    done = run(args[0], "--db", db, *args[1:])
    assert done.returncode == 2
    assert "clave de boletín no válida" in done.stderr and "Traceback" not in done.stderr
    assert not Path(db).exists()


def test_import_bad_file(db: str, tmp_path: Path):
    assert run("import", "--db", db, str(tmp_path / "no-existe.csv")).returncode == 2
    bad = tmp_path / "malo.jsonl"
    bad.write_text('{"key": "45/2019"}\n{roto\n', encoding="utf-8")
    done = run("import", "--db", db, str(bad))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert not Path(db).exists()


def test_export_to_dash_writes_standard_output(db: str, tmp_path: Path):
    run("tag", "--db", db, "45/2019", "salud")
    done = run("export", "--db", db, "-o", "-", cwd=str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert [r["key"] for r in csv.DictReader(io.StringIO(done.stdout, newline=""))] == ["045/2019"]
    assert not (tmp_path / "-").exists()  # not a file named "-"
