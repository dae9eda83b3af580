"""`tag`, `untag`, `note`, `export` and `import`: the annotation store on the command line.

Exit status: 0 done; 1 the database is damaged, busy or unwritable, or an import file is bad
(one Spanish message on standard error, nothing changed); 2 bad usage or an invalid key.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from pathlib import Path

from boletin_tui.commands.common import UsageError, add_corpus_args, add_db_args
from boletin_tui.store import Annotation, AnnotationStore, StoreError, resolve_db_path
from boletin_tui.store.exchange import FORMATS, export_rows, read_export, write_export
from boletin_tui.store.model import TAG_SEPARATOR


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tag", help="añade etiquetas a un boletín")
    add_db_args(p)
    p.add_argument("key", metavar="KEY", help="clave del boletín, p. ej. 119/2020")
    p.add_argument("tags", nargs="+", metavar="TAG", help="etiquetas a añadir")
    p.set_defaults(func=run_tag)

    p = sub.add_parser("untag", help="quita etiquetas de un boletín")
    add_db_args(p)
    p.add_argument("key", metavar="KEY", help="clave del boletín, p. ej. 119/2020")
    p.add_argument("tags", nargs="+", metavar="TAG", help="etiquetas a quitar")
    p.set_defaults(func=run_untag)

    p = sub.add_parser("note", help="escribe la nota de un boletín")
    add_db_args(p)
    p.add_argument("key", metavar="KEY", help="clave del boletín, p. ej. 119/2020")
    p.add_argument("text", metavar="TEXT", help="texto de la nota; «-» la lee de la entrada")
    p.set_defaults(func=run_note)

    p = sub.add_parser("export", help="exporta las anotaciones (CSV, JSON Lines o JSON)")
    add_db_args(p)
    p.add_argument("--format", choices=FORMATS, default="csv", help="formato (por omisión csv)")
    p.add_argument("--excel", action="store_true", help="CSV con BOM para que Excel lea acentos")
    p.add_argument("-o", "--output", metavar="OUT", help="archivo de salida (por omisión, stdout)")
    add_corpus_args(p)
    p.set_defaults(func=run_export)

    p = sub.add_parser("import", help="importa anotaciones exportadas (csv, jsonl o json)")
    add_db_args(p)
    p.add_argument("file", metavar="FILE", help="archivo exportado por boletin-tui")
    p.set_defaults(func=run_import)


def _guarded(args: argparse.Namespace, action: Callable[[AnnotationStore], int]) -> int:
    """Open the store, run `action`, and turn store errors into a message and status 1."""
    try:
        store = AnnotationStore(resolve_db_path(args.db), args.annotator)
        try:
            return action(store)
        finally:
            store.close()
    except StoreError as exc:
        print(f"boletin-tui {args.command}: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # an invalid bulletin key
        raise UsageError(f"boletin-tui {args.command}: {exc}") from None


def _describe(annotation: Annotation | None, key: str) -> str:
    if annotation is None:
        return f"{key}: sin anotaciones"
    tags = TAG_SEPARATOR.join(annotation.tags) or "(ninguna)"
    return f"{annotation.key}: etiquetas: {tags}"


def _key(args: argparse.Namespace) -> str:
    from boletin_tui.corpus.keys import normalise_key

    try:
        return normalise_key(args.key)
    except ValueError as exc:
        raise UsageError(f"boletin-tui {args.command}: {exc}") from None


def run_tag(args: argparse.Namespace) -> int:
    key = _key(args)
    return _guarded(args, lambda store: print(_describe(store.add_tags(key, args.tags), key)) or 0)


def run_untag(args: argparse.Namespace) -> int:
    key = _key(args)
    return _guarded(args, lambda s: print(_describe(s.remove_tags(key, args.tags), key)) or 0)


def run_note(args: argparse.Namespace) -> int:
    key = _key(args)
    text = args.text
    if text == "-":
        data = sys.stdin.buffer.read()
        text = data.decode("utf-8-sig", errors="replace").rstrip("\r\n")

    def action(store: AnnotationStore) -> int:
        saved = store.set_note(key, text)
        if saved.note:
            print(f"{saved.key}: nota guardada ({len(saved.note)} caracteres)")
        else:
            print(f"{saved.key}: nota borrada")
        return 0

    return _guarded(args, action)


def run_export(args: argparse.Namespace) -> int:
    def action(store: AnnotationStore) -> int:
        annotations = store.all()
        rows = export_rows(annotations, _bulletins(args) if annotations else None)
        if args.output:
            try:
                write_export(rows, args.output, args.format, args.excel)
            except OSError as exc:
                raise StoreError(
                    f"No se pudo escribir {args.output}: {exc.strerror or exc}."
                ) from exc
            what = "anotación exportada" if len(rows) == 1 else "anotaciones exportadas"
            print(f"{len(rows)} {what} a {args.output}", file=sys.stderr)
            return 0
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # stdout replaced by a text stream (tests, embedding)
            write_export(rows, sys.stdout, args.format, args.excel)
            return 0
        sys.stdout.flush()
        out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        try:
            write_export(rows, out, args.format, args.excel)
        finally:
            out.detach()
        return 0

    return _guarded(args, action)


def _bulletins(args: argparse.Namespace) -> dict | None:
    """The corpus by key, for the number, date, title and source columns (None if unreadable)."""
    from boletin_tui.commands.common import load_corpus_from_args

    try:
        return load_corpus_from_args(args).by_key()
    except UsageError:
        raise
    except Exception as exc:  # noqa: BLE001 - the export is still useful without corpus columns
        print(
            f"boletin-tui export: no se pudo leer el corpus ({exc}); se exporta sin sus columnas",
            file=sys.stderr,
        )
        return None


def run_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"boletin-tui import: no existe el archivo: {path}")

    def action(store: AnnotationStore) -> int:
        incoming = read_export(path)
        before = {a.key: a for a in store.all()}
        results = store.merge_many(incoming)
        added = sum(1 for a in {r.key for r in results} if a not in before)
        changed = sum(
            1
            for r in {r.key: r for r in results}.values()
            if r.key in before and before[r.key] != r
        )
        print(
            f"{len(incoming)} anotaciones leídas de {path}: {added} nuevas, "
            f"{changed} combinadas, {len({r.key for r in results}) - added - changed} "
            "sin cambios"
        )
        return 0

    return _guarded(args, action)
