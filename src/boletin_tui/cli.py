"""The `boletin-tui` entry point.

`boletin-tui [PATH ...] [--db FILE] [--annotator NAME]` opens the app; `boletin-tui COMMAND ...`
runs a subcommand (`list`, `check`, `show`, `entities`, `figures`, `tag`, `untag`, `note`,
`passage`, `passages`, `export`, `import`, `config`, ...). Options may come anywhere
(`show KEY --no-cache PATH`). Everything is in Spanish, argparse's own messages included.

Exit status: 0 done; 1 a failed write or a command's own failure (a damaged database, a key
not found, problems found by `check`); 2 bad usage or a missing path, with one line on
standard error; 130 interrupted. No command prints a traceback: an unexpected error is one
line too (status 1). Everything printed, by every command but the app, passes through
`safe_text` (see `commands.output`).
`config.toml` supplies the default database and annotator when neither the command line nor
the environment does.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from boletin_tui import __version__
from boletin_tui.commands.argparse_es import SpanishParser, spanish_metavars
from boletin_tui.commands.common import UsageError
from boletin_tui.commands.output import guarded_streams
from boletin_tui.config import load_config
from boletin_tui.safe_text import safe_text
from boletin_tui.wording import os_error

COMMAND_MODULES = (
    "boletin_tui.commands.corpus_cmds",
    "boletin_tui.commands.entity_cmds",
    "boletin_tui.commands.figures_cmd",
    "boletin_tui.commands.store_cmds",
    "boletin_tui.commands.passage_cmds",
    "boletin_tui.commands.team_cmds",
    "boletin_tui.commands.app_cmd",
    "boletin_tui.commands.config_cmd",
)


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = SpanishParser(
        prog="boletin-tui",
        description="Lee y anota boletines de prensa en la terminal.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"boletin-tui {__version__}",
        help="muestra la versión y termina",
    )
    sub = parser.add_subparsers(dest="command", parser_class=SpanishParser, metavar="COMANDO")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for command in sub.choices.values():
        spanish_metavars(command)
    return parser, dict(sub.choices)


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, commands = build_parser()
    if not args_list or (
        args_list[0] not in commands and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list = ["app", *args_list]  # no subcommand: open the app on the given paths
    if args_list[0] == "app":  # the app owns the terminal; it makes its own text safe
        return _run(parser, commands, args_list)
    with guarded_streams():
        return _run(parser, commands, args_list)


def _run(
    parser: argparse.ArgumentParser,
    commands: dict[str, argparse.ArgumentParser],
    args_list: list[str],
) -> int:
    try:
        if args_list[0] not in commands:
            parser.parse_args(args_list)  # -h, --help, --version (exit inside)
            return 2
        # The command's own parser, intermixed: options may follow positionals.
        args = _parse(commands[args_list[0]], args_list[1:])
        args.command = args_list[0]
        _safe_arguments(args)
        if args.command != "config":
            load_config().apply_defaults(args)
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(safe_text(str(exc), newlines=False), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `boletin-tui list | head`: the reader went away, which is not an error.
        sys.stderr.close()
        return 0
    except OSError as exc:  # a read or write the command did not expect to fail
        where = f" {exc.filename}" if exc.filename else ""
        print(safe_text(f"boletin-tui:{where}: {os_error(exc)}", newlines=False), file=sys.stderr)
        return 1
    except (RecursionError, MemoryError, ValueError, TypeError, UnicodeError) as exc:
        print(
            safe_text(f"boletin-tui: error inesperado ({type(exc).__name__}): {exc}")[:500],
            file=sys.stderr,
        )
        return 1


def _safe_arguments(args: argparse.Namespace) -> None:
    """Text that enters the database from the command line (tags, a note, the annotator's
    name) is made terminal-safe first; paths and keys are left as typed (a path must still
    name its file; a bad key is refused with its repr)."""
    if isinstance(getattr(args, "tags", None), list):
        args.tags = [safe_text(tag, newlines=False) for tag in args.tags]
    for name in ("text", "note"):  # `note TEXT`, `passage --note TEXT`
        value = getattr(args, name, None)
        if isinstance(value, str) and value != "-":
            setattr(args, name, safe_text(value))
    if isinstance(getattr(args, "annotator", None), str):
        args.annotator = safe_text(args.annotator, newlines=False)


def _parse(command: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Options anywhere (`show KEY --no-cache PATH`); when that fails, the plain parse's
    message, which names only what is really missing."""
    try:
        return command.parse_intermixed_args(argv)
    except UsageError:
        command.parse_args(argv)  # raises the plain message (or succeeds)
        raise


if __name__ == "__main__":
    raise SystemExit(main())
