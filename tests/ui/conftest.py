"""Fixtures for the interface tests: an isolated database and cache, and a small corpus."""

from __future__ import annotations

import contextlib
import html
import re
import shutil
from pathlib import Path

import pytest

from boletin_tui.store.mergefile import read_database

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(autouse=True)
def ui_state(tmp_path, monkeypatch):
    """The database and the parse cache live in this test's tmp_path."""
    monkeypatch.setenv("BOLETIN_TUI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BOLETIN_TUI_DB", str(tmp_path / "db.json"))
    monkeypatch.setenv("BOLETIN_TUI_ANNOTATOR", "pruebas")
    monkeypatch.setenv("BOLETIN_TUI_STATE_DIR", str(tmp_path / "state"))  # ui-state.json
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

    @staticmethod
    def notifications() -> Notifications:
        return Notifications()


@pytest.fixture
def h() -> type[Helpers]:
    return Helpers


def stored(db_path: Path) -> dict[str, dict]:
    """The annotation records in the database, by bulletin key, as another process reads
    them (the file and its pending journal)."""
    data = read_database(db_path)[1]
    return {record["key"]: record for record in data.get("annotations", {}).values()}


async def settle(pilot) -> None:
    """Wait for the loading, indexing and writing workers, and the messages they post."""
    from textual.worker import WorkerFailed

    for _ in range(3):
        # A failed worker is reported by the app (tests assert on what it shows).
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


_SVG_TEXT = re.compile(r"<text ([^>]*)>(.*?)</text>", re.S)
_SVG_ATTR = re.compile(r'(x|textLength|clip-path)="([^"]*)"')


def screen_text(app) -> str:
    """Everything the screen shows, as plain text: read back from the public screenshot
    (`App.export_screenshot`), each run of text placed at its cell."""
    width, height = app.size
    grid = [[" "] * width for _ in range(height)]
    for attrs, body in _SVG_TEXT.findall(app.export_screenshot()):
        found = dict(_SVG_ATTR.findall(attrs))
        line = re.search(r"-line-(\d+)\)", found.get("clip-path", ""))
        text = html.unescape(re.sub(r"<[^>]+>", "", body)).replace("\xa0", " ")
        if not line or not text:
            continue
        cell = float(found["textLength"]) / len(text)
        column, row = round(float(found["x"]) / cell), int(line.group(1))
        for i, char in enumerate(text[: max(0, width - column)]):
            if row < height:
                grid[row][column + i] = char
    return "\n".join("".join(row) for row in grid)


class Notifications(list):
    """The notifications an app showed, as `Notification`s: pass `hook` to
    `run_test(message_hook=...)`."""

    def hook(self, message) -> None:
        from textual.notifications import Notify

        if isinstance(message, Notify):
            self.append(message.notification)
