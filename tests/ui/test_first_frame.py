"""The first bulletin is drawn before the recogniser is imported (issue 11: a tenth of a second
of every launch); its entities follow in the next frame. In this test process the recogniser
is already imported, so `recogniser_loaded` is made to answer as in a fresh one."""

from __future__ import annotations

import pytest

import boletin_tui.tui.app as app_module
from boletin_tui.tui.entity_summary import EntitySummary
from boletin_tui.tui.reader import Reader

SIZE = (120, 36)


@pytest.fixture
def fresh_process(monkeypatch):
    monkeypatch.setattr(app_module, "recogniser_loaded", lambda: False)


def labels(app) -> list[str]:
    return [e.label for e in app.query_one(EntitySummary).entries_shown]


async def test_entities_follow_the_first_frame_and_every_move(make, h, fresh_process):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        first = app.query_one(Reader).bulletin
        assert first is not None
        assert "más de 5,000 visitantes" in labels(app)
        await pilot.press("j")
        await h.settle(pilot)
        assert app.query_one(Reader).bulletin is not first
        assert labels(app) and "más de 5,000 visitantes" not in labels(app)


async def test_a_recogniser_failure_after_the_first_frame_is_said(
    make, h, fresh_process, monkeypatch
):
    def broken(bulletin):
        raise RuntimeError("roto")

    monkeypatch.setattr(app_module, "mentions_for", broken)
    notes = h.notifications()
    app = make()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await h.settle(pilot)
        assert app.query_one(Reader).bulletin is not None  # the text is shown all the same
        assert labels(app) == []
        assert any("No se pudieron marcar las entidades: roto" in str(n.message) for n in notes)
