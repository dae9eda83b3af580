"""The app's first screen imports only what it draws (issue 11: warm launch time).

Each check runs in a fresh interpreter and looks at `sys.modules`: deterministic, no timing.
The modules below are imported later, off the first frame (the loading worker imports the
recogniser and the query compiler once the first list is posted) or by the action using them.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

# Heavy, and not needed to list the corpus database and show its first bulletin's text.
NOT_AT_LAUNCH = [
    "boletin_tui.entities.recognise",  # the recogniser: large regular expressions
    "boletin_tui.entities.gazetteer",
    "boletin_tui.entities.figures",
    "boletin_tui.entities.figures_table",
    "boletin_tui.corpus.parse",  # the parser and the file walk
    "boletin_tui.corpus.files",
    "boletin_tui.corpus.parallel",
    "boletin_tui.corpusdb.sync",
    "boletin_tui.corpusdb.searching",  # the query language
    "boletin_tui.search.query",
    "boletin_tui.search.hits",
    "boletin_tui.store.exchange",  # export and import
    "boletin_tui.tui.help_screen",
    "boletin_tui.tui.export_screen",
    "boletin_tui.tui.skipped_screen",
    "concurrent.futures.process",
]


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def test_importing_the_app_leaves_the_heavy_modules_out():
    loaded = loaded_after("import boletin_tui.tui.app\nfrom boletin_tui.tui import make_app")
    assert "boletin_tui.tui.app" in loaded  # the probe imported what it says
    assert sorted(m for m in NOT_AT_LAUNCH if m in loaded) == []


def test_the_command_line_parser_leaves_the_parser_and_textual_out():
    # What every launch of `boletin-tui` (the app included) imports before running a command.
    loaded = loaded_after(
        "from boletin_tui.cli import build_parser\nbuild_parser()\n"
        "from boletin_tui.config import load_config\nload_config()"
    )
    assert "boletin_tui.commands.app_cmd" in loaded
    heavy = [m for m in NOT_AT_LAUNCH if not m.startswith("boletin_tui.tui.")]
    assert sorted(m for m in [*heavy, "textual", "multiprocessing"] if m in loaded) == [
        "boletin_tui.store.exchange"  # its formats are the choices of `export --format`
    ]


@pytest.mark.parametrize(
    ("package", "name", "home"),
    [
        ("boletin_tui.corpus", "load_corpus", "load"),
        ("boletin_tui.corpus", "parse_text", "parse"),
        ("boletin_tui.corpus", "prepare_parallel_parsing", "tracker"),
        ("boletin_tui.entities", "recognise", "recognise"),
        ("boletin_tui.entities", "recognise_bulletin", "recognise"),
        ("boletin_tui.search", "parse", "query"),
        ("boletin_tui.search", "SYNTAX_HELP", "query"),
    ],
)
def test_names_imported_on_first_use_are_those_of_their_module(package, name, home):
    module = importlib.import_module(package)
    assert getattr(module, name) is getattr(importlib.import_module(f"{package}.{home}"), name)
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018 - the lookup is the test


def test_recognise_stays_the_function_once_its_module_is_imported():
    # `boletin_tui.entities.recognise` is also a submodule; importing it first (as the
    # loading worker does) must not turn the package's `recognise` into that module.
    code = (
        "import boletin_tui.entities.recognise\n"
        "from boletin_tui.entities import recognise\n"
        "print(callable(recognise) and recognise('El IMSS y 3 personas') != [])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
