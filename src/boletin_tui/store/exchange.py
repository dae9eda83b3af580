"""Export annotations to CSV, JSON Lines or JSON, and read such exports back.

Columns: key, number, date, title, source, tags, note, annotator, created, updated. `number`,
`date`, `title` and `source` (the first source file) come from the corpus when given, else are
empty; `tags` are joined by `; `. CSV follows RFC 4180 (CRLF rows, quoted fields with commas,
quotes or newlines); with `excel=True` it starts with a UTF-8 BOM so Excel shows accents.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping, Sequence
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
FORMATS = ("csv", "jsonl", "json")


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
    rows: Sequence[Mapping[str, object]],
    out: str | os.PathLike | TextIO,
    fmt: str = "csv",
    excel: bool = False,
    columns: Sequence[str] = COLUMNS,
) -> None:
    """Write `rows` to a path or an open text stream (opened with `newline=""` for CSV).

    `excel` adds a BOM to CSV (ignored for JSON formats); `columns` are the CSV columns
    (`passage_exchange.PASSAGE_COLUMNS` for passage rows). Raises `ValueError` for an unknown
    format, `OSError` if the file cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"formato desconocido: {fmt} (use csv, jsonl o json)")
    if isinstance(out, (str, os.PathLike)):
        encoding = "utf-8-sig" if excel and fmt == "csv" else "utf-8"
        with open(out, "w", encoding=encoding, newline="") as handle:
            _write(rows, handle, fmt, columns)
        return
    if excel and fmt == "csv":
        out.write("\ufeff")
    _write(rows, out, fmt, columns)


def _write(
    rows: Sequence[Mapping[str, object]], out: TextIO, fmt: str, columns: Sequence[str]
) -> None:
    if fmt == "csv":
        writer = csv.DictWriter(
            out, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore"
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
    if isinstance(data, dict) and isinstance(data.get("annotations"), dict):
        data = list(data["annotations"].values())  # a database file from another annotator
    if not isinstance(data, list):
        raise StoreError(f"{path}: se esperaba una lista de anotaciones en JSON.")
    return list(enumerate(data, start=1))


def _annotation(record: object, path: Path, number: int) -> Annotation | None:
    key = _key(record, path, number)
    assert isinstance(record, dict)
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
        passages=_stored_passages(record, key, path, number),
    )


def _key(record: object, path: Path, number: int) -> str:
    if not isinstance(record, dict):
        raise StoreError(f"{path}, fila {number}: no es un registro.")
    try:
        return normalise_key(str(record.get("key") or ""))
    except ValueError as exc:
        raise StoreError(f"{path}, fila {number}: {exc}.") from exc


def _stored_passages(record: dict, key: str, path: Path, number: int) -> tuple[Passage, ...]:
    """The passages of a record from a database file (another annotator's), if any."""
    raw = record.get("passages")
    if not raw:
        return ()
    if not isinstance(raw, list):
        raise StoreError(f"{path}, fila {number}: 'passages' no es una lista.")
    return sort_passages(passage_from_row(p, key, path, number) for p in raw)


def _text(value: object) -> str:
    return "" if value is None else str(value)
