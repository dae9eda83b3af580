"""`ctrl+c` in a text field names a key that quits from there (uxfix #1): following the old
hint (`q`) typed a `q` into the note."""

from __future__ import annotations

import pytest

SIZE = (120, 36)


@pytest.mark.parametrize("opener", ["a", "t"])
async def test_ctrl_c_in_a_text_field_names_ctrl_q_and_it_quits_saving(opener, make, db_path, h):
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        await pilot.press(opener, *"salud", "ctrl+c")
        await pilot.pause()
        assert [n.title for n in shown] == ["¿Quieres salir?"]
        assert "ctrl+q" in shown[0].message and "pulsa q" not in shown[0].message
        await pilot.press("ctrl+q")
        await h.settle(pilot)
    assert not app.is_running
    record = h.stored(db_path)["210/2023"]
    assert (record.get("note") if opener == "a" else record["tags"]) in ("salud", ["salud"])


async def test_ctrl_c_in_the_list_still_names_q(make, h):
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert shown[0].message.startswith("Para salir, pulsa q")


async def test_ctrl_c_in_the_passage_dialog_names_ctrl_q(make, db_path, h):
    app = make()
    shown = h.notifications()
    async with app.run_test(size=(140, 40), notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        await pilot.press("p", "enter", *"dudoso", "ctrl+c")
        await pilot.pause()
        assert shown[0].message == "Para salir desde aquí, pulsa ctrl+q."
        await pilot.press("ctrl+q")
        await h.settle(pilot)
    assert not app.is_running
    [passage] = h.stored(db_path)["210/2023"]["passages"]
    assert passage["tags"] == ["dudoso"]
