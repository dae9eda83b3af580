"""`list`, `check` and `show` through the real entry point, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

BULLETIN = (
    "Ciudad de México, 14 de febrero de 2023.\nNo. {number}\n\n{title}\n\n"
    "· Se fortalece la atención en las unidades médicas de la región.\n"
    "El director regional, Mateo Ibarra Quiroga, señaló que la campaña llegó a más de "
    "1,250 familias y que se mantendrá durante el año con el apoyo del personal de salud.\n"
    "LINK FOTOS\nhttps://example.org/fotos\n"
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(
        [sys.executable, "-m", "boletin_tui", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=120,
    )


def make_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(
        BULLETIN.format(number="045/2019", title="Primer boletín"), "utf-8"
    )
    (folder / "b.txt").write_text(
        BULLETIN.replace("14 de febrero de 2023", "2 de marzo de 2024").format(
            number="046/2024", title="Segundo boletín"
        ),
        "utf-8",
    )
    return folder


def test_list_json_fields_and_order(tmp_path):
    result = run("list", "--json", str(make_corpus(tmp_path / "c")))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [b["key"] for b in data] == ["046/2024", "045/2019"]
    first = data[0]
    for field in (
        "key",
        "number",
        "kind",
        "date",
        "city",
        "title",
        "highlights",
        "paragraphs",
        "links",
        "sources",
        "content_hash",
    ):
        assert field in first
    assert first["date"] == "2024-03-02"
    assert first["links"] == [{"label": "fotos", "url": "https://example.org/fotos"}]
    assert first["sources"][0].endswith("b.txt")


def test_list_without_paths_uses_the_sample_corpus():
    result = run("list", "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) >= 12


def test_list_table_is_readable(tmp_path):
    result = run("list", str(make_corpus(tmp_path / "c")))
    assert result.returncode == 0
    assert "046/2024" in result.stdout and "Segundo boletín" in result.stdout


def test_check_exit_status(tmp_path):
    folder = make_corpus(tmp_path / "c")
    clean = run("check", str(folder))
    assert clean.returncode == 0, clean.stdout
    (folder / "vacío.txt").write_bytes(b"")
    (folder / "dup.txt").write_text(
        BULLETIN.format(number="045/2019", title="Otro con el mismo número")
    )
    dirty = run("check", str(folder))
    assert dirty.returncode == 1
    assert "vacío.txt" in dirty.stdout and "archivo vacío" in dirty.stdout
    assert "conflicto" in dirty.stdout and "045/2019" in dirty.stdout


def test_show_accepts_unpadded_keys(tmp_path):
    folder = make_corpus(tmp_path / "c")
    shown = run("show", "45/2019", str(folder))
    assert shown.returncode == 0 and "Primer boletín" in shown.stdout
    missing = run("show", "999/2019", str(folder))
    assert missing.returncode == 1 and "999/2019" in missing.stderr


def test_bad_usage_and_missing_paths_exit_2_without_traceback(tmp_path):
    for args in (
        ("list", str(tmp_path / "nope")),
        ("show", "no-es-clave"),
        ("list", "--bogus"),
        (str(tmp_path / "nope"),),
    ):
        result = run(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_seed_listing(seeds):
    result = run("list", "--json", str(seeds))
    data = json.loads(result.stdout)
    assert [b["number"] for b in data[:3]] == ["493/2024", "257/2024", "119/2020"]
    assert [b["date"] for b in data[3:]] == [None, None]
