"""What is typed in the passage dialog is never dropped unless the user says so: quitting with
the dialog open saves the passage as `ctrl+s` would (a new one with its tags and note, or the
change to an existing one), and a dialog with nothing typed creates no passage. (Signals and
hangups: test_hangup.py.)"""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.worker import WorkerCancelled

from boletin_tui.corpus import load_corpus
from boletin_tui.store import AnnotationStore
from boletin_tui.store.lock import FileLock
from boletin_tui.tui.passage_dialog import PassageDialog
from boletin_tui.tui.passage_list import PassageList

SIZE = (140, 40)
DATELINE = "Ciudad de México, 2 de junio de 2023."  # the first sentence of 210/2023


def passages(h, db_path: Path, key: str = "210/2023") -> list[dict]:
    return h.stored(db_path).get(key, {}).get("passages", []) if db_path.exists() else []


async def test_quitting_with_ctrl_q_saves_the_new_passage_typed(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("p", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PassageDialog)
        await pilot.press(*"verificar, fecha", "enter", *"sin guardar a mano", "ctrl+q")
        await h.settle(pilot)
    assert not app.is_running
    [stored] = passages(h, db_path)
    assert (stored["quote"], stored["start"], stored["end"]) == (DATELINE, 0, 37)
    assert stored["tags"] == ["verificar", "fecha"] and stored["note"] == "sin guardar a mano"
    assert not app.unsaved_at_exit


async def test_quitting_with_only_a_note_typed_saves_the_passage(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("p", "enter", "tab", *"solo nota", "ctrl+q")
        await h.settle(pilot)
    assert not app.is_running
    [stored] = passages(h, db_path)
    assert (stored["quote"], stored["tags"], stored["note"]) == (DATELINE, [], "solo nota")


async def test_quitting_an_empty_new_passage_dialog_creates_no_passage(make, db_path, h):
    """Nothing typed (no tags, a blank note): nothing to keep, and no passage the user did
    not confirm (`ctrl+s` or `escape` on the same dialog would create it)."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("p", "enter", *" , ", "tab", *"  ", "ctrl+q")
        await h.settle(pilot)
    assert not app.is_running
    assert passages(h, db_path) == []
    assert not app.unsaved_at_exit


async def test_quitting_while_editing_a_passage_saves_the_change(make, corpus_dir, db_path, h):
    [body] = [b.text for b in load_corpus([corpus_dir]).bulletins if b.key == "210/2023"]
    start = body.index("Veracruz")
    with AnnotationStore(db_path) as store:
        store.add_passage("210/2023", body, start, start + 8, ["origen"], "dos estados")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        app.query_one(PassageList).focus()
        await pilot.press("enter")  # edit the passage highlighted
        await pilot.pause()
        assert isinstance(app.screen, PassageDialog)
        await pilot.press("end", *", verificar", "tab", *"ver: ", "ctrl+q")
        await h.settle(pilot)
    assert not app.is_running
    [stored] = passages(h, db_path)
    assert (stored["quote"], stored["tags"]) == ("Veracruz", ["origen", "verificar"])
    assert stored["note"] == "ver: dos estados"


async def test_quitting_when_the_passage_cannot_be_saved_asks(make, db_path, h, monkeypatch):
    """The database's lock held by another process: the passage is a pending change like
    any other, so quitting asks, and «Seguir intentando» saves it once the lock frees."""
    monkeypatch.setenv("BOLETIN_TUI_LOCK_TIMEOUT", "0.2")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        held = FileLock(db_path.with_name(db_path.name + ".lock"))
        assert held.acquire(1)
        try:
            await pilot.press("p", "enter", *"bloqueada", "enter", *"espera", "ctrl+q")
            await h.settle(pilot)
            assert app.screen.id == "quit-dialog"  # the passage dialog has closed under it
            text = h.screen_text(app)
            assert "1 cambio sin guardar" in text
            assert "Pasaje nuevo en 210/2023: «Ciudad de México" in text  # what would be lost
            await pilot.click("#choice-keep")
            await h.settle(pilot)
            assert app.is_running
        finally:
            held.release()
        app.saver.poll_now()  # the lock is free: saved, then the app leaves by itself
        with contextlib.suppress(WorkerCancelled):  # the app's leaving cancels its workers
            await h.settle(pilot)
    assert not app.is_running
    [stored] = passages(h, db_path)
    assert (stored["quote"], stored["tags"], stored["note"]) == (DATELINE, ["bloqueada"], "espera")
