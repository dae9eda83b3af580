"""Issues 12 and 13 through the real `boletin-tui` entry point: keys, tags, exports, imports,
exit codes, and files that are not what they seem."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "BOLETIN_TUI_ANNOTATOR": "ana"}
    full_env.pop("BOLETIN_TUI_DB", None)
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "boletin_tui", *args],
        capture_output=True,
        input=stdin,
        env=full_env,
        timeout=120,
        encoding="utf-8",
        errors="replace",
    )


def records(db: str) -> dict[str, dict]:
    data = json.loads(Path(db).read_text("utf-8"))
    return {doc["key"]: doc for doc in data["annotations"].values()}


SAMPLE_KEY = "001/2025"  # in the bundled sample corpus


def sample_path() -> str:
    from boletin_tui.corpus import sample_corpus_path

    return str(sample_corpus_path())


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "annotations.json")


def one_line(text: str) -> bool:
    return text.count("\n") == 1 and "Traceback" not in text


# -- Keys (13 #5) ------------------------------------------------------------------------------
def test_implausible_key_is_refused(db: str):
    done = run("tag", "--db", db, "999/2099", "fantasma")
    assert done.returncode == 2 and one_line(done.stderr) and "2099" in done.stderr
    assert not Path(db).exists()


def test_key_not_in_the_given_corpus_is_refused(db: str):
    done = run("tag", "--db", db, "--corpus", sample_path(), "998/2024", "fantasma")
    assert done.returncode == 2 and one_line(done.stderr) and "no está en el corpus" in done.stderr
    assert not Path(db).exists()


def test_key_in_the_given_corpus_records_its_snapshot(db: str, tmp_path: Path):
    done = run("tag", "--db", db, "--corpus", sample_path(), SAMPLE_KEY, "salud")
    assert done.returncode == 0, done.stderr
    assert "no se comprobó" not in done.stderr
    snapshot = records(db)[SAMPLE_KEY]["bulletin"]
    assert snapshot["number"] and snapshot["title"] and len(snapshot["hash"]) >= 10
    # Exported against another corpus (an empty folder), the row keeps its metadata.
    empty = tmp_path / "vacio"
    empty.mkdir()
    done = run("export", "--db", db, "--format", "json", str(empty))
    assert done.returncode == 0, done.stderr
    row = json.loads(done.stdout)[0]
    assert row["title"] == snapshot["title"] and row["number"] and row["date"]
    assert "1 fila con número, fecha y título de la copia" in done.stderr


def test_without_corpus_the_key_is_said_unchecked(db: str):
    done = run("note", "--db", db, "45/2019", "hola")
    assert done.returncode == 0 and "no se comprobó que 045/2019" in done.stderr


# -- Tags (13 #6, #7, #21) ---------------------------------------------------------------------
def test_semicolon_splits_tags_and_says_so(db: str):
    done = run("tag", "--db", db, "45/2019", "uno; dos")
    assert done.returncode == 0
    assert "«;» separa etiquetas" in done.stderr
    assert records(db)["045/2019"]["tags"] == ["uno", "dos"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_exports_write_tags_as_a_list(db: str, fmt: str):
    run("tag", "--db", db, "45/2019", "uno", "dos")
    done = run("export", "--db", db, "--format", fmt)
    row = json.loads(done.stdout)[0] if fmt == "json" else json.loads(done.stdout.splitlines()[0])
    assert row["tags"] == ["uno", "dos"]


def test_untag_of_an_absent_tag_says_so(db: str):
    run("tag", "--db", db, "45/2019", "uno")
    done = run("untag", "--db", db, "45/2019", "otra")
    assert done.returncode == 0 and "no tenía «otra»" in done.stderr


# -- Exports (12 #5) ---------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", ["", ".lock"])
def test_export_onto_the_database_is_refused(db: str, suffix: str):
    run("tag", "--db", db, "45/2019", "uno")
    before = Path(db).read_bytes()
    done = run("export", "--db", db, "-o", db + suffix)
    assert done.returncode == 1 and one_line(done.stderr) and "base de anotaciones" in done.stderr
    assert Path(db).read_bytes() == before


# -- Paths, settings and limits (12 #7, #16, #17, #18; 13 #19, #22) ----------------------------
def test_missing_folder_of_explicit_db_is_exit_2(tmp_path: Path):
    done = run("tag", "--db", str(tmp_path / "no" / "dir" / "db.json"), "45/2019", "x")
    assert done.returncode == 2 and one_line(done.stderr) and "No existe la carpeta" in done.stderr
    assert not (tmp_path / "no").exists()


def test_default_folder_is_still_created(tmp_path: Path):
    env = {**os.environ, "BOLETIN_TUI_ANNOTATOR": "ana", "PYTHONPATH": str(REPO / "src")}
    env.pop("BOLETIN_TUI_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "boletin_tui", "tag", "45/2019", "x"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "annotations" / "annotations.json").is_file()


@pytest.mark.parametrize("value", ["nan", "-1"])
def test_bad_lock_timeout_is_exit_2(db: str, value: str):
    done = run("tag", "--db", db, "45/2019", "x", BOLETIN_TUI_LOCK_TIMEOUT=value)
    assert (
        done.returncode == 2 and one_line(done.stderr) and "BOLETIN_TUI_LOCK_TIMEOUT" in done.stderr
    )


@pytest.mark.skipif(os.name != "posix", reason="permisos POSIX")
def test_read_only_database_is_exit_1_and_unchanged(db: str):
    run("tag", "--db", db, "45/2019", "x")
    before = Path(db).read_bytes()
    os.chmod(db, 0o444)
    try:
        done = run("tag", "--db", db, "45/2019", "y")
        assert done.returncode == 1 and one_line(done.stderr) and "solo lectura" in done.stderr
        assert Path(db).read_bytes() == before
    finally:
        os.chmod(db, 0o644)


def test_note_over_the_limit_is_exit_2(db: str):
    done = run("note", "--db", db, "45/2019", "-", stdin="x" * 1_000_001)
    assert done.returncode == 2 and one_line(done.stderr) and "MB" in done.stderr
    assert not Path(db).exists()


def test_deeply_nested_database_is_one_line(db: str):
    Path(db).write_text('{"_meta": ' + "[" * 100_000 + "]" * 100_000 + "}")
    done = run("tag", "--db", db, "45/2019", "x")
    assert done.returncode == 1 and one_line(done.stderr) and "dañada" in done.stderr


@pytest.mark.parametrize("value", ["5", "true", '{"a": 1}'])
def test_import_of_wrong_types_is_one_line_with_the_row(db: str, tmp_path: Path, value: str):
    src = tmp_path / "in.jsonl"
    good = '{"key": "045/2019", "tags": ["x"]}'
    src.write_text(f'{good}\n{{"key": "046/2019", "tags": {value}}}\n')
    done = run("import", "--db", db, str(src))
    assert done.returncode == 1 and "fila 2" in done.stderr and "Traceback" not in done.stderr
    assert not Path(db).exists()


def test_import_shows_progress_on_stderr(db: str, tmp_path: Path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"key": f"{n}/2020", "tags": ["t"]}) + "\n" for n in range(1, 301))
    )
    done = run("import", "--db", db, str(src))
    assert done.returncode == 0, done.stderr
    assert "leyendo" in done.stderr and "escribiendo" in done.stderr
    assert "300 anotaciones leídas" in done.stdout and len(records(db)) == 300
