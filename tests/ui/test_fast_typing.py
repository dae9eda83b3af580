"""Keys typed faster than the app handles them still act in order (as in a real terminal,
where `t salud enter j a xyz` arrives in one burst)."""

from __future__ import annotations

from textual import events

from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.timeline import Timeline

SIZE = (120, 36)
KEY_NAMES = {"\r": "enter", "\x1b": "escape", "/": "slash", " ": "space"}


def burst(app, text: str) -> None:
    """Post every key at once, without waiting for the app between them."""
    for ch in text:
        app.post_message(events.Key(KEY_NAMES.get(ch, ch), ch))


async def test_tag_then_move_then_note_in_one_burst(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        burst(app, "tsalud\rjaxyz")
        await h.settle(pilot)
        assert app.focused is app.query_one(NoteEditor)
        assert app.query_one(NoteEditor).text == "xyz"
        await pilot.press("ctrl+s")
        await h.settle(pilot)
    records = h.stored(db_path)
    assert records["210/2023"]["tags"] == ["salud"]
    assert records["188/2023"]["note"] == "xyz"


async def test_leaving_the_note_then_moving_in_one_burst(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        burst(app, "auno\x1bjjt")
        await h.settle(pilot)
        burst(app, "dos\r")
        await h.settle(pilot)
        assert app.query_one(Timeline).current_key == "530/2022"
    records = h.stored(db_path)
    assert records["210/2023"]["note"] == "uno"
    assert records["530/2022"]["tags"] == ["dos"]


async def test_search_enter_then_move_in_one_burst(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        burst(app, "/inaf\rj")
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        assert app.query_one("#search").value == "inaf"
        assert app.focused is timeline
        assert timeline.current_key == timeline.shown_keys[1]
