"""Issue 15 (reader2) in a real terminal: open an entity and filter by it, copy the citation
(the OSC 52 sequence must reach tmux's paste buffer), quit, relaunch to the same bulletin.

Runs on a private tmux server (`tmux -L ...`) with `set-clipboard on`."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.tmux

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
EXE = Path(sys.executable).with_name("boletin-tui")
STEP_TIMEOUT = 30.0
CITATION = (
    "IMSS, Boletín 210/2023, 2 de junio de 2023, "
    "«Inaugura el Instituto Nacional de Faros un museo de lámparas antiguas»"
)


@pytest.fixture
def tmux(tmp_path):
    """`tmux(*args)` on a private server, killed at the end."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed: the real-terminal test needs it")
    if not EXE.exists():
        pytest.skip(f"the boletin-tui executable is not next to {sys.executable}")
    server = f"reader2-{uuid.uuid4().hex[:8]}"

    def run(*args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", server, *args], check=check, capture_output=True, text=True
        )
        return done.stdout

    yield run
    run("kill-server", check=False)


def _launch(tmux, tmp_path: Path, *paths: Path) -> str:
    name = f"s{uuid.uuid4().hex[:6]}"
    command = (
        f"cd {tmp_path} && unset COLUMNS LINES && "
        f"BOLETIN_TUI_CACHE_DIR={tmp_path / 'cache'} BOLETIN_TUI_ANNOTATOR=tmux "
        f"BOLETIN_TUI_CONFIG={tmp_path / 'config.toml'} BOLETIN_TUI_STATE_DIR={tmp_path / 'st'} "
        f"BOLETIN_TUI_DB={tmp_path / 'db.json'} {EXE} {' '.join(map(str, paths))}"
    )
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "36", command)
    tmux("set", "-g", "set-clipboard", "on")
    tmux("resize-window", "-t", name, "-x", "120", "-y", "36", check=False)
    return name


def _wait_for(tmux, session: str, text: str) -> str:
    deadline = time.monotonic() + STEP_TIMEOUT
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session, check=False)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")


def _palette(tmux, session: str, words: str) -> None:
    tmux("send-keys", "-t", session, "C-p")
    _wait_for(tmux, session, "Buscar acciones")
    tmux("send-keys", "-t", session, "-l", words)
    time.sleep(0.5)
    tmux("send-keys", "-t", session, "Enter")


def test_entity_filter_copy_citation_and_resume(tmux, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    session = _launch(tmux, tmp_path, corpus)
    _wait_for(tmux, session, "4 boletines")
    _wait_for(tmux, session, "Renata Olvera Campos")
    _palette(tmux, session, "En este boletín")
    time.sleep(0.3)
    tmux("send-keys", "-t", session, "Enter")  # the first entry: Renata Olvera Campos
    tmux("send-keys", "-t", session, "f")
    screen = _wait_for(tmux, session, "2 de 4 boletines")
    assert '"Renata Olvera"' in screen  # given name and first surname
    tmux("send-keys", "-t", session, "c")
    _wait_for(tmux, session, "la cita:")
    tmux("send-keys", "-t", session, "c")
    _wait_for(tmux, session, "Copiado al portapapeles")
    deadline = time.monotonic() + STEP_TIMEOUT
    while tmux("show-buffer", check=False) != CITATION and time.monotonic() < deadline:
        time.sleep(0.2)
    assert tmux("show-buffer") == CITATION  # OSC 52 reached tmux
    _palette(tmux, session, "Ir a la lista")
    time.sleep(0.3)
    tmux("send-keys", "-t", session, "j")
    _wait_for(tmux, session, "Restaura el INAF el faro más antiguo del Golfo")
    tmux("send-keys", "-t", session, "q")
    deadline = time.monotonic() + STEP_TIMEOUT
    while session in tmux("list-sessions", "-F", "#S", check=False).split():
        assert time.monotonic() < deadline, "the app did not quit"
        time.sleep(0.2)
    again = _launch(tmux, tmp_path)  # no path: the corpus and bulletin of last time
    screen = _wait_for(tmux, again, "retomado en 530/2022")
    assert "base: db.json" in screen
    _wait_for(tmux, again, "Restaura el INAF el faro más antiguo del Golfo")
