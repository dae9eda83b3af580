"""The workspace's passage, undo and redo writes, run against a real store's history."""

from __future__ import annotations

import pytest

from boletin_tui.store import AnnotationStore
from boletin_tui.store.errors import StoreBusy
from boletin_tui.undo import History
from boletin_tui.workspace import Workspace

TEXT = "El museo reúne 340 piezas. Abre en junio."


@pytest.fixture
def history(tmp_path):
    with AnnotationStore(tmp_path / "db.json", "pruebas") as store:
        yield History(store)


def test_a_passage_write_returns_the_record_and_undo_names_its_bulletin(history):
    ws = Workspace.from_annotations([])
    write = ws.add_passage("119/2020", TEXT, 0, 26, ["verificar"], "cifra")
    change = ws.saved(write, write.apply(history))
    assert change.key == "119/2020" and change.annotated
    [passage] = ws.annotation("119/2020").passages
    assert (passage.quote, passage.tags, passage.note) == (TEXT[:26], ("verificar",), "cifra")

    edit = ws.update_passage("119/2020", passage.id, ["verificar", "museos"], "")
    ws.saved(edit, edit.apply(history))
    assert ws.annotation("119/2020").passages[0].tags == ("verificar", "museos")

    undo = ws.undo()
    change = ws.saved(undo, undo.apply(history))
    assert change.key == "119/2020"
    assert change.message == "Deshecho: edición del pasaje «El museo reúne 340 piezas.» en 119/2020"
    assert ws.annotation("119/2020").passages[0].tags == ("verificar",)

    delete = ws.delete_passage("119/2020", passage.id)
    change = ws.saved(delete, delete.apply(history))
    assert not change.annotated and ws.annotation("119/2020") is None
    assert not ws.pending


def test_nothing_to_undo_changes_nothing(history):
    ws = Workspace.from_annotations([])
    write = ws.redo()
    change = ws.saved(write, write.apply(history))
    assert (change.key, change.message) == ("", "No hay nada que rehacer.")
    assert not ws.annotations


def test_a_failed_write_is_not_recorded_and_a_failed_undo_can_be_retried(history, monkeypatch):
    ws = Workspace.from_annotations([])
    ws.saved(w := ws.add_tags("119/2020", ["uno"]), w.apply(history))

    def busy(*args, **kwargs):
        raise StoreBusy(history.store.path, 1.0)

    monkeypatch.setattr(history.store, "add_tags", busy)
    failing = ws.add_tags("119/2020", ["dos"])
    with pytest.raises(StoreBusy):
        failing.apply(history)
    ws.failed(failing, StoreBusy(history.store.path, 1.0))
    monkeypatch.undo()

    monkeypatch.setattr(history.store, "remove_tags", busy)
    undo = ws.undo()
    with pytest.raises(StoreBusy):
        undo.apply(history)
    ws.failed(undo, StoreBusy(history.store.path, 1.0))
    monkeypatch.undo()

    again = ws.undo()
    change = ws.saved(again, again.apply(history))
    assert change.message == "Deshecho: etiqueta «uno» en 119/2020"
    assert ws.annotation("119/2020") is None and history.store.get("119/2020") is None
