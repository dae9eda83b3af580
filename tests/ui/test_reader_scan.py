"""Issue 15, scanning the list: read marks, jump, `g`/`G`, the timeline's width, dates."""

from __future__ import annotations

import json

from boletin_tui.store import AnnotationStore
from boletin_tui.store.mergefile import read_database
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.timeline import Timeline

SIZE = (140, 40)


def read_marks(db_path) -> set[tuple[str, str]]:
    data = read_database(db_path)[1]  # the file and its pending journal
    return {(d["key"], d["annotator"]) for d in data.get("reads", {}).values()}


def status(app) -> str:
    return str(app.query_one("#timeline-status").render())


async def test_dates_read_as_day_and_month_with_the_year_in_the_heading(make, h):
    async with make().run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        text = h.screen_text(pilot.app)
        assert " 2 jun " in text and "18 may " in text and " 9 nov " in text
        assert "junio 2023" in text and "2022" in text


async def test_a_bulletin_shown_for_a_moment_becomes_read(make, db_path, h):
    app = make()
    app.read_delay = 0.05
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        await h.settle(pilot)
        assert read_marks(db_path) == {("210/2023", "pruebas")}
        assert "3 sin leer" in status(app)
        assert app.workspace.reads.is_read("210/2023")


async def test_moving_on_quickly_leaves_a_bulletin_unread(make, db_path, h):
    app = make()
    app.read_delay = 30
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("j", "j")
        await h.settle(pilot)
        assert not db_path.exists() or read_marks(db_path) == set()
        assert "4 sin leer" in status(app)


async def test_r_toggles_and_R_marks_all_shown_and_the_filter_reads_them(make, db_path, h):
    app = make()
    app.read_delay = 30
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("r")
        await h.settle(pilot)
        assert read_marks(db_path) == {("210/2023", "pruebas")}
        await pilot.press("r")
        await h.settle(pilot)
        assert read_marks(db_path) == set()
        await pilot.press("slash", *"faro", "enter")  # the three dated ones mention "faro"
        await h.settle(pilot)
        shown = app.query_one(Timeline).shown_keys
        await pilot.press("R")
        await h.settle(pilot)
        assert read_marks(db_path) == {(k, "pruebas") for k in shown}
        assert "todo leído" in status(app)
        await pilot.press("slash", "ctrl+u", *"leído:no")
        await h.settle(pilot)
        assert set(app.query_one(Timeline).shown_keys) == {
            "210/2023",
            "188/2023",
            "530/2022",
            app.workspace.keys[-1],
        } - set(shown)
        await pilot.press("ctrl+u", *"leido:sí")
        await h.settle(pilot)
        assert app.query_one(Timeline).shown_keys == shown


async def test_read_marks_are_per_annotator_and_kept_across_launches(make, db_path, h):
    with AnnotationStore(db_path, "otra") as store:
        store.mark_read(["188/2023"], "otra")
    app = make()
    app.read_delay = 30
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        assert "4 sin leer" in status(app)  # another annotator's marks are not ours
        await pilot.press("r")
        await h.settle(pilot)
    app = make()
    app.read_delay = 30
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        assert "3 sin leer" in status(app)
    data = read_database(db_path)[1]  # the file and its pending journal
    assert not data.get("annotations")  # marks are not annotations


async def test_jump_to_a_month_a_year_and_a_number(make, h):
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        for typed, key in (
            ("noviembre 2022", "530/2022"),
            ("2023-05", "188/2023"),
            ("210/2023", "210/2023"),
            ("2022", "530/2022"),
            ("mayo de 2023", "188/2023"),
        ):
            await pilot.press("colon", *typed, "enter")
            await h.settle(pilot)
            assert timeline.current_key == key, typed
            assert app.query_one(Reader).bulletin.key == key
        await pilot.press("colon", *"mañana", "enter")
        await h.settle(pilot)
        assert timeline.current_key == "188/2023"  # nothing moved
        await pilot.press("colon", "escape")
        assert timeline.current_key == "188/2023"
        assert any("Escribe una fecha" in n.message for n in shown)


async def test_g_and_G_go_to_the_first_and_last(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        await pilot.press("G")
        assert timeline.current_key == app.workspace.keys[-1]
        await pilot.press("g")
        assert timeline.current_key == "210/2023"


async def test_clearing_a_filter_keeps_the_current_bulletin(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("slash", *"guardianes", "enter")
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        assert timeline.current_key == "188/2023"
        await pilot.press("escape")
        await h.settle(pilot)
        assert timeline.shown_count == 4 and timeline.current_key == "188/2023"


async def test_the_timeline_width_changes_and_is_remembered(make, tmp_path, h):
    app = make()
    shown = h.notifications()  # a width remembered says nothing (it once toasted `True`)
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        pane = app.query_one("#timeline-pane")
        before = pane.outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await h.settle(pilot)
        wider = pane.outer_size.width
        assert wider == before + 8
        await pilot.press("less_than_sign")
        await h.settle(pilot)
        assert pane.outer_size.width == before + 4
    assert not [n for n in shown if n.severity == "warning"]
    state = json.loads((tmp_path / "state" / "ui-state.json").read_text(encoding="utf-8"))
    assert [v["timeline_width"] for v in state.values()] == [before + 4]
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        assert app.query_one("#timeline-pane").outer_size.width == before + 4


async def test_the_current_rows_title_takes_two_lines_when_it_does_not_fit(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        for _ in range(4):  # a wide timeline: two lines hold the whole title
            await pilot.press("greater_than_sign")
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        lines = h.screen_text(app).splitlines()
        title = "Inaugura el Instituto Nacional de Faros un museo de lámparas antiguas"
        at = next(i for i, line in enumerate(lines) if "210/2023" in line and "Inaugura" in line)
        column = lines[at].index("Inaugura")
        width = timeline.content_region.right - column
        first = lines[at][column : column + width].strip()
        second = lines[at + 1][column : column + width].strip()
        assert len(first) < len(title) and f"{first} {second}" == title
        assert lines[at + 2].startswith(" mayo 2023")  # the next heading follows
        await pilot.press("j")  # the previous row is back to one line, cut
        lines = h.screen_text(app).splitlines()
        assert "…" in lines[at] and lines[at + 1].startswith(" mayo 2023")
        assert "188/2023" in lines[at + 2] and "península" in lines[at + 3]
