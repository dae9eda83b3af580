"""A warm launch: what the corpus database holds is listed first, the files' changes after.

The sync with the files is held back on an event, so the tests see the app exactly as a user
does in the fraction of a second between the two at 10,000 bulletins.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import pytest

from boletin_tui.corpus import Bulletin, load_corpus
from boletin_tui.tui import loading
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.timeline import Timeline

SIZE = (120, 36)
NEW_BULLETIN = (
    "Mérida, Yucatán, 4 de julio de 2023.\nNo. 222/2023\n\n"
    "Abre el Museo de la Costa una sala dedicada a los pescadores\n\n"
    "La directora del museo, Elena Cámara Pech, explicó que la sala reúne 140 piezas "
    "donadas por familias de la región y que la entrada será gratuita durante julio.\n"
    "Añadió que las visitas guiadas se ofrecerán de martes a domingo.\n"
)


async def ready(event: asyncio.Event) -> None:
    """Wait for one of the app's readiness events (`listed`, `texts_loaded`, `index_built`)."""
    await asyncio.wait_for(event.wait(), 30)


async def until(pilot, condition, limit: float = 30.0) -> None:
    for _ in range(int(limit / 0.01)):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("the app did not get there in time")


@pytest.fixture
def held_load(monkeypatch, corpus_dir, tmp_path):
    """An earlier launch filled the cache; this launch's sync with the files waits for
    `release`."""
    load_corpus([corpus_dir], cache_dir=tmp_path / "cache")
    release = threading.Event()
    before_full_load: list[Callable[[], object]] = []
    real = loading.sync_corpus

    def held(*args, **kwargs):
        if not release.wait(60):
            raise TimeoutError("the test never released the load")
        for step in before_full_load:
            step()
        return real(*args, **kwargs)

    monkeypatch.setattr(loading, "sync_corpus", held)
    return release, before_full_load


async def test_outline_first_then_texts_without_losing_the_place(make, db_path, h, held_load):
    release, _ = held_load
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app.listed)
        reader, timeline = app.query_one(Reader), app.query_one(Timeline)
        assert not app.workspace.loaded and not app.index_built.is_set()
        assert timeline.shown_keys[:3] == ["210/2023", "188/2023", "530/2022"]
        assert "4 boletines" in h.screen_text(app)
        # The bulletin on screen is the full one, read from the database.
        assert isinstance(reader.bulletin, Bulletin) and reader.bulletin.key == "210/2023"
        assert reader.bulletin.paragraphs

        await pilot.press("j")
        assert reader.bulletin.key == "188/2023"
        assert "Capacita el Instituto Nacional de Faros" in h.screen_text(app)
        await pilot.press("t", *"faros", "enter")
        await until(pilot, lambda: db_path.exists() and "188/2023" in h.stored(db_path))
        assert h.stored(db_path)["188/2023"]["tags"] == ["faros"]

        # Search runs at once over what the database holds, with the tag just added.
        await pilot.press("slash", "#", *"faros")
        await pilot.pause()
        assert timeline.shown_keys == ["188/2023"] and "1 de 4 boletines" in h.screen_text(app)

        release.set()
        await ready(app.index_built)
        assert app.workspace.loaded
        assert timeline.current_key == "188/2023" and reader.bulletin.key == "188/2023"
        # The query typed while the files were being checked still applies.
        assert timeline.shown_keys == ["188/2023"]


async def test_a_file_added_meanwhile_shows_when_the_texts_arrive(make, corpus_dir, h, held_load):
    release, before_full_load = held_load
    before_full_load.append(
        lambda: (corpus_dir / "2023-07-04_222.txt").write_text(NEW_BULLETIN, encoding="utf-8")
    )
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app.listed)
        timeline = app.query_one(Timeline)
        assert "222/2023" not in timeline.shown_keys
        release.set()
        await ready(app.texts_loaded)
        await h.settle(pilot)
        assert timeline.shown_keys[0] == "222/2023"
        assert "5 boletines" in h.screen_text(app)
        assert "Abre el Museo de la" in h.screen_text(app)  # its row in the timeline
        # The place is kept: the bulletin being read stays current.
        assert timeline.current_key == "210/2023"
        assert app.query_one(Reader).bulletin.key == "210/2023"


async def test_a_file_deleted_while_launching_goes_once_checked(make, corpus_dir, h, held_load):
    release, _ = held_load
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app.listed)
        (corpus_dir / "2023-05-18_188.txt").unlink()  # deleted while the app starts
        await pilot.press("j")
        reader, timeline = app.query_one(Reader), app.query_one(Timeline)
        assert timeline.current_key == "188/2023"
        assert reader.bulletin.key == "188/2023"  # what the database held a moment ago
        release.set()
        await ready(app.texts_loaded)
        await h.settle(pilot)
        assert "188/2023" not in timeline.shown_keys
        assert "3 boletines" in h.screen_text(app)
        # The place moves to a bulletin still there, and the pane shows it, not the gone one.
        assert timeline.current_key in timeline.shown_keys
        assert reader.bulletin.key == timeline.current_key


async def test_a_file_added_since_the_last_launch_shows_when_the_texts_arrive(
    make, corpus_dir, h, held_load
):
    # The outline is shown unverified (no walk, no `stat`s on the way to the first list):
    # what the last launch saw, corrected by the full load a moment later.
    release, _ = held_load
    (corpus_dir / "2023-07-04_222.txt").write_text(NEW_BULLETIN, encoding="utf-8")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app.listed)
        timeline = app.query_one(Timeline)
        assert "222/2023" not in timeline.shown_keys and "4 boletines" in h.screen_text(app)
        release.set()
        await ready(app.texts_loaded)
        await h.settle(pilot)
        assert timeline.shown_keys[0] == "222/2023" and "5 boletines" in h.screen_text(app)
        assert timeline.current_key == "210/2023"


async def test_a_file_changed_since_the_last_launch_shows_its_new_text(
    make, corpus_dir, h, held_load
):
    release, _ = held_load
    path = corpus_dir / "2023-06-02_210.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("340 piezas", "355 piezas"), encoding="utf-8")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app.listed)
        reader = app.query_one(Reader)
        assert reader.bulletin.key == "210/2023"
        assert "340 piezas" in h.screen_text(app)  # what the database held
        release.set()
        await ready(app.texts_loaded)
        await h.settle(pilot)
        assert reader.bulletin.key == "210/2023" and "355 piezas" in h.screen_text(app)
        assert "340 piezas" not in h.screen_text(app)


async def test_a_cold_launch_lists_each_committed_batch_before_the_end(
    make, corpus_dir, h, monkeypatch
):
    # Batches of 2 files: the list shows the first two while the rest are still being read.
    from boletin_tui.corpusdb import sync as sync_module

    monkeypatch.setattr(sync_module, "BATCH", 2)
    monkeypatch.setattr(loading, "REFRESH_FROM", 0)
    monkeypatch.setattr(loading, "REFRESH_EVERY", 0.0)
    release = threading.Event()
    real = loading.sync_corpus

    def held(db, progress):
        def step(done: int, total: int) -> None:
            progress(done, total)
            if 0 < done < total and not release.wait(60):
                raise TimeoutError("the test never released the sync")

        return real(db, step)

    monkeypatch.setattr(loading, "sync_corpus", held)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app.listed)
        timeline = app.query_one(Timeline)
        # A cold launch may first list the empty database; the first batch follows (the sync
        # is held after it, so the list stops at two).
        for _ in range(400):
            if timeline.shown_keys:
                break
            await pilot.pause(0.05)
        # Not `h.settle`: it waits for every worker to end, the held sync among them (it
        # then timed out and failed, and the test saw the app after the error).
        await pilot.pause()
        assert not app.texts_loaded.is_set() and len(timeline.shown_keys) == 2
        assert "2 boletines" in h.screen_text(app)
        first = timeline.current_key
        release.set()
        await ready(app.texts_loaded)
        await h.settle(pilot)
        assert len(timeline.shown_keys) == 4 and "4 boletines" in h.screen_text(app)
        assert timeline.current_key == first  # the place is kept
