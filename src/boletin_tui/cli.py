"""The `boletin-tui` entry point.

`boletin-tui [PATH ...] [--db FILE] [--annotator NAME]` opens the app; `boletin-tui COMMAND ...`
runs a subcommand (`list`, `check`, `show`, `entities`, `figures`, `tag`, `untag`, `note`,
`export`, `import`, `config`). Bad usage or a missing path exits with status 2 and one line on
standard error; no command prints a traceback for bad input. `config.toml` supplies the default
database and annotator when neither the command line nor the environment does.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from boletin_tui import __version__
from boletin_tui.commands.common import UsageError
from boletin_tui.config import load_config

COMMAND_MODULES = (
    "boletin_tui.commands.corpus_cmds",
    "boletin_tui.commands.entity_cmds",
    "boletin_tui.commands.store_cmds",
    "boletin_tui.commands.app_cmd",
    "boletin_tui.commands.config_cmd",
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = _Parser(
        prog="boletin-tui",
        description="Lee y anota boletines de prensa en la terminal.",
    )
    parser.add_argument("--version", action="version", version=f"boletin-tui {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMANDO")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser, dict(sub.choices)


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        parser, commands = build_parser()
        if (
            not args_list
            or args_list[0] not in commands
            and args_list[0] not in ("-h", "--help", "--version")
        ):
            # No subcommand: open the app on the given paths.
            args_list = ["app", *args_list]
        args = parser.parse_args(args_list)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        if args.command != "config":
            load_config().apply_defaults(args)
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `boletin-tui list | head`: the reader went away, which is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
