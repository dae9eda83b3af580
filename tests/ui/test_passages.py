"""Passages in the app, by keyboard: select, tag, note, list, edit, delete; undo and redo."""

from __future__ import annotations

from pathlib import Path

from boletin_tui.corpus import load_corpus
from boletin_tui.store import AnnotationStore
from boletin_tui.store.errors import StoreBusy
from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.passage_dialog import ConfirmDelete, PassageDialog
from boletin_tui.tui.passage_list import PassageList
from boletin_tui.tui.passage_reader import PassageReader
from boletin_tui.tui.tag_list import TagList
from boletin_tui.tui.timeline import Timeline

SIZE = (140, 40)
DATELINE = "Ciudad de México, 2 de junio de 2023."  # the first sentence of 210/2023


def selected(reader: PassageReader) -> str | None:
    """The text of the selection being made, if any."""
    return reader.selection.quote if reader.selection is not None else None


def passages(h, db_path: Path, key: str = "210/2023") -> list[dict]:
    return h.stored(db_path).get(key, {}).get("passages", []) if db_path.exists() else []


async def test_select_tag_note_undo_redo_a_passage(make, db_path, h):
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        reader = app.query_one(PassageReader)
        await pilot.press("p")  # the sentence at the top of the reading pane
        assert app.focused is reader and reader.selection is not None
        assert selected(reader) == DATELINE
        await pilot.press("right_square_bracket")  # + the title
        assert selected(reader).startswith(DATELINE + "\nInaugura el Instituto")
        await pilot.press("left_square_bracket", "full_stop", "full_stop", "comma")
        assert selected(reader) == DATELINE + "\nInaugura"
        await pilot.press("left_square_bracket", "comma")
        assert selected(reader) == "Ciudad de México, 2 de junio de"
        await pilot.press("shift+right")
        assert selected(reader) == "Ciudad de México, 2 de junio de 2023."
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PassageDialog)
        assert "«Ciudad de México, 2 de junio de 2023.»" in h.screen_text(app)
        await pilot.press(*"verificar", "enter", *"fecha del boletín", "ctrl+s")
        await h.settle(pilot)
        [stored] = passages(h, db_path)
        assert stored["quote"] == DATELINE and (stored["start"], stored["end"]) == (0, 37)
        assert stored["tags"] == ["verificar"] and stored["note"] == "fecha del boletín"
        text = h.screen_text(app)
        assert "«Ciudad de México, 2 de" in text  # the panel's list, cut to fit
        assert "#verificar · fecha del boletín" in text
        assert "● 210/2023" in text  # the timeline marks it annotated

        await pilot.press("u")
        await h.settle(pilot)
        assert "210/2023" not in h.stored(db_path)
        assert ("Deshacer", "Deshecho: pasaje «Ciudad de México, 2 de junio …» en 210/2023") in [
            (n.title, n.message) for n in shown
        ]
        assert "#verificar" not in h.screen_text(app) and "Sin pasajes" in h.screen_text(app)

        await pilot.press("ctrl+r")
        await h.settle(pilot)
        [again] = passages(h, db_path)
        assert again == stored  # the same passage back: id, timestamps and all
        [redone] = [n for n in shown if n.message.startswith("Rehecho: pasaje")]
        assert redone.title == "Rehacer"  # not «Deshacer» (uxfix #3)
        assert "#verificar · fecha del boletín" in h.screen_text(app)


async def test_escape_cancels_a_selection_and_the_entity_key_selects_a_name(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        reader = app.query_one(PassageReader)
        await pilot.press("p", "escape")
        assert reader.selection is None
        await pilot.press("p", "e")
        assert selected(reader) == "Ciudad de México"  # a place
        await pilot.press("e")
        assert selected(reader) == "2 de junio de 2023"  # then the date
        await pilot.press("enter")
        await pilot.press(*"verificar", "escape")  # escape saves, as in the note editor
        await h.settle(pilot)
        [stored] = passages(h, db_path)
        assert (stored["quote"], stored["tags"]) == ("2 de junio de 2023", ["verificar"])


async def test_selecting_a_listed_passage_scrolls_to_it_edit_and_delete(
    make, corpus_dir, db_path, h
):
    [body] = [b.text for b in load_corpus([corpus_dir]).bulletins if b.key == "210/2023"]
    start = body.index("Veracruz")
    end = body.index("Veracruz y Campeche.") + len("Veracruz y Campeche")
    with AnnotationStore(db_path) as store:
        store.add_passage("210/2023", body, start, end, ["origen"], "dos estados")
    app = make()
    async with app.run_test(size=(100, 24)) as pilot:
        await h.settle(pilot)
        reader = app.query_one(PassageReader)
        assert reader.scroll_y == 0
        app.query_one(PassageList).focus()
        await pilot.pause()
        assert reader.scroll_y > 0  # the passage's line is on screen
        assert "Veracruz y Campeche" in h.screen_text(app)
        await pilot.press("p")  # a selection starts at the top line now on screen
        sentence = selected(reader)
        assert sentence is not None and reader.selection is not None
        assert reader.selection.start > 0 and reader.selection.end > reader.reading_offset()
        assert " ".join(sentence.split()[:2]) in " ".join(h.screen_text(app).split())
        await pilot.press("escape")
        app.query_one(PassageList).focus()
        await pilot.pause()

        await pilot.press("enter")  # edit
        await pilot.pause()
        assert isinstance(app.screen, PassageDialog)
        await pilot.press("ctrl+u", *"origen, verificar", "ctrl+s")
        await h.settle(pilot)
        assert passages(h, db_path)[0]["tags"] == ["origen", "verificar"]
        assert passages(h, db_path)[0]["note"] == "dos estados"

        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("n")  # no: nothing deleted
        await h.settle(pilot)
        assert len(passages(h, db_path)) == 1
        await pilot.press("x", "s")
        await h.settle(pilot)
        assert "210/2023" not in h.stored(db_path)
        assert "Sin pasajes" in h.screen_text(app)

        await pilot.press("u")  # the deletion, undone
        await h.settle(pilot)
        assert passages(h, db_path)[0]["tags"] == ["origen", "verificar"]
        await pilot.press("u")  # the edit, undone
        await h.settle(pilot)
        assert passages(h, db_path)[0]["tags"] == ["origen"]
        await pilot.press("u")  # nothing more: the passage was added outside the app
        await h.settle(pilot)
        assert passages(h, db_path)[0]["tags"] == ["origen"]


async def test_undo_tags_and_notes_across_bulletins(make, db_path, h):
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        await pilot.press("t", *"salud", "enter")
        await h.settle(pilot)
        await pilot.press("j", "a", *"ver cifras", "escape")
        await h.settle(pilot)
        app.query_one(Timeline).focus()
        await pilot.press("k")
        app.query_one(TagList).focus()
        await pilot.press("x")
        await h.settle(pilot)
        assert "210/2023" not in h.stored(db_path)
        assert h.stored(db_path)["188/2023"]["note"] == "ver cifras"

        await pilot.press("u")  # the tag removed: back, and 210/2023 shown
        await h.settle(pilot)
        assert h.stored(db_path)["210/2023"]["tags"] == ["salud"]
        assert shown[-1].message == "Deshecho: quitar etiqueta «salud» en 210/2023"
        await pilot.press("u")  # the note of 188/2023: gone, and that bulletin shown
        await h.settle(pilot)
        assert "188/2023" not in h.stored(db_path)
        assert shown[-1].message == "Deshecho: nota de 188/2023"
        assert app.query_one(PassageReader).bulletin.key == "188/2023"
        assert app.query_one(NoteEditor).text == ""
        await pilot.press("u")  # the tag added
        await h.settle(pilot)
        assert not h.stored(db_path)
        assert app.query_one(PassageReader).bulletin.key == "210/2023"
        await pilot.press("u")
        await h.settle(pilot)
        assert shown[-1].message == "No hay nada que deshacer."
        await pilot.press("ctrl+r", "ctrl+r")
        await h.settle(pilot)
        assert h.stored(db_path)["188/2023"]["note"] == "ver cifras"
        assert app.query_one(NoteEditor).text == "ver cifras"


async def test_undo_after_a_failed_write(make, db_path, h, monkeypatch):
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        store = app.store.history.store
        await pilot.press("t", *"uno", "enter")
        await h.settle(pilot)

        def busy(*args, **kwargs):
            raise StoreBusy(db_path, 5.0)

        with monkeypatch.context() as patch:
            patch.setattr(store, "add_tags", busy)
            await pilot.press("t", *"dos", "enter")
            await h.settle(pilot)
        assert any("ocupada" in n.message and n.severity == "error" for n in shown)
        assert h.stored(db_path)["210/2023"]["tags"] == ["uno"]

        assert "Sin guardar" in h.screen_text(app)  # kept, to be retried (issue 12)

        with monkeypatch.context() as patch:  # the undo itself fails: nothing is lost
            patch.setattr(store, "remove_tags", busy)
            await pilot.press("u")  # `dos` is sent again first (saved), then the undo fails
            await h.settle(pilot)
        assert h.stored(db_path)["210/2023"]["tags"] == ["uno", "dos"]
        failed = [n for n in shown if n.message.startswith("No se pudo deshacer")]
        assert len(failed) == 1 and "no se reintentará" in failed[0].message
        assert failed[0].severity == "error"

        await pilot.press("u")  # the failed undo was not applied nor retried: `dos` goes now
        await h.settle(pilot)
        assert h.stored(db_path)["210/2023"]["tags"] == ["uno"]
        # (with, once all is saved, the notice that the pending change was saved)
        assert "Deshecho: etiqueta «dos» en 210/2023" in [n.message for n in shown[-2:]]
        await pilot.press("u")
        await h.settle(pilot)
        assert "210/2023" not in h.stored(db_path)
        assert shown[-1].message == "Deshecho: etiqueta «uno» en 210/2023"
        assert "# uno" not in h.screen_text(app)


async def test_an_orphaned_passage_is_listed_with_its_quote(make, db_path, h):
    gone = "Una frase que el archivo corregido ya no dice."
    with AnnotationStore(db_path) as store:  # made on a text that has since changed
        store.add_passage("188/2023", gone, 0, len(gone), ["verificar"], "")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("j")
        await pilot.pause()
        assert app.query_one(PassageReader).bulletin.key == "188/2023"
        text = h.screen_text(app)
        assert "⚠ huérfano: «Una frase" in text and "#verificar" in text
        assert len(passages(h, db_path, "188/2023")) == 1  # kept, never dropped
