"""config.toml: settings read, problems reported with file and line, bad entries ignored."""

from __future__ import annotations

import subprocess
import sys

from boletin_tui.actions import ACTIONS
from boletin_tui.config import config_path, load_config, valid_key


def write(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_path_honours_the_override_and_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("BOLETIN_TUI_CONFIG", str(tmp_path / "mine.toml"))
    assert config_path() == tmp_path / "mine.toml"
    monkeypatch.delenv("BOLETIN_TUI_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert config_path() == tmp_path / "xdg" / "boletin-tui" / "config.toml"


def test_a_missing_file_is_the_defaults(tmp_path):
    config = load_config(tmp_path / "nope.toml")
    assert not config.exists and config.problems == [] and config.keys == {}
    assert config.effective_keys() == {a.id: a.keys for a in ACTIONS}


def test_settings_and_keys_are_read(tmp_path):
    path = write(
        tmp_path,
        'theme = "textual-light"\nannotator = "ana"\ndb = "~/a.json"\n'
        '[keys]\nadd_tag = "ctrl+t"\nnext = "j, down, ctrl+n"\nedit_note = "t"\n',
    )
    config = load_config(path)
    assert config.problems == []
    assert (config.theme, config.annotator) == ("textual-light", "ana")
    assert config.db is not None and config.db.endswith("/a.json") and "~" not in config.db
    assert config.keys == {"add_tag": "ctrl+t", "next": "j,down,ctrl+n", "edit_note": "t"}
    assert config.effective_keys()["quit"] == "q"


def test_problems_name_file_and_line_and_are_ignored(tmp_path):
    path = write(
        tmp_path,
        'colour = "red"\n'  # 1: unknown setting
        "[keys]\n"
        'add_tag = "ctrl+t"\n'  # 3: fine
        'volar = "v"\n'  # 4: unknown action
        'search = "ctrl+nope"\n'  # 5: malformed key
        'export = "ctrl+t"\n'  # 6: bound twice (add_tag has it)
        'quit = "a"\n',  # 7: taken by edit_note's default
    )
    config = load_config(path)
    assert config.keys == {"add_tag": "ctrl+t"}
    assert [p.split(": ", 1)[0] for p in config.problems] == [
        f"{path}:{n}" for n in (1, 4, 5, 6, 7)
    ]
    assert "«volar»" in config.problems[1] and "«ctrl+nope»" in config.problems[2]
    assert "«add_tag»" in config.problems[3] and "«edit_note»" in config.problems[4]
    assert all(p.endswith("se ignora") for p in config.problems)


def test_invalid_toml_is_one_problem(tmp_path):
    config = load_config(write(tmp_path, "[keys\nadd_tag = 1\n"))
    assert len(config.problems) == 1 and "TOML" in config.problems[0] and config.keys == {}


def test_key_names():
    for good in ("t", "ctrl+t", "slash", "question_mark", "f5", "pagedown", "shift+tab", "1"):
        assert valid_key(good), good
    for bad in ("", "ctrl+", "ctl+t", "nope", "ctrl+nope", " "):
        assert not valid_key(bad), bad


def test_config_command_prints_path_settings_and_every_key(tmp_path, monkeypatch):
    path = write(tmp_path, '[keys]\nadd_tag = "ctrl+t"\nvolar = "v"\n')
    monkeypatch.setenv("BOLETIN_TUI_CONFIG", str(path))
    out = subprocess.run(
        [sys.executable, "-m", "boletin_tui", "config"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert f"archivo: {path}" in out.stdout
    assert 'add_tag = "ctrl+t"' in out.stdout and 'quit = "q"' in out.stdout
    for action in ACTIONS:
        if action.scope != "doc":
            assert f"{action.id} = " in out.stdout
    assert out.stderr.strip() == f"boletin-tui: {path}:3: acción desconocida «volar»; se ignora"


def test_config_supplies_the_default_database(tmp_path, monkeypatch):
    db = tmp_path / "desde-config.json"
    path = write(tmp_path, f'db = "{db}"\nannotator = "ana"\n')
    monkeypatch.setenv("BOLETIN_TUI_CONFIG", str(path))
    monkeypatch.delenv("BOLETIN_TUI_DB")
    monkeypatch.delenv("BOLETIN_TUI_ANNOTATOR")
    out = subprocess.run(
        [sys.executable, "-m", "boletin_tui", "tag", "119/2020", "salud"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert '"annotator": "ana"' in db.read_text(encoding="utf-8").replace(": ", ": ")
