"""Writes the store refused stay pending and are retried; notes are saved against the version
they were edited from (issue 12 #1, #2, #3, #16), through the workspace and a real store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from boletin_tui.store import MAX_NOTE_BYTES, AnnotationStore, StoreBusy
from boletin_tui.store.lock import FileLock
from boletin_tui.workspace import Workspace

KEY = "119/2020"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "db.json"


@pytest.fixture
def store(path: Path) -> Iterator[AnnotationStore]:
    with AnnotationStore(path, "app", lock_timeout=0.05) as s:
        yield s


@contextmanager
def lock_held(path: Path) -> Iterator[None]:
    """Another holder of the database's lock (a real flock), as an import would be."""
    held = FileLock(path.with_name(path.name + ".lock"))
    assert held.acquire(1)
    try:
        yield
    finally:
        held.release()


def send(ws: Workspace, store: AnnotationStore) -> list[bool]:
    """Send the workspace's outbox to `store` as the app does; True per write saved."""
    results = []
    for write in ws.outbox():
        try:
            stored = write.run(store)
        except Exception as exc:  # noqa: BLE001 - the store's errors, as the app sees them
            ws.failed(write, exc)
            results.append(False)
        else:
            ws.saved(write, stored)
            results.append(True)
    return results


def test_a_note_refused_while_the_lock_is_held_is_kept_and_saved_later(store, path):
    ws = Workspace.from_annotations([])
    ws.set_note(KEY, "NUEVA")
    with lock_held(path):
        assert send(ws, store) == [False]
        assert ws.pending_note(KEY) == "NUEVA"
        assert "bloqueo" in (ws.save_problem or "") or ".lock" in (ws.save_problem or "")
        assert send(ws, store) == [False]  # the timer's retry, still busy
    assert send(ws, store) == [True]  # the lock is free: the retry saves it
    assert ws.pending == [] and ws.save_problem is None
    assert AnnotationStore(path).get(KEY).note == "NUEVA"


def test_a_failed_tag_is_retried_with_the_next_write(store, path):
    ws = Workspace.from_annotations([])
    ws.add_tags(KEY, ["uno"])
    with lock_held(path):
        send(ws, store)
    ws.add_tags(KEY, ["dos"])
    assert send(ws, store) == [True, True]  # the failed one first, in order
    assert AnnotationStore(path).get(KEY).tags == ("uno", "dos")


def test_a_newer_note_replaces_the_unsaved_one_and_keeps_its_base(store, path):
    store.set_note(KEY, "vieja")
    ws = Workspace.from_annotations(store.all())
    ws.set_note(KEY, "primera", base="vieja")
    with lock_held(path):
        send(ws, store)
    ws.set_note(KEY, "segunda", base="primera")  # typed after j/k back: base is still "vieja"
    assert [w.note for w in ws.pending] == ["segunda"]
    assert ws.pending[0].base == "vieja"
    assert send(ws, store) == [True]
    saved = AnnotationStore(path).get(KEY)
    assert saved.note == "segunda"  # no false conflict


def test_a_note_waits_behind_its_note_in_flight_and_takes_what_it_stored(store, path):
    ws = Workspace.from_annotations([])
    first = ws.set_note(KEY, "uno")
    assert ws.outbox() == [first]
    ws.set_note(KEY, "uno dos")
    assert ws.outbox() == []  # waits: notes of a key are saved in order
    ws.saved(first, first.run(store))
    (second,) = ws.outbox()
    assert second.base == "uno"
    ws.saved(second, second.run(store))
    assert AnnotationStore(path).get(KEY).note == "uno dos"


def test_a_note_changed_underneath_keeps_both_versions(store, path):
    store.set_note(KEY, "base")
    ws = Workspace.from_annotations(store.all())
    with AnnotationStore(path, "cli") as other:
        other.set_note(KEY, "de la terminal")
    write = ws.set_note(KEY, "de la app", base="base")
    (sent,) = ws.outbox()
    change = ws.saved(sent, sent.run(store))
    assert write is sent and change.conflict
    assert "de la terminal" in change.annotation.note and "de la app" in change.annotation.note


def test_reload_takes_what_another_process_wrote(store, path):
    store.add_tags(KEY, ["uno"])
    ws = Workspace.from_annotations(store.all())
    with AnnotationStore(path, "cli") as other:
        other.set_note(KEY, "desde la terminal")
        other.add_tags("045/2019", ["faro"])
    assert store.changed()
    changed = ws.reload(store.all())
    assert sorted(changed) == ["045/2019", KEY]
    assert ws.annotation(KEY).note == "desde la terminal" and "faro" in ws.tags


def test_a_note_over_the_limit_is_held_not_sent_and_not_dropped(store):
    ws = Workspace.from_annotations([])
    big = "x" * (MAX_NOTE_BYTES + 1)
    ws.set_note(KEY, big)
    ws.add_tags(KEY, ["sigue"])
    (sent,) = ws.outbox()  # the tags go; the note is held
    assert sent.op == "add_tags"
    assert ws.pending_note(KEY) == big and "MB" in (ws.save_problem or "")
    ws.set_note(KEY, "corta")
    assert [w.note for w in ws.pending if w.op == "set_note"] == ["corta"]


def test_a_wrong_request_is_dropped_not_retried(store):
    ws = Workspace.from_annotations([])
    write = ws.add_tags("no es clave", ["x"])
    (sent,) = ws.outbox()
    with pytest.raises(ValueError) as info:
        sent.run(store)
    assert ws.failed(write, info.value) is False
    assert ws.pending == []


def test_discard_forgets_pending_writes(store, path):
    ws = Workspace.from_annotations([])
    ws.set_note(KEY, "tirar")
    with lock_held(path):
        send(ws, store)
    assert len(ws.discard_pending()) == 1 and ws.pending == [] and ws.outbox() == []


def test_busy_is_the_error_a_held_lock_gives(store, path):
    with lock_held(path), pytest.raises(StoreBusy):
        store.add_tags(KEY, ["x"])


def test_unsaved_lines_name_each_write_and_keep_what_was_typed():
    from boletin_tui.workspace_edits import Edit
    from boletin_tui.writes import Write, unsaved_lines

    writes = [
        Write("set_note", KEY, note="dos\nlíneas"),
        Write("add_tags", KEY, tags=("a", "b")),
        Write("remove_tags", KEY, tags=("c",)),
        Write("add_passage", KEY, edit=Edit(text="xyz", end=2, tags=("p", "q"), note="una\nnota")),
        Write("update_passage", KEY, edit=Edit(passage_id="a1", note="otra", quote="cita")),
        Write("update_passage", KEY, edit=Edit(passage_id="a1")),
        Write("undo", ""),
    ]
    assert unsaved_lines(writes) == [
        f"boletin-tui: no se guardó la nota de {KEY}:",
        "dos\nlíneas",
        f"boletin-tui: no se añadieron las etiquetas de {KEY}:",
        "a; b",
        f"boletin-tui: no se quitaron las etiquetas de {KEY}:",
        "c",
        f"boletin-tui: no se guardó el pasaje nuevo de {KEY}:",
        "«xy»",
        "etiquetas: p; q",
        "nota: una\nnota",
        f"boletin-tui: no se guardó el cambio de un pasaje de {KEY}:",
        "«cita»",
        "nota: otra",
        f"boletin-tui: no se guardó el cambio de un pasaje de {KEY}",
        "boletin-tui: no se guardó el «deshacer»",
    ]


def test_the_quit_dialog_lists_each_change_on_one_short_line():
    from boletin_tui.workspace_edits import Edit
    from boletin_tui.writes import Write, preview_lines

    long_note = "primera línea\n" + "palabra " * 20
    writes = [
        Write("set_note", "119/2020", note=long_note),
        Write("add_tags", "119/2020", tags=("verificar", "cifra")),
        Write("remove_tags", "12/2021", tags=("vieja",)),
        Write("add_passage", "5/2020", edit=Edit("Texto del boletín", 0, 5, ("t",), "n")),
        Write("undo", ""),
        Write("redo", "1/2020"),
    ]
    lines = preview_lines(writes)
    assert lines[0].startswith("Nota de 119/2020: primera línea palabra palabra")
    assert len(lines[0]) == 64 and lines[0].endswith("…") and "\n" not in lines[0]
    assert lines[1:] == [
        "Etiquetas para 119/2020: verificar; cifra",
        "Etiquetas quitadas de 12/2021: vieja",
        "Pasaje nuevo en 5/2020: «Texto»",
        "y 2 cambios más",
    ]
    assert preview_lines(writes[4:]) == ["Deshacer", "Rehacer en 1/2020"]
    assert preview_lines([Write("add_tags", "", tags=("sin boletín",))]) == [
        "Etiquetas para ningún boletín: sin boletín"
    ]


def test_a_busy_lock_is_told_as_pending_without_try_again(tmp_path):
    """uxfix #4: a kept write is retried by the app, so its reason does not ask the user to
    try again (the command line's message still does)."""
    from boletin_tui.writes import retry_reason

    busy = StoreBusy(tmp_path / "db.json", 5.0, tmp_path / "db.json.lock")
    assert "inténtalo de nuevo" in str(busy)
    reason = retry_reason(busy)
    assert "ocupada" in reason and "db.json.lock" in reason and "inténtalo" not in reason
    assert retry_reason(OSError("disco lleno")) == "disco lleno"
