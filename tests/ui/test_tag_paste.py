"""A paste of several lines into a tag field keeps every line, as tags (uxfix #5): Textual's
`Input` kept only the first line and dropped the rest without a word."""

from __future__ import annotations

from textual import events

from boletin_tui.tui.passage_dialog import PassageDialog
from boletin_tui.tui.tag_input import TagInput, paste_tags, split_tags

SIZE = (140, 40)
PASTED = "salud\nvacunas\r\n\n  verificar  \n"


def test_line_breaks_separate_tags():
    assert paste_tags(PASTED) == "salud, vacunas, verificar"
    assert paste_tags(" una sola ") == " una sola "
    assert split_tags("salud\nvacunas, dos  palabras\n") == ["salud", "vacunas", "dos palabras"]


async def test_a_multi_line_paste_into_the_tag_field_adds_every_line(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("t", *"previa, ")
        field = app.query_one(TagInput)
        assert app.focused is field
        field.post_message(events.Paste(PASTED))
        await pilot.pause()
        assert field.value == "previa, salud, vacunas, verificar"
        await pilot.press("enter")
        await h.settle(pilot)
    assert h.stored(db_path)["210/2023"]["tags"] == ["previa", "salud", "vacunas", "verificar"]


async def test_a_multi_line_paste_into_the_passage_tags_adds_every_line(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("p", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PassageDialog)
        app.focused.post_message(events.Paste(PASTED))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await h.settle(pilot)
    [passage] = h.stored(db_path)["210/2023"]["passages"]
    assert passage["tags"] == ["salud", "vacunas", "verificar"]
