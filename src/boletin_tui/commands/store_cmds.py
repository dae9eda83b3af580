"""`tag`, `untag`, `note`, `export` and `import`: the annotation store on the command line.

`export --passages` writes one row per passage; `export --format w3c` W3C Web Annotation
JSON-LD (`store.w3c`); `import` reads all of these back.

Exit status, the same for every command: 0 done; 1 nothing could be written or read (the
database is damaged, busy, read-only or unwritable, an export could not be written, an import
file is unreadable or invalid), with one Spanish message on standard error and nothing changed;
2 bad usage (an invalid or unknown key, a bad option or setting, a missing path or folder, a
note over the size limit).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from boletin_tui.commands.common import UsageError, add_corpus_args, add_db_args
from boletin_tui.corpus.keys import FIRST_YEAR  # years outside [1943, next year]: a typo
from boletin_tui.store import (
    Annotation,
    AnnotationStore,
    BulletinSnapshot,
    StoreError,
    StoreUsageError,
    resolve_db_path,
    split_tags_notice,
)
from boletin_tui.store.exchange import (
    COLUMNS,
    FORMATS,
    export_rows,
    metadata_origin,
    read_export,
    write_export,
    write_text_atomic,
)
from boletin_tui.store.model import TAG_SEPARATOR, normalise_tags


def register(sub: argparse._SubParsersAction) -> None:
    for name, helptext, tagshelp in (
        ("tag", "añade etiquetas a un boletín", "etiquetas a añadir («;» también las separa)"),
        ("untag", "quita etiquetas de un boletín", "etiquetas a quitar"),
    ):
        p = sub.add_parser(name, help=helptext)
        add_db_args(p)
        _add_key_args(p)
        p.add_argument("tags", nargs="+", metavar="TAG", help=tagshelp)
        p.set_defaults(func=run_tag if name == "tag" else run_untag)

    p = sub.add_parser("note", help="escribe la nota de un boletín")
    add_db_args(p)
    _add_key_args(p)
    p.add_argument("text", metavar="TEXT", help="texto de la nota; «-» la lee de la entrada")
    p.set_defaults(func=run_note)

    p = sub.add_parser("export", help="exporta las anotaciones (CSV, JSON Lines, JSON o W3C)")
    add_db_args(p)
    p.add_argument(
        "--format",
        choices=(*FORMATS, "w3c"),
        default="csv",
        help="formato (por omisión csv; w3c: JSON-LD del modelo de anotación web del W3C)",
    )
    p.add_argument("--passages", action="store_true", help="una fila por pasaje")
    p.add_argument(
        "--excel",
        action="store_true",
        help="CSV para Excel: BOM (acentos) y ' ante celdas que empiezan con = + - @",
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", help="archivo de salida (por omisión, o con -, stdout)"
    )
    add_corpus_args(p)
    p.set_defaults(func=run_export)

    p = sub.add_parser("import", help="importa anotaciones exportadas (csv, jsonl, json o W3C)")
    add_db_args(p)
    p.add_argument("file", metavar="FILE", help="archivo exportado por boletin-tui")
    p.set_defaults(func=run_import)


def _add_key_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("key", metavar="KEY", help="clave del boletín, p. ej. 119/2020")
    p.add_argument(
        "--corpus",
        action="append",
        metavar="PATH",
        help="archivo o carpeta de boletines donde comprobar la clave (repetible)",
    )


def _guarded(args: argparse.Namespace, action: Callable[[AnnotationStore], int]) -> int:
    """Open the store, run `action`, and turn store errors into a message and status 1 (2 for
    bad usage: a setting, a missing folder, a note too long)."""
    try:
        store = AnnotationStore(resolve_db_path(args.db), args.annotator)
        try:
            return action(store)
        finally:
            store.close()
            for notice in store.notices():  # a journal kept aside (store/journal.py)
                print(f"boletin-tui {args.command}: {notice}", file=sys.stderr)
    except StoreUsageError as exc:
        raise UsageError(f"boletin-tui {args.command}: {exc}") from None
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


def _key(args: argparse.Namespace) -> tuple[str, BulletinSnapshot | None]:
    """The normalised key and, with `--corpus`, the snapshot of its bulletin.

    A malformed key, a key not in the corpus (with `--corpus`), or an implausible year
    (without `--corpus`: a key `list` shows, year typo and all, is accepted with it) is a
    `UsageError`; without `--corpus`, `_said_unchecked` says so once the command succeeded.
    """
    from boletin_tui.corpus.keys import normalise_key, plausible_year

    where = f"boletin-tui {args.command}"
    try:
        key = normalise_key(args.key)
    except ValueError as exc:
        raise UsageError(f"{where}: {exc}") from None
    last = dt.date.today().year + 1
    plausible = plausible_year(key)
    if not args.corpus:
        if not plausible:  # a typo'd year a file prints (101/0202) is accepted with --corpus
            raise UsageError(
                f"{where}: clave de boletín no válida: {args.key!r} (el año debe estar entre "
                f"{FIRST_YEAR} y {last}; si un boletín lo imprime así, indique su corpus "
                "con --corpus RUTA)"
            )
        return key, None
    bulletin = _corpus(args.corpus, where).get(key)
    if bulletin is None:
        raise UsageError(f"{where}: {key} no está en el corpus de {', '.join(args.corpus)}")
    return key, BulletinSnapshot.of(bulletin)


def _said_unchecked(args: argparse.Namespace, key: str) -> int:
    """Say on standard error that `key` was not checked against a corpus (no `--corpus`)."""
    if not args.corpus:
        print(
            f"boletin-tui {args.command}: no se comprobó que {key} exista en un corpus "
            "(use --corpus RUTA para comprobarlo)",
            file=sys.stderr,
        )
    return 0


def _corpus(paths: list[str], where: str) -> dict[str, Any]:
    from boletin_tui.corpus import load_corpus

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"{where}: no existe la ruta: {', '.join(missing)}")
    return load_corpus([Path(p) for p in paths]).by_key()


def run_tag(args: argparse.Namespace) -> int:
    key, snapshot = _key(args)
    notice = split_tags_notice(args.tags)
    if notice:
        print(f"boletin-tui tag: {notice}", file=sys.stderr)
    if not normalise_tags(args.tags):
        raise UsageError("boletin-tui tag: no hay ninguna etiqueta que añadir")

    def action(store: AnnotationStore) -> int:
        print(_describe(store.add_tags(key, args.tags, bulletin=snapshot), key))
        return _said_unchecked(args, key)

    return _guarded(args, action)


def run_untag(args: argparse.Namespace) -> int:
    key, snapshot = _key(args)

    def action(store: AnnotationStore) -> int:
        before = store.get(key)
        had = {t.casefold() for t in (before.tags if before else ())}
        absent = [t for t in normalise_tags(args.tags) if t.casefold() not in had]
        after = store.remove_tags(key, args.tags, bulletin=snapshot)
        if absent:
            names = ", ".join(f"«{t}»" for t in absent)
            print(f"boletin-tui untag: {key} no tenía {names}; nada que quitar", file=sys.stderr)
        print(_describe(after, key))
        return _said_unchecked(args, key)

    return _guarded(args, action)


def run_note(args: argparse.Namespace) -> int:
    key, snapshot = _key(args)
    text = args.text
    if text == "-":
        data = sys.stdin.buffer.read()
        text = data.decode("utf-8-sig", errors="replace").rstrip("\r\n")

    def action(store: AnnotationStore) -> int:
        saved = store.set_note(key, text, bulletin=snapshot)
        if saved.note:
            print(f"{saved.key}: nota guardada ({len(saved.note)} caracteres)")
        else:
            print(f"{saved.key}: nota borrada")
        return _said_unchecked(args, key)

    return _guarded(args, action)


def run_export(args: argparse.Namespace) -> int:
    if args.output == "-":  # `-o -`: standard output, as with most command-line tools
        args.output = None
    if args.format == "xlsx" and not args.output:
        raise UsageError("boletin-tui export: xlsx se escribe a un archivo: use -o ARCHIVO.xlsx")

    def action(store: AnnotationStore) -> int:
        annotations = store.all()
        by_key = _bulletins(args) if annotations else None
        count, write = _exporter(args, annotations, by_key, store.own_files())
        shown = [a for a in annotations if a.passages] if args.passages else annotations
        from_snapshot, missing = metadata_origin(shown, by_key)
        if from_snapshot:
            print(
                f"boletin-tui export: {_rows(from_snapshot)} con número, fecha y título de la "
                "copia guardada al anotar (su boletín no está en el corpus dado)",
                file=sys.stderr,
            )
        if missing:
            print(
                f"boletin-tui export: {_rows(missing)} sin número, fecha ni título: su boletín "
                "no está en el corpus dado y se anotó antes de guardar esos datos",
                file=sys.stderr,
            )
        if args.output:
            from boletin_tui.exports.xlsx import ExcelUnavailable

            try:
                write(args.output)
            except ExcelUnavailable as exc:
                raise StoreError(str(exc)) from None
            what = "anotación exportada" if count == 1 else "anotaciones exportadas"
            if args.passages and args.format != "w3c":
                what = "pasaje exportado" if count == 1 else "pasajes exportados"
            print(f"{count} {what} a {args.output}", file=sys.stderr)
            return 0
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # stdout replaced by a text stream (tests, embedding)
            write(sys.stdout)
            return 0
        sys.stdout.flush()
        out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        try:
            write(out)
        finally:
            out.detach()
        return 0

    return _guarded(args, action)


def _exporter(
    args: argparse.Namespace,
    annotations: list[Annotation],
    bulletins: dict[str, Any] | None,
    protect: tuple[Path, Path],
) -> tuple[int, Callable[[str | TextIO], None]]:
    """(items exported, a function writing them to a path or text stream) for `export`.
    A path is written atomically and never onto the database or its lock (`protect`)."""
    if args.format == "w3c":
        from boletin_tui.store.w3c import to_w3c

        data = to_w3c(annotations, bulletins, passages_only=args.passages)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"

        def write_w3c(out: str | TextIO) -> None:
            if isinstance(out, str):
                write_text_atomic(Path(out), lambda handle: handle.write(text), protect=protect)
            else:
                out.write(text)
                out.flush()

        return data["total"], write_w3c
    if args.passages:
        from boletin_tui.store.passage_exchange import PASSAGE_COLUMNS, passage_rows

        rows = passage_rows(annotations, bulletins)
        columns: tuple[str, ...] = PASSAGE_COLUMNS
    else:
        rows, columns = export_rows(annotations, bulletins), COLUMNS

    def write(out: str | TextIO) -> None:
        write_export(rows, out, args.format, args.excel, columns, protect=protect)

    return len(rows), write


def _rows(count: int) -> str:
    return f"{count} fila" if count == 1 else f"{count} filas"


def _bulletins(args: argparse.Namespace) -> dict[str, Any] | None:
    """The corpus by key, for the number, date, title and source columns (None if unreadable)."""
    from boletin_tui.commands.common import load_corpus_from_args

    try:
        return load_corpus_from_args(args).by_key()
    except UsageError:
        raise
    except Exception as exc:  # noqa: BLE001 - the export is still useful without the corpus
        print(
            f"boletin-tui export: no se pudo leer el corpus ({exc}); se exporta sin sus columnas",
            file=sys.stderr,
        )
        return None


def run_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"boletin-tui import: no existe el archivo: {path}")

    def progress(line: str) -> None:
        print(f"boletin-tui import: {line}", file=sys.stderr, flush=True)

    def action(store: AnnotationStore) -> int:
        progress(f"leyendo {path}")
        incoming = read_export(path)
        passages = sum(len(a.passages) for a in incoming)
        read = _count(len(incoming), "anotación leída", "anotaciones leídas")
        progress(f"{read} ({_count(passages, 'pasaje', 'pasajes')}); combinando con la base")
        before = {a.key: a for a in store.all()}
        results = {r.key: r for r in store.merge_many(incoming, progress)}
        added = sum(1 for key in results if key not in before)
        changed = sum(1 for key, r in results.items() if key in before and before[key] != r)
        same = len(results) - added - changed
        print(
            f"{_count(len(incoming), 'anotación leída', 'anotaciones leídas')} "
            f"({_count(passages, 'pasaje', 'pasajes')}) de {path}: "
            f"{_count(added, 'nueva', 'nuevas')}, {_count(changed, 'combinada', 'combinadas')}, "
            f"{same} sin cambios"
        )
        return 0

    return _guarded(args, action)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
