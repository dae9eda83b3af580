"""`app`: open the interface (the default when no other command is given).

Textual is imported only inside `run_app`, so the other commands never load it.
"""

from __future__ import annotations

import argparse
import sys

from boletin_tui.commands.common import add_corpus_args, add_db_args, corpus_paths
from boletin_tui.safe_text import safe_text
from boletin_tui.wording import os_error


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("app", help="abre la aplicación (por omisión)")
    add_corpus_args(p)
    add_db_args(p)
    p.set_defaults(func=run_app)


def run_app(args: argparse.Namespace) -> int:
    """Open the app; a missing path raises `UsageError` (exit 2) and an unusable database
    prints one message on standard error and returns 1, both before the screen opens."""
    from boletin_tui.config import load_config
    from boletin_tui.store import StoreError, resolve_db_path
    from boletin_tui.writes import unsaved_lines

    paths = corpus_paths(args) if args.paths else []
    config = load_config()
    db_path = resolve_db_path(args.db)
    try:
        from boletin_tui.tui import make_app

        app = make_app(
            paths,
            db_path,
            args.annotator,
            cache_dir=args.cache_dir,
            use_cache=not args.no_cache,
            keymap=config.keys,
            theme=config.theme,
            config_problems=config.problems,
        )
    except StoreError as exc:
        print(safe_text(f"boletin-tui: {exc}", newlines=False), file=sys.stderr)
        return 1
    except OSError as exc:
        message = f"boletin-tui: no se pudo abrir la base de anotaciones {db_path}: {os_error(exc)}"
        print(safe_text(message, newlines=False), file=sys.stderr)
        return 1
    for line in app.config_problems:  # stays visible after the app's screen closes
        print(f"boletin-tui: {line}", file=sys.stderr)
    app.run()
    # A signal that left before the store could save (the lock held by another process):
    # the notes go to standard error, so that what was typed is not lost with the screen.
    # (After a hangup there is no standard error: `tui/hangup.py` keeps them in a file.)
    for line in unsaved_lines(app.unsaved_at_exit):
        print(safe_text(line), file=sys.stderr)
    return int(app.return_code or 0)
