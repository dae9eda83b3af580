"""`passage` and `passages`: marking, removing and listing passages on the command line.

`passage KEY QUOTE [--occurrence N] [--tag T ...] [--note TEXT] [PATH ...]` marks where QUOTE
occurs in the bulletin's text (white space in QUOTE matches any white space);
`passage [KEY] --delete ID` removes one; `passages KEY [--json] [PATH ...]` lists them with
where each is found in the current text. Exit status: 0 done; 1 the database is damaged, busy
or unwritable; 2 bad usage: an unknown bulletin, a quote that does not occur, or occurs more
than once without `--occurrence`, an unknown passage id.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from boletin_tui.commands.common import (
    UsageError,
    add_corpus_args,
    add_db_args,
    load_corpus_from_args,
)
from boletin_tui.corpus import Corpus
from boletin_tui.store import AnnotationStore, StoreError, resolve_db_path
from boletin_tui.store.anchor import Anchor, locate, occurrences
from boletin_tui.store.passages import Passage, PassageNotFound

QUOTE_WIDTH = 60


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("passage", help="marca un pasaje de un boletín (o lo borra con --delete)")
    add_db_args(p)
    p.add_argument("key", nargs="?", metavar="KEY", help="clave del boletín, p. ej. 119/2020")
    p.add_argument("quote", nargs="?", metavar="QUOTE", help="texto exacto del pasaje")
    p.add_argument("--occurrence", type=int, metavar="N", help="cuál aparición (1, 2, ...)")
    p.add_argument("--tag", dest="tags", action="append", default=[], metavar="T")
    p.add_argument("--note", metavar="TEXT", help="nota del pasaje («-» la lee de la entrada)")
    p.add_argument("--delete", metavar="ID", help="borra el pasaje con este identificador")
    add_corpus_args(p)
    p.set_defaults(func=run_passage)

    p = sub.add_parser("passages", help="lista los pasajes de un boletín")
    add_db_args(p)
    p.add_argument("key", metavar="KEY", help="clave del boletín, p. ej. 119/2020")
    p.add_argument("--json", action="store_true", help="imprime un arreglo JSON")
    add_corpus_args(p)
    p.set_defaults(func=run_passages)


def plain(text: str, width: int | None = None) -> str:
    """User text safe for one terminal line: white space runs as one space, control
    characters replaced, cut to `width` with an ellipsis."""
    text = " ".join(text.split())
    text = "".join(c if c.isprintable() else "\ufffd" for c in text)
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def _usage(args: argparse.Namespace, message: str) -> UsageError:
    return UsageError(f"boletin-tui {args.command}: {message}")


def _with_store(args: argparse.Namespace, action: Callable[[AnnotationStore], int]) -> int:
    try:
        store = AnnotationStore(resolve_db_path(args.db), args.annotator)
        try:
            return action(store)
        finally:
            store.close()
            for notice in store.notices():  # a journal kept aside (store/journal.py)
                print(f"boletin-tui {args.command}: {notice}", file=sys.stderr)
    except StoreError as exc:
        print(f"boletin-tui {args.command}: {exc}", file=sys.stderr)
        return 1
    except (ValueError, PassageNotFound) as exc:
        raise _usage(args, str(exc)) from None


def _key(args: argparse.Namespace) -> str:
    from boletin_tui.corpus.keys import normalise_key

    try:
        return normalise_key(args.key)
    except ValueError as exc:
        raise _usage(args, str(exc)) from None


def describe(key: str, p: Passage, where: Anchor | None = None) -> str:
    """One line for a passage: id, offsets, status, quote, tags, first line of the note."""
    status = ""
    if where is not None:
        status = f"  [{where.method}]" if where.moved else ""
    parts = [f"{key} {p.id} {p.start}-{p.end}{status} «{plain(p.quote, QUOTE_WIDTH)}»"]
    if p.tags:
        parts.append("etiquetas: " + plain("; ".join(p.tags)))
    if p.note:
        parts.append("nota: " + plain(p.note.splitlines()[0], QUOTE_WIDTH))
    return "  ".join(parts)


def run_passage(args: argparse.Namespace) -> int:
    if args.delete:
        return _run_delete(args)
    if not args.key or args.quote is None:
        raise _usage(args, "indique KEY y QUOTE (o --delete ID)")
    key = _key(args)
    bulletin = load_corpus_from_args(args).by_key().get(key)
    if bulletin is None:
        raise _usage(args, f"no hay ningún boletín con la clave {key}")
    text = bulletin.text
    spans = occurrences(text, args.quote)
    n = args.occurrence
    if not spans:
        raise _usage(args, f"la cita no aparece en {key} (0 veces)")
    if n is None and len(spans) > 1:
        raise _usage(
            args,
            f"la cita aparece {len(spans)} veces en {key}; elija una con --occurrence N "
            f"(1 a {len(spans)})",
        )
    if n is not None and not 1 <= n <= len(spans):
        raise _usage(args, f"la cita aparece {len(spans)} veces en {key}; no hay aparición {n}")
    start, end = spans[(n or 1) - 1]
    note = args.note or ""
    if note == "-":
        note = sys.stdin.buffer.read().decode("utf-8-sig", errors="replace").rstrip("\r\n")

    def action(store: AnnotationStore) -> int:
        passage = store.add_passage(key, text, start, end, args.tags, note)
        print(describe(key, passage))
        return 0

    return _with_store(args, action)


def _run_delete(args: argparse.Namespace) -> int:
    key = _key(args) if args.key else None

    def action(store: AnnotationStore) -> int:
        found = [(k, p) for k, p in store.find_passage(args.delete) if key in (None, k)]
        if not found:
            raise PassageNotFound(args.delete, key)
        if len(found) > 1:
            keys = ", ".join(k for k, _ in found)
            raise _usage(args, f"el pasaje {args.delete} está en {keys}; indique la clave (KEY)")
        gone = store.delete_passage(found[0][0], args.delete)
        print(f"borrado: {describe(found[0][0], gone)}")
        return 0

    return _with_store(args, action)


def run_passages(args: argparse.Namespace) -> int:
    key = _key(args)

    def action(store: AnnotationStore) -> int:
        passages = store.passages(key)
        bulletin = load_corpus_from_args(args).by_key().get(key) if passages else None
        text = bulletin.text if bulletin is not None else None
        if args.json:
            rows = [
                {
                    "key": key,
                    **p.to_json(),
                    "checked": text is not None,
                    "found": _status_json(locate(text, p)) if text is not None else None,
                }
                for p in passages
            ]
            json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return 0
        if not passages:
            print(f"{key}: sin pasajes")
        if passages and text is None:
            print(f"{key}: el boletín no está en estos archivos; posiciones sin comprobar")
        for p in passages:
            where = locate(text, p) if text is not None else None
            line = describe(key, p, where)
            if text is not None and where is None:
                line += "  [huérfano: la cita ya no está en el texto]"
            print(line)
        return 0

    return _with_store(args, action)


def _status_json(where: Anchor | None) -> dict | None:
    """`found` in `passages --json`: where the passage is now; null when orphaned (or when
    `checked` is false: the bulletin was not among the files read)."""
    if where is None:
        return None
    return {"start": where.start, "end": where.end, "method": where.method, "score": where.score}


def orphan_lines(corpus: Corpus, args: argparse.Namespace) -> tuple[list[tuple[str, str]], int]:
    """For `check`: (a (label, text) problem for each passage that cannot be found in its
    bulletin's current text, or one for an unreadable database; how many passages moved).
    Passages of bulletins not in `corpus` are not checked. Reads only; plain text, no markup."""
    path = resolve_db_path(getattr(args, "db", None))
    if not path.exists():
        return [], 0
    try:
        with AnnotationStore(path, getattr(args, "annotator", None)) as store:
            annotations = store.all()
    except StoreError as exc:
        return [("anotaciones", str(exc))], 0
    by_key = corpus.by_key()
    lines: list[tuple[str, str]] = []
    moved = 0
    for a in annotations:
        bulletin = by_key.get(a.key) if a.passages else None
        if bulletin is None:
            continue
        text = bulletin.text
        for p in a.passages:
            where = locate(text, p)
            if where is None:
                quote = plain(p.quote, QUOTE_WIDTH)
                lines.append(
                    ("pasaje huérfano", f"{a.key} {p.id}: «{quote}» ya no está en el texto "
                     "(se conserva)")
                )  # fmt: skip
            elif where.moved:
                moved += 1
    return lines, moved
