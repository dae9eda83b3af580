"""Fixtures shared by every test: an isolated cache and database, and the seeds folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's cache or an annotations/ folder in the repo."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("BOLETIN_TUI_CACHE_DIR", str(state / "cache"))
    monkeypatch.setenv("BOLETIN_TUI_DB", str(state / "annotations.json"))
    monkeypatch.setenv("BOLETIN_TUI_ANNOTATOR", "pruebas")
    monkeypatch.setenv("BOLETIN_TUI_CONFIG", str(state / "config.toml"))  # absent
    monkeypatch.setenv("BOLETIN_TUI_STATE_DIR", str(state / "ui-state"))  # ui_state.py


@pytest.fixture
def seeds() -> Path:
    """The real bulletins beside the project; tests using them skip on a user's fresh clone."""
    if not (SEEDS / "expected.json").is_file():
        pytest.skip(f"../shared/seeds is absent ({SEEDS}): real-bulletin tests need it")
    return SEEDS
