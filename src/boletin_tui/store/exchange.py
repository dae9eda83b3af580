"""Export annotations to CSV, JSON Lines or JSON, and read such exports back.

Columns: key, number, date, title, source, tags, note, annotator, created, updated. `number`,
`date`, `title` and `source` (the first source file) come from the corpus when given, else are
empty; `tags` are joined by `; `. CSV follows RFC 4180 (CRLF rows, quoted fields with commas,
quotes or newlines); with `excel=True` it starts with a UTF-8 BOM so Excel shows accents and
text cells starting with `=`, `+`, `-`, `@` get a leading `'` (`exports.cells`); plain CSV keeps
every cell verbatim. `xlsx` (the `excel` extra) writes typed cells through `exports.xlsx`.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TextIO

from boletin_tui.corpus.keys import normalise_key
from boletin_tui.store.errors import StoreError
from boletin_tui.store.merge import UNKNOWN_ANNOTATOR
from boletin_tui.store.model import (
    TAG_SEPARATOR,
    Annotation,
    clean_text,
    normalise_tags,
    normalise_timestamp,
    now_iso,
)

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
    annotations: Iterable[Annotation], bulletins_by_key: Mapping[str, object] | None = None
) -> list[dict[str, str]]:
    """One row (a dict over `COLUMNS`, all strings) per annotation, in the order given.

    `bulletins_by_key` maps keys to `corpus.model.Bulletin` records.
    """
    rows = []
    for a in annotations:
        b = (bulletins_by_key or {}).get(a.key)
        rows.append(
            {
                "key": a.key,
                "number": (b.number or "") if b else "",
                "date": b.date.isoformat() if b and b.date else "",
                "title": b.title if b else "",
                "source": b.sources[0] if b and b.sources else "",
                "tags": TAG_SEPARATOR.join(a.tags),
                "note": a.note,
                "annotator": a.annotator,
                "created": a.created,
                "updated": a.updated,
            }
        )
    return rows


def write_export(
    rows: list[dict[str, str]],
    out: str | os.PathLike | TextIO,
    fmt: str = "csv",
    excel: bool = False,
) -> None:
    """Write `rows` to a path or an open text stream (opened with `newline=""` for CSV).

    `excel` adds a BOM to CSV and neutralises formula-like cells (ignored for other formats).
    `xlsx` needs a path. Raises `ValueError` for an unknown format or `xlsx` to a stream,
    `exports.xlsx.ExcelUnavailable` without the extra, `OSError` if the file cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"formato desconocido: {fmt} (use csv, jsonl, json o xlsx)")
    if fmt == "xlsx":
        from boletin_tui.exports.xlsx import typed_export_rows, write_xlsx

        if not isinstance(out, (str, os.PathLike)):
            raise ValueError("xlsx se escribe a un archivo: use -o ARCHIVO.xlsx")
        write_xlsx(out, COLUMNS, typed_export_rows(rows), sheet="anotaciones")
        return
    if excel and fmt == "csv":
        from boletin_tui.exports.cells import neutralise_rows

        rows = neutralise_rows(rows)
    if isinstance(out, (str, os.PathLike)):
        encoding = "utf-8-sig" if excel and fmt == "csv" else "utf-8"
        with open(out, "w", encoding=encoding, newline="") as handle:
            _write(rows, handle, fmt)
        return
    if excel and fmt == "csv":
        out.write("\ufeff")
    _write(rows, out, fmt)


def _write(rows: list[dict[str, str]], out: TextIO, fmt: str) -> None:
    if fmt == "csv":
        writer = csv.DictWriter(
            out, fieldnames=COLUMNS, lineterminator="\r\n", extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(rows)
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
    tags or note are skipped. Raises `StoreError` (in Spanish, naming the row) for a bad file.
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
    records = _parse(text, _detect(path, text), path)
    out = []
    for number, record in records:
        annotation = _annotation(record, path, number)
        if annotation is not None and not annotation.is_empty:
            out.append(annotation)
    return out


def _detect(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
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
    if isinstance(data, dict) and isinstance(data.get("annotations"), dict):
        data = list(data["annotations"].values())  # a database file from another annotator
    if not isinstance(data, list):
        raise StoreError(f"{path}: se esperaba una lista de anotaciones en JSON.")
    return list(enumerate(data, start=1))


def _annotation(record: object, path: Path, number: int) -> Annotation | None:
    if not isinstance(record, dict):
        raise StoreError(f"{path}, fila {number}: no es un registro.")
    try:
        key = normalise_key(str(record.get("key") or ""))
    except ValueError as exc:
        raise StoreError(f"{path}, fila {number}: {exc}.") from exc
    tags = record.get("tags") or []
    tags = [tags] if isinstance(tags, str) else [str(t) for t in tags]
    stamp = now_iso()
    created = normalise_timestamp(_text(record.get("created")), stamp)
    return Annotation(
        key=key,
        tags=normalise_tags(tags),
        note=clean_text(_text(record.get("note"))),
        annotator=_text(record.get("annotator")).strip() or UNKNOWN_ANNOTATOR,
        created=created,
        updated=normalise_timestamp(_text(record.get("updated")), created),
    )


def _text(value: object) -> str:
    return "" if value is None else str(value)
