"""Export and import: round trips in every format, Excel's BOM, and the merge rules."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from boletin_tui.corpus.model import Bulletin
from boletin_tui.store import Annotation, AnnotationStore, BulletinSnapshot, StoreError
from boletin_tui.store.exchange import COLUMNS, export_rows, read_export, write_export
from boletin_tui.store.merge import merge_annotation, merge_notes

T0, T1, T2 = "2026-01-01T10:00:00-06:00", "2026-02-01T10:00:00-06:00", "2026-03-01T10:00:00+00:00"
TRICKY = Annotation(
    "045/2019",
    ("salud", "niñez, pobreza", 'cita "textual"'),
    'Línea uno, con comas; y "comillas".\nLínea dos\n\n  sangría — acentos: áéíóú ñ ü 🦠',
    "Ana María",
    T0,
    T1,
)
PLAIN = Annotation("119/2020", ("vacunas",), "", "luis", T1, T2)
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
    sources=("corpus/2019-03-05_045.txt", "otra/copia.txt"),
    content_hash="ab" * 16,
)


def export(tmp_path: Path, fmt: str, annotations=(TRICKY, PLAIN), **kw) -> Path:
    out = tmp_path / f"export.{fmt}"
    write_export(export_rows(annotations, kw.pop("bulletins", None)), out, fmt, **kw)
    return out


def test_rows_carry_corpus_columns():
    rows = export_rows([TRICKY, PLAIN], {"045/2019": BULLETIN})
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0]["number"] == "045/2019" and rows[0]["date"] == "2019-03-05"
    assert rows[0]["title"] == BULLETIN.title and rows[0]["source"] == "corpus/2019-03-05_045.txt"
    assert rows[0]["tags"] == ["salud", "niñez, pobreza", 'cita "textual"']
    assert rows[1]["number"] == rows[1]["title"] == ""


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_round_trip_keeps_every_field(tmp_path: Path, fmt: str):
    out = export(tmp_path, fmt, bulletins={"045/2019": BULLETIN})
    back = read_export(out)
    assert [dataclasses.replace(a, bulletin=None) for a in back] == [TRICKY, PLAIN]
    # The corpus columns come back as the annotation's snapshot (no hash: exports carry none).
    assert back[0].bulletin == BulletinSnapshot(
        "045/2019", "2019-03-05", BULLETIN.title, "corpus/2019-03-05_045.txt", ""
    )
    assert back[1].bulletin is None


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_format_detected_from_content(tmp_path: Path, fmt: str):
    out = export(tmp_path, fmt)
    renamed = out.rename(tmp_path / "sin_extension.txt")
    assert read_export(renamed) == [TRICKY, PLAIN]


def test_csv_is_rfc_4180_and_reads_with_python_csv(tmp_path: Path):
    raw = export(tmp_path, "csv").read_bytes()
    assert raw.startswith(b"key,number,date,title,source,tags,note,annotator,created,updated\r\n")
    assert not raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "export.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["note"] == TRICKY.note and rows[0]["tags"].split("; ") == list(TRICKY.tags)


def test_csv_reads_with_pandas(tmp_path: Path):
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(export(tmp_path, "csv"), dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(COLUMNS)
    assert frame.loc[0, "note"] == TRICKY.note
    assert frame.loc[1, "key"] == "119/2020"


def test_excel_csv_has_a_bom_and_reads_back(tmp_path: Path):
    out = export(tmp_path, "csv", excel=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfkey,")
    assert read_export(out) == [TRICKY, PLAIN]
    stream = io.StringIO(newline="")
    write_export(export_rows([PLAIN]), stream, "csv", excel=True)
    assert stream.getvalue().startswith("\ufeffkey,")


def test_excel_variants_read(tmp_path: Path):
    """Saved again by Excel on Windows: Windows-1252 and `;` as separator."""
    out = tmp_path / "excel.csv"
    out.write_bytes(
        'key;tags;note;annotator\r\n45/2019;"salud; niñez";Nota, con coma;Ana\r\n'.encode("cp1252")
    )
    (only,) = read_export(out)
    assert (only.key, only.note, only.annotator) == ("045/2019", "Nota, con coma", "Ana")
    assert only.tags == ("salud", "niñez")


def test_foreign_files_are_normalised(tmp_path: Path):
    out = tmp_path / "ajeno.jsonl"
    rows = [
        {
            "key": "45/2019",
            "tags": [" Salud", "salud", "x"],
            "note": "a\r\nb",
            "created": "2026-01-01 10:00",
        },
        {"key": "46/2019", "tags": "", "note": ""},
    ]
    out.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (only,) = read_export(out)
    assert only.key == "045/2019" and only.tags == ("Salud", "x") and only.note == "a\nb"
    assert only.annotator == "desconocido"
    assert dt.datetime.fromisoformat(only.created).tzinfo is not None
    assert only.updated == only.created


def test_bad_key_names_the_row(tmp_path: Path):
    out = tmp_path / "malo.csv"
    out.write_text("key,tags\n45/2019,a\nhola,b\n", encoding="utf-8")
    with pytest.raises(StoreError, match="fila 3"):
        read_export(out)


def test_reads_a_database_file(tmp_path: Path):
    db = tmp_path / "otra.json"
    with AnnotationStore(db, "luis") as store:
        store.merge_many([TRICKY, PLAIN])
    assert read_export(db) == [TRICKY, PLAIN]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_export_import_export_gives_the_same_records(tmp_path: Path, fmt: str):
    with AnnotationStore(tmp_path / "a.json", "ana") as first:
        first.merge_many([TRICKY, PLAIN])
        first.add_tags("sn-0123456789", ["sin número"])
        one = export(tmp_path, fmt, first.all())
    with AnnotationStore(tmp_path / "b.json", "otra persona") as second:
        second.merge_many(read_export(one))
        two = tmp_path / f"again.{fmt}"
        write_export(export_rows(second.all()), two, fmt)
    assert one.read_bytes() == two.read_bytes()


# -- Merge rules -------------------------------------------------------------------------
def test_tags_are_united_local_first():
    local = Annotation("045/2019", ("a", "B"), "", "ana", T0, T0)
    merged = merge_annotation(local, Annotation("045/2019", ("b", "c"), "", "luis", T1, T1), T2)
    assert merged.tags == ("a", "B", "c") and merged.annotator == "ana"
    assert merged.created == T0 and merged.updated == T2


def test_differing_notes_both_kept_marked_with_annotator():
    note = merge_notes("Nota de Ana.", "ana", "Nota de Luis.\nSegunda línea.", "luis")
    assert note == "[ana] Nota de Ana.\n\n[luis] Nota de Luis.\nSegunda línea."
    third = merge_notes(note, "ana", "Nota de Eva.", "eva")
    assert third == note + "\n\n[eva] Nota de Eva."


def test_equal_or_empty_notes_are_not_duplicated():
    assert merge_notes("Igual.", "ana", "Igual.", "luis") == "Igual."
    assert merge_notes("", "ana", "Solo Luis.", "luis") == "Solo Luis."
    assert merge_notes("Solo Ana.", "ana", "  ", "luis") == "Solo Ana."
    merged = merge_notes("A.", "ana", "L.", "luis")
    assert merge_notes(merged, "ana", "L.", "luis") == merged
    assert merge_notes(merged, "ana", merged, "luis") == merged
    assert merge_notes("L.", "luis", merged, "ana") == "[luis] L.\n\n[ana] A."


def test_unchanged_merge_returns_local():
    local = Annotation("045/2019", ("a",), "n", "ana", T0, T0)
    assert merge_annotation(local, Annotation("045/2019", ("A",), "n", "luis", T1, T1), T2) is local
    assert merge_annotation(None, PLAIN, T2) is PLAIN


def test_import_from_another_annotator_is_idempotent(tmp_path: Path):
    theirs = tmp_path / "luis.csv"
    luis = Annotation("045/2019", ("vacunas", "salud"), "Opinión de Luis.", "luis", T0, T0)
    write_export(export_rows([luis, PLAIN]), theirs, "csv")
    with AnnotationStore(tmp_path / "mia.json", "ana") as store:
        store.add_tags("45/2019", ["salud", "guarderías"])
        store.set_note("45/2019", "Opinión de Ana.")
        store.merge_many(read_export(theirs))
        once = store.all()
        store.merge_many(read_export(theirs))
        assert store.all() == once
    mine = once[0]
    assert mine.tags == ("salud", "guarderías", "vacunas")
    assert mine.note == "[ana] Opinión de Ana.\n\n[luis] Opinión de Luis."
    assert mine.created == T0 and mine.annotator == "ana"
    assert once[1] == PLAIN
