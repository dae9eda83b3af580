"""A passage's tags and note find its bulletin in the app's search, until it is deleted."""

from __future__ import annotations

from boletin_tui.tui.passage_list import PassageList
from boletin_tui.tui.timeline import Timeline

SIZE = (140, 40)


async def search(pilot, h, query: str) -> list[str]:
    """The keys listed for `query` typed in the search bar (then the filter is cleared)."""
    timeline = pilot.app.query_one(Timeline)
    await pilot.press("slash", *query, "enter")
    await h.settle(pilot)
    shown = list(timeline.shown_keys)
    await pilot.press("escape")
    await h.settle(pilot)
    return shown


async def test_tag_a_passage_search_for_it_then_delete_it(make, db_path, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        key = app.query_one(Timeline).shown_keys[0]
        assert await search(pilot, h, "#verificar") == []
        await pilot.press("p", "enter")  # the first sentence, as a passage
        await pilot.press(*"verificar", "enter", *"zarzaparrilla dudosa", "ctrl+s")
        await h.settle(pilot)
        assert h.stored(db_path)[key]["tags"] == []  # on the passage, not the bulletin
        assert await search(pilot, h, "#verificar") == [key]
        assert await search(pilot, h, "zarzaparrilla") == [key]
        assert await search(pilot, h, "anotado:sí") == [key]

        app.query_one(PassageList).focus()
        await pilot.pause()
        await pilot.press("x", "s")  # delete it (yes)
        await h.settle(pilot)
        assert key not in h.stored(db_path)
        assert await search(pilot, h, "#verificar") == []
        assert await search(pilot, h, "zarzaparrilla") == []
        assert await search(pilot, h, "anotado:sí") == []
