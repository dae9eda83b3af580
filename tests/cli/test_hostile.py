"""Terminal escape sequences never reach the terminal, on any command-line surface.

`tests/data/hostile/hostile.txt` is a fictional bulletin carrying OSC 0 (window title), OSC 52
(clipboard), OSC 8 (hyperlink), CSI 2J (clear screen), the 8-bit C1 CSI (U+009B), DEL, BEL and
a bidi override (U+202E). Every command runs on it (and on a copy whose file name is hostile
too, with hostile tags, note and annotator name), piped and in a pseudo-terminal; the output
must hold no ESC, no C1 control, no DEL and no BEL.
"""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "data" / "hostile" / "hostile.txt"
KEY = "666/2023"
BAD = re.compile("[\x1b\x07\x7f\x80-\x9f\u202e]")
EVIL_NAME = "nota\x1b]0;TITULO\x07\x9b2J.txt"
# Two tags that are harmless alone and rebuild an OSC title sequence when joined with "; ".
EVIL_TAGS = ["\x1b]0", "TITULO\x07"]
EVIL_ANNOTATOR = "ana\x1b[2J\x9b31m"
EVIL_NOTE = "nota \x1b]52;c;cm0gLXJmIH4=\x07 fin"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "BOLETIN_TUI_ANNOTATOR": EVIL_ANNOTATOR}
    return subprocess.run(
        [sys.executable, "-m", "boletin_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        env=env,
        timeout=120,
        cwd=cwd,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    shutil.copy(HOSTILE, folder / "hostile.txt")
    text = HOSTILE.read_text("utf-8").replace("No. 666/2023", "No. 667/2023")
    (folder / EVIL_NAME).write_text(text, "utf-8")
    (folder / ("vacío" + EVIL_NAME)).write_text("", "utf-8")  # skipped: `check` names it
    return folder


def assert_clean(result: subprocess.CompletedProcess[str], what: str) -> None:
    assert "Traceback" not in result.stderr, (what, result.stderr)
    for stream, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        found = BAD.search(text)
        assert found is None, f"{what}: {stream} holds {found.group()!r}: {text[:300]!r}"


def test_fixture_is_hostile() -> None:
    text = HOSTILE.read_text("utf-8")
    for needle in ("\x1b]0;", "\x1b]52;", "\x1b[2J", "\x9b", "\x7f", "\x07", "\u202e"):
        assert needle in text


def test_every_reading_surface_piped(corpus: Path) -> None:
    c = str(corpus)
    surfaces = [
        ("list", c),
        ("list", "--json", c),
        ("show", KEY, c),
        ("show", "667/2023", c),
        ("check", c),
        ("entities", c),
        ("entities", "--json", c),
        ("figures", c),
        ("figures", "--csv", "-", c),
    ]
    for args in surfaces:
        result = run(*args)
        assert result.returncode in (0, 1), (args, result.stderr)
        assert result.stdout or args[0] == "check", args
        assert_clean(result, " ".join(args))


def test_annotation_surfaces_and_messages(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "db.json")
    results = {
        "tag": run("tag", "--db", db, KEY, *EVIL_TAGS),
        "note": run("note", "--db", db, KEY, EVIL_NOTE),
        "untag": run("untag", "--db", db, KEY, EVIL_TAGS[0]),
        "tag again": run("tag", "--db", db, "667/2023", *EVIL_TAGS),
    }
    for fmt in ("csv", "jsonl", "json"):
        results[f"export {fmt}"] = run("export", "--db", db, "--format", fmt, str(corpus))
        assert results[f"export {fmt}"].returncode == 0, results[f"export {fmt}"].stderr
    results["export excel"] = run("export", "--db", db, "--excel", str(corpus))
    # Messages that name a hostile path or key.
    results["missing path"] = run("list", str(tmp_path / EVIL_NAME))
    results["bad key"] = run("show", "\x1b]0;x\x07", str(corpus))
    results["bad option"] = run("list", "--\x1b[2J")
    results["export to hostile file"] = run(
        "export", "--db", db, "-o", str(tmp_path / "no" / EVIL_NAME)
    )
    for what, result in results.items():
        assert_clean(result, what)
    assert "667/2023" in results["export csv"].stdout


def _pty_output(*args: str) -> str:
    """Run the CLI in a pseudo-terminal (so Rich styles and wraps as for a person)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO / "src"),
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "40",
    }
    env.pop("NO_COLOR", None)
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execve(sys.executable, [sys.executable, "-m", "boletin_tui", *args], env)
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], 120)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8", "replace")


SGR = re.compile(r"\x1b\[[0-9;]*m")  # Rich's own colours and bold: the only escapes allowed


@pytest.mark.parametrize("command", [("list",), ("show", KEY), ("check",), ("figures",)])
def test_terminal_surfaces(corpus: Path, command: tuple[str, ...]) -> None:
    out = _pty_output(*command, str(corpus))
    assert "Traceback" not in out
    assert "666/2023" in out or command[0] == "check"
    stripped = SGR.sub("", out)
    found = BAD.search(stripped)
    assert found is None, f"{command}: {found.group()!r} in {stripped[:400]!r}"
