"""Tags typed in the tag field and not confirmed with `enter` are never dropped unless the
user says so with `escape`: quitting saves them as `enter` would, the field keeps them when
the bulletin shown changes or `t` is pressed again, and `enter` with no bulletin keeps them.
(Signals and hangups: test_hangup.py.)"""

from __future__ import annotations

from boletin_tui.tui.tag_input import TagInput
from boletin_tui.tui.timeline import Timeline

SIZE = (120, 36)


async def test_quitting_with_ctrl_q_saves_the_tags_typed(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("t", *"sin enter, otra", "ctrl+q")
        await h.settle(pilot)
    assert not app.is_running
    assert h.stored(db_path)["210/2023"]["tags"] == ["sin enter", "otra"]


async def test_the_field_keeps_its_text_when_the_bulletin_changes(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        field = app.query_one(TagInput)
        await pilot.press("t", *"a medias")
        app.query_one(Timeline).focus()  # a click on the list: the field stays open
        await pilot.press("j")
        await h.settle(pilot)
        assert field.display and field.value == "a medias"
        await pilot.press("t")  # open again: the text is still there, to finish
        assert app.focused is field and field.value == "a medias"
        await pilot.press(*" hoy", "enter")
        await h.settle(pilot)
        # The tags go to the bulletin shown when enter came (the field follows the panel).
        assert h.stored(db_path)["188/2023"]["tags"] == ["a medias hoy"]
        assert "210/2023" not in h.stored(db_path)


async def test_enter_with_no_bulletin_shown_keeps_the_tags(make, db_path, h):
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        field = app.query_one(TagInput)
        await pilot.press("t", *"huérfana")
        app.query_one(Timeline).focus()
        app.run_query("zzqqxxnada")  # nothing matches: no bulletin shown
        await h.settle(pilot)
        assert field.key is None
        field.focus()
        await pilot.press("enter")
        await h.settle(pilot)
        assert field.display and field.value == "huérfana"
        assert any("ningún boletín mostrado" in n.message for n in shown)
        await pilot.press("ctrl+q")
        await h.settle(pilot)
    assert not app.is_running
    assert not db_path.exists() or not h.stored(db_path)
    # Quitting took them from the field: the command prints them on standard error.
    assert [w.tags for w in app.unsaved_at_exit] == [("huérfana",)]


async def test_escape_drops_the_tags_typed(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("t", *"descartada", "escape")
        await h.settle(pilot)
        assert not app.query_one(TagInput).display
        await pilot.press("t")
        assert app.query_one(TagInput).value == ""
        await pilot.press("ctrl+q")
        await h.settle(pilot)
    assert not db_path.exists() or "210/2023" not in h.stored(db_path)
