"""User text in the app is never markup and never reaches the terminal raw (issue 12 #8, #9),
and the export asks before replacing a file and never replaces the database (#5)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from textual.content import Content
from textual.widgets import OptionList

from boletin_tui.store import AnnotationStore
from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.reader import Reader

SIZE = (140, 40)
HOSTILE = Path(__file__).parents[1] / "data" / "hostile" / "hostile.txt"
TAGS = ("[@click=app.quit]CLICK[/]", "[/]", "[link=x]y[/link]")
ANNOTATOR = "[link=x]y[/link]"
RAW = ("\x1b", "\x07", "\x9b")


async def test_hostile_text_tags_names_and_notes_show_literally(
    make, corpus_dir, db_path, h, monkeypatch
):
    shutil.copy(HOSTILE, corpus_dir / "2023-02-14_666.txt")
    (corpus_dir / "informe[link=a:b]\x1b]0;x\x07.txt").write_bytes(b"")  # skipped: empty
    monkeypatch.setenv("BOLETIN_TUI_ANNOTATOR", ANNOTATOR)
    with AnnotationStore(db_path, "[b]otro[/b]\x1b]0;x\x07") as store:
        store.set_note("666/2023", "nota \x1b[2J con escape\x07")
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        app.query_one("#timeline").select("666/2023")
        await h.settle(pilot)
        assert app.query_one(Reader).bulletin.key == "666/2023"
        text = h.screen_text(app)
        assert "Aviso ␛]0;TITULO-FALSO␇ sobre la" in text  # timeline row and reader title
        assert "Anotado por [b]otro[/b]␛]0;x␇" in text
        assert app.query_one(NoteEditor).text == "nota ␛[2J con escape␇"
        for tag in TAGS:
            await pilot.press("t")
            app.screen.query_one("#tag-input").value = tag
            await pilot.press("enter")
            await h.settle(pilot)
        text = h.screen_text(app)
        for tag in TAGS:
            assert f"# {tag}" in text
        assert f"Anotado por {ANNOTATOR}" in text
        await pilot.click("#tags")  # a click on the tags runs no action named in them
        await h.settle(pilot)
        assert app.is_running
        await pilot.press("o")
        await h.settle(pilot)
        # The name as the dialog shows it (wrapped at the dialog's width, which the length of
        # the temporary folder decides: read from the option, not from the screen).
        prompt = app.screen.query_one("#skipped-list", OptionList).get_option_at_index(0).prompt
        assert "informe[link=a:b]␛]0;x␇.txt" in Content.from_text(prompt).plain
        assert "1 archivo omitido" in h.screen_text(app)
        await pilot.press("escape", "e")
        target = Path.cwd() / "informe[link=a:b].csv"
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await h.settle(pilot)
        assert target.exists() and app.is_running
        assert any("informe[link=a:b].csv" in n.message for n in shown)
        for piece in RAW:
            assert piece not in h.screen_text(app)
            assert not any(piece in n.message for n in shown)
    assert sorted(h.stored(db_path)["666/2023"]["tags"]) == sorted(TAGS)


async def test_a_relaunch_with_hostile_tags_opens(make, db_path, h):
    with AnnotationStore(db_path, ANNOTATOR) as store:
        store.add_tags("210/2023", TAGS)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        text = h.screen_text(app)
        assert "# [/]" in text and "# [@click=app.quit]CLICK[/]" in text
        assert app.is_running


async def test_export_asks_before_replacing_a_file(make, tmp_path, h):
    target = tmp_path / "existente.csv"
    target.write_text("no tocar\n", encoding="utf-8")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("t", *"exportable", "enter")
        await h.settle(pilot)
        for answer in ("cancel", "replace"):
            await pilot.press("e")
            app.screen.query_one("#export-path").value = str(target)
            await pilot.press("enter")
            await h.settle(pilot)
            assert app.screen.id == "replace-dialog"
            assert "El archivo ya existe" in h.screen_text(app)
            await pilot.click(f"#choice-{answer}")
            await h.settle(pilot)
            if answer == "cancel":
                assert target.read_text(encoding="utf-8") == "no tocar\n"
    rows = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    assert [r["tags"] for r in rows] == ["exportable"]


async def test_export_never_replaces_the_database(make, db_path, h):
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        await pilot.press("t", *"valiosa", "enter")
        await h.settle(pilot)
        before = h.stored(db_path)  # (read marks may be written meanwhile: not compared)
        for target in (db_path, db_path.with_name(db_path.name + ".lock")):
            await pilot.press("e")
            app.screen.query_one("#export-path").value = str(target)
            await pilot.press("enter")
            await h.settle(pilot)
            if app.screen.id == "replace-dialog":
                await pilot.click("#choice-replace")
                await h.settle(pilot)
        assert h.stored(db_path) == before  # still the JSON database, with its records
        assert sum(n.severity == "error" for n in shown) == 2
        assert app.is_running
