"""`entities` and `figures`: what the recogniser finds, on the command line.

Neither imports Textual: they read the corpus and call the pure `entities` package, imported
inside the run functions so that other commands (`boletin-tui list`) never pay for loading its
gazetteers and compiling its patterns.
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any, TextIO

from boletin_tui.commands.common import add_corpus_args, load_corpus_from_args
from boletin_tui.commands.output import json_line, table
from boletin_tui.corpus import Corpus
from boletin_tui.wording import os_error, plural

# The same as `boletin_tui.entities.TYPES` (a test checks), spelt out so that registering the
# command-line options does not import the recogniser.
TYPES = ("PERSON", "ORG", "PLACE", "FIGURE", "DATE")

FIGURE_COLUMNS = ("clave", "fecha", "cifra", "valor", "unidad", "calificador", "oracion")


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

    p = sub.add_parser("figures", help="las cifras de los boletines (tabla o --csv)")
    add_corpus_args(p)
    p.add_argument("--csv", metavar="FILE", help="escribe las cifras como CSV ('-' para la salida)")
    p.set_defaults(func=run_figures)


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
        return f"{_format_value(m.value)} {m.unit or ''}".strip()
    return m.entity if m.entity and m.entity != m.text else ""


def figure_rows(corpus: Corpus) -> list[dict[str, Any]]:
    """One dict per figure in the corpus, with the `FIGURE_COLUMNS` keys."""
    from boletin_tui.entities import recognise_bulletin
    from boletin_tui.entities.sentences import sentence_around

    rows = []
    for b in corpus.bulletins:
        text = b.text
        for m in recognise_bulletin(b):
            if m.type != "FIGURE":
                continue
            rows.append(
                {
                    "clave": b.key,
                    "fecha": b.date.isoformat() if b.date else "",
                    "cifra": m.text,
                    "valor": m.value,
                    "unidad": m.unit or "",
                    "calificador": m.qualifier or "",
                    "oracion": sentence_around(text, m.start, m.end),
                }
            )
    return rows


def run_figures(args: argparse.Namespace) -> int:
    corpus = load_corpus_from_args(args)
    rows = figure_rows(corpus)
    if args.csv:
        try:
            if args.csv == "-":
                _write_csv(rows, sys.stdout)
            else:
                with open(args.csv, "w", encoding="utf-8", newline="") as handle:
                    _write_csv(rows, handle)
        except BrokenPipeError:
            raise  # the reader went away; the entry point treats it as success
        except OSError as exc:  # a failed write: status 1, as for every command
            print(
                f"boletin-tui figures: no se pudo escribir {args.csv}: {os_error(exc)}",
                file=sys.stderr,
            )
            return 1
        if args.csv != "-":
            n = plural(len(rows), "cifra escrita", "cifras escritas")
            print(f"{n} en {args.csv}", file=sys.stderr)
        return 0
    table(
        f"{plural(len(rows), 'cifra', 'cifras')} en "
        f"{plural(len(corpus.bulletins), 'boletín', 'boletines')}",
        ("Clave", "Fecha", "Valor", "Unidad", "Oración"),
        [
            (
                r["clave"],
                r["fecha"] or "sin fecha",
                f"{r['calificador']} {_format_value(r['valor'])}".strip(),
                r["unidad"],
                r["oracion"],
            )
            for r in rows
        ],
        no_wrap=("Clave", "Fecha", "Valor", "Unidad"),
        right=("Valor",),
    )
    return 0


def _write_csv(rows: list[dict[str, Any]], handle: TextIO) -> None:
    writer = csv.DictWriter(handle, fieldnames=FIGURE_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
