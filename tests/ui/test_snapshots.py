"""SVG snapshots of the main screen on the fixed fictional corpus (tests/ui/fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture
def app(tmp_path):
    from boletin_tui.tui import make_app

    made = make_app([FIXTURES], tmp_path / "db.json", "pruebas", use_cache=False)
    made.read_delay = 3600  # no bulletin turns read while the snapshot is taken
    return made


async def _loaded(pilot) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def test_main_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=(120, 36), run_before=_loaded)


def test_main_screen_light_second_bulletin_people_hidden(app, snap_compare):
    async def before(pilot) -> None:
        await _loaded(pilot)
        pilot.app.theme = "textual-light"
        await pilot.press("j", "1")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 36), run_before=before)


def test_search_small_terminal(app, snap_compare):
    async def before(pilot) -> None:
        await _loaded(pilot)
        await pilot.press("slash", *"faro")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=before)
