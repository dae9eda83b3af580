"""SIGTERM, SIGHUP and SIGINT save the note being typed and restore the terminal (issue 12 #4):
the installed app in a real terminal (tmux), the signal sent with `kill`."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from boletin_tui.store.mergefile import read_database

pytestmark = pytest.mark.tmux

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
EXE = Path(sys.executable).with_name("boletin-tui")
TIMEOUT = 30.0


@pytest.fixture
def tmux(tmp_path):
    """`tmux(*args)` on a private tmux server, killed afterwards."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed: the real-terminal test needs it")
    if not EXE.exists():
        pytest.skip(f"the boletin-tui executable is not next to {sys.executable}")
    server = f"boletin-sig-{uuid.uuid4().hex[:8]}"

    def run(*args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", server, *args], check=True, capture_output=True, text=True
        ).stdout

    yield run
    subprocess.run(["tmux", "-L", server, "kill-server"], capture_output=True)


def _wait_for(tmux, text: str) -> str:
    deadline = time.monotonic() + TIMEOUT
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", "app")
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")


def _start(tmux, tmp_path: Path) -> str:
    """The app in a shell in the pane (so that what it leaves in the terminal can be seen),
    with a note typed and not saved; returns the app's process id."""
    tmux("new-session", "-d", "-s", "app", "-x", "120", "-y", "36", "bash --norc --noprofile")
    command = (
        f"cd {tmp_path} && unset COLUMNS LINES; "
        f"BOLETIN_TUI_CACHE_DIR={tmp_path / 'cache'} BOLETIN_TUI_ANNOTATOR=tmux "
        f"BOLETIN_TUI_CONFIG={tmp_path / 'config.toml'} BOLETIN_TUI_LOCK_TIMEOUT=0.5 "
        f"{EXE} {FIXTURES} --db {tmp_path / 'db.json'}; echo SALIDA-$?"
    )
    tmux("send-keys", "-t", "app", "-l", command)
    tmux("send-keys", "-t", "app", "Enter")
    _wait_for(tmux, "4 boletines")
    tmux("send-keys", "-t", "app", "a")
    _wait_for(tmux, "Guardar nota")
    tmux("send-keys", "-t", "app", "-l", "nota antes de la señal")
    _wait_for(tmux, "Sin guardar")
    assert tmux("display", "-p", "-t", "app", "#{alternate_on}").strip() == "1"
    shell = tmux("display", "-p", "-t", "app", "#{pane_pid}").strip()
    return subprocess.run(
        ["pgrep", "-P", shell], capture_output=True, text=True, check=True
    ).stdout.split()[0]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_saves_the_note_being_typed_and_restores_the_terminal(tmux, tmp_path, sig):
    app_pid = _start(tmux, tmp_path)
    subprocess.run(["kill", f"-{sig.name.removeprefix('SIG')}", app_pid], check=True)

    screen = _wait_for(tmux, f"SALIDA-{128 + sig}")
    assert "Traceback" not in screen
    flags = tmux("display", "-p", "-t", "app", "#{alternate_on} #{mouse_any_flag}")
    assert flags.split() == ["0", "0"]  # the alternate screen left, mouse reporting off
    data = read_database(tmp_path / "db.json")[1]  # the file and its pending journal
    records = {r["key"]: r for r in data["annotations"].values()}
    assert records["210/2023"]["note"] == "nota antes de la señal"


def test_a_note_a_signal_cannot_save_is_printed_not_lost(tmux, tmp_path):
    from boletin_tui.store.lock import FileLock

    app_pid = _start(tmux, tmp_path)
    held = FileLock(tmp_path / "db.json.lock")  # another process holds the database
    assert held.acquire(1)
    try:
        subprocess.run(["kill", "-TERM", app_pid], check=True)
        screen = _wait_for(tmux, "SALIDA-143")
    finally:
        held.release()
    assert "no se guardó la nota de 210/2023:" in screen
    assert "nota antes de la señal" in screen
    flags = tmux("display", "-p", "-t", "app", "#{alternate_on} #{mouse_any_flag}")
    assert flags.split() == ["0", "0"]
