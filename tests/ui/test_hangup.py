"""The terminal goes away (window closed, ssh dropped, `tmux kill-server`): the installed app
saves what was typed and ends, whatever it was doing (issue: hangup; see `tui/hangup.py`).

Each test runs the real `boletin-tui` in a pseudo-terminal of its own and hangs up by closing
the terminal's master side, as a terminal emulator or sshd does. With `controlling=True` the
terminal is the app's controlling terminal, so the kernel sends SIGHUP and SIGCONT to it (the
app is the session leader, as under tmux); with `controlling=False` the app only finds its
standard input at end of file (a terminal closed without a signal reaching the app).

After a hangup the process must be gone within `EXIT_SECONDS` (the bound that separates
"ends" from "hangs": not a speed assertion), with status 129 (128 + SIGHUP), or killed by the
SIGHUP itself when it came before the interface had mounted (nothing to save then; a shell
reports 129 in both cases). Nothing typed before the hangup may be lost: saved, or, when the
database cannot take it, written to `<db>.unsaved-*.txt` beside it.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from boletin_tui.store.lock import FileLock
from boletin_tui.store.mergefile import read_database

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="hangs up a Linux pseudo-terminal (os.openpty, TIOCSCTTY, hangup semantics)",
)

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
EXE = Path(sys.executable).with_name("boletin-tui")
STEP_SECONDS = 60.0  # for the app to show something (a loaded machine may be slow)
EXIT_SECONDS = 15.0  # after the hangup
HANGUP_CODES = (128 + signal.SIGHUP, -signal.SIGHUP)
# Escape sequences Textual writes (CSI, OSC, charset and keypad modes), removed to find text.
_ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|[=>78])")
# Makes the pseudo-terminal (standard input) the controlling terminal of the new session.
_CONTROLLING = (
    "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


class PtyApp:
    """The installed app in a new session on a new pseudo-terminal (120x36)."""

    def __init__(
        self, tmp_path: Path, corpus: Path, *, controlling: bool, env: dict[str, str]
    ) -> None:
        import fcntl
        import struct
        import termios

        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
        environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        environ.update(
            TERM="xterm-256color",
            BOLETIN_TUI_CACHE_DIR=str(tmp_path / "cache"),
            BOLETIN_TUI_STATE_DIR=str(tmp_path / "state"),
            BOLETIN_TUI_CONFIG=str(tmp_path / "config.toml"),
            BOLETIN_TUI_ANNOTATOR="pty",
        )
        environ.update(env)
        command = [str(EXE), str(corpus), "--db", str(tmp_path / "db.json")]
        if controlling:
            command = [sys.executable, "-c", _CONTROLLING, *command]
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            env=environ,
            cwd=tmp_path,
        )
        os.close(slave)
        self._master: int | None = master
        self._output = bytearray()
        self._closing = threading.Event()
        self._reader = threading.Thread(target=self._read, args=(master,), daemon=True)
        self._reader.start()

    def _read(self, fd: int) -> None:
        # Always drained, as a terminal does: an app blocked writing would prove nothing. Never
        # blocked in `read` either: the kernel hangs the terminal up when the master's last
        # reference goes, which a `read` in progress would hold until the app writes again.
        while not self._closing.is_set():
            if not select.select([fd], [], [], 0.02)[0]:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:
                return
            if not data:
                return
            self._output.extend(data)

    def text(self, since: int = 0) -> str:
        return _ESCAPES.sub("", bytes(self._output[since:]).decode("utf-8", "replace"))

    def mark(self) -> int:
        """Where the output is now (`wait_for(..., since=)` looks only after it)."""
        return len(self._output)

    def wait_for(
        self, pattern: str, timeout: float = STEP_SECONDS, *, raw: bool = False, since: int = 0
    ) -> None:
        """Until `pattern` (a regular expression) appears in what the app wrote (its text, or
        with `raw` the bytes as written, escape sequences included)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            written = self._output[since:].decode("utf-8", "replace") if raw else self.text(since)
            if re.search(pattern, written):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.01 if raw else 0.05)
        raise AssertionError(f"{pattern!r} never appeared; the app wrote:\n{self.text()[-3000:]}")

    def type(self, keys: str) -> None:
        assert self._master is not None
        os.write(self._master, keys.encode())

    def stop_reading(self) -> None:
        """The terminal stops reading what the app writes (a stalled ssh connection)."""
        self._closing.set()
        self._reader.join()

    def resize(self, rows: int, columns: int) -> None:
        """The terminal changes size (SIGWINCH): the app redraws the whole screen."""
        import fcntl
        import struct
        import termios

        assert self._master is not None
        fcntl.ioctl(self._master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))

    def hang_up(self) -> None:
        """Close the terminal: the kernel hangs up its other side at once."""
        if self._master is not None:
            self.stop_reading()
            os.close(self._master)
            self._master = None

    def wait_gone(self, timeout: float = EXIT_SECONDS) -> int:
        """The exit status, once the process has ended; fails when it is still there."""
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            state = _state(self.process.pid)
            raise AssertionError(
                f"the app still runs {timeout:g} s after the hangup or signal ({state})"
            ) from None

    def kill(self) -> None:
        self.hang_up()
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


def _state(pid: int) -> str:
    """Its state and CPU use, for the failure message (a spinning app shows R and a high %)."""
    done = subprocess.run(
        ["ps", "-o", "stat=,pcpu=,nlwp=", "-p", str(pid)], capture_output=True, text=True
    )
    return "stat, %cpu, threads: " + done.stdout.strip()


@pytest.fixture
def launch(tmp_path):
    """`launch(corpus, controlling=..., **env)` starts the app; every one is killed afterwards
    (with its process group) if it is still there."""
    if not EXE.exists():
        pytest.skip(f"the boletin-tui executable is not next to {sys.executable}")
    started: list[PtyApp] = []

    def start(corpus: Path = FIXTURES, *, controlling: bool = True, **env: str) -> PtyApp:
        app = PtyApp(tmp_path, corpus, controlling=controlling, env=env)
        started.append(app)
        return app

    yield start
    for app in started:
        app.kill()


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    """1500 bulletins (the fixture one, renumbered): loading them takes seconds, so a hangup
    lands while the app parses and indexes them, with the event loop busy."""
    folder = tmp_path_factory.mktemp("big")
    text = (FIXTURES / "2023-06-02_210.txt").read_text(encoding="utf-8")
    for number in range(1, 1501):
        body = text.replace("210/2023", f"{number}/2023").replace("340", str(number))
        (folder / f"2023-06-02_{number:04d}.txt").write_text(body, encoding="utf-8")
    return folder


def _records(tmp_path: Path) -> dict[str, dict]:
    data = read_database(tmp_path / "db.json")[1]  # the file and its pending journal
    return {r["key"]: r for r in data.get("annotations", {}).values()}


@pytest.mark.parametrize(
    ("moment", "controlling"),
    [
        ("screen", True),  # the driver started, the interface not mounted yet
        ("listed", True),
        ("listed", False),
        ("loading", True),  # 1500 bulletins being parsed and indexed
        ("loading", False),
    ],
)
def test_a_hangup_during_start_up_ends_the_app(launch, big_corpus, tmp_path, moment, controlling):
    app = launch(big_corpus if moment == "loading" else FIXTURES, controlling=controlling)
    if moment == "screen":
        app.wait_for(r"\x1b\[\?1049h", raw=True)  # the alternate screen, at once
    else:
        app.wait_for(r"4 boletines" if moment == "listed" else r"Cargando boletines… \d+/1500")
    app.hang_up()
    assert app.wait_gone() in HANGUP_CODES


@pytest.mark.parametrize("controlling", [True, False])
def test_a_tag_being_saved_when_the_terminal_goes_is_saved(launch, tmp_path, controlling):
    lock = FileLock(tmp_path / "db.json.lock")
    app = launch(controlling=controlling, BOLETIN_TUI_LOCK_TIMEOUT="20")
    app.wait_for(r"4 boletines")
    app.wait_for(r"3 sin leer")  # the first bulletin's read mark, written before the lock
    app.type("t")
    app.wait_for(r"etiqueta \(varias")
    app.type("antes-del-corte")
    app.wait_for(r"antes-del-corte")
    assert lock.acquire(5)  # another process holds the database: the write waits for it
    try:
        since = app.mark()
        app.type("\r")
        app.wait_for(r"Sin guardar", since=since)  # the app has the tag; the store waits
        app.hang_up()
        time.sleep(1.0)  # the write still waits for the lock after the hangup
    finally:
        lock.release()
    assert app.wait_gone() in HANGUP_CODES
    assert _records(tmp_path)["210/2023"]["tags"] == ["antes-del-corte"]


@pytest.mark.parametrize("controlling", [True, False])
def test_a_note_being_typed_when_the_terminal_goes_is_saved(launch, tmp_path, controlling):
    app = launch(controlling=controlling)
    app.wait_for(r"4 boletines")
    app.type("a")
    app.wait_for(r"Guardar nota")
    app.type("nota antes del corte")
    app.wait_for(r"Sin guardar")
    app.hang_up()
    assert app.wait_gone() in HANGUP_CODES
    assert _records(tmp_path)["210/2023"]["note"] == "nota antes del corte"


@pytest.mark.parametrize(
    ("ending", "typed"),
    [("hangup", "note"), ("sigterm", "note"), ("sigterm", "tags"), ("sigterm", "passage")],
)
def test_a_terminal_that_stopped_reading(launch, tmp_path, ending, typed):
    """An ssh connection that stalls, then drops (or the app gets SIGTERM meanwhile): the
    app's writes to the terminal block, its main thread then blocks behind them, and the event
    loop cannot run the usual save. The watchdog ends the process all the same, and the note
    typed, or the tags typed without enter, are kept (saved, or in the file beside the
    database)."""
    app = launch()
    app.wait_for(r"4 boletines")
    app.wait_for(r"3 sin leer")
    if typed == "note":
        app.type("a")
        app.wait_for(r"Guardar nota")
        app.type("nota atascada")
        app.wait_for(r"Sin guardar")
    elif typed == "tags":
        app.type("t")
        app.wait_for(r"etiqueta \(varias")
        app.type("atascada, sin enter")
        app.wait_for(r"sin enter")
    else:
        _type_a_passage(app, "atascada", "nota del pasaje")
    app.stop_reading()
    # Full redraws until the terminal's buffer and the app's output queue are full and the
    # main thread waits on that queue's lock (a futex) rather than in the event loop's epoll.
    blocked_since, deadline = None, time.monotonic() + STEP_SECONDS
    while blocked_since is None or time.monotonic() - blocked_since < 1.0:
        assert time.monotonic() < deadline, "the app's main thread never blocked on its output"
        app.resize(*((30, 100) if int(time.monotonic() * 20) % 2 else (36, 120)))
        time.sleep(0.05)
        if "futex" not in Path(f"/proc/{app.process.pid}/wchan").read_text():
            blocked_since = None
        elif blocked_since is None:
            blocked_since = time.monotonic()
    if ending == "hangup":
        app.hang_up()
    else:
        os.kill(app.process.pid, signal.SIGTERM)
    # The watchdog's deadline: `SIGNAL_SAVE_SECONDS` + `GRACE_SECONDS` (20 s).
    status = app.wait_gone(EXIT_SECONDS + 25)
    assert status in (HANGUP_CODES if ending == "hangup" else (128 + signal.SIGTERM,))
    kept = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("db.json.unsaved-*.txt"))
    saved = _records(tmp_path).get("210/2023", {})
    if typed == "note":
        assert saved.get("note") == "nota atascada" or "nota atascada\n" in kept
    elif typed == "passage":
        passage = [(p["quote"], p["tags"], p["note"]) for p in saved.get("passages", [])]
        assert passage == [(DATELINE, ["atascada"], "nota del pasaje")] or (
            f"210/2023:\n«{DATELINE}»\netiquetas: atascada\nnota: nota del pasaje\n" in kept
        )
    else:
        tags = ["atascada", "sin enter"]
        assert saved.get("tags") == tags or "210/2023:\natascada; sin enter\n" in kept


@pytest.mark.parametrize(
    ("ending", "controlling"), [("hangup", True), ("hangup", False), ("sigterm", True)]
)
def test_tags_typed_without_enter_are_saved_when_the_app_must_leave(
    launch, tmp_path, ending, controlling
):
    """Tags typed in the tag field and not confirmed with enter are saved as enter would save
    them (split at the commas), like the note being typed."""
    app = launch(controlling=controlling)
    app.wait_for(r"4 boletines")
    app.type("t")
    app.wait_for(r"etiqueta \(varias")
    app.type("sin enter, otra  más")
    app.wait_for(r"otra  más")
    if ending == "hangup":
        app.hang_up()
        assert app.wait_gone() in HANGUP_CODES
    else:
        os.kill(app.process.pid, signal.SIGTERM)
        assert app.wait_gone() == 128 + signal.SIGTERM
    assert _records(tmp_path)["210/2023"]["tags"] == ["sin enter", "otra más"]


DATELINE = "Ciudad de México, 2 de junio de 2023."  # the first sentence of 210/2023


def _type_a_passage(app: PtyApp, tags: str, note: str) -> None:
    """Select the first sentence of the bulletin shown (`p`, `enter`) and type the tags and
    the note in the passage dialog, without saving them."""
    app.wait_for(r"4 boletines")
    app.wait_for(r"Inaugura el Instituto")  # the text is shown: `p` has a sentence to take
    app.type("p")
    app.wait_for(r"Confirmar")  # the selection's keys
    app.type("\r")
    app.wait_for(r"Nuevo pasaje")
    app.type(tags)
    app.wait_for(re.escape(tags))
    app.type("\r" + note.replace("\n", "\r"))  # enter: to the note, then a new line in it
    app.wait_for(re.escape(note.splitlines()[-1]))


@pytest.mark.parametrize(
    ("ending", "controlling"), [("hangup", True), ("hangup", False), ("sigterm", True)]
)
def test_a_passage_typed_in_its_dialog_is_saved_when_the_app_must_leave(
    launch, tmp_path, ending, controlling
):
    """The passage dialog open, tags and a note typed and not saved with ctrl+s: the passage
    is saved as ctrl+s would save it, like the note being typed."""
    app = launch(controlling=controlling)
    _type_a_passage(app, "sin guardar, otra", "nota del pasaje")
    if ending == "hangup":
        app.hang_up()
        assert app.wait_gone() in HANGUP_CODES
    else:
        os.kill(app.process.pid, signal.SIGTERM)
        assert app.wait_gone() == 128 + signal.SIGTERM
    [passage] = _records(tmp_path)["210/2023"]["passages"]
    assert (passage["quote"], passage["start"], passage["end"]) == (DATELINE, 0, len(DATELINE))
    assert (passage["tags"], passage["note"]) == (["sin guardar", "otra"], "nota del pasaje")


def _type_note(app: PtyApp) -> None:
    app.type("a")
    app.wait_for(r"Guardar nota")
    app.type("nota sin base")
    app.wait_for(r"Sin guardar")


def _type_tags(app: PtyApp) -> None:
    app.type("t")
    app.wait_for(r"etiqueta \(varias")
    app.type("guardada aparte, y esta")
    app.wait_for(r"y esta")


@pytest.mark.parametrize(
    ("typing", "kept_text"),
    [
        (_type_note, "no se guardó la nota de 210/2023:\nnota sin base\n"),
        (_type_tags, "no se añadieron las etiquetas de 210/2023:\nguardada aparte; y esta\n"),
        (
            lambda app: _type_a_passage(app, "aparte", "nota\nde dos líneas"),
            f"no se guardó el pasaje nuevo de 210/2023:\n«{DATELINE}»\n"
            "etiquetas: aparte\nnota: nota\nde dos líneas\n",
        ),
    ],
    ids=["note", "tags", "passage"],
)
def test_what_a_hangup_cannot_save_is_kept_beside_the_database(launch, tmp_path, typing, kept_text):
    lock = FileLock(tmp_path / "db.json.lock")
    app = launch(BOLETIN_TUI_LOCK_TIMEOUT="0.5")
    app.wait_for(r"4 boletines")
    app.wait_for(r"3 sin leer")  # the first bulletin's read mark, written before the lock
    assert lock.acquire(5)  # held until the app has gone: nothing can be saved
    try:
        typing(app)
        app.hang_up()
        # The signal's save waits `SIGNAL_SAVE_SECONDS` (10 s) for the database first.
        assert app.wait_gone(EXIT_SECONDS + 15) in HANGUP_CODES
    finally:
        lock.release()
    kept = list(tmp_path.glob("db.json.unsaved-*.txt"))
    assert len(kept) == 1, sorted(p.name for p in tmp_path.iterdir())
    assert kept_text in kept[0].read_text(encoding="utf-8")
