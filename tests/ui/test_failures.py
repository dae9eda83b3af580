"""A failing worker never leaves the app silently stuck: the user is told what happened."""

from __future__ import annotations

from boletin_tui.tui import loading
from boletin_tui.tui.reader import Reader

SIZE = (120, 36)


async def test_a_corpus_that_cannot_load_is_reported(make, h, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disco desconectado")

    monkeypatch.setattr(loading, "load_corpus", broken)
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        errors = [n for n in shown if n.severity == "error"]
        assert errors and "disco desconectado" in errors[0].message
        assert "No se pudieron cargar los boletines" in errors[0].message
        text = h.screen_text(app)
        assert "No se pudieron cargar los boletines." in text
        assert "Cargando boletines…" not in text
        assert app.query_one(Reader).bulletin is None
        assert app.workspace.load_error and "OSError" in app.workspace.load_error
        await pilot.press("q")  # still responsive
    assert not app.is_running


async def test_a_search_index_that_cannot_build_is_reported(make, h, monkeypatch):
    def broken(bulletins, cache_dir=None, use_cache=True):
        raise MemoryError

    monkeypatch.setattr(loading, "load_or_build", broken)
    app = make()
    shown = h.notifications()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown.hook) as pilot:
        await h.settle(pilot)
        assert any(
            "La búsqueda no está disponible" in n.message and n.severity == "error" for n in shown
        )
        status = str(app.query_one("#timeline-status").render())
        assert status.startswith("4 boletines · ") and status.endswith("· búsqueda no disponible")
        await pilot.press("slash", *"faro")
        assert "Búsqueda no disponible." in h.screen_text(app)
        assert app.query_one(Reader).bulletin is not None  # reading still works
