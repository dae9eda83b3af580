"""`boletin-tui entities` and `boletin-tui figures`, run as the real entry point."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"

BULLETIN = """Ciudad de México, 2 de enero de 2024
Boletín No. 001/2024
Inaugura Ramiro Téllez Quiroga clínica en Tlaxcala
· Se invirtieron 28.9 mdp en la obra.
La doctora Ximena Ortiz Lara, titular de la Unidad de Medicina Familiar (UMF) No. 31, informó que el Instituto Mexicano del Seguro Social (IMSS) atendió a 11 mil 907 personas, el 86.3% de ellas mujeres.
Téllez Quiroga destacó que dos de cada tres trabajadores, "y más de 130, dijeron que sí".
"""


def run(*args, cwd=ROOT):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "boletin_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture
def bulletin_file(tmp_path):
    path = tmp_path / "b001.txt"
    path.write_text(BULLETIN, encoding="utf-8")
    return path


def test_entities_json_shape(bulletin_file):
    out = run("entities", "--json", str(bulletin_file), "--no-cache")
    assert out.returncode == 0, out.stderr
    mentions = json.loads(out.stdout)
    assert mentions, out.stdout
    for m in mentions:
        assert {"key", "type", "text", "start", "end"} <= m.keys()
        assert m["type"] in {"PERSON", "ORG", "PLACE", "FIGURE", "DATE"}
        if m["type"] == "FIGURE":
            assert isinstance(m["value"], (int, float)) and "unit" in m
        if m["type"] in ("PERSON", "ORG"):
            assert m["entity"]
    by_text = {(m["type"], m["text"]): m for m in mentions}
    assert by_text[("FIGURE", "11 mil 907")]["value"] == 11907
    assert by_text[("FIGURE", "86.3%")]["unit"] == "%"
    assert by_text[("FIGURE", "28.9 mdp")]["value"] == 28_900_000
    assert by_text[("ORG", "IMSS")]["entity"] == "Instituto Mexicano del Seguro Social"
    assert by_text[("PERSON", "Téllez Quiroga")]["entity"] == "Ramiro Téllez Quiroga"
    assert ("FIGURE", "31") not in by_text and ("FIGURE", "2024") not in by_text


def test_entities_table(bulletin_file):
    out = run("entities", str(bulletin_file), "--no-cache")
    assert out.returncode == 0, out.stderr
    assert "Ximena Ortiz Lara" in out.stdout and "PERSON" in out.stdout


def test_figures_csv(bulletin_file, tmp_path):
    target = tmp_path / "cifras.csv"
    out = run("figures", str(bulletin_file), "--csv", str(target), "--no-cache")
    assert out.returncode == 0, out.stderr
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "key",
        "date",
        "figure",
        "value",
        "unit",
        "qualifier",
        "noun",
        "sentence",
    ]
    assert [r["figure"] for r in rows] == [
        "28.9 mdp",
        "11 mil 907",
        "86.3%",
        "dos de cada tres",
        "130",
    ]
    first = rows[1]
    assert first["key"] == "001/2024" and first["date"] == "2024-01-02"
    assert first["value"] == "11907" and first["unit"] == ""
    assert first["noun"] == "personas"
    assert first["sentence"].startswith("La doctora Ximena Ortiz Lara")
    assert rows[4]["qualifier"] == "más de"
    assert '"' in rows[3]["sentence"]  # quotes survive RFC 4180 quoting


def test_figures_table(bulletin_file):
    out = run("figures", str(bulletin_file), "--no-cache")
    assert out.returncode == 0, out.stderr
    assert "11,907" in out.stdout and "001/2024" in out.stdout


def test_missing_path_is_usage_error(tmp_path):
    out = run("entities", "--json", str(tmp_path / "nope.txt"))
    assert out.returncode == 2 and "no existe" in out.stderr


def test_commands_do_not_load_textual(bulletin_file):
    code = (
        "import sys; from boletin_tui.cli import main; "
        f"main(['figures', {str(bulletin_file)!r}, '--csv', '-', '--no-cache']); "
        f"main(['entities', '--json', {str(bulletin_file)!r}, '--no-cache']); "
        "print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN', file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip().endswith("CLEAN")


@pytest.mark.seeds
@pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"../shared/seeds is absent ({SEEDS}): real-bulletin tests need it"
)
def test_entities_on_seeds():
    out = run("entities", "--json", str(SEEDS), "--no-cache")
    assert out.returncode == 0, out.stderr
    mentions = json.loads(out.stdout)
    assert {m["key"] for m in mentions} >= {"119/2020", "257/2024", "493/2024"}
    assert any(m["text"] == "11 mil 907" and m["value"] == 11907 for m in mentions)


def test_listing_commands_do_not_load_the_recogniser():
    code = (
        "import sys; import boletin_tui.cli, boletin_tui.commands.entity_cmds as c; "
        "from boletin_tui.cli import main; "
        "print('LOADED' if 'boletin_tui.entities' in sys.modules else 'LAZY', file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip().endswith("LAZY")
