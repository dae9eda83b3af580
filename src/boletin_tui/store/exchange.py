"""Export annotations to CSV, JSON Lines or JSON, and read such exports back.

Columns: key, number, date, title, source, tags, note, annotator, created, updated. `number`,
`date`, `title` and `source` (the first source file) come from the corpus when the bulletin is in
it, else from the snapshot stored with the annotation (empty only for annotations made before
snapshots existed on a bulletin not in the corpus). `tags` are a list in JSON and JSON Lines and
joined by `; ` in CSV. CSV follows RFC 4180 (CRLF rows, quoted fields with commas, quotes or
newlines); with `excel=True` it starts with a UTF-8 BOM so Excel shows accents and text cells
starting with `=`, `+`, `-`, `@` get a leading `'` (`exports.cells`); plain CSV keeps every cell
verbatim. `xlsx` (the `excel` extra) writes typed cells through `exports.xlsx`. A file export is
atomic (temporary file, fsync, rename): a failed export leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from boletin_tui.corpus.keys import normalise_key
from boletin_tui.store.errors import StoreError
from boletin_tui.store.journal import journal_path
from boletin_tui.store.merge import UNKNOWN_ANNOTATOR
from boletin_tui.store.model import (
    TAG_SEPARATOR,
    Annotation,
    BulletinSnapshot,
    clean_text,
    normalise_tags,
    normalise_timestamp,
    note_problem,
    now_iso,
)
from boletin_tui.store.passage_exchange import (
    group_by_key,
    is_passage_row,
    passage_from_row,
    record_of_passages,
)
from boletin_tui.store.passages import Passage, sort_passages

COLUMNS = (
    "key",
    "number",
    "date",
    "title",
    "source",
    "tags",
    "note",
    "annotator",
    "created",
    "updated",
)
FORMATS = ("csv", "jsonl", "json", "xlsx")


def export_rows(
    annotations: Iterable[Annotation], bulletins_by_key: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """One row (a dict over `COLUMNS`) per annotation, in the order given; `tags` is a list,
    the other values strings. `bulletins_by_key` maps keys to `corpus.model.Bulletin` records;
    an annotation whose bulletin is not there takes the metadata of its stored snapshot."""
    rows = []
    for a in annotations:
        b = (bulletins_by_key or {}).get(a.key)
        snap = BulletinSnapshot.of(b) if b is not None else a.bulletin or BulletinSnapshot()
        rows.append(
            {
                "key": a.key,
                "number": snap.number,
                "date": snap.date,
                "title": snap.title,
                "source": snap.source,
                "tags": list(a.tags),
                "note": a.note,
                "annotator": a.annotator,
                "created": a.created,
                "updated": a.updated,
            }
        )
    return rows


def metadata_origin(
    annotations: Iterable[Annotation], bulletins_by_key: Mapping[str, Any] | None
) -> tuple[int, int]:
    """(rows whose metadata comes from the stored snapshot, rows with no metadata at all)."""
    from_snapshot = missing = 0
    for a in annotations:
        if a.key in (bulletins_by_key or {}):
            continue
        if a.bulletin is not None and (a.bulletin.number or a.bulletin.title):
            from_snapshot += 1
        else:
            missing += 1
    return from_snapshot, missing


def write_export(
    rows: Sequence[Mapping[str, Any]],
    out: str | os.PathLike[str] | TextIO,
    fmt: str = "csv",
    excel: bool = False,
    columns: Sequence[str] = COLUMNS,
    *,
    protect: Sequence[str | os.PathLike[str]] = (),
) -> None:
    """Write `rows` to a path (atomically) or an open text stream (opened with `newline=""`).

    `excel` adds a BOM to CSV and neutralises formula-like cells (ignored for other formats).
    `columns` are the CSV and xlsx columns (`passage_exchange.PASSAGE_COLUMNS` for passage
    rows). `xlsx` needs a path. `protect` lists files an export must never replace (the
    database and its lock file): writing onto one is a `StoreError`, as is a failed write (then
    the file at `out` is unchanged). `ValueError` for an unknown format or `xlsx` to a stream,
    `exports.xlsx.ExcelUnavailable` without the extra.
    """
    if fmt not in FORMATS:
        raise ValueError(f"formato desconocido: {fmt} (use csv, jsonl, json o xlsx)")
    if fmt == "xlsx":
        from boletin_tui.exports.xlsx import typed_export_rows, write_xlsx

        if not isinstance(out, (str, os.PathLike)):
            raise ValueError("xlsx se escribe a un archivo: use -o ARCHIVO.xlsx")
        check_not_protected(out, protect)
        sheet = "anotaciones" if tuple(columns) == COLUMNS else "pasajes"
        write_xlsx(out, columns, typed_export_rows(rows), sheet=sheet)
        return
    if excel and fmt == "csv":
        from boletin_tui.exports.cells import neutralise_rows

        rows = neutralise_rows(rows)
    if isinstance(out, (str, os.PathLike)):
        write_text_atomic(
            Path(out),
            lambda handle: _write(rows, handle, fmt, columns),
            encoding="utf-8-sig" if excel and fmt == "csv" else "utf-8",
            protect=protect,
        )
        return
    if excel and fmt == "csv":
        out.write("\ufeff")
    _write(rows, out, fmt, columns)


def check_not_protected(
    out: str | os.PathLike[str], protect: Sequence[str | os.PathLike[str]]
) -> Path:
    """`out` with links resolved; `StoreError` if it is one of the `protect` files or the
    journal beside one (`store.journal`: pending writes of the database)."""
    target = Path(os.path.realpath(out))
    protected = {Path(os.path.realpath(p)) for p in protect}
    protected |= {journal_path(p) for p in protected}
    if target in protected:
        raise StoreError(
            f"No se exporta a {out}: es la base de anotaciones, su diario o su archivo de "
            "bloqueo. Elige otro nombre."
        )
    return target


def write_text_atomic(
    out: Path,
    write: Callable[[TextIO], object],
    encoding: str = "utf-8",
    protect: Sequence[str | os.PathLike[str]] = (),
) -> None:
    """Write a text file through `write(handle)` atomically: a temporary file beside `out`,
    fsync'd, then moved over it (keeping its mode). `StoreError` if `out` is protected or the
    write fails; then the file at `out` is unchanged."""
    target = check_not_protected(out, protect)
    tmp: Path | None = None
    try:
        try:
            mode = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            mode = None
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
        with open(fd, "w", encoding=encoding, newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise StoreError(
            f"No se pudo escribir {out}: {exc.strerror or exc}. No se modificó ningún archivo."
        ) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _write(
    rows: Sequence[Mapping[str, Any]], out: TextIO, fmt: str, columns: Sequence[str]
) -> None:
    if fmt == "csv":
        writer = csv.DictWriter(
            out, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows({**row, "tags": TAG_SEPARATOR.join(row["tags"])} for row in rows)
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    out.flush()


def read_export(path: str | os.PathLike) -> list[Annotation]:
    """The annotations in a CSV, JSON Lines or JSON export (or a database file) at `path`.

    The format comes from the extension, else from the content. Accepts a BOM, Windows-1252
    (Excel on Windows), `;`-separated CSV, tags as a list or a `; `-joined string. Rows without
    tags or note are skipped. Also reads passage exports (rows with a `quote`, see
    `passage_exchange`) and W3C Web Annotation JSON-LD (`w3c`), one record per bulletin.
    Raises `StoreError` (in Spanish, naming the row) for a bad file.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"No se pudo leer {path}: {exc.strerror or exc}.") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    fmt = _detect(path, text)
    if fmt == "json":
        from boletin_tui.store.w3c import read_w3c_text

        w3c = read_w3c_text(text, path)
        if w3c is not None:
            return w3c
    records = _parse(text, fmt, path)
    out = []
    passages: dict[str, list[Passage]] = {}
    for number, record in records:
        if isinstance(record, dict) and is_passage_row(record):
            key = _key(record, path, number)
            passages.setdefault(key, []).append(passage_from_row(record, key, path, number))
            continue
        annotation = _annotation(record, path, number)
        if annotation is not None and not annotation.is_empty:
            out.append(annotation)
    out += [record_of_passages(key, found) for key, found in passages.items()]
    return group_by_key(out) if passages else out


def _detect(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".jsonld":
        return "json"
    if suffix in (".json", ".csv"):
        return suffix[1:]
    head = text.lstrip()[:1]
    if head == "[":
        return "json"
    if head == "{":
        first = text.lstrip().split("\n", 1)[0].strip()
        return "jsonl" if first.endswith("}") else "json"
    return "csv"


def _parse(text: str, fmt: str, path: Path) -> list[tuple[int, object]]:
    """(row number, record) pairs; rows are numbered as a user would count them."""
    try:
        if fmt == "csv":
            first = text.split("\n", 1)[0]
            delimiter = ";" if first.count(";") > first.count(",") else ","
            reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
            return [(n, row) for n, row in enumerate(reader, start=2)]
        if fmt == "jsonl":
            return [
                (n, json.loads(line))
                for n, line in enumerate(text.splitlines(), start=1)
                if line.strip()
            ]
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return _parse(text, "jsonl", path)  # a .json file holding JSON Lines
    except (csv.Error, json.JSONDecodeError) as exc:
        raise StoreError(f"{path} no es un archivo {fmt} válido: {exc}.") from exc
    except RecursionError:
        raise StoreError(f"{path}: el JSON está anidado demasiado hondo.") from None
    if isinstance(data, dict) and isinstance(data.get("annotations"), dict):
        data = list(data["annotations"].values())  # a database file from another annotator
    if not isinstance(data, list):
        raise StoreError(f"{path}: se esperaba una lista de anotaciones en JSON.")
    return list(enumerate(data, start=1))


def _annotation(record: object, path: Path, number: int) -> Annotation | None:
    """The record of one row; `StoreError` naming the row for a value of the wrong type."""
    where = f"{path}, fila {number}"
    key = _key(record, path, number)
    assert isinstance(record, dict)
    tags = record.get("tags")
    if tags is None or isinstance(tags, str):
        tags = [tags or ""]
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise StoreError(f"{where}: 'tags' debe ser un texto o una lista de textos.")
    note = clean_text(_text(record.get("note"), where, "note"))
    problem = note_problem(note)
    if problem:
        raise StoreError(f"{where}: {problem}.")
    stamp = now_iso()
    created = normalise_timestamp(_text(record.get("created"), where, "created"), stamp)
    return Annotation(
        key=key,
        tags=normalise_tags(tags),
        note=note,
        annotator=clean_text(_text(record.get("annotator"), where, "annotator")).strip()
        or UNKNOWN_ANNOTATOR,
        created=created,
        updated=normalise_timestamp(_text(record.get("updated"), where, "updated"), created),
        bulletin=_snapshot(record),
        passages=_stored_passages(record, key, path, number),
    )


def _key(record: object, path: Path, number: int) -> str:
    where = f"{path}, fila {number}"
    if not isinstance(record, dict):
        raise StoreError(f"{where}: no es un registro.")
    try:
        return normalise_key(_text(record.get("key"), where, "key"))
    except ValueError as exc:
        raise StoreError(f"{where}: {exc}.") from exc


def _stored_passages(
    record: dict[str, Any], key: str, path: Path, number: int
) -> tuple[Passage, ...]:
    """The passages of a record from a database file (another annotator's), if any."""
    raw = record.get("passages")
    if not raw:
        return ()
    if not isinstance(raw, list) or not all(isinstance(p, dict) for p in raw):
        raise StoreError(f"{path}, fila {number}: 'passages' no es una lista de pasajes.")
    return sort_passages(passage_from_row(p, key, path, number) for p in raw)


def _snapshot(record: dict[str, Any]) -> BulletinSnapshot | None:
    """The bulletin snapshot of a database record, or one made of an export's columns."""
    stored = BulletinSnapshot.from_json(record.get("bulletin"))
    if stored is not None:
        return stored
    values = [record.get(name) for name in ("number", "date", "title", "source")]
    if not any(isinstance(v, str) and v.strip() for v in values):
        return None
    return BulletinSnapshot(*(clean_text(v) if isinstance(v, str) else "" for v in values))


def _text(value: object, where: str, name: str) -> str:
    """A text field of an imported row: None is empty; numbers are read as text (spreadsheets
    turn keys into numbers); anything else (a list, an object, true) is an error."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise StoreError(f"{where}: '{name}' debe ser un texto, no {type(value).__name__}.")
