"""`entities`: what the recogniser finds, on the command line (`figures` is in figures_cmd).

It imports no Textual: it reads the corpus and calls the pure `entities` package, imported
inside the run function so that other commands (`boletin-tui list`) never pay for loading its
gazetteers and compiling its patterns.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from boletin_tui.commands.common import add_corpus_args, load_corpus_from_args
from boletin_tui.commands.output import json_line, table
from boletin_tui.entity_types import TYPES
from boletin_tui.formatting import format_figure
from boletin_tui.wording import plural


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("entities", help="personas, instituciones, lugares, cifras y fechas")
    add_corpus_args(p)
    p.add_argument("--json", action="store_true", help="imprime un arreglo JSON de menciones")
    p.add_argument(
        "--type",
        dest="types",
        action="append",
        choices=TYPES,
        type=str.upper,
        metavar="TIPO",
        help="sólo menciones de este tipo (PERSON, ORG, PLACE, FIGURE, DATE); repetible",
    )
    p.set_defaults(func=run_entities)


def run_entities(args: argparse.Namespace) -> int:
    from boletin_tui.entities import recognise_bulletin

    corpus = load_corpus_from_args(args)
    wanted = set(args.types or TYPES)
    rows = [(b, m) for b in corpus.bulletins for m in recognise_bulletin(b) if m.type in wanted]
    if args.json:
        sys.stdout.write(json_line([m.to_json(b.key) for b, m in rows], indent=2) + "\n")
        return 0
    table(
        f"{plural(len(rows), 'mención', 'menciones')} en "
        f"{plural(len(corpus.bulletins), 'boletín', 'boletines')}",
        ("Clave", "Tipo", "Texto", "Posición", "Entidad o valor"),
        [(b.key, m.type, m.text, f"{m.start}-{m.end}", _detail(m)) for b, m in rows],
        no_wrap=("Clave", "Tipo", "Posición"),
    )
    return 0


def _detail(m: Any) -> str:
    if m.type == "FIGURE":
        return " ".join(x for x in (format_figure(m.value, m.unit), m.noun) if x)
    return m.entity if m.entity and m.entity != m.text else ""
