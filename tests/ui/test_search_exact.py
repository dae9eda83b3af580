"""A tag search lists exactly the bulletins with that tag, and clearing a search keeps the
place: through `run_test`, on public state (the timeline's rows, the reader, the database)."""

from __future__ import annotations

from boletin_tui.tui.timeline import Timeline

SIZE = (140, 40)


async def _tag(pilot, h, key: str, tag: str) -> None:
    pilot.app.query_one(Timeline).select(key)
    await pilot.pause()
    await pilot.press("t", *tag, "enter")
    await h.settle(pilot)


async def test_tag_every_bulletin_of_a_tag_search_leaves_longer_tags_alone(make, db_path, h):
    """`#salud` as the last term (being typed) is the tag `salud`, not `salud mental`: `T`
    removes `salud` from the one bulletin that has it and touches no other."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await _tag(pilot, h, "210/2023", "Salud")
        await _tag(pilot, h, "188/2023", "salud mental")
        await _tag(pilot, h, "530/2022", "saludable")
        timeline = app.query_one(Timeline)
        await pilot.press("slash", *"#salud")
        await h.settle(pilot)
        assert timeline.shown_keys == ["210/2023"]
        await pilot.press("enter")
        await h.settle(pilot)
        assert timeline.shown_keys == ["210/2023"]
        await pilot.press("T", *"-salud", "enter")
        assert "¿Quitar la etiqueta «salud» de 1 boletín mostrado?" in h.screen_text(app)
        await pilot.press("enter")
        await h.settle(pilot)
        stored = h.stored(db_path)
        assert stored["188/2023"]["tags"] == ["salud mental"]
        assert stored["530/2022"]["tags"] == ["saludable"]
        assert "210/2023" not in stored
