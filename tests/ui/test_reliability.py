"""Nothing typed in the app is lost (issue 12 #1, #2, #3, #16): a save that fails stays pending
and visible, is retried, and quitting asks; notes written elsewhere are shown and kept.

Faults are real: the database's lock is held by another holder (a real `flock`), as an import
in another terminal would hold it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled

from boletin_tui.store import MAX_NOTE_BYTES, AnnotationStore
from boletin_tui.store.lock import FileLock
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.note_editor import NoteEditor

SIZE = (120, 36)
KEY = "210/2023"  # the first bulletin shown


@pytest.fixture(autouse=True)
def short_lock_wait(monkeypatch):
    monkeypatch.setenv("BOLETIN_TUI_LOCK_TIMEOUT", "0.2")


@contextmanager
def lock_held(db_path: Path) -> Iterator[None]:
    held = FileLock(db_path.with_name(db_path.name + ".lock"))
    assert held.acquire(1)
    try:
        yield
    finally:
        held.release()


def status(app) -> str:
    return str(app.query_one("#note-status").render())


def note_of(db_path: Path, key: str = KEY) -> str | None:
    with AnnotationStore(db_path) as store:
        found = store.get(key)
    return found.note if found else None


async def test_a_note_that_cannot_be_saved_stays_pending_and_is_saved_later(make, db_path, h):
    with AnnotationStore(db_path, "antes") as store:
        store.set_note(KEY, "vieja")
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        editor = app.query_one(NoteEditor)
        with lock_held(db_path):
            await pilot.press("a")
            editor.clear()  # as selecting everything and deleting it would
            await pilot.press(*"NUEVA", "escape")
            await h.settle(pilot)
            assert "Sin guardar" in status(app) and "Guardado" not in status(app)
            assert "sin guardar" in h.screen_text(app)  # the status line counts it
            [told] = [n for n in shown if "se reintentará" in n.message]
            assert "ocupada" in told.message and "inténtalo" not in told.message  # uxfix #4
            await pilot.press("j")
            await h.settle(pilot)
            await pilot.press("k")
            await h.settle(pilot)
            assert editor.text == "NUEVA"  # the pending text, not the old note
            assert "Sin guardar" in status(app)
            app.saver.poll_now()  # the timer's retry, the lock still held
            await h.settle(pilot)
            await pilot.press("j", "k")  # moving never writes the old text back
            await h.settle(pilot)
        assert note_of(db_path) == "vieja"
        app.saver.poll_now()  # the lock is free: the timer's retry saves it
        await h.settle(pilot)
        assert note_of(db_path) == "NUEVA"
        assert status(app) == "Guardado" and app.workspace.pending == []
        await pilot.press("j", "k")
        await h.settle(pilot)
    assert note_of(db_path) == "NUEVA"


async def test_a_failed_tag_is_retried_with_the_next_write(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        with lock_held(db_path):
            await pilot.press("t", *"uno", "enter")
            await h.settle(pilot)
            assert "Sin guardar" in status(app)
        await pilot.press("t", *"dos", "enter")
        await h.settle(pilot)
        assert app.workspace.pending == []
    assert h.stored(db_path)[KEY]["tags"] == ["uno", "dos"]


@pytest.mark.parametrize("choice", ["cancel", "discard", "keep"])
async def test_quitting_with_unsaved_work_asks(make, db_path, h, choice):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        with lock_held(db_path):
            await pilot.press("a", *"pendiente", "escape", "q")
            await h.settle(pilot)
            assert app.screen.id == "quit-dialog"
            text = h.screen_text(app)
            assert "sin guardar" in text and "Seguir intentando" in text
            assert "Descartar y salir" in text
            assert "ocupada" in text and "inténtalo" not in text  # it keeps trying (uxfix #4)
            await pilot.click(f"#choice-{choice}")
            await h.settle(pilot)
            if choice == "keep":
                assert app.is_running
        if choice == "keep":
            app.saver.poll_now()  # the lock is free: saved, then the app leaves by itself
            with contextlib.suppress(WorkerCancelled):  # the app's leaving cancels its workers
                await h.settle(pilot)
        assert app.is_running == (choice == "cancel")
    assert note_of(db_path) == ("pendiente" if choice == "keep" else None)


async def test_quitting_while_the_lock_is_held_says_at_once_that_it_waits(make, db_path, h):
    """uxfix #2: the quit dialog comes only after the lock's timeout; until then a
    notification says why nothing else happens (told before the dialog is shown)."""
    app = make()
    told: list[tuple[str, str, str | None]] = []

    def hook(message) -> None:
        from textual.notifications import Notify

        if isinstance(message, Notify):
            note = message.notification
            told.append((note.title, note.message, app.screen.id))

    async with app.run_test(size=SIZE, notifications=True, message_hook=hook) as pilot:
        await h.settle(pilot)
        with lock_held(db_path):
            await pilot.press("a", *"pendiente", "escape")
            await h.settle(pilot)
            await pilot.press("q")
            await h.settle(pilot)
            assert app.screen.id == "quit-dialog"  # the outcome is unchanged
        [(_, message, screen)] = [t for t in told if t[0] == "Guardando"]
        assert "ocupada" in message and screen != "quit-dialog"


async def test_a_note_written_elsewhere_is_shown(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        with AnnotationStore(db_path, "terminal") as other:
            other.set_note(KEY, "desde la terminal")
            other.add_tags("188/2023", ["faro"])
        app.saver.poll_now()  # what the 2-second timer does
        await h.settle(pilot)
        assert app.query_one(NoteEditor).text == "desde la terminal"
        text = h.screen_text(app)
        assert "Anotado por terminal" in text and "● 188/2023" in text


async def test_a_note_edited_in_two_places_keeps_both(make, db_path, h):
    with AnnotationStore(db_path, "antes") as store:
        store.set_note(KEY, "base")
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        await pilot.press("a", "end", *" y la app")
        with AnnotationStore(db_path, "terminal") as other:
            other.set_note(KEY, "base y la terminal")
        app.saver.poll_now()  # the editor is being typed in: it keeps the typed text
        await h.settle(pilot)
        assert app.query_one(NoteEditor).text == "base y la app"
        await pilot.press("escape")
        await h.settle(pilot)
        merged = app.query_one(NoteEditor).text
        assert "base y la terminal" in merged and "base y la app" in merged
        assert any("dos versiones" in n.message for n in shown)
    assert note_of(db_path) == merged


async def test_a_note_over_the_limit_is_refused_and_kept(make, db_path, h):
    app = make()
    shown = h.notifications()
    big = "x" * (MAX_NOTE_BYTES + 10)
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        await pilot.press("a")
        editor = app.query_one(NoteEditor)
        editor.insert(big)  # as a paste would
        await pilot.press("ctrl+s")
        await h.settle(pilot)
        assert any("La nota no se guardó" in n.message and "MB" in n.message for n in shown)
        assert editor.text == big and "Sin guardar" in status(app)
        await pilot.press("escape", "j", "k")  # leaving and coming back keeps it
        await h.settle(pilot)
        assert editor.text == big and "Sin guardar" in status(app)
        assert app.query_one(AnnotationPanel).key == KEY
    assert not db_path.exists() or KEY not in h.stored(db_path)


async def test_a_damaged_journal_kept_aside_by_a_save_is_told(make, db_path, h):
    """The store keeps a damaged journal aside when a write folds it in (issue 16): the app
    says so, once, instead of the copy appearing silently beside the database."""
    writer = AnnotationStore(db_path, "ana", compact_delay=None)
    writer.add_tags("1/2020", ["base"])
    writer.add_tags("2/2020", ["perdida"])
    journal = db_path.with_name(db_path.name + ".journal")
    lines = journal.read_bytes().split(b"\n")
    lines[1] = b'{"changes": [["annotations", "7", {"key": ro'  # damaged on disk
    journal.write_bytes(b"\n".join(lines))
    told = h.notifications()
    app = make()
    try:
        async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
            await app.listed.wait()
            await h.settle(pilot)
            assert not [n for n in told if n.title == "Base de anotaciones"]
            await pilot.press("t", *"nueva", "enter")
            await h.settle(pilot)
            shown = [n.message for n in told if n.title == "Base de anotaciones"]
            assert len(shown) == 1 and "copia" in shown[0]
            await pilot.press("t", *"otra", "enter")
            await h.settle(pilot)
            assert len([n for n in told if n.title == "Base de anotaciones"]) == 1
    finally:
        writer.close()
    assert list(db_path.parent.glob(db_path.name + ".journal.corrupt-*"))
    assert h.stored(db_path)[KEY]["tags"] == ["nueva", "otra"]


async def test_changes_an_earlier_session_could_not_save_are_told_at_launch(make, db_path, h):
    """A file the hang-up watchdog kept (`<db>.unsaved-*.txt`) is named at every launch until
    the user removes it; none, no notice."""
    app = make()
    shown = h.notifications()
    async with app.run_test(size=(120, 36), notifications=True, message_hook=shown.hook) as p:
        await h.settle(p)
    assert not [n for n in shown if n.title == "Cambios sin guardar"]
    kept = db_path.parent / f"{db_path.name}.unsaved-20261201T101010.txt"
    kept.write_text("boletin-tui: esto no se guardó\nnota de 119/2020: cifra\n")
    for _ in range(2):
        shown = h.notifications()
        app = make()
        async with app.run_test(size=(120, 36), notifications=True, message_hook=shown.hook) as p:
            await h.settle(p)
        told = [n for n in shown if n.title == "Cambios sin guardar"]
        assert len(told) == 1 and str(kept) in told[0].message and told[0].severity == "warning"
