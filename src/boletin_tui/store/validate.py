"""What a database file must look like, and the first thing wrong with one that does not.

File layout (TinyDB's, plus a `_meta` table):

    {"_meta": {"1": {"format": "boletin-tui-annotations", "schema": 2}},
     "annotations": {"<doc id>": {"annotator": ..., "created": ..., "key": "045/2019",
                                  "note": ..., "tags": [...], "updated": ...,
                                  "bulletin": {"number", "date", "title", "source", "hash"},
                                  "passages": [...]}}}

Schema 2 added `passages` (optional; see `store.passages`). Schema 1 files are read as they
are and upgraded on their first write (`store.migrate`); a newer schema is refused.
Fields a record has beyond these (written by a newer version) are accepted and kept.
"""

from __future__ import annotations

from boletin_tui.store.passages import passages_problem

FORMAT = "boletin-tui-annotations"
SCHEMA_VERSION = 2
#: Schemas this program reads; older ones are upgraded when first written.
READABLE_SCHEMAS = (1, 2)
META_TABLE = "_meta"
TABLE = "annotations"
_TEXT_FIELDS = ("key", "note", "annotator", "created", "updated")


def meta_document() -> dict:
    return {"format": FORMAT, "schema": SCHEMA_VERSION}


def schema_problem(data: object) -> str | None:
    """None if `data` is a database of this schema, else a short Spanish reason."""
    if not isinstance(data, dict):
        return "el contenido no es un objeto JSON"
    meta = data.get(META_TABLE)
    doc = meta.get("1") if isinstance(meta, dict) else None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        return "le falta la marca de formato de boletin-tui (tabla _meta)"
    version = doc.get("schema")
    if version not in READABLE_SCHEMAS:
        if isinstance(version, int) and version > SCHEMA_VERSION:
            return (
                f"versión de esquema {version}, más nueva que la {SCHEMA_VERSION} de este programa"
            )
        return f"versión de esquema desconocida: {version!r}"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"la tabla {name!r} no es un objeto"
        for doc_id, document in table.items():
            if not doc_id.isdigit() or not isinstance(document, dict):
                return f"documento {doc_id!r} no válido en la tabla {name!r}"
    return _annotations_problem(data.get(TABLE, {}))


def _annotations_problem(table: dict) -> str | None:
    keys: set[str] = set()
    for doc_id, document in table.items():
        for field in _TEXT_FIELDS:
            if not isinstance(document.get(field), str):
                return f"anotación {doc_id}: falta el campo {field!r} o no es texto"
        tags = document.get("tags")
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            return f"anotación {doc_id}: 'tags' no es una lista de textos"
        if "passages" in document:
            problem = passages_problem(document["passages"])
            if problem:
                return f"anotación {doc_id}: {problem}"
        snapshot = document.get("bulletin")
        if snapshot is not None and (
            not isinstance(snapshot, dict) or not all(isinstance(v, str) for v in snapshot.values())
        ):
            return f"anotación {doc_id}: 'bulletin' no es un objeto de textos"
        key = document["key"]
        if key in keys:
            return f"la clave {key} aparece dos veces"
        keys.add(key)
    return None


def file_schema(data: object) -> int | None:
    """The schema version a parsed database file declares, or None if it declares none."""
    meta = data.get(META_TABLE) if isinstance(data, dict) else None
    doc = meta.get("1") if isinstance(meta, dict) else None
    version = doc.get("schema") if isinstance(doc, dict) else None
    return version if type(version) is int else None


def newer_schema(data: object) -> int | None:
    """The version of a boletin-tui database newer than this program knows, else None."""
    version = file_schema(data)
    return version if version is not None and version > SCHEMA_VERSION else None
