"""Fixtures for the interface tests: an isolated database and cache, and a small corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(autouse=True)
def ui_state(tmp_path, monkeypatch):
    """The database and the parse cache live in this test's tmp_path."""
    monkeypatch.setenv("BOLETIN_TUI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BOLETIN_TUI_DB", str(tmp_path / "db.json"))
    monkeypatch.setenv("BOLETIN_TUI_ANNOTATOR", "pruebas")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "db.json"


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    """A copy of the four fictional bulletins (three dated, one undated)."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURES, target)
    return target


@pytest.fixture
def make(corpus_dir, db_path, tmp_path):
    """`make()` builds the app on the fixture corpus and the test database."""
    from boletin_tui.tui import make_app

    def build(paths=None, db=None):
        return make_app(
            [corpus_dir] if paths is None else paths, db or db_path, cache_dir=tmp_path / "cache"
        )

    return build


class Helpers:
    """Helpers for the tests (a fixture: test modules cannot import conftest)."""

    @staticmethod
    def stored(db_path: Path) -> dict[str, dict]:
        return stored(db_path)

    @staticmethod
    async def settle(pilot) -> None:
        await settle(pilot)

    @staticmethod
    def screen_text(app) -> str:
        return screen_text(app)


@pytest.fixture
def h() -> type[Helpers]:
    return Helpers


def stored(db_path: Path) -> dict[str, dict]:
    """The annotation records in the database file, by bulletin key."""
    data = json.loads(db_path.read_text(encoding="utf-8"))
    return {record["key"]: record for record in data["annotations"].values()}


async def settle(pilot) -> None:
    """Wait for the loading, indexing and writing workers, and the messages they post."""
    from textual.worker import WorkerFailed

    for _ in range(3):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerFailed:
            pass  # the app reports it (tests assert on what it shows)
        await pilot.pause()


def screen_text(app) -> str:
    """Everything the screen shows, as plain text."""
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in app.screen._compositor.render_strips()
    )
