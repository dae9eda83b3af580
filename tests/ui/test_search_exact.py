"""A tag search lists exactly the bulletins with that tag, and clearing a search keeps the
place: through `run_test`, on public state (the timeline's rows, the reader, the database)."""

from __future__ import annotations

from boletin_tui.tui.reader import Reader
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


def _place(app) -> tuple[str | None, str | None]:
    """The bulletin current in the timeline, and the one the reader shows."""
    bulletin = app.query_one(Reader).bulletin
    return app.query_one(Timeline).current_key, bulletin.key if bulletin else None


async def test_clearing_a_search_with_no_results_returns_to_the_bulletin_before_it(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("colon", *"530/2022", "enter")
        await h.settle(pilot)
        assert _place(app) == ("530/2022", "530/2022")
        await pilot.press("slash", *"qq")
        await h.settle(pilot)
        assert app.query_one(Timeline).shown_keys == []
        await pilot.press("escape")
        await h.settle(pilot)
        assert _place(app) == ("530/2022", "530/2022")
        # typed on through results that did not list it, to none: still the place before
        await pilot.press("colon", *"188/2023", "enter", "slash", *"veracruzqq", "escape")
        await h.settle(pilot)
        assert _place(app) == ("188/2023", "188/2023")
        # the same search left with `enter`, then cleared from the list
        await pilot.press("slash", *"zzqq", "enter")
        await h.settle(pilot)
        await pilot.press("escape")
        await h.settle(pilot)
        assert _place(app) == ("188/2023", "188/2023")


async def test_clearing_a_search_keeps_the_bulletin_moved_to_among_its_results(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        await pilot.press("colon", *"188/2023", "enter", "slash", *"veracruz", "enter")
        await h.settle(pilot)
        assert timeline.shown_keys == ["210/2023", "530/2022"]
        assert _place(app) == ("210/2023", "210/2023")
        await pilot.press("j")  # the user moves to the second result
        await h.settle(pilot)
        await pilot.press("slash", *"qq")  # the query, typed on: no results
        await h.settle(pilot)
        assert timeline.shown_keys == []
        await pilot.press("escape")
        await h.settle(pilot)
        assert _place(app) == ("530/2022", "530/2022")
        # with results, clearing keeps the bulletin shown (the README's rule)
        await pilot.press("slash", *"museo", "enter")
        await h.settle(pilot)
        assert _place(app) == ("210/2023", "210/2023")
        await pilot.press("escape")
        await h.settle(pilot)
        assert timeline.shown_count == 4
        assert _place(app) == ("210/2023", "210/2023")
