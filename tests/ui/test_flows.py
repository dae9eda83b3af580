"""The app's flows through `run_test`: asserting on the database file and on the screen."""

from __future__ import annotations

import csv

from boletin_tui.actions import ACTIONS
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.export_screen import ExportScreen
from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.tag_input import TagInput
from boletin_tui.tui.tag_list import TagList
from boletin_tui.tui.timeline import Timeline

SIZE = (120, 36)


async def test_opens_on_the_corpus_grouped_by_year_and_month(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        assert timeline.shown_keys[:3] == ["210/2023", "188/2023", "530/2022"]
        assert timeline.current_key == "210/2023"
        text = h.screen_text(app)
        for heading in ("2023", "junio 2023", "mayo 2023", "noviembre 2022", "Sin fecha", "s/n"):
            assert heading in text
        assert "4 boletines" in text
        assert "corpus" in app.sub_title


async def test_j_and_k_move_and_the_reading_pane_follows(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        reader = app.query_one(Reader)
        assert reader.bulletin.key == "210/2023"
        await pilot.press("j")
        assert reader.bulletin.key == "188/2023"
        assert "Capacita el Instituto Nacional de Faros" in h.screen_text(app)
        await pilot.press("j", "j")
        assert reader.bulletin.key.startswith("sn-")
        await pilot.press("j")  # the last bulletin stays current
        assert reader.bulletin.key.startswith("sn-")
        await pilot.press("k", "up")
        assert reader.bulletin.key == "188/2023"
        await pilot.press("end")
        assert reader.bulletin.key.startswith("sn-")
        await pilot.press("home")
        assert reader.bulletin.key == "210/2023"


async def test_a_tag_is_stored_at_once_and_shown(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("t")
        assert app.focused is app.query_one(TagInput)
        await pilot.press(*"museos", "comma", *" costa", "enter")
        await h.settle(pilot)
        assert h.stored(db_path)["210/2023"]["tags"] == ["museos", "costa"]
        assert "# museos" in h.screen_text(app)
        assert "● 210/2023" in h.screen_text(app)
        assert app.focused is app.query_one(Timeline)
        # escape cancels without writing
        await pilot.press("t", *"nada", "escape")
        await h.settle(pilot)
        assert h.stored(db_path)["210/2023"]["tags"] == ["museos", "costa"]


async def test_tag_completion_and_removal(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("t", *"patrimonio", "enter")
        await h.settle(pilot)
        await pilot.press("j", "t", *"pat")
        await pilot.pause()
        # The field shows the completion after what was typed.
        assert app.focused is app.query_one(TagInput)
        assert "patrimonio" in h.screen_text(app)
        await pilot.press("right", "enter")  # accept the suggestion
        await h.settle(pilot)
        assert h.stored(db_path)["188/2023"]["tags"] == ["patrimonio"]
        app.query_one(TagList).focus()
        await pilot.press("x")
        await h.settle(pilot)
        assert "188/2023" not in h.stored(db_path)
        assert "# patrimonio" not in h.screen_text(app)


async def test_note_saved_with_ctrl_s(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("a")
        assert app.focused is app.query_one(NoteEditor)
        await pilot.press(*"revisar cifras t q /")  # typed, not bindings
        assert not app.query_one(TagInput).display
        await pilot.press("ctrl+s")
        await h.settle(pilot)
        assert h.stored(db_path)["210/2023"]["note"] == "revisar cifras t q /"
        assert "Guardado" in h.screen_text(app)
        assert app.is_running


async def test_note_saved_when_the_editor_loses_focus(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("a", *"al perder el foco")
        assert "Sin guardar" in h.screen_text(app)
        await pilot.press("tab")
        await h.settle(pilot)
        assert h.stored(db_path)["210/2023"]["note"] == "al perder el foco"


async def test_note_saved_when_switching_bulletin(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("a", *"antes de cambiar")
        app.query_one(Timeline).select("530/2022")  # e.g. a mouse click in the list
        await h.settle(pilot)
        assert h.stored(db_path)["210/2023"]["note"] == "antes de cambiar"
        assert app.query_one(NoteEditor).text == ""
        assert app.query_one(AnnotationPanel).key == "530/2022"


async def test_note_escape_saves_and_quit_flushes(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("a", *"con escape", "escape")
        await h.settle(pilot)
        assert app.focused is app.query_one(Timeline)
        assert h.stored(db_path)["210/2023"]["note"] == "con escape"
        await pilot.press("j", "a", *"al salir")
        await app.run_action("quit")  # the focus stays in the editor: nothing else saves it
        await app.workers.wait_for_complete()  # quitting saves in a worker, then exits
    assert h.stored(db_path)["188/2023"]["note"] == "al salir"


async def test_annotations_persist_across_restart(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("j", "t", *"faros", "enter", "a", *"nota guardada", "ctrl+s")
        await h.settle(pilot)
        await pilot.press("escape", "q")
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        assert "● 188/2023" in h.screen_text(again)
        # The relaunch resumes at the bulletin shown last (reader2), here 188/2023.
        assert again.query_one(Timeline).current_key == "188/2023"
        text = h.screen_text(again)
        assert "# faros" in text
        assert again.query_one(NoteEditor).text == "nota guardada"
        assert "Anotado por pruebas" in text


async def test_search_filters_counts_and_clears(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        await pilot.press("slash", *"LAMPARAS")  # accents and case ignored
        await h.settle(pilot)
        assert timeline.shown_keys == ["210/2023"]
        assert "1 de 4 boletines" in h.screen_text(app)
        await pilot.press("escape")
        assert len(timeline.shown_keys) == 4
        assert "4 boletines" in h.screen_text(app)
        # tags and notes are searched too; enter keeps the filter, escape clears it
        await pilot.press("j", "t", *"guardianes", "enter")
        await h.settle(pilot)
        await pilot.press("slash", *"#guardianes", "enter")  # the whole tag
        assert timeline.shown_keys == ["188/2023"]
        assert app.focused is timeline
        await pilot.press("escape")
        assert len(timeline.shown_keys) == 4


async def test_export_writes_a_csv(make, tmp_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("t", *"exportable", "enter")
        await h.settle(pilot)
        await pilot.press("e")
        field = app.screen.query_one("#export-path")
        assert field.value.endswith(".csv") and "anotaciones-" in field.value
        target = tmp_path / "salida.csv"
        field.value = str(target)
        await pilot.press("enter")
        await h.settle(pilot)
    rows = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    assert [(r["key"], r["tags"]) for r in rows] == [("210/2023", "exportable")]


async def test_export_error_is_reported(make, tmp_path, h):
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(tmp_path / "no" / "existe" / "x.csv")
        await pilot.press("enter")
        await h.settle(pilot)
        assert any(n.severity == "error" for n in shown)


async def test_skipped_files_are_reported(make, corpus_dir, h):
    (corpus_dir / "roto.txt").write_bytes(b"")
    app = make()
    shown = h.notifications()
    # Wide enough for the whole temporary path on one line (a path folds where it must).
    async with app.run_test(size=(220, 36), notifications=True, message_hook=shown.hook) as pilot:
        await app.texts_loaded.wait()  # the skipped files are known once every file was read
        await h.settle(pilot)
        messages = [n.message for n in shown]
        assert any("Se omitieron 1 archivo" in m for m in messages)
        await pilot.press("o")
        await h.settle(pilot)
        assert "roto.txt" in h.screen_text(app)
        await pilot.press("escape")
        assert "roto.txt" not in h.screen_text(app)


async def test_help_lists_bindings_and_search_syntax(make, h):
    from textual.widgets import Static

    from boletin_tui.tui.help_screen import HelpScreen

    def help_text() -> str:  # every line the help holds, scrolled into view or not
        return " ".join(str(w.render()) for w in app.screen.query(Static))

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("question_mark")
        await h.settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = help_text()
        assert "Teclas" in text and "exportar las anotaciones" in text
        assert "coincidencia siguiente" in text and "ir a una fecha" in text
        assert "Búsqueda" in text  # the syntax, below the keys
        await pilot.press("escape")
        await h.settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_toggling_a_category_removes_its_highlight(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        reader = app.query_one(Reader)

        def styled(text: str) -> bool:
            content = reader.content
            return any(content.plain[s.start : s.end] == text for s in content.spans)

        assert styled("Renata Olvera Campos")
        await pilot.press("1")
        assert not styled("Renata Olvera Campos")
        assert styled("Instituto Nacional de Faros")
        await pilot.press("1")
        assert styled("Renata Olvera Campos")


async def test_panel_lists_people_institutions_and_figures(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        text = h.screen_text(app)
        assert "Renata Olvera Campos" in text
        assert "Instituto Nacional de" in text
        assert "12,000,000 pesos" in text or "12 millones" in text


async def test_every_action_is_in_the_command_palette(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("ctrl+p")  # offered while the palette itself is open
        await pilot.pause()
        assert app.screen.is_modal
        titles = [c.title for c in app.get_system_commands(app.screen)]
        # A bulletin is shown; no search, no unsaved note, no skipped file.
        idle = {"note_dirty", "filtered", "skipped", "links"}  # no link in the fixtures
        expected = [a.title for a in ACTIONS if a.title and a.when not in idle]
        assert titles == expected  # Spanish only: none of Textual's English commands
        assert "Mostrar u ocultar personas" in titles and "Etiquetar" in titles
        await pilot.press(*"exportar", "enter")  # running one from the palette works
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)


async def test_bindings_come_from_the_action_table_with_spanish_labels(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        bindings = app.active_bindings.values()
        by_id = {a.binding.id: a.binding for a in bindings if a.binding.id}
        labels = {a.id: a.label for a in ACTIONS}
        assert {"add_tag", "edit_note", "next", "quit", "toggle_people"} <= set(by_id)
        for action_id, binding in by_id.items():  # what the footer and Keys panel show
            assert binding.description == labels[action_id] and binding.tooltip
        assert by_id["toggle_people"].description == "Personas"  # not "Resaltar PERSON"


async def test_a_keymap_moves_an_action_to_another_key(corpus_dir, db_path, tmp_path, h):
    from boletin_tui.tui import make_app

    app = make_app([corpus_dir], db_path, keymap={"add_tag": "ctrl+t"}, cache_dir=tmp_path / "c")
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("t")
        assert app.focused is not app.query_one(TagInput)
        await pilot.press("ctrl+t", *"clave", "enter")
        await h.settle(pilot)
        assert h.stored(db_path)["210/2023"]["tags"] == ["clave"]


async def test_help_wraps_a_long_description_in_its_own_column(make, h):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.settle(pilot)
        await pilot.press("question_mark")
        await h.settle(pilot)
        lines = h.screen_text(app).splitlines()
        first = next(i for i, line in enumerate(lines) if "añadir etiquetas (enter" in line)
        keys, column = lines[first].index("  t  ") + 2, lines[first].index("añadir etiquetas")
        # The rest of that description goes on below it, not under the keys.
        assert lines[first + 1][keys:column].strip() == ""
        assert lines[first + 1][column:].strip().startswith("escape cancela")
