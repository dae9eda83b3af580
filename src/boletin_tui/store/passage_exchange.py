"""Passages in exports: one row per passage (`export --passages`), and such rows read back.

Columns (`PASSAGE_COLUMNS`): key, number, date, title (from the corpus when given, else from
the record's bulletin snapshot), quote, start, end, tags (a list; joined by `; ` in CSV), note,
annotator, created, updated, then id, prefix and suffix, which let `import` restore the passage
exactly. In JSON and JSON Lines `start` and `end` are numbers; in CSV every field is text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from boletin_tui.store.errors import StoreError
from boletin_tui.store.merge import UNKNOWN_ANNOTATOR, merge_annotation
from boletin_tui.store.model import (
    Annotation,
    BulletinSnapshot,
    clean_text,
    normalise_tags,
    normalise_timestamp,
    now_iso,
)
from boletin_tui.store.passages import Passage, passage_id, sort_passages

PASSAGE_COLUMNS = (
    "key",
    "number",
    "date",
    "title",
    "quote",
    "start",
    "end",
    "tags",
    "note",
    "annotator",
    "created",
    "updated",
    "id",
    "prefix",
    "suffix",
)


def passage_rows(
    annotations: Iterable[Annotation], bulletins_by_key: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """One row per passage (a dict over `PASSAGE_COLUMNS`), bulletins in the order given,
    passages in text order. `bulletins_by_key` maps keys to `corpus.model.Bulletin`s."""
    rows: list[dict[str, Any]] = []
    for a in annotations:
        b = (bulletins_by_key or {}).get(a.key)
        snap = BulletinSnapshot.of(b) if b is not None else a.bulletin or BulletinSnapshot()
        for p in a.passages:
            rows.append(
                {
                    "key": a.key,
                    "number": snap.number,
                    "date": snap.date,
                    "title": snap.title,
                    "quote": p.quote,
                    "start": p.start,
                    "end": p.end,
                    "tags": list(p.tags),
                    "note": p.note,
                    "annotator": p.annotator,
                    "created": p.created,
                    "updated": p.updated,
                    "id": p.id,
                    "prefix": p.prefix,
                    "suffix": p.suffix,
                }
            )
    return rows


def is_passage_row(record: object) -> bool:
    """True for a row of a passage export (it has a `quote`)."""
    return isinstance(record, Mapping) and "quote" in record


def passage_from_row(record: Mapping, key: str, path: Path, number: int) -> Passage:
    """The passage in one exported row; raises `StoreError` naming the row if it is bad."""
    where = f"{path}, fila {number}"
    quote = clean_text(_text(record.get("quote")))
    try:
        start, end = int(str(record.get("start")).strip()), int(str(record.get("end")).strip())
    except ValueError:
        raise StoreError(f"{where}: 'start' y 'end' deben ser números enteros.") from None
    if not quote or not 0 <= start < end:
        raise StoreError(f"{where}: el pasaje necesita una cita y 0 <= start < end.")
    tags = record.get("tags") or []
    tags = [tags] if isinstance(tags, str) else [str(t) for t in tags]
    stamp = now_iso()
    created = normalise_timestamp(_text(record.get("created")), stamp)
    note = clean_text(_text(record.get("note")))
    return Passage(
        id=_text(record.get("id")).strip() or passage_id(key, start, end, quote),
        quote=quote,
        prefix=clean_text(_text(record.get("prefix"))),
        suffix=clean_text(_text(record.get("suffix"))),
        start=start,
        end=end,
        tags=normalise_tags(tags),
        note=note if note.strip() else "",
        annotator=_text(record.get("annotator")).strip() or UNKNOWN_ANNOTATOR,
        created=created,
        updated=normalise_timestamp(_text(record.get("updated")), created),
    )


def record_of_passages(key: str, passages: Iterable[Passage]) -> Annotation:
    """A bulletin record holding only `passages` (no tags or note), dated by them."""
    passages = sort_passages(passages)
    latest = max(passages, key=lambda p: p.updated)
    created = min(p.created for p in passages)
    return Annotation(key, (), "", latest.annotator, created, latest.updated, passages=passages)


def group_by_key(annotations: Iterable[Annotation]) -> list[Annotation]:
    """One record per key, in first-seen order: records of the same key merged as `import`
    merges (`merge.merge_annotation`), so a file read back gives the records it was made of."""
    out: dict[str, Annotation] = {}
    for a in annotations:
        if a.key in out:
            local = out[a.key]
            out[a.key] = merge_annotation(local, a, max(local.updated, a.updated))
        else:
            out[a.key] = a
    return list(out.values())


def _text(value: object) -> str:
    return "" if value is None else str(value)
