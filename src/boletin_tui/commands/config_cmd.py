"""`config`: where the settings file is, and the settings in effect (every action's keys)."""

from __future__ import annotations

import argparse
import os
import sys

from boletin_tui.actions import ACTIONS
from boletin_tui.config import load_config


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("config", help="muestra el archivo de configuración y los ajustes")
    p.set_defaults(func=run_config)


def run_config(args: argparse.Namespace) -> int:
    """Print the path, the settings in effect and every action's keys; problems go to
    standard error (one line each). Exit 0."""
    from boletin_tui.store import default_annotator, resolve_db_path

    config = load_config()
    for line in config.problems:
        print(f"boletin-tui: {line}", file=sys.stderr)
    state = "" if config.exists else " (no existe: se usan los valores por omisión)"
    print(f"archivo: {config.path}{state}")
    db = None if os.environ.get("BOLETIN_TUI_DB") else config.db
    annotator = None if os.environ.get("BOLETIN_TUI_ANNOTATOR") else config.annotator
    print(f"theme = {config.theme or 'textual-dark'}")
    print(f"annotator = {annotator or default_annotator()}")
    print(f"db = {resolve_db_path(db)}")
    print("[keys]")
    keys = config.effective_keys()
    for action in ACTIONS:
        if action.scope != "doc":
            print(f'{action.id} = "{keys[action.id]}"')
    return 0
