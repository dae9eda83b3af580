"""`entities` and `figures`: what the recogniser finds, on the command line.

Neither imports Textual: they read the corpus and call the pure `entities` package, imported
inside the run functions so that other commands (`boletin-tui list`) never pay for loading its
gazetteers and compiling its patterns.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from boletin_tui.commands.common import UsageError, add_corpus_args, load_corpus_from_args
from boletin_tui.entity_types import TYPES
from boletin_tui.formatting import format_figure

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
        metavar="TIPO",
        help="sólo menciones de este tipo (PERSON, ORG, PLACE, FIGURE, DATE); repetible",
    )
    p.set_defaults(func=run_entities)

    p = sub.add_parser("figures", help="las cifras de los boletines (tabla o --csv)")
    add_corpus_args(p)
    p.add_argument("--csv", metavar="FILE", help="escribe las cifras como CSV ('-' para la salida)")
    p.set_defaults(func=run_figures)


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
            format_figure(m.value, m.unit)
            if m.type == "FIGURE"
            else m.entity
            if m.entity and m.entity != m.text
            else ""
        )
        table.add_row(b.key, m.type, escape(m.text), f"{m.start}-{m.end}", escape(detail))
    Console().print(table)
    return 0


def figure_rows(corpus) -> list[dict]:
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
        except OSError as exc:
            raise UsageError(
                f"boletin-tui figures: no se pudo escribir {args.csv}: {exc.strerror or exc}"
            ) from None
        if args.csv != "-":
            print(f"{len(rows)} cifras escritas en {args.csv}", file=sys.stderr)
        return 0
    table = Table(title=f"{len(rows)} cifras en {len(corpus.bulletins)} boletines")
    table.add_column("Clave", no_wrap=True)
    table.add_column("Fecha", no_wrap=True)
    table.add_column("Valor", justify="right", no_wrap=True)
    table.add_column("Unidad", no_wrap=True)
    table.add_column("Oración")
    for r in rows:
        value = format_figure(r["valor"], None, r["calificador"] or None)
        table.add_row(
            r["clave"], r["fecha"] or "sin fecha", value, escape(r["unidad"]), escape(r["oracion"])
        )
    Console().print(table)
    return 0


def _write_csv(rows: list[dict], handle) -> None:
    writer = csv.DictWriter(handle, fieldnames=FIGURE_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
