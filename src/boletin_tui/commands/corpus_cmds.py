"""`list`, `check` and `show`: the corpus on the command line."""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from boletin_tui.commands.common import UsageError, add_corpus_args, load_corpus_from_args
from boletin_tui.corpus import Bulletin, Corpus, normalise_key


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="lista los boletines (tabla o --json)")
    add_corpus_args(p)
    p.add_argument("--json", action="store_true", help="imprime un arreglo JSON")
    p.set_defaults(func=run_list)

    p = sub.add_parser("check", help="informa archivos omitidos, números en conflicto y duplicados")
    add_corpus_args(p)
    p.set_defaults(func=run_check)

    p = sub.add_parser("show", help="muestra un boletín")
    p.add_argument("key", metavar="CLAVE", help="clave del boletín, p. ej. 119/2020")
    add_corpus_args(p)
    p.set_defaults(func=run_show)


def run_list(args: argparse.Namespace) -> int:
    corpus = load_corpus_from_args(args)
    if args.json:
        write_json_array((b.to_json() for b in corpus.bulletins), sys.stdout)
        return 0
    table = Table(title=f"{len(corpus.bulletins)} boletines", expand=True)
    table.add_column("Clave", no_wrap=True)
    table.add_column("Fecha", no_wrap=True)
    table.add_column("Ciudad")
    table.add_column("Título", ratio=3)
    for b in corpus.bulletins:
        table.add_row(
            b.key,
            b.date.isoformat() if b.date else "sin fecha",
            escape(b.city or ""),
            escape(b.title),
        )
    console = Console()
    console.print(table)
    if corpus.skipped:
        console.print(
            f"[yellow]{len(corpus.skipped)} archivo(s) omitido(s); "
            "`boletin-tui check` dice por qué.[/]"
        )
    return 0


def write_json_array(items, out) -> None:
    """A JSON array, one item at a time: `json.dumps` per item uses the C encoder (`json.dump`
    to a stream does not), and nothing holds the whole document in memory. Indented for a
    person at a terminal, compact when piped."""
    indent = 2 if out.isatty() else None
    out.write("[")
    for i, item in enumerate(items):
        out.write(("," if i else "") + ("\n" if indent else ""))
        out.write(json.dumps(item, ensure_ascii=False, indent=indent))
    out.write("\n]\n" if indent else "]\n")


def report_problems(corpus: Corpus, console: Console) -> None:
    """Print skipped files, number conflicts and duplicates, readable."""
    for s in corpus.skipped:
        console.print(f"[yellow]omitido[/] {escape(s.path)}: {escape(s.reason)}")
    for c in corpus.conflicts:
        console.print(
            f"[red]conflicto[/] el número {c.number_key} aparece en boletines distintos: "
            + "; ".join(f"{k} ← {escape(s)}" for k, s in zip(c.keys, c.sources, strict=True))
        )
    for key, sources in corpus.duplicates:
        console.print(
            f"[cyan]duplicado[/] {key} está en {len(sources)} archivos: "
            + "; ".join(escape(s) for s in sources)
        )


def run_check(args: argparse.Namespace) -> int:
    corpus = load_corpus_from_args(args)
    console = Console()
    report_problems(corpus, console)
    problems = len(corpus.skipped) + len(corpus.conflicts) + len(corpus.duplicates)
    console.print(
        f"{len(corpus.bulletins)} boletines leídos; "
        + ("sin problemas." if not problems else f"{problems} problema(s).")
    )
    return 0 if corpus.clean else 1


def run_show(args: argparse.Namespace) -> int:
    try:
        key = normalise_key(args.key)
    except ValueError as exc:
        raise UsageError(f"boletin-tui show: {exc}") from None
    corpus = load_corpus_from_args(args)
    bulletin = corpus.by_key().get(key)
    if bulletin is None:
        print(f"boletin-tui show: no hay ningún boletín con la clave {key}", file=sys.stderr)
        return 1
    Console().print(render_bulletin(bulletin))
    return 0


def render_bulletin(b: Bulletin) -> str:
    """A bulletin as Rich markup, for the terminal."""
    head = " · ".join(
        x
        for x in (b.kind, b.number and f"No. {b.number}", b.date and b.date.isoformat(), b.city)
        if x
    )
    parts = [f"[dim]{escape(head)}[/]" if head else "", f"[bold]{escape(b.title)}[/]", ""]
    parts += [f"  • [italic]{escape(h)}[/]" for h in b.highlights]
    if b.highlights:
        parts.append("")
    parts += [escape(p) + "\n" for p in b.paragraphs]
    parts += [f"[dim]{escape(link.label)}:[/] {escape(link.url)}" for link in b.links]
    parts.append(f"[dim]clave {b.key} · {'; '.join(escape(s) for s in b.sources)}[/]")
    return "\n".join(p for p in parts if p is not None)
