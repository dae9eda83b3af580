"""The footer (`KeyBar`, issue 11): the keys that apply now, on one line; a click presses one."""

from __future__ import annotations

from boletin_tui.tui.key_bar import KeyBar
from boletin_tui.tui.search_bar import SearchBar
from boletin_tui.tui.timeline import Timeline


def footer(app) -> str:
    return "".join(s.text for s in app.query_one(KeyBar).render_line(0))


async def test_the_footer_follows_the_keys_that_apply(make, h):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        await h.settle(pilot)
        line = footer(app)
        assert " t Etiquetar " in line and " / Buscar " in line and " q Salir " in line
        assert line.rstrip().endswith("^p Paleta") and len(line) == 120
        assert "Borrar búsqueda" not in line
        await pilot.press("slash", *"museo")
        await pilot.pause()
        assert "esc Borrar búsqueda" in footer(app)  # the search field's keys
        assert "Etiquetar" not in footer(app)
        await pilot.press("enter")  # back to the list, the search still in force
        await pilot.pause()
        line = footer(app)
        assert "esc Borrar búsqueda" in line and " t Etiquetar " in line
        assert "esc Borrar búsqueda" in h.screen_text(app).splitlines()[-1]


async def test_a_narrow_footer_drops_whole_keys_but_keeps_help_and_the_palette(make, h):
    app = make()
    async with app.run_test(size=(60, 24)) as pilot:
        await h.settle(pilot)
        line = footer(app)
        assert len(line) == 60 and line.rstrip().endswith("^p Paleta")
        assert " ? Ayuda " in line  # the key that lists every other
        words = [k.label for k in app.query_one(KeyBar).keys if k.label != "Ayuda"]
        shown = [w for w in words if f" {w} " in line]
        assert shown == words[: len(shown)] and 0 < len(shown) < len(words)


async def test_clicking_a_key_presses_it(make, h):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        await h.settle(pilot)
        x = footer(app).index(" / Buscar")
        assert await pilot.click(KeyBar, offset=(x + 2, 0))
        await pilot.pause()
        assert isinstance(app.focused, SearchBar)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, Timeline)
