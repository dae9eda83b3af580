"""One tag added to (or removed from) many bulletins in one durable write.

`tag_many(store, keys, tag, remove=False)` is what "tag what is shown" asks of the store:
every record changes inside one transaction (`AnnotationStore.update_many`), so the file is
written once, whatever the number of bulletins, and either every change lands or none does.
"""

from __future__ import annotations

from collections.abc import Iterable

from boletin_tui.store.db import AnnotationStore
from boletin_tui.store.model import Annotation, normalise_tags


def tag_many(
    store: AnnotationStore, keys: Iterable[str], tag: str, *, remove: bool = False
) -> dict[str, Annotation | None]:
    """Add `tag` to (or, with `remove`, take it off) every bulletin in `keys`; returns each
    key's record now stored (None when the bulletin is left without annotation). Raises
    what the store raises (nothing changed then), `ValueError` for an empty tag."""
    tags = normalise_tags([tag])
    if not tags:
        raise ValueError("la etiqueta está vacía")
    folded = {t.casefold() for t in tags}

    def change(key: str, current: Annotation | None) -> Annotation | None:
        old = current.tags if current else ()
        if remove:
            if current is None:
                return None
            new = tuple(t for t in old if t.casefold() not in folded)
        else:
            new = normalise_tags((*old, *tags))
        return store._edit(key, current, None, tags=new)

    return store.update_many(keys, change)
