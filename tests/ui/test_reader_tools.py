"""Keeping what you found (issue 15, reader2): entities as a way in, copy, open, tag what is
shown, saved searches, starting where you left off. Through `run_test`, on public state."""

from __future__ import annotations

from boletin_tui.store.mergefile import read_database
from boletin_tui.tui.entity_summary import EntitySummary
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.search_bar import SearchBar
from boletin_tui.tui.timeline import Timeline

SIZE = (120, 36)
TITLE_210 = "Inaugura el Instituto Nacional de Faros un museo de lámparas antiguas"


def _choose(summary: EntitySummary, label: str) -> None:
    index = next(i for i, e in enumerate(summary.entries_shown) if e.label == label)
    summary.highlighted = next(
        n for n in range(summary.option_count) if summary.get_option_at_index(n).id == str(index)
    )


async def test_entities_say_what_they_count_and_names_wrap(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        labels = [e.label for e in app.query_one(EntitySummary).entries_shown]
        assert "más de 5,000 visitantes" in labels
        assert "12,000,000 pesos" in labels
        assert "40% de piezas" in labels
        text = h.screen_text(app)
        # The panel is narrower than the name: it wraps, it is not cut with an ellipsis.
        assert "Instituto Nacional de" in text and "Instituto Nacional de…" not in text
        assert "Lugares (3)" in text


async def test_enter_on_an_entity_scrolls_to_it_and_highlights_it(make, h):
    app = make()
    async with app.run_test(size=(100, 14)) as pilot:
        await h.settle(pilot)
        await app.run_action("focus('entities')")
        await pilot.pause()
        summary = app.query_one(EntitySummary)
        assert app.focused is summary
        _choose(summary, "Campeche")
        await pilot.press("enter")
        await pilot.pause()
        reader = app.query_one(Reader)
        assert reader.marked is not None
        start, end = reader.marked
        assert reader.bulletin.text[start:end] == "Campeche"
        content = reader.content
        marked = [
            span.style
            for span in content.spans
            if content.plain[span.start : span.end] == "Campeche" and span.style.bold
        ]
        assert marked and marked[-1].background.a == 1  # an opaque highlight over the text
        assert reader.scroll_y > 0  # the mention is further down than the first screen
        assert "Campeche" in h.screen_text(app)
        await pilot.press("j")  # another bulletin: nothing marked
        await app.run_action("focus('timeline')")
        await pilot.press("j")
        assert reader.marked is None


async def test_f_filters_the_timeline_to_bulletins_naming_the_same_person(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await app.run_action("focus('entities')")
        await pilot.pause()
        _choose(app.query_one(EntitySummary), "Renata Olvera Campos")
        await pilot.press("f")
        await pilot.pause()
        assert app.query_one(Timeline).shown_keys == ["210/2023", "530/2022"]
        assert app.query_one(SearchBar).value == '"Renata Olvera"'  # given name, first surname
        assert "2 de 4 boletines" in h.screen_text(app)


async def test_copy_citation_key_text_and_paragraph(make, h):
    app = make()
    async with app.run_test(size=(100, 16)) as pilot:
        await h.settle(pilot)
        await pilot.press("c")
        assert "Copiar" in h.screen_text(app)
        await pilot.press("c")
        assert app.clipboard == f"IMSS, Boletín 210/2023, 2 de junio de 2023, «{TITLE_210}»"
        await pilot.press("c", "k")
        assert app.clipboard == "210/2023"
        await pilot.press("c", "t")
        assert app.clipboard == app.query_one(Reader).bulletin.text
        await app.run_action("copy_part('paragraph')")
        assert app.clipboard == "Ciudad de México, 2 de junio de 2023."  # the top block
        reader = app.query_one(Reader)
        reader.scroll_to(y=reader.line_of_offset(reader.bulletin.text.index("La directora")),
                         animate=False, immediate=True)  # fmt: skip
        await pilot.press("c", "p")
        assert app.clipboard.startswith("La directora del Instituto")
        await pilot.press("end", "c", "c")  # the unnumbered, undated bulletin
        assert app.clipboard.startswith("IMSS, Boletín sin número, sin fecha, «Convoca el INAF")


async def test_open_without_editor_says_so_and_links_are_short(make, corpus_dir, h, monkeypatch):
    (corpus_dir / "2023-07-01_300.txt").write_text(
        "Ciudad de México, 1 de julio de 2023.\nBoletín No. 300/2023\n\nAbre el INAF un faro\n\n"
        "El Instituto Nacional de Faros abrió al público el faro de Punta Roca, restaurado "
        "durante dos años por guardianes de la costa, informó Renata Olvera Campos.\n\n"
        "---oOo---\n\n"
        "Link de fotos: https://drive.example.org/carpeta/abc123def456?usp=sharing\n",
        encoding="utf-8",
    )
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    notes = h.notifications()
    opened: list[str] = []
    app = make()
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await h.settle(pilot)
        assert app.query_one(Reader).bulletin.key == "300/2023"
        text = h.screen_text(app)
        assert "Fotos (drive.example.org)" in text
        assert "abc123def456" not in text  # the URL is not printed in the reading pane
        await pilot.press("E")
        assert any("EDITOR" in n.message for n in notes)
        await pilot.press("l")
        await pilot.press("1")
        assert opened == ["https://drive.example.org/carpeta/abc123def456?usp=sharing"]


async def test_tag_every_bulletin_shown_after_a_confirmation(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        app.run_query('"Renata Olvera Campos"')
        await pilot.press("T", *"olvera", "enter")
        assert "¿Añadir la etiqueta «olvera» a los 2 boletines mostrados?" in h.screen_text(app)
        await pilot.press("s")
        await h.settle(pilot)
        stored = h.stored(db_path)
        assert sorted(stored) == ["210/2023", "530/2022"]
        assert all(r["tags"] == ["olvera"] for r in stored.values())
        assert "# olvera" in h.screen_text(app)  # the panel of the bulletin shown
        assert app.workspace.search("#olvera") == ["210/2023", "530/2022"]
        await pilot.press("T", *"-olvera", "enter", "n")  # "no": nothing changes
        await h.settle(pilot)
        assert len(h.stored(db_path)) == 2
        await pilot.press("T", *"-olvera", "enter", "enter")
        await h.settle(pilot)
        assert h.stored(db_path) == {}
        assert "● 210/2023" not in h.screen_text(app)


async def test_saved_searches_are_kept_counted_and_rerun(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("slash", *"veracruz", "enter")
        assert app.query_one(Timeline).shown_keys == ["210/2023", "530/2022"]
        await pilot.press("s", *"Veracruz", "enter")
        await h.settle(pilot)
        await pilot.press("escape")  # clear the search
        assert app.query_one(Timeline).shown_count == 4
    data = read_database(db_path)[1]  # the file and its pending journal
    assert [(d["name"], d["query"]) for d in data["searches"].values()] == [
        ("Veracruz", "veracruz")
    ]
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("S")
        assert "Veracruz — veracruz (2 boletines)" in h.screen_text(again)
        await pilot.press("1")
        await pilot.pause()
        assert again.query_one(Timeline).shown_keys == ["210/2023", "530/2022"]
        titles = [c.title for c in again.get_system_commands(again.screen)]
        assert "Búsqueda: Veracruz" in titles


async def test_relaunch_without_a_path_reopens_the_corpus_and_bulletin(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("j", "j")
        assert app.query_one(Timeline).current_key == "530/2022"
        await pilot.press("q")
    again = make(paths=[])
    async with again.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        assert again.query_one(Timeline).current_key == "530/2022"
        assert again.query_one(Reader).bulletin.key == "530/2022"
        header = h.screen_text(again).splitlines()[0]
        assert "corpus · retomado en 530/2022 · base: db.json" in header
