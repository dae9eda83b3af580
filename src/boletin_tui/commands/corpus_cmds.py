"""`list`, `check` and `show`: the corpus on the command line."""

from __future__ import annotations

import argparse
import os
import sys

from rich.text import Text

from boletin_tui.commands.common import (
    UsageError,
    add_corpus_args,
    add_db_args,
    load_corpus_from_args,
)
from boletin_tui.commands.output import console, is_terminal, table, write_json_array
from boletin_tui.corpus import Bulletin, Corpus, normalise_key
from boletin_tui.corpus.keys import plausible_year
from boletin_tui.safe_text import safe_text
from boletin_tui.store import resolve_db_path
from boletin_tui.store.journal_report import report as journal_report
from boletin_tui.wording import plural


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="lista los boletines (tabla o --json)")
    add_corpus_args(p)
    p.add_argument("--json", action="store_true", help="imprime un arreglo JSON")
    p.set_defaults(func=run_list)

    p = sub.add_parser(
        "check",
        help="informa archivos omitidos, números en conflicto, duplicados y pasajes huérfanos",
    )
    add_corpus_args(p)
    add_db_args(p)
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
    table(
        plural(len(corpus.bulletins), "boletín", "boletines"),
        ("Clave", "Fecha", "Ciudad", "Título"),
        [
            (b.key, b.date.isoformat() if b.date else "sin fecha", b.city or "", b.title)
            for b in corpus.bulletins
        ],
        expand=True,
        no_wrap=("Clave", "Fecha"),
        ratios={"Título": 3},
    )
    if corpus.skipped:
        n = len(corpus.skipped)
        print(
            f"{plural(n, 'archivo omitido', 'archivos omitidos')}; "
            "`boletin-tui check` dice por qué.",
            file=sys.stderr,
        )
    return 0


def problem_lines(corpus: Corpus) -> list[tuple[str, str]]:
    """Skipped files, number conflicts, duplicates and implausible years, as (label, text)."""
    lines = [("omitido", f"{s.path}: {s.reason}") for s in corpus.skipped]
    for c in corpus.conflicts:
        where = "; ".join(f"{k} ← {s}" for k, s in zip(c.keys, c.sources, strict=False))
        lines.append(
            ("conflicto", f"el número {c.number_key} aparece en boletines distintos: {where}")
        )
    for key, sources in corpus.duplicates:
        n = plural(len(sources), "archivo", "archivos")
        lines.append(("duplicado", f"{key} está en {n}: " + "; ".join(sources)))
    for b in corpus.bulletins:
        if b.number and not plausible_year(b.key):
            lines.append(
                ("año dudoso", f"{b.key} (impreso «No. {b.number}») en {'; '.join(b.sources)}")
            )
    return lines


def decoding_warnings(corpus: Corpus) -> list[tuple[str, str]]:
    """Files read as UTF-8 despite a few bytes that are not (see `corpus.decode`): where the
    bad bytes are, by byte offset and line, so the user can mend the file."""
    lines = []
    for b in corpus.bulletins:
        if "\ufffd" not in b.text:
            continue
        for source in b.sources:
            offsets = _bad_offsets(source)
            if not offsets:
                continue
            data_lines = [f"byte {off} (línea {line})" for off, line in offsets[:5]]
            more = f" y {len(offsets) - 5} más" if len(offsets) > 5 else ""
            what = plural(len(offsets), "byte que no es UTF-8", "bytes que no son UTF-8")
            lines.append(
                ("aviso", f"{source}: {what}, mostrados como �: {', '.join(data_lines)}{more}")
            )
    return lines


_READ_LIMIT = 5 * 2**20  # the reader's own limit (corpus.load); larger files were not read


def _bad_offsets(source: str) -> list[tuple[int, int]]:
    if source.lower().endswith(".docx"):
        return []
    try:
        if not os.path.isfile(source) or os.path.getsize(source) > _READ_LIMIT:
            return []
        with open(source, "rb") as handle:
            data = handle.read()
    except OSError:
        return []
    from boletin_tui.corpus.decode import bad_utf8_offsets

    return [(off, data.count(b"\n", 0, off) + 1) for off in bad_utf8_offsets(data)]


_STYLES = {
    "omitido": "yellow",
    "conflicto": "red",
    "duplicado": "cyan",
    "año dudoso": "magenta",
    "aviso": "yellow",
    "pasaje huérfano": "red",
    "anotaciones": "red",
}


def run_check(args: argparse.Namespace) -> int:
    """Problems (skipped files, conflicts, duplicates, implausible years, passages of the
    `--db` database no longer found in their bulletin's text: exit 1) and warnings (damaged
    bytes read as U+FFFD: reported, exit unchanged)."""
    corpus = load_corpus_from_args(args)
    from boletin_tui.commands.passage_cmds import orphan_lines

    problems = problem_lines(corpus)
    orphans, moved = orphan_lines(corpus, args)
    problems += orphans
    warnings = decoding_warnings(corpus)
    journal_problems, journal_warnings = journal_report(resolve_db_path(args.db))  # journal
    problems += [("anotaciones", text) for text in journal_problems]
    warnings += [("aviso", text) for text in journal_warnings]
    out = console()
    for label, text in problems + warnings:
        line = Text(label, style=_STYLES[label])
        line.append(" " + safe_text(text, newlines=False))
        out.print(line, soft_wrap=True)  # never broken inside a path or a command to copy
    if moved:
        relocated = plural(moved, "pasaje reubicado", "pasajes reubicados")
        out.print(Text(f"{relocated} porque el texto cambió."))
    read = plural(len(corpus.bulletins), "boletín leído", "boletines leídos")
    found = plural(len(problems), "problema", "problemas") if problems else "sin problemas"
    if warnings:
        found += "; " + plural(len(warnings), "aviso", "avisos")
    out.print(Text(f"{read}; {found}."))
    return 1 if problems else 0


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
    out = console()
    # Piped, the pieces join into the exact text; at a terminal, a piece that ends inside a
    # (very long) paragraph ends its line there, as Rich wraps each piece on its own.
    inside = "\n" if is_terminal() else ""
    pieces = render_bulletin(bulletin)
    for piece in pieces[:-1]:
        out.print(piece, end="" if piece.plain.endswith("\n") else inside)
    out.print(pieces[-1])
    return 0


def render_bulletin(b: Bulletin) -> list[Text]:
    """A bulletin as Rich `Text` pieces to print one after another: terminal-safe, never
    markup, no highlighter (Rich's regex highlighter is quadratic on long unbroken text), and
    no piece longer than `PIECE` characters (Rich's line splitting is quadratic in the lines
    of one piece), so printing is linear in the bulletin's size."""
    head = " · ".join(
        x
        for x in (b.kind, b.number and f"No. {b.number}", b.date and b.date.isoformat(), b.city)
        if x
    )
    pieces: list[Text] = []
    out = Text()

    def line(text: str, style: str = "") -> None:
        nonlocal out
        chunks = _chunks(safe_text(text))
        for i, chunk in enumerate(chunks):
            out.append(chunk, style=style)
            if len(out) >= PIECE and i < len(chunks) - 1:  # a piece ends inside the line
                pieces.append(out)
                out = Text()
        out.append("\n")
        if len(out) >= PIECE:  # a piece ends with the line
            pieces.append(out)
            out = Text()

    if head:
        line(head, "dim")
    line(b.title, "bold")
    line("")
    for h in b.highlights:
        out.append("  • ")
        line(h, "italic")
    if b.highlights:
        line("")
    for p in b.paragraphs:
        line(p + "\n")
    for link in b.links:
        out.append(safe_text(link.label) + ":", style="dim")
        line(" " + link.url)
    out.append(safe_text(f"clave {b.key} · {'; '.join(b.sources)}"), style="dim")
    pieces.append(out)
    return pieces


PIECE = 8192


def _chunks(text: str) -> list[str]:
    """`text` cut into pieces of at most `PIECE` characters, after a space where there is one
    (a paragraph that long is printed as consecutive lines, wrapped piece by piece)."""
    if len(text) <= PIECE:
        return [text]
    out = []
    while len(text) > PIECE:
        cut = text.rfind(" ", PIECE // 2, PIECE) + 1 or PIECE
        out.append(text[:cut])
        text = text[cut:]
    return [*out, text]
