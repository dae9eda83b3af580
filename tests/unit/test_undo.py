"""Undo and redo of every kind of annotation change, on a real database file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from boletin_tui.store import AnnotationStore, StoreBusy
from boletin_tui.store.lock import FileLock
from boletin_tui.undo import History

TEXT = "El IMSS informó que 1.2 millones de consultas se dieron por teléfono en marzo."


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


@pytest.fixture
def history(path: Path):
    with AnnotationStore(path, "ana", lock_timeout=0.2) as store:
        yield History(store)


def on_disk(path: Path) -> dict:
    """The records as a new process would read them (undo must be durable)."""
    if not path.exists():
        return {}
    with AnnotationStore(path, "otro", journal=False) as fresh:  # replays the journal
        return {a.key: a.to_json() for a in fresh.all()}


def test_tags_added_and_removed(history: History, path: Path):
    history.add_tags("119/2020", ["salud"])
    history.add_tags("119/2020", ["Salud", "vacunas"])  # only «vacunas» is new
    step = history.undo()
    assert (step.key, step.message) == ("119/2020", "Deshecho: etiqueta «vacunas» en 119/2020")
    assert on_disk(path)["119/2020"]["tags"] == ["salud"]
    assert history.undo().message == "Deshecho: etiqueta «salud» en 119/2020"
    assert on_disk(path) == {}
    assert history.undo() is None and history.can_redo
    assert history.redo().message == "Rehecho: etiqueta «salud» en 119/2020"
    assert history.redo().message == "Rehecho: etiqueta «vacunas» en 119/2020"
    assert on_disk(path)["119/2020"]["tags"] == ["salud", "vacunas"]
    assert history.redo() is None
    history.remove_tags("119/2020", ["SALUD", "nada"])
    assert history.undo().message == "Deshecho: quitar etiqueta «salud» en 119/2020"
    assert sorted(on_disk(path)["119/2020"]["tags"]) == ["salud", "vacunas"]


def test_note_edits_across_bulletins_in_reverse_order(history: History, path: Path):
    history.set_note("119/2020", "primera")
    history.set_note("045/2019", "otra")
    history.set_note("119/2020", "segunda")
    history.set_note("119/2020", "segunda")  # no change, not recorded
    assert history.undo().message == "Deshecho: nota de 119/2020"
    assert on_disk(path)["119/2020"]["note"] == "primera"
    assert history.undo().key == "045/2019" and "045/2019" not in on_disk(path)
    history.set_note("119/2020", "tercera")  # a new change clears what could be redone
    assert not history.can_redo
    assert history.undo() and on_disk(path)["119/2020"]["note"] == "primera"


def test_passage_added_edited_deleted(history: History, path: Path):
    start = TEXT.index("1.2")
    added = history.add_passage("119/2020", TEXT, start, start + 25, ["verificar"])
    edited = history.update_passage("119/2020", added.id, note="fuente: informe anual")
    history.delete_passage("119/2020", added.id)
    assert on_disk(path) == {}
    step = history.undo()
    assert step.message == "Deshecho: borrar el pasaje «1.2 millones de consultas» en 119/2020"
    assert on_disk(path)["119/2020"]["passages"] == [edited.to_json()]
    assert history.undo().message.startswith("Deshecho: edición del pasaje")
    assert on_disk(path)["119/2020"]["passages"] == [added.to_json()]
    assert history.undo().message.startswith("Deshecho: pasaje «1.2")
    assert on_disk(path) == {}
    for _ in range(3):
        history.redo()
    assert on_disk(path) == {}
    history.undo()
    assert on_disk(path)["119/2020"]["passages"][0]["note"] == "fuente: informe anual"


def test_adding_the_same_passage_again_is_undone_as_an_edit(history: History, path: Path):
    first = history.add_passage("119/2020", TEXT, 3, 7, ["a"])
    history.add_passage("119/2020", TEXT, 3, 7, ["b"])
    assert history.undo().message == "Deshecho: edición del pasaje «IMSS» en 119/2020"
    assert on_disk(path)["119/2020"]["passages"] == [first.to_json()]


def test_failed_write_leaves_the_history_consistent(history: History, path: Path):
    history.add_tags("119/2020", ["salud"])
    history.set_note("119/2020", "n")
    other = FileLock(path.with_name(path.name + ".lock"))
    assert other.acquire(1.0)  # another process holds the database
    try:
        with pytest.raises(StoreBusy):
            history.undo()
        assert history.can_undo and not history.can_redo
        with pytest.raises(StoreBusy):
            history.add_tags("119/2020", ["nueva"])
    finally:
        other.release()
    assert history.undo().message == "Deshecho: nota de 119/2020"  # the same change, again
    assert history.undo().message == "Deshecho: etiqueta «salud» en 119/2020"
    assert history.undo() is None
    history.redo()
    other.acquire(1.0)
    try:
        with pytest.raises(StoreBusy):
            history.redo()
    finally:
        other.release()
    assert history.redo().message == "Rehecho: nota de 119/2020"
    assert on_disk(path)["119/2020"]["note"] == "n"


def test_undo_module_does_not_import_textual():
    code = "import sys, boletin_tui.undo; print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
