"""The architecture and the set-up: a headless core, and one test command in README and CI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "module",
    [
        "boletin_tui.corpus",
        "boletin_tui.entities",
        "boletin_tui.store",
        "boletin_tui.search",
        "boletin_tui.cli",
    ],
)
def test_core_modules_do_not_import_textual(module):
    code = f"import sys, {module}; print('textual' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_list_runs_without_textual():
    code = (
        "import sys, io, contextlib\n"
        "from boletin_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    for argv in (['list', '--json'], ['entities', '--json'], ['export']):\n"
        "        main(argv)\n"
        "print('textual' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    test_command = next(b for b in blocks if "pytest" in b)
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_no_textual_import_outside_tui():
    offenders = [
        str(p.relative_to(REPO))
        for p in (REPO / "src" / "boletin_tui").rglob("*.py")
        if "tui" not in p.relative_to(REPO / "src" / "boletin_tui").parts[:1]
        and re.search(r"^\s*(import textual|from textual)", p.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []
