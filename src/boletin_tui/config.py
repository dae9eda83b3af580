"""`config.toml`: keys, theme, default annotator and database. No Textual at import.

The file is `$BOLETIN_TUI_CONFIG`, else `config.toml` in the user config folder
(`platformdirs.user_config_dir("boletin-tui")`, which honours `$XDG_CONFIG_HOME`). It is
optional. Example::

    theme = "textual-light"
    annotator = "ana"
    db = "~/anotaciones/boletines.json"

    [keys]
    add_tag = "ctrl+t"
    next = "j,down,ctrl+n"

`load_config()` never raises for the file's content: an unknown setting or action id, a
malformed key or a key bound to two actions becomes one problem line naming the file and the
line (`Config.problems`), and that entry is ignored.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import platformdirs

from boletin_tui.actions import ACTIONS, BY_ID, split_keys

SETTINGS = ("theme", "annotator", "db", "keys")
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(
    ["up", "down", "left", "right", "home", "end", "pageup", "pagedown", "insert", "delete"]
    + ["backspace", "tab", "enter", "escape", "space"]
    + [f"f{n}" for n in range(1, 25)]
    # Textual's short names for characters whose Unicode names are long (`textual.keys`).
    + ["slash", "backslash", "at", "minus", "plus", "underscore"]
)


class _Problem(Protocol):
    def __call__(self, name: str, message: str, section: str = "") -> None: ...


@dataclass
class Config:
    """The settings read (None when not set) and what was wrong with the file."""

    path: Path
    exists: bool = False
    theme: str | None = None
    annotator: str | None = None
    db: str | None = None
    keys: dict[str, str] = field(default_factory=dict)  # action id -> keys, validated
    problems: list[str] = field(default_factory=list)

    def apply_defaults(self, args: object) -> None:
        """Fill `args.db` / `args.annotator` (argparse) from the file when neither the
        command line nor `$BOLETIN_TUI_DB` / `$BOLETIN_TUI_ANNOTATOR` gave them."""
        if self.db and getattr(args, "db", "") is None and not os.environ.get("BOLETIN_TUI_DB"):
            args.db = self.db  # type: ignore[attr-defined]
        if (
            self.annotator
            and getattr(args, "annotator", "") is None
            and not os.environ.get("BOLETIN_TUI_ANNOTATOR")
        ):
            args.annotator = self.annotator  # type: ignore[attr-defined]

    def effective_keys(self) -> dict[str, str]:
        """Every action's keys once the file's `[keys]` apply (id -> `"j,down"`)."""
        return {a.id: self.keys.get(a.id, a.keys) for a in ACTIONS}


def config_path() -> Path:
    if explicit := os.environ.get("BOLETIN_TUI_CONFIG"):
        return Path(explicit).expanduser()
    return Path(platformdirs.user_config_dir("boletin-tui", appauthor=False)) / "config.toml"


def valid_key(key: str) -> bool:
    """Whether `key` names a key as Textual does: `t`, `ctrl+t`, `slash`, `f5`, `pagedown`."""
    *modifiers, name = key.split("+")
    if not name or any(m not in MODIFIERS for m in modifiers):
        return False
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    if name in NAMED_KEYS:
        return True
    try:  # Textual names other characters after Unicode: `slash`, `question_mark`
        return len(unicodedata.lookup(name.replace("_", " ").upper())) == 1
    except KeyError:
        return False


def load_config(path: Path | None = None) -> Config:
    """Read the config file at `path` (default `config_path()`); a missing file is no error."""
    path = path or config_path()
    config = Config(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError) as exc:
        config.problems.append(f"{path}: no se pudo leer ({exc}); se ignora")
        return config
    config.exists = True
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        config.problems.append(f"{path}: TOML no válido ({exc}); se ignora el archivo")
        return config
    lines = text.splitlines()

    def problem(name: str, message: str, section: str = "") -> None:
        config.problems.append(f"{path}:{_line_of(lines, name, section)}: {message}; se ignora")

    for name, value in data.items():
        if name not in SETTINGS:
            problem(name, f"ajuste desconocido «{name}»")
        elif name == "keys":
            if isinstance(value, dict):
                _read_keys(config, value, problem)
            else:
                problem(name, "«keys» debe ser una tabla [keys]")
        elif not isinstance(value, str) or not value.strip():
            problem(name, f"«{name}» debe ser un texto")
        else:
            setattr(config, name, os.path.expanduser(value) if name == "db" else value)
    return config


def _read_keys(config: Config, table: Mapping[str, object], problem: _Problem) -> None:
    bound: dict[str, str] = {}  # key -> action id, among actions the file does not rebind
    for action in ACTIONS:
        if action.scope != "doc" and action.id not in table:
            for key in split_keys(action.keys):
                bound.setdefault(key, action.id)
    for action_id, value in table.items():
        if action_id not in BY_ID or BY_ID[action_id].scope == "doc":
            problem(action_id, f"acción desconocida «{action_id}»", "keys")
            continue
        if not isinstance(value, str):
            problem(action_id, f"las teclas de «{action_id}» deben ser un texto", "keys")
            continue
        keys = split_keys(value)
        bad = [k for k in keys if not valid_key(k)]
        if bad or not keys:
            problem(action_id, f"tecla no válida «{', '.join(bad) or value}»", "keys")
            continue
        taken = [(k, bound[k]) for k in keys if bound.get(k, action_id) != action_id]
        if taken:
            key, other = taken[0]
            problem(action_id, f"la tecla «{key}» ya es de «{other}»", "keys")
            continue
        for key in keys:
            bound[key] = action_id
        config.keys[action_id] = ",".join(keys)


def _line_of(lines: list[str], name: str, section: str) -> int:
    """The 1-based line where `name` is set (inside `[section]` when given); 1 if not found."""
    current = ""
    pattern = re.compile(rf"""^\s*["']?{re.escape(name)}["']?\s*=""")
    for number, line in enumerate(lines, 1):
        header = re.match(r"^\s*\[([^\]]+)\]", line)
        if header:
            current = header.group(1).strip()
        elif current == section and pattern.match(line):
            return number
    return 1
