"""Issue 13, the app's items: what a new user tripped on (see each test's docstring)."""

from __future__ import annotations

from textual.widgets import Static

from boletin_tui.actions import ACTIONS
from boletin_tui.store import AnnotationStore, BulletinSnapshot
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.labels import NO_TAGS, SAVED
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.tag_list import TagList
from boletin_tui.tui.timeline import Timeline

SIZE = (120, 36)


def shown_action_ids(app) -> set[str]:
    """The ids of the actions the footer may show now (check_action did not hide them)."""
    return {b.binding.id for b in app.screen.active_bindings.values() if b.binding.id}


async def test_the_panel_warns_when_the_annotation_was_made_on_another_bulletin(make, db_path, h):
    """#3: a snapshot whose content hash differs from the bulletin now under the key."""
    store = AnnotationStore(db_path, "otra")
    other = BulletinSnapshot("210/2023", "2023-06-02", "Un boletín anterior", "viejo.txt", "0" * 64)
    store.add_tags("210/2023", ["vieja"], bulletin=other)
    store.close()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        warning = app.query_one("#mismatch", Static)
        assert warning.display and "⚠ Esta anotación" in h.screen_text(app)
        assert "Un boletín anterior" in str(warning.render()) and "impórtala" in str(
            warning.render()
        )
        await pilot.press("j")
        assert not warning.display and "⚠" not in h.screen_text(app)
        # A write on the warned annotation keeps its snapshot (and the warning).
        await pilot.press("k", "t", *"nueva", "enter")
        await h.settle(pilot)
        assert h.stored(db_path)["210/2023"]["bulletin"]["hash"] == "0" * 64
        assert warning.display and "⚠ Esta anotación" in h.screen_text(app)


async def test_app_writes_store_the_snapshot_of_the_bulletin(make, db_path, h):
    """#3: tags and notes written from the app record what they were made on."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("j", "t", *"faros", "enter")
        await pilot.press("j", "a", *"nota", "escape")
        await h.settle(pilot)
        stored = h.stored(db_path)
        first = app.workspace.bulletin("188/2023")
        assert stored["188/2023"]["bulletin"]["hash"] == first.content_hash
        assert stored["188/2023"]["bulletin"]["title"] == first.title
        assert stored["530/2022"]["bulletin"]["number"] == "530/2022"
        assert "Esta anotación se hizo" not in h.screen_text(app)


async def test_the_full_key_is_shown_and_copied(make, h):
    """#4: `sn-…` keys are what the command line takes: shown above the text, `c` copies."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("end")
        key = app.query_one(Reader).bulletin.key
        assert key.startswith("sn-")
        assert key in h.screen_text(app)
        assert key in str(app.query_one("#reader-key", Static).render())
        await pilot.press("c", "k")  # the copy menu's "clave"
        assert app.clipboard == key


async def test_ctrl_c_and_the_palette_key_speak_spanish(make, h):
    """#11: Textual's `Do you want to quit?` and the footer's `palette`."""
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert [n.title for n in shown] == ["¿Quieres salir?"]
        assert "q" in shown[0].message
        text = h.screen_text(app)
        assert "Paleta" in text and "palette" not in text and "quit" not in text
        assert app.is_running


async def test_the_palette_finds_every_action_while_it_is_open(make, h):
    """#12: typing the start of each applicable title in the palette finds it; Spanish only."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        idle = {"note_dirty", "filtered", "skipped", "links"}  # the fixtures have no links
        for action in ACTIONS:
            if not action.title or action.when in idle:
                continue
            await pilot.press("ctrl+p", *action.title[:4].lower())
            await h.settle(pilot)
            text = h.screen_text(app)
            assert action.title in text, action.id
            for english in ("Keys", "Theme", "Screenshot", "Maximize", "Quit"):
                assert english not in text
            await pilot.press("escape")
            await pilot.pause()


async def test_reopening_a_note_puts_the_cursor_at_the_end(make, db_path, h):
    """#14: `a` on a saved note, then typing, appends."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("a", *"uno", "escape", "j", "k")
        await h.settle(pilot)
        await pilot.press("a", *" dos", "escape")
        await h.settle(pilot)
        assert h.stored(db_path)["210/2023"]["note"] == "uno dos"


async def test_the_tag_list_shows_every_tag_or_says_how_many_more(make, h):
    """#15: five tags all on screen; past six rows, `+N más`."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        five = ["alfa", "beta", "gamma", "delta", "épsilon"]
        await pilot.press("t", *", ".join(five), "enter")
        await h.settle(pilot)
        text = h.screen_text(app)
        assert all(f"# {tag}" in text for tag in five)
        assert "más" not in text.split("Nota")[0]
        await pilot.press("t", *"zeta, eta, theta, iota", "enter")
        await h.settle(pilot)
        assert "+3 más" in h.screen_text(app)


async def test_a_tag_filter_follows_the_tags(make, h):
    """#16: with `#salud` active, removing `salud` drops the bulletin from the list."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        await pilot.press("t", *"salud", "enter")
        await h.settle(pilot)
        await pilot.press("slash", *"#salud", "enter")
        assert timeline.shown_keys == ["210/2023"]
        app.query_one(TagList).focus()
        await pilot.press("x")
        await h.settle(pilot)
        assert timeline.shown_keys == []
        assert "0 de 4 boletines" in h.screen_text(app)


async def test_keys_that_cannot_act_are_not_offered(make, h):
    """#17 and #18: no skipped file hides `o`; `x` only in a tag list with tags; with zero
    results `t` and `n` are hidden and the panel shows no hint and no `Guardado`."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        ids = shown_action_ids(app)
        assert {"add_tag", "edit_note"} <= ids
        assert "skipped" not in ids and "remove_tag" not in ids
        await pilot.press("slash", *"zzzqqq", "enter")
        await h.settle(pilot)
        assert app.query_one(Timeline).shown_keys == []
        ids = shown_action_ids(app)
        assert "add_tag" not in ids and "edit_note" not in ids and "copy_key" not in ids
        text = h.screen_text(app)
        assert NO_TAGS not in text and SAVED not in text
        await pilot.press("t", "n")  # nothing opens
        assert app.focused is app.query_one(Timeline)


async def test_narrow_terminals_hide_the_panel_and_rewrap(make, db_path, h):
    """#23: at 80x24 the panel is hidden (`A` shows it, `t` too) rather than ten columns
    wide; at 60x20 the reading pane fits the screen and its text re-wraps."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.settle(pilot)
        panel = app.query_one(AnnotationPanel)
        assert not panel.display
        assert "sin etique" not in h.screen_text(app)
        await pilot.press("A")
        await pilot.pause()
        assert panel.display and panel.region.width >= 28
        assert NO_TAGS in h.screen_text(app)
        await pilot.press("A")
        await pilot.pause()
        assert not panel.display
        await pilot.press("t", *"estrecha", "enter")
        await h.settle(pilot)
        assert panel.display and h.stored(db_path)["210/2023"]["tags"] == ["estrecha"]
    app = make()
    async with app.run_test(size=(60, 20)) as pilot:
        await h.settle(pilot)
        reader = app.query_one(Reader)
        assert reader.region.right <= 60 and reader.region.width >= 24
        assert all(
            line.cell_length <= reader.region.width
            for line in reader.content.wrap(reader.region.width - 4)
        )
        assert "Inaugura el Instituto" in h.screen_text(app).replace("\n", " ")
        # Shown there, the panel takes the timeline's place: nothing is cut off.
        await pilot.press("A")
        await pilot.pause()
        panel, timeline = app.query_one(AnnotationPanel), app.query_one(Timeline)
        assert panel.display and panel.region.right <= 60 and panel.region.width >= 28
        assert reader.region.width >= 24 and not app.query_one("#timeline-pane").display
        await pilot.press("j")  # the list's keys still move through it
        assert reader.bulletin.key == "188/2023"
        await pilot.press("A")
        await pilot.pause()
        assert app.query_one("#timeline-pane").display and app.focused is timeline


async def test_search_finds_a_figure_by_the_value_the_panel_shows(make, h):
    """#13: the bulletin that says `5 mil visitantes` is found by `5000` and `5,000`."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        for query in ("5000", "5,000"):
            await pilot.press("slash", *query, "enter")
            await h.settle(pilot)
            assert timeline.shown_keys == ["210/2023"], query
            await pilot.press("escape")
