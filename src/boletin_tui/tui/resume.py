"""Starting where you left off: the last corpus and bulletin, per database (`ui_state`).

`start(paths, db_path)` decides what the app opens: the paths given; else the corpus last
opened with this database (if its folders and files still exist); else the bundled sample.
It also says which bulletin to show first (the last one shown with the same corpus) and the
header's words. `remember(db_path, paths, key)` keeps them for the next launch.
The sample corpus is remembered as `[]` (its path changes with the installation).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from boletin_tui import ui_state


@dataclass(frozen=True, slots=True)
class Start:
    paths: list[Path]  # [] for the sample corpus
    label: str  # the corpus, as the header names it
    bulletin: str | None  # the bulletin to show first, if remembered
    resumed: bool  # True when the corpus was not given but remembered


def corpus_label(paths: Sequence[Path]) -> str:
    return ", ".join(p.name or str(p) for p in paths) if paths else "corpus de ejemplo"


def db_label(db_path: str | os.PathLike[str]) -> str:
    """The database as the header names it: relative to this folder when inside it (or one
    of its parents), else with `~` for the home folder."""
    path = Path(os.path.abspath(db_path))
    here = Path.cwd()
    for up, folder in enumerate((here, *here.parents)):
        if up > 3:
            break
        if path.is_relative_to(folder) and folder != Path(folder.anchor):
            return str(Path(*([".."] * up), path.relative_to(folder)))
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)


def _as_stored(paths: Sequence[Path]) -> list[str]:
    return [os.path.abspath(p) for p in paths]


def start(paths: Sequence[Path], db_path: str | os.PathLike[str]) -> Start:
    """What to open (see the module docstring)."""
    state = ui_state.load(db_path)
    remembered = state.get("corpus")
    bulletin = state.get("bulletin") if isinstance(state.get("bulletin"), str) else None
    if paths:
        same = isinstance(remembered, list) and remembered == _as_stored(paths)
        return Start(list(paths), corpus_label(paths), bulletin if same else None, False)
    if isinstance(remembered, list) and all(isinstance(p, str) for p in remembered):
        chosen = [Path(p) for p in remembered]
        if all(p.exists() for p in chosen):
            return Start(chosen, corpus_label(chosen), bulletin, True)
    return Start([], corpus_label([]), None, False)


def remember(db_path: str | os.PathLike[str], paths: Sequence[Path], key: str | None) -> bool:
    """Keep `paths` (`[]`: the sample) and the bulletin shown for the next launch."""
    return ui_state.save(db_path, corpus=_as_stored(paths), bulletin=key)


def header_text(
    label: str, db_path: Path | None, *, resumed: bool = False, resumed_at: str | None = None
) -> str:
    """The header's line: the corpus `label`, where it resumed (`resumed`: the corpus was
    remembered; `resumed_at`: the bulletin it went back to), the database in use."""
    parts = [label]
    if resumed or resumed_at:
        parts.append(f"retomado en {resumed_at}" if resumed_at else "retomado")
    if db_path is not None:
        parts.append(f"base: {db_label(db_path)}")
    return " · ".join(parts)
