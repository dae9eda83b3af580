"""`figures`: every figure of the corpus, or the series of one noun (`--noun`).

    boletin-tui figures [--noun WORD] [--json | --csv FILE [--excel] | --xlsx FILE] [PATH ...]

Rows come from `entities.figures_table` (oldest bulletin first, undated last). With `--noun`
only the figures whose noun matches WORD (folded, singular, whole words) are listed, each with
its change from the previous value of the series (`change`, `change_pct`). Column names are
English in every format, as in `export` (README: "CSV headers").
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any, TextIO

from boletin_tui.commands.common import add_corpus_args, load_corpus_from_args
from boletin_tui.commands.output import json_line, table
from boletin_tui.wording import os_error, plural

FIGURE_COLUMNS = ("key", "date", "figure", "value", "unit", "qualifier", "noun", "sentence")
CHANGE_COLUMNS = ("change", "change_pct")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("figures", help="las cifras de los boletines (tabla, JSON, CSV o xlsx)")
    add_corpus_args(p)
    p.add_argument(
        "--noun",
        metavar="PALABRA",
        help="sólo las cifras que cuentan esto (p. ej. residente), con el cambio entre boletines",
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="imprime una lista JSON de objetos")
    out.add_argument("--csv", metavar="FILE", help="escribe CSV ('-' para la salida estándar)")
    out.add_argument("--xlsx", metavar="FILE", help="escribe un libro de Excel (extra «excel»)")
    p.add_argument(
        "--excel",
        action="store_true",
        help="CSV para Excel: BOM y celdas que empiezan con = + - @ precedidas de '",
    )
    p.set_defaults(func=run_figures)


def _format_value(value: int | float | None) -> str:
    if value is None:
        return ""
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def figure_records(args: argparse.Namespace) -> tuple[list[dict[str, Any]], tuple[str, ...], int]:
    """The rows to print (typed: date objects, numbers, None), their columns, and the number
    of bulletins read."""
    from boletin_tui.entities.figures_table import FiguresTable

    corpus = load_corpus_from_args(args)
    table = FiguresTable.from_bulletins(corpus.bulletins)
    columns: tuple[str, ...] = FIGURE_COLUMNS
    if args.noun is not None:
        columns = FIGURE_COLUMNS + CHANGE_COLUMNS
        points = table.series(args.noun)
        records = [
            {**_record(p.row), "change": p.change, "change_pct": p.change_pct} for p in points
        ]
    else:
        records = [_record(r) for r in table.rows]
    return records, columns, len(corpus.bulletins)


def _record(row: Any) -> dict[str, Any]:
    return {
        "key": row.key,
        "date": row.date,
        "figure": row.figure,
        "value": row.value,
        "unit": row.unit,
        "qualifier": row.qualifier,
        "noun": row.noun,
        "sentence": row.sentence,
    }


def run_figures(args: argparse.Namespace) -> int:
    if args.excel and not args.csv:
        print("boletin-tui figures: --excel sólo vale con --csv", file=sys.stderr)
        return 2
    records, columns, count = figure_records(args)
    if args.json:
        data = [{**r, "date": r["date"].isoformat() if r["date"] else None} for r in records]
        sys.stdout.write(json_line(data, indent=2) + "\n")
        return 0
    if args.csv or args.xlsx:
        return _write_file(args, records, columns)
    _print_table(args, records, count)
    return 0


def _write_file(
    args: argparse.Namespace, records: list[dict[str, Any]], columns: tuple[str, ...]
) -> int:
    target = args.xlsx or args.csv
    try:
        if args.xlsx:
            from boletin_tui.exports.xlsx import ExcelUnavailable, write_xlsx

            try:
                write_xlsx(args.xlsx, columns, records, sheet="cifras")
            except ExcelUnavailable as exc:
                print(f"boletin-tui figures: {exc}", file=sys.stderr)
                return 1
        elif args.csv == "-":
            _write_csv(records, columns, sys.stdout, args.excel)
        else:
            encoding = "utf-8-sig" if args.excel else "utf-8"
            with open(args.csv, "w", encoding=encoding, newline="") as handle:
                _write_csv(records, columns, handle, args.excel)
    except BrokenPipeError:
        raise  # the reader went away; the entry point treats it as success
    except OSError as exc:
        print(
            f"boletin-tui figures: no se pudo escribir {target}: {os_error(exc)}", file=sys.stderr
        )
        return 1
    if target != "-":
        print(
            f"{plural(len(records), 'cifra escrita', 'cifras escritas')} en {target}",
            file=sys.stderr,
        )
    return 0


def _write_csv(
    records: list[dict[str, Any]], columns: tuple[str, ...], handle: TextIO, excel: bool
) -> None:
    """RFC 4180 CSV; `excel` neutralises formula-like text cells (`exports.cells`)."""
    from boletin_tui.exports.cells import neutralise

    rows = []
    for r in records:
        row = {k: ("" if v is None else v.isoformat() if k == "date" else v) for k, v in r.items()}
        rows.append({k: neutralise(v) for k, v in row.items()} if excel else row)
    if excel and handle is sys.stdout:
        handle.write("\ufeff")
    writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)


def _print_table(args: argparse.Namespace, records: list[dict[str, Any]], count: int) -> None:
    title = f"{plural(len(records), 'cifra', 'cifras')} en {plural(count, 'boletín', 'boletines')}"
    if args.noun is not None:
        title += f" · sustantivo «{args.noun}»"
    columns = ["Clave", "Fecha", "Valor", "Unidad", "Sustantivo"]
    if args.noun is not None:
        columns.append("Cambio")
    columns.append("Oración")
    rows = []
    for r in records:
        value = _format_value(r["value"])
        if r["qualifier"]:
            value = f"{r['qualifier']} {value}"
        cells = [
            r["key"],
            r["date"].isoformat() if r["date"] else "sin fecha",
            value,
            r["unit"] or "",
            r["noun"] or "",
        ]
        if args.noun is not None:
            cells.append(_format_change(r["change"], r["change_pct"]))
        cells.append(r["sentence"])
        rows.append(cells)
    table(
        title,
        columns,
        rows,
        no_wrap=("Clave", "Fecha", "Valor", "Unidad", "Cambio"),
        right=("Valor", "Cambio"),
    )


def _format_change(change: int | float | None, pct: float | None) -> str:
    if change is None:
        return ""
    sign = "+" if change > 0 else ""
    text = f"{sign}{_format_value(change)}"
    return f"{text} ({sign}{pct:.1f} %)" if pct is not None else text
