"""A record carries passages, its bulletin snapshot and unknown fields together: each survives
the database round trip and every kind of write (tags, note, passage, import merge)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boletin_tui.store import Annotation, AnnotationStore, BulletinSnapshot, StoreError
from boletin_tui.store.exchange import export_rows, read_export, write_export
from boletin_tui.store.passage_exchange import PASSAGE_COLUMNS, passage_rows
from boletin_tui.store.passages import Passage

TEXT = "El Instituto informó que 1.2 millones de consultas se dieron por teléfono en marzo."
T0 = "2026-01-01T10:00:00-06:00"
SNAP = BulletinSnapshot("101/2020", "2020-04-14", "Atención a distancia", "b.txt", "ab" * 16)


def test_model_round_trips_passages_snapshot_and_extra():
    p = Passage("a1", "cifra", "la ", " de", 10, 15, ("x",), "nota", "ana", T0, T0)
    record = Annotation(
        "101/2020", ("t",), "n", "ana", T0, T0, SNAP, {"future": [1, 2]}, passages=(p,)
    )
    data = record.to_json()
    assert data["future"] == [1, 2] and data["bulletin"]["hash"] == "ab" * 16
    assert Annotation.from_json(json.loads(json.dumps(data))) == record
    assert Annotation.from_checked(data) == record
    assert Annotation.from_json({**data, "passages": []}).extra == {"future": [1, 2]}


def test_every_write_keeps_the_other_fields(tmp_path: Path):
    path = tmp_path / "annotations.json"
    with AnnotationStore(path, "ana") as s:
        s.add_tags("101/2020", ["t"], bulletin=SNAP)
        start = TEXT.index("1.2 millones")
        s.add_passage("101/2020", TEXT, start, start + len("1.2 millones"), tags=["cifra"])
    data = json.loads(path.read_text("utf-8"))
    doc = next(iter(data["annotations"].values()))
    doc["future"] = {"kept": True}
    path.write_text(json.dumps(data), "utf-8")
    with AnnotationStore(path, "luis") as s:
        s.set_note("101/2020", "nota")
        s.add_tags("101/2020", ["u"])
        s.remove_tags("101/2020", ["t", "u"])
        s.set_note("101/2020", "")  # only the passage is left: the record stays
        incoming = Annotation("101/2020", ("importada",), "", "eva", T0, T0)
        (merged,) = s.merge_many([incoming])
        record = s.get("101/2020")
    assert record is not None and merged == record
    assert record.tags == ("importada",) and record.bulletin == SNAP
    assert record.extra == {"future": {"kept": True}}
    assert [p.quote for p in record.passages] == ["1.2 millones"]


def test_exports_carry_snapshot_metadata_and_read_back(tmp_path: Path):
    p = Passage("a1", "cifra", "la ", " de", 10, 15, ("x", "y"), "nota", "ana", T0, T0)
    record = Annotation("101/2020", ("t",), "", "ana", T0, T0, SNAP, passages=(p,))
    rows = passage_rows([record])
    assert rows[0]["title"] == SNAP.title and rows[0]["tags"] == ["x", "y"]
    out = tmp_path / "pasajes.csv"
    write_export(rows, out, columns=PASSAGE_COLUMNS, protect=[tmp_path / "db.json"])
    assert "x; y" in out.read_text("utf-8")
    (back,) = read_export(out)
    assert back.passages == (p,)
    db_file = tmp_path / "db.json"
    db_file.write_text("{}", "utf-8")
    with pytest.raises(StoreError, match="base de anotaciones"):
        write_export(export_rows([record]), db_file, protect=[db_file])
    assert db_file.read_text("utf-8") == "{}"
