"""Passages: anchoring and re-anchoring, the store's passage methods, schema 2 and migration."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from boletin_tui.corpus import load_corpus, sample_corpus_path
from boletin_tui.store import Annotation, AnnotationStore, CorruptDatabase
from boletin_tui.store.anchor import FUZZY_THRESHOLD, context_at, locate, occurrences
from boletin_tui.store.errors import NewerSchema
from boletin_tui.store.merge import merge_annotation
from boletin_tui.store.passages import CONTEXT, Passage, PassageNotFound, passage_id

TEXT = (
    "Ciudad de México, 14 de abril de 2020.\n"
    "El IMSS amplía la atención a distancia\n"
    "El Instituto informó que 1.2 millones de consultas se dieron por teléfono en marzo, "
    "y que la cifra creció respecto de febrero. La cifra de consultas por teléfono "
    "se publicará cada mes."
)
T0 = "2026-01-01T10:00:00-06:00"


def passage_at(text: str, quote: str, occurrence: int = 0) -> Passage:
    start, end = occurrences(text, quote)[occurrence]
    q, prefix, suffix = context_at(text, start, end)
    return Passage(passage_id("101/2020", start, end, q), q, prefix, suffix, start, end)


# -- Anchoring ---------------------------------------------------------------------------
def test_context_is_taken_from_the_text_around_the_quote():
    p = passage_at(TEXT, "1.2 millones de consultas")
    assert TEXT[p.start : p.end] == p.quote
    assert p.prefix == TEXT[p.start - CONTEXT : p.start] and len(p.suffix) == CONTEXT
    with pytest.raises(ValueError):
        context_at(TEXT, 10, 10)


def test_unchanged_text_anchors_exactly():
    p = passage_at(TEXT, "1.2 millones de consultas")
    assert locate(TEXT, p) == locate(TEXT, p)
    found = locate(TEXT, p)
    assert (found.start, found.end, found.method, found.moved) == (p.start, p.end, "exact", False)


def test_text_inserted_before_moves_the_anchor():
    p = passage_at(TEXT, "1.2 millones de consultas")
    changed = "Aviso: texto corregido el 15 de abril.\n" + TEXT
    found = locate(changed, p)
    assert found.method == "context" and changed[found.start : found.end] == p.quote
    assert found.start == p.start + len("Aviso: texto corregido el 15 de abril.\n")


def test_repeated_quote_is_told_apart_by_its_context():
    p = passage_at(TEXT, "consultas", occurrence=1)  # the second of two
    changed = TEXT.replace("El Instituto", "El Seguro Social")
    found = locate(changed, p)
    assert found.method == "context"
    assert found.start == changed.index("consultas por teléfono")


def test_quote_alone_when_the_context_changed_and_it_occurs_once():
    p = passage_at(TEXT, "atención a distancia")
    changed = TEXT.replace(
        "El IMSS amplía la atención a distancia\nEl Instituto",
        "La atención a distancia crece.\nHoy se",
    )
    found = locate(changed, p)
    assert found.method == "unique" and changed[found.start : found.end] == p.quote


def test_quote_edited_slightly_is_found_by_fuzzy_match():
    p = passage_at(TEXT, "1.2 millones de consultas se dieron por teléfono")
    changed = TEXT.replace(
        "1.2 millones de consultas se dieron", "1.3 millones de consultas se dieron"
    )
    found = locate(changed, p)
    assert found.method == "fuzzy" and found.score >= FUZZY_THRESHOLD
    assert changed[found.start : found.end] == "1.3 millones de consultas se dieron por teléfono"


def test_quote_removed_is_orphaned():
    p = passage_at(TEXT, "1.2 millones de consultas se dieron por teléfono")
    changed = TEXT.replace(
        "El Instituto informó que 1.2 millones de consultas se dieron por teléfono en marzo, ", ""
    )
    assert locate(changed, p) is None
    assert locate("", p) is None


def test_occurrences_match_white_space_loosely():
    assert occurrences(TEXT, "2020.  El IMSS") == [(TEXT.index("2020."), TEXT.index(" amplía"))]
    assert len(occurrences(TEXT, "consultas")) == 2 and occurrences(TEXT, "  ") == []


def test_real_bulletin_passage_survives_a_corrected_file():
    b = load_corpus([sample_corpus_path()], use_cache=False).bulletins[0]
    text = b.text
    start = text.index("\n", len(b.title)) + 1
    p = passage_at(text, text[start + 10 : start + 70])
    assert locate("Nota del editor.\n" + text, p).start == p.start + len("Nota del editor.\n")


# -- The store ---------------------------------------------------------------------------
@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


def stored(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def test_add_update_delete_are_durable(path: Path):
    start = TEXT.index("1.2")
    with AnnotationStore(path, "ana") as store:
        p = store.add_passage("101/2020", TEXT, start, start + 12, ["Verificar", "verificar"], "x")
    assert p.quote == "1.2 millones" and p.tags == ("Verificar",) and p.annotator == "ana"
    record = stored(path)["annotations"]["202000101"]
    assert record["passages"] == [p.to_json()] and record["tags"] == []
    with AnnotationStore(path, "luis") as store:
        assert store.passages("101/2020") == (p,)
        edited = store.update_passage("101/2020", p.id, note="Revisar\ncon la fuente")
        assert edited.tags == p.tags and edited.annotator == "luis"
        assert store.find_passage(p.id) == [("101/2020", edited)]
        store.add_tags("101/2020", ["salud"])  # tags do not disturb passages
        assert store.passages("101/2020") == (edited,)
    with AnnotationStore(path, "ana") as store:
        assert store.delete_passage("101/2020", p.id) == edited
        with pytest.raises(PassageNotFound):
            store.delete_passage("101/2020", p.id)
        assert store.get("101/2020").tags == ("salud",)
        store.remove_tags("101/2020", ["salud"])
    assert stored(path)["annotations"] == {}


def test_a_record_with_only_passages_is_kept_and_passages_sort_by_position(path: Path):
    with AnnotationStore(path, "ana") as store:
        late = store.add_passage("101/2020", TEXT, 100, 110)
        early = store.add_passage("101/2020", TEXT, 5, 9)
        assert store.passages("101/2020") == (early, late)
        assert store.add_passage("101/2020", TEXT, 5, 9, ["y"]).id == early.id  # same place
        assert len(store.passages("101/2020")) == 2
        with pytest.raises(ValueError):
            store.add_passage("101/2020", TEXT, 5, len(TEXT) + 1)
        with pytest.raises(PassageNotFound):
            store.update_passage("101/2020", "nope", tags=[])


def test_restore_puts_a_deleted_passage_back_exactly(path: Path):
    with AnnotationStore(path, "ana") as store:
        p = store.add_passage("101/2020", TEXT, 5, 9, ["a"], "n")
        store.delete_passage("101/2020", p.id)
        assert store.get("101/2020") is None
        assert store.restore_passage("101/2020", p) == p
        assert store.passages("101/2020") == (p,)


def test_merging_unites_passages_by_anchor_and_quote():
    mine = Passage("a1", "cifra", "", "", 10, 15, ("x",), "mía", "ana", T0, T0)
    theirs_same = Passage("zz", "cifra", "", "", 10, 15, ("y",), "suya", "luis", T0, T0)
    theirs_new = Passage("a1", "otra", "", "", 20, 24, (), "", "luis", T0, T0)
    local = Annotation("101/2020", (), "", "ana", T0, T0, passages=(mine,))
    incoming = Annotation("101/2020", (), "", "luis", T0, T0, passages=(theirs_same, theirs_new))
    merged = merge_annotation(local, incoming, "2026-02-01T00:00:00-06:00")
    first, second = merged.passages
    assert first.id == "a1" and first.tags == ("x", "y") and "[luis] suya" in first.note
    assert second.quote == "otra" and second.id != "a1"  # id taken: a fresh one
    assert merge_annotation(merged, incoming, "later") is merged  # idempotent


# -- Schema 2 and migration ---------------------------------------------------------------
SCHEMA1: dict[str, Any] = {
    "_meta": {"1": {"format": "boletin-tui-annotations", "schema": 1}},
    "annotations": {
        "201900045": {
            "annotator": "ana",
            "created": T0,
            "key": "045/2019",
            "note": "Revisar.",
            "tags": ["salud"],
            "updated": T0,
        }
    },
}


def test_schema_1_is_read_unchanged_and_upgraded_on_first_write(path: Path):
    raw = json.dumps(SCHEMA1).encode()
    path.write_bytes(raw)
    with AnnotationStore(path, "ana") as store:
        assert store.get("45/2019").tags == ("salud",)
        assert path.read_bytes() == raw  # reading changes nothing
        store.add_passage("45/2019", TEXT, 0, 6)
        store.add_tags("45/2019", ["otra"])
    copies = list(path.parent.glob("annotations.json.schema1-*"))
    assert len(copies) == 1 and copies[0].read_bytes() == raw
    data = stored(path)
    assert data["_meta"]["1"]["schema"] == 2
    assert data["annotations"]["201900045"]["note"] == "Revisar."
    assert len(data["annotations"]["201900045"]["passages"]) == 1


def test_newer_schema_is_refused_untouched_without_a_copy(path: Path):
    raw = json.dumps({**SCHEMA1, "_meta": {"1": {**SCHEMA1["_meta"]["1"], "schema": 3}}})
    path.write_text(raw)
    store = AnnotationStore(path, "ana")
    for call in (lambda: store.get("45/2019"), lambda: store.add_tags("45/2019", ["x"])):
        with pytest.raises(NewerSchema) as info:
            call()
        assert "más nueva" in str(info.value) and "esquema 3" in str(info.value)
        assert isinstance(info.value, CorruptDatabase)
    assert path.read_text() == raw and not list(path.parent.glob("*.corrupt-*"))


def test_damaged_passage_is_refused_like_any_damage(path: Path):
    data = json.loads(json.dumps(SCHEMA1))
    data["_meta"]["1"]["schema"] = 2
    data["annotations"]["201900045"]["passages"] = [{"id": "x", "quote": "q", "start": 3}]
    path.write_text(json.dumps(data))
    with pytest.raises(CorruptDatabase) as info, AnnotationStore(path, "ana") as store:
        store.get("45/2019")
    assert "pasaje" in str(info.value) and info.value.copy is not None


def test_schema_1_is_not_upgraded_when_its_copy_cannot_be_made(path: Path, monkeypatch):
    from boletin_tui.store import StoreError, migrate

    raw = json.dumps(SCHEMA1).encode()
    path.write_bytes(raw)

    def refuse(*args: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(migrate, "_write_copy", refuse)
    with AnnotationStore(path, "ana") as store:
        with pytest.raises(StoreError) as info:
            store.add_tags("45/2019", ["otra"])
        assert "copia" in str(info.value) and "No se hizo ningún cambio" in str(info.value)
        assert path.read_bytes() == raw
        monkeypatch.undo()
        store.add_tags("45/2019", ["otra"])
    assert stored(path)["_meta"]["1"]["schema"] == 2
    assert len(list(path.parent.glob("annotations.json.schema1-*"))) == 1
