"""The command line under bad input, odd file names and odd text, through the real entry point:
one Spanish line and the agreed exit status, never a traceback (issues 12 and 13)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

BULLETIN = (
    "Ciudad de México, 14 de febrero de 2023.\nNo. {number}\n\n{title}\n\n"
    "El director regional, Mateo Ibarra Quiroga, señaló que la campaña llegó a más de "
    "1,250 familias y que se mantendrá durante el año con el apoyo del personal de salud.\n"
)


def run(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(REPO / "src"), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "boletin_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        input=stdin,
        env=full,
        timeout=120,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(BULLETIN.format(number="045/2019", title="Primer"), "utf-8")
    return folder


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- every subcommand, a few bad inputs -------------------------------------------------------


def test_bad_input_everywhere_is_one_line(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "db.json")
    folder = tmp_path / "carpeta"
    folder.mkdir()
    cases: list[tuple[tuple[str, ...], int]] = [
        (("list", "--nada"), 2),
        (("list", str(tmp_path / "no-existe")), 2),
        (("check", str(tmp_path / "no-existe")), 2),
        (("show",), 2),
        (("show", "no-es-clave"), 2),
        (("show", "999/2019", str(corpus)), 1),
        (("entities", "--type", "NADA"), 2),
        (("figures", "--csv"), 2),
        (("figures", "--csv", str(folder), str(corpus)), 1),  # a failed write
        (("tag", "--db", db), 2),
        (("tag", "--db", db, "clave-mala", "x"), 2),
        (("untag", "--db", db, "045/2019"), 2),
        (("note", "--db", db), 2),
        (("note", "--db", db, "x/y", "texto"), 2),
        (("export", "--db", db, "--format", "xml"), 2),
        (("import", "--db", db, str(tmp_path / "no-existe.csv")), 2),
        (("import", "--db", db), 2),
        (("--nada",), 2),
        ((str(tmp_path / "no-existe"),), 2),  # the app, on a missing path
        (("app", "--db"), 2),
    ]
    for args, status in cases:
        result = run(*args)
        line = one_line(result)
        assert result.returncode == status, (args, result.returncode, line)
        assert "usage" not in line and "error: argument" not in line, line


def test_failed_write_says_why_in_spanish(tmp_path: Path, corpus: Path) -> None:
    folder = tmp_path / "carpeta"
    folder.mkdir()
    result = run("figures", "--csv", str(folder), str(corpus))
    assert result.returncode == 1
    assert "es una carpeta" in one_line(result)
    assert "Errno" not in result.stderr and "Is a directory" not in result.stderr


# -- argparse in Spanish, options anywhere -------------------------------------------------


def test_help_and_errors_in_spanish() -> None:
    for args in (("--help",), ("show", "--help"), ("tag", "-h"), ("entities", "-h")):
        out = run(*args)
        assert out.returncode == 0, out.stderr
        assert out.stdout.startswith("uso: boletin-tui"), out.stdout[:80]
        assert "muestra esta ayuda y termina" in out.stdout
        for english in ("usage", "positional arguments", "options:", "show this help"):
            assert english not in out.stdout, english
    missing = one_line(run("show"))
    assert "faltan los argumentos: CLAVE" in missing and "RUTA" not in missing
    choice = one_line(run("entities", "--type", "nada"))
    assert "opción no válida" in choice and "invalid choice" not in choice


def test_options_anywhere_and_type_case_insensitive(corpus: Path) -> None:
    out = run("show", "045/2019", "--no-cache", str(corpus))
    assert out.returncode == 0, out.stderr
    assert "Primer" in out.stdout
    out = run("entities", str(corpus), "--type", "person", "--json")
    assert out.returncode == 0, out.stderr
    mentions = json.loads(out.stdout)
    assert mentions and {m["type"] for m in mentions} == {"PERSON"}


# -- plurals by count ------------------------------------------------------------------------


def test_plurals_agree_with_counts(tmp_path: Path, corpus: Path) -> None:
    out = run("check", str(corpus))
    assert "1 boletín leído; sin problemas." in out.stdout, out.stdout
    (corpus / "vacio.txt").write_text("", "utf-8")
    out = run("check", str(corpus))
    assert out.returncode == 1
    assert "1 boletín leído; 1 problema." in out.stdout, out.stdout
    assert "(s)" not in out.stdout
    listed = run("list", str(corpus))
    assert "1 archivo omitido" in listed.stderr, listed.stderr


# -- piped output is not hard-wrapped ---------------------------------------------------------


def test_piped_output_is_not_wrapped(tmp_path: Path) -> None:
    long_title = "Título " + " ".join(["larguísimo"] * 30)
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(BULLETIN.format(number="045/2019", title=long_title), "utf-8")
    shown = run("show", "045/2019", str(folder))
    assert long_title in shown.stdout.splitlines(), shown.stdout
    assert not any(line.endswith(" ") for line in shown.stdout.splitlines())
    listed = run("list", str(folder))
    assert any(long_title in line for line in listed.stdout.splitlines()), listed.stdout


# -- a 1 MB unbroken line (issue 12 #13) ------------------------------------------------------


def test_show_finishes_on_a_long_unbroken_line(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    word = "0123456789" * 100_000  # 1 MB, no space: Rich's highlighter was quadratic on it
    text = BULLETIN.format(number="045/2019", title="Largo") + word + "\n"
    (folder / "a.txt").write_text(text, "utf-8")
    out = run("show", "045/2019", str(folder))  # the 120 s timeout guards the hang
    assert out.returncode == 0, out.stderr
    assert word in out.stdout


# -- non-UTF-8 file names under a strict UTF-8 locale (issue 12 #17) -----------------------


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_non_utf8_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"bolet\xedn.txt")
    with open(name, "wb") as handle:
        handle.write(BULLETIN.format(number="045/2019", title="Nombre raro").encode())
    with open(os.path.join(os.fsencode(folder), b"vac\xedo.txt"), "wb") as handle:
        handle.write(b"")
    env = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}
    for args in (("list", "--json"), ("list",), ("show", "045/2019"), ("check",)):
        out = run(*args, str(folder), env=env)
        assert "Traceback" not in out.stderr, (args, out.stderr)
        assert out.returncode in (0, 1), (args, out.stderr)
    data = json.loads(run("list", "--json", str(folder), env=env).stdout)
    assert data[0]["sources"][0].endswith("bolet\udcedn.txt")  # round-trips to the bytes


# -- keys the lister makes are keys the commands take (issue 12 #23) ------------------------


def test_year_typo_key_is_usable_and_flagged(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(BULLETIN.format(number="101/0202", title="Errata"), "utf-8")
    listed = json.loads(run("list", "--json", str(folder)).stdout)
    key = listed[0]["key"]
    assert key == "101/0202"
    shown = run("show", key, str(folder))
    assert shown.returncode == 0 and "Errata" in shown.stdout, shown.stderr
    tagged = run("tag", "--db", str(tmp_path / "db.json"), key, "errata", "--corpus", str(folder))
    assert tagged.returncode == 0, tagged.stderr
    checked = run("check", str(folder))
    assert checked.returncode == 1
    assert "año dudoso" in checked.stdout and "101/0202" in checked.stdout


# -- one bad byte in a UTF-8 file (issue 12 #22) ----------------------------------------------


def test_one_bad_byte_keeps_utf8_and_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    data = BULLETIN.format(number="045/2019", title="Año de salud").encode("utf-8")
    cut = data.index(b"1,250")
    data = data[:cut] + b"\xff" + data[cut:]
    (folder / "a.txt").write_bytes(data)
    shown = run("show", "045/2019", str(folder))
    assert shown.returncode == 0, shown.stderr
    assert "Ciudad de México" in shown.stdout or "México" in shown.stdout
    assert "Año de salud" in shown.stdout and "Ã" not in shown.stdout
    checked = run("check", str(folder))
    assert checked.returncode == 0, checked.stdout
    assert f"byte {cut} (línea" in checked.stdout, checked.stdout
    assert "1 aviso" in checked.stdout
