"""The annotation store: tags and notes per bulletin in a durable JSON file. Never imports Textual.

`AnnotationStore` (db), `Annotation` and `BulletinSnapshot` (model), settings (config), export
and import (exchange), errors (errors).
"""

from boletin_tui.store.config import default_annotator, default_db_path, resolve_db_path
from boletin_tui.store.db import AnnotationStore
from boletin_tui.store.errors import (
    CorruptDatabase,
    ReadOnlyDatabase,
    StoreBusy,
    StoreError,
    StoreUsageError,
)
from boletin_tui.store.model import (
    MAX_NOTE_BYTES,
    Annotation,
    BulletinSnapshot,
    note_problem,
    snapshot_mismatch,
    split_tags_notice,
)
from boletin_tui.store.records import NoteSaved, tags_by_use
from boletin_tui.store.validate import SCHEMA_VERSION

__all__ = [
    "MAX_NOTE_BYTES",
    "SCHEMA_VERSION",
    "Annotation",
    "AnnotationStore",
    "BulletinSnapshot",
    "CorruptDatabase",
    "NoteSaved",
    "ReadOnlyDatabase",
    "StoreBusy",
    "StoreError",
    "StoreUsageError",
    "default_annotator",
    "default_db_path",
    "note_problem",
    "resolve_db_path",
    "snapshot_mismatch",
    "split_tags_notice",
    "tags_by_use",
]
