"""`entities`: what the recogniser finds, on the command line (`figures` is in figures_cmd).

It imports no Textual: it reads the corpus and calls the pure `entities` package, imported
inside the run function so that other commands (`boletin-tui list`) never pay for loading its
gazetteers and compiling its patterns.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from boletin_tui.commands.common import add_corpus_args, load_corpus_from_args

# The same as `boletin_tui.entities.TYPES` (a test checks), spelt out so that registering the
# command-line options does not import the recogniser.
TYPES = ("PERSON", "ORG", "PLACE", "FIGURE", "DATE")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("entities", help="personas, instituciones, lugares, cifras y fechas")
    add_corpus_args(p)
    p.add_argument("--json", action="store_true", help="imprime un arreglo JSON de menciones")
    p.add_argument(
        "--type",
        dest="types",
        action="append",
        choices=TYPES,
        metavar="TIPO",
        help="sólo menciones de este tipo (PERSON, ORG, PLACE, FIGURE, DATE); repetible",
    )
    p.set_defaults(func=run_entities)


def _format_value(value: int | float | None) -> str:
    if value is None:
        return ""
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def run_entities(args: argparse.Namespace) -> int:
    from boletin_tui.entities import recognise_bulletin

    corpus = load_corpus_from_args(args)
    wanted = set(args.types or TYPES)
    rows = [(b, m) for b in corpus.bulletins for m in recognise_bulletin(b) if m.type in wanted]
    if args.json:
        json.dump([m.to_json(b.key) for b, m in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    table = Table(title=f"{len(rows)} menciones en {len(corpus.bulletins)} boletines")
    for column in ("Clave", "Tipo", "Texto", "Posición", "Entidad o valor"):
        table.add_column(column, no_wrap=column in ("Clave", "Tipo", "Posición"))
    for b, m in rows:
        detail = (
            " ".join(x for x in (_format_value(m.value), m.unit, m.noun) if x)
            if m.type == "FIGURE"
            else m.entity
            if m.entity and m.entity != m.text
            else ""
        )
        table.add_row(b.key, m.type, escape(m.text), f"{m.start}-{m.end}", escape(detail))
    Console().print(table)
    return 0
