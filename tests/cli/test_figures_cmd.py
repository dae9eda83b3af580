"""`boletin-tui figures` (--noun, --json, --csv, --excel, --xlsx) and `export --format xlsx`,
run as the real entry point; the .xlsx files are read back with openpyxl."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]

FILLER = (
    "La institución reiteró su compromiso con la formación de especialistas en todo el "
    "territorio nacional y con la atención oportuna de la población derechohabiente.\n"
)
BULLETINS = {
    "a.txt": "Ciudad de México, 2 de enero de 2024\nBoletín No. 001/2024\nResidentes en formación\n"
    "El IMSS forma a 12 mil residentes en 320 sedes académicas.\n" + FILLER,
    "b.txt": "Ciudad de México, 5 de marzo de 2023\nBoletín No. 040/2023\nMédicos en formación\n"
    "El IMSS forma a 10 mil médicos residentes y firmó 522 acuerdos.\n" + FILLER,
    "c.txt": "Puebla, Puebla, 9 de junio de 2025\nBoletín No. 090/2025\nMenos residentes\n"
    'Este año hay 11 mil 907 residentes; =HYPERLINK("http://example.org") no es fórmula.\n'
    + FILLER,
    "d.txt": "Residentes sin fecha\nSe cuentan 99 mil residentes en todo el país.\n" + FILLER,
}


def run(*args: str, env_extra: dict[str, str] | None = None, cwd: Path = ROOT):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "boletin_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in BULLETINS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_noun_json_folds_orders_and_changes(corpus):
    out = run("figures", "--noun", "Residente", "--json", str(corpus), "--no-cache")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [(r["key"], r["date"], r["value"], r["noun"]) for r in rows] == [
        ("040/2023", "2023-03-05", 10000, "médicos residentes"),
        ("001/2024", "2024-01-02", 12000, "residentes"),
        ("090/2025", "2025-06-09", 11907, "residentes"),
        (rows[3]["key"], None, 99000, "residentes"),  # undated last
    ]
    assert [(r["change"], r["change_pct"]) for r in rows] == [
        (None, None),
        (2000, 20.0),
        (-93, -0.78),
        (None, None),  # never a change for an undated bulletin
    ]
    assert set(rows[0]) >= {"key", "date", "value", "unit", "qualifier", "noun", "sentence"}


def test_noun_table_and_no_match(corpus):
    out = run(
        "figures", "--noun", "acuerdo", str(corpus), "--no-cache", env_extra={"COLUMNS": "200"}
    )
    assert out.returncode == 0, out.stderr
    assert "522" in out.stdout and "acuerdos" in out.stdout and "12,000" not in out.stdout
    out = run("figures", "--noun", "quirófano", "--json", str(corpus), "--no-cache")
    assert out.returncode == 0 and json.loads(out.stdout) == []


def test_entities_json_has_nouns(corpus):
    out = run("entities", "--json", "--type", "FIGURE", str(corpus), "--no-cache")
    assert out.returncode == 0, out.stderr
    nouns = {m["text"]: m["noun"] for m in json.loads(out.stdout)}
    assert nouns["320"] == "sedes académicas" and nouns["522"] == "acuerdos"


def test_csv_plain_is_verbatim_and_excel_flavour_neutralises(corpus, tmp_path):
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    out = run("figures", "--noun", "residente", "--csv", str(plain), str(corpus), "--no-cache")
    assert out.returncode == 0, out.stderr
    assert "4 cifras escritas" in out.stderr
    args = ("figures", "--csv", str(excel), "--excel", str(corpus), "--no-cache")
    assert run(*args).returncode == 0
    with plain.open(encoding="utf-8", newline="") as handle:
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
        "change",
        "change_pct",
    ]
    assert rows[2]["change"] == "-93" and rows[3]["date"] == ""
    raw = excel.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with excel.open(encoding="utf-8-sig", newline="") as handle:
        cells = [c for row in csv.reader(handle) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    # A sentence starting with `=` gets the prefix in the Excel flavour only.
    text = 'Camas\n=HYPERLINK("x") y 300 camas.\n' + FILLER
    (corpus / "e.txt").write_text(text, encoding="utf-8")
    out = run("figures", "--noun", "cama", "--csv", "-", "--excel", str(corpus), "--no-cache")
    assert "'=HYPERLINK" in out.stdout
    out = run("figures", "--noun", "cama", "--csv", "-", str(corpus), "--no-cache")
    assert '"=HYPERLINK(""x"") y 300 camas."' in out.stdout and "'=" not in out.stdout


def test_figures_xlsx_has_typed_cells(corpus, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "cifras.xlsx"
    out = run("figures", "--noun", "residente", "--xlsx", str(target), str(corpus), "--no-cache")
    assert out.returncode == 0, out.stderr
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("key", "date", "figure", "value")
    assert rows[1][1] == dt.datetime(2023, 3, 5) and rows[1][3] == 10000
    assert rows[3][8] == -93 and isinstance(rows[3][9], float)
    assert rows[4][1] is None  # undated
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["H"].width > sheet.column_dimensions["A"].width


def test_export_xlsx_writes_text_never_formulas(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    db = tmp_path / "db.json"
    assert run("tag", "--db", str(db), "101/2020", '=HYPERLINK("http://x")', "+1").returncode == 0
    assert run("note", "--db", str(db), "101/2020", "@SUM(A1)").returncode == 0
    target = tmp_path / "notas.xlsx"
    out = run("export", "--db", str(db), "--format", "xlsx", "-o", str(target))
    assert out.returncode == 0, out.stderr
    book = openpyxl.load_workbook(target)
    sheet = book.active
    header, row = list(sheet.iter_rows(values_only=True))
    data = dict(zip(header, row, strict=True))
    assert data["tags"] == '=HYPERLINK("http://x"); +1' and data["note"] == "@SUM(A1)"
    assert data["date"] == dt.datetime(2020, 4, 14)  # a real date from the sample corpus
    assert isinstance(data["created"], dt.datetime)
    assert all(cell.data_type != "f" for cell in sheet[2])
    assert sheet.freeze_panes == "A2"
    # Plain CSV keeps the cells verbatim; the Excel flavour prefixes them.
    plain = run("export", "--db", str(db))
    assert '"=HYPERLINK(""http://x""); +1"' in plain.stdout and ",@SUM(A1)," in plain.stdout
    excel = run("export", "--db", str(db), "--excel")
    assert "'=HYPERLINK" in excel.stdout and ",'@SUM(A1)," in excel.stdout


def test_xlsx_without_file_or_without_the_extra(corpus, tmp_path):
    out = run("export", "--db", str(tmp_path / "db.json"), "--format", "xlsx")
    assert out.returncode == 2 and "-o" in out.stderr and "Traceback" not in out.stderr
    fake = tmp_path / "fake"
    (fake / "xlsxwriter").mkdir(parents=True)
    (fake / "xlsxwriter" / "__init__.py").write_text("raise ImportError('no')\n")
    path = f"{fake}{os.pathsep}{ROOT / 'src'}"
    target = tmp_path / "x.xlsx"
    out = run(
        "figures", "--xlsx", str(target), str(corpus), "--no-cache", env_extra={"PYTHONPATH": path}
    )
    assert out.returncode == 1 and not target.exists()
    assert out.stderr.count("\n") == 1 and "pip install 'boletin-tui[excel]'" in out.stderr
    db = tmp_path / "db.json"
    assert run("tag", "--db", str(db), "101/2020", "x").returncode == 0
    out = run(
        "export",
        "--db",
        str(db),
        "--format",
        "xlsx",
        "-o",
        str(target),
        env_extra={"PYTHONPATH": path},
    )
    assert out.returncode == 1 and "pip install 'boletin-tui[excel]'" in out.stderr
    assert out.stderr.count("\n") == 1 and not target.exists()


def test_failed_write_is_one_line_and_status_1(corpus, tmp_path):
    target = tmp_path / "no" / "dir" / "x.csv"
    out = run("figures", "--csv", str(target), str(corpus), "--no-cache")
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "no se pudo" in out.stderr
    out = run("figures", "--xlsx", str(tmp_path / "no" / "x.xlsx"), str(corpus), "--no-cache")
    assert out.returncode == 1 and out.stderr.count("\n") == 1
    out = run("figures", "--excel", str(corpus), "--no-cache")
    assert out.returncode == 2
