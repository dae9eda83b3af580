"""The annotation store: tags and notes per bulletin in a durable JSON file. Never imports Textual.

`AnnotationStore` (db), `Annotation` (model), export and import (exchange), errors (errors).
"""

from boletin_tui.store.db import (
    AnnotationStore,
    default_annotator,
    resolve_db_path,
    tags_by_use,
)
from boletin_tui.store.errors import CorruptDatabase, StoreBusy, StoreError
from boletin_tui.store.model import Annotation
from boletin_tui.store.validate import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "Annotation",
    "AnnotationStore",
    "CorruptDatabase",
    "StoreBusy",
    "StoreError",
    "default_annotator",
    "resolve_db_path",
    "tags_by_use",
]
