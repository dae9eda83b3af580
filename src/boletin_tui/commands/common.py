"""Pieces the subcommands share: corpus and database options, and usage errors."""

from __future__ import annotations

import argparse
from pathlib import Path

from boletin_tui.corpus import Corpus
from boletin_tui.wording import plural


class UsageError(Exception):
    """Bad usage or a missing path: the CLI prints the message and exits with status 2."""


def add_corpus_args(parser: argparse.ArgumentParser) -> None:
    """PATH ... plus the cache options, for every command that reads bulletins."""
    parser.add_argument(
        "paths",
        nargs="*",
        default=[],
        metavar="RUTA",
        help="archivos o carpetas de boletines (por omisión, el corpus de ejemplo)",
    )
    parser.add_argument("--cache-dir", metavar="DIR", help="carpeta de la caché de lectura")
    parser.add_argument("--no-cache", action="store_true", help="no usar la caché de lectura")


def add_db_args(parser: argparse.ArgumentParser) -> None:
    """--db FILE and --annotator NAME, for every command that touches annotations."""
    parser.add_argument(
        "--db",
        metavar="ARCHIVO",
        help="base de anotaciones (por omisión $BOLETIN_TUI_DB o annotations/annotations.json)",
    )
    parser.add_argument("--annotator", metavar="NOMBRE", help="nombre de quien anota")


def corpus_paths(args: argparse.Namespace) -> list[Path]:
    """The paths to read, or the bundled sample; a missing path is a UsageError."""
    paths = [Path(p) for p in getattr(args, "paths", []) or []]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        what = plural(len(missing), "la ruta", "las rutas", number=False)
        raise UsageError(f"boletin-tui: no existe {what}: {', '.join(missing)}")
    if paths:
        return paths
    from boletin_tui.corpus import sample_corpus_path  # the loader: not for every command

    return [sample_corpus_path()]


def load_corpus_from_args(args: argparse.Namespace) -> Corpus:
    """Read the corpus the command line names (see `add_corpus_args`)."""
    from boletin_tui.corpus import load_corpus  # the parser: only for commands that read files

    paths = corpus_paths(args)
    corpus = load_corpus(
        paths,
        cache_dir=getattr(args, "cache_dir", None),
        use_cache=not getattr(args, "no_cache", False),
    )
    if not getattr(args, "paths", None):
        corpus.label = "corpus de ejemplo"
    return corpus
