"""The `Passage` record: a quote inside one bulletin, with its anchor, tags and note.

Pure functions, no I/O. A passage lives inside its bulletin's annotation record
(`Annotation.passages`), sorted by position. Its anchor is the exact `quote`, up to
`CONTEXT` characters of `prefix` and `suffix` around it, and the offsets `start`/`end` into
`Bulletin.text` (the string `entities --json` offsets refer to): `text[start:end] == quote`
when the passage was made. `store.anchor` finds it again when the text changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from boletin_tui.store.model import clean_text, normalise_tags, parse_timestamp

#: Characters of context kept on each side of a quote.
CONTEXT = 32
_TEXT_FIELDS = ("id", "quote", "prefix", "suffix", "note", "annotator", "created", "updated")


class PassageNotFound(LookupError):
    """No passage with this id in the bulletin (or anywhere); `str()` is a Spanish sentence."""

    def __init__(self, passage_id: str, key: str | None = None) -> None:
        self.passage_id, self.key = passage_id, key
        where = f" en {key}" if key else ""
        super().__init__(f"no hay ningún pasaje con el identificador {passage_id}{where}")

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage of one bulletin.

    `id` is 12 hex digits, derived from the bulletin key, offsets and quote when the passage is
    made (`passage_id`) and never changed afterwards; `tags` follow the bulletin tag rules
    (`normalise_tags`); `annotator` is who last changed it; `created`/`updated` are ISO 8601
    timestamps with a zone.
    """

    id: str
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    tags: tuple[str, ...] = ()
    note: str = ""
    annotator: str = ""
    created: str = ""
    updated: str = ""

    @property
    def anchor(self) -> tuple[int, int, str]:
        """What makes two passages the same passage (with the bulletin key): offsets and quote."""
        return (self.start, self.end, self.quote)

    def to_json(self) -> dict:
        """The passage as stored in the database file (inside its record's `passages`)."""
        return {
            "id": self.id,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
            "tags": list(self.tags),
            "note": self.note,
            "annotator": self.annotator,
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_json(cls, data: Mapping) -> Passage:
        """Build a passage from `to_json` data; raises `ValueError` naming the bad field."""
        problem = passage_problem(data)
        if problem:
            raise ValueError(problem)
        return cls.from_checked(data)

    @classmethod
    def from_checked(cls, data: Mapping) -> Passage:
        """`from_json` for data `passage_problem` has already accepted."""
        return cls(
            data["id"],
            data["quote"],
            data["prefix"],
            data["suffix"],
            data["start"],
            data["end"],
            tuple(data["tags"]),
            data["note"],
            data["annotator"],
            data["created"],
            data["updated"],
        )


def passage_id(key: str, start: int, end: int, quote: str) -> str:
    """The id of a new passage: 12 hex digits of a hash of key, offsets and quote.

    Two annotators who mark the same quote at the same place get the same id.
    """
    raw = f"{key}\x00{start}\x00{end}\x00{quote}".encode("utf-8", "replace")
    return hashlib.blake2b(raw, digest_size=6).hexdigest()


def passage_problem(data: object) -> str | None:
    """None if `data` is a valid stored passage, else a short Spanish reason."""
    if not isinstance(data, Mapping):
        return "un pasaje no es un objeto"
    for field in _TEXT_FIELDS:
        if not isinstance(data.get(field), str):
            return f"pasaje {data.get('id')!r}: falta el campo {field!r} o no es texto"
    start, end = data.get("start"), data.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start < end:
        return f"pasaje {data['id']}: 'start' y 'end' deben ser enteros con 0 <= start < end"
    if not data["quote"]:
        return f"pasaje {data['id']}: la cita está vacía"
    tags = data.get("tags")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        return f"pasaje {data['id']}: 'tags' no es una lista de textos"
    return None


def passages_problem(value: object) -> str | None:
    """None if `value` is a valid `passages` list of a record (ids unique), else a reason."""
    if not isinstance(value, list):
        return "'passages' no es una lista"
    ids: set[str] = set()
    for data in value:
        problem = passage_problem(data)
        if problem:
            return problem
        if data["id"] in ids:
            return f"el pasaje {data['id']} aparece dos veces"
        ids.add(data["id"])
    return None


def sort_passages(passages: Iterable[Passage]) -> tuple[Passage, ...]:
    """Passages in text order (start, end, id): the order they are stored and listed in."""
    return tuple(sorted(passages, key=lambda p: (p.start, p.end, p.id)))


def clean_passage(passage: Passage) -> Passage:
    """`passage` with its tags normalised and its texts cleaned (for data from outside)."""
    note = clean_text(passage.note)
    return replace(
        passage,
        quote=clean_text(passage.quote),
        prefix=clean_text(passage.prefix),
        suffix=clean_text(passage.suffix),
        tags=normalise_tags(passage.tags),
        note=note if note.strip() else "",
    )


def merge_passages(
    local: tuple[Passage, ...], incoming: Iterable[Passage], now: str
) -> tuple[Passage, ...]:
    """`local` united with `incoming`: same offsets and quote = same passage.

    A matching passage gets the incoming tags added and the incoming note kept beside its own
    (as for bulletin notes, `merge.merge_notes`), the earliest `created`, and `updated = now`
    if it changed. Other incoming passages are added; one whose id is taken gets a fresh id.
    Returns `local` itself when nothing changes.
    """
    from boletin_tui.store.merge import merge_notes  # merge imports this module

    by_anchor = {p.anchor: i for i, p in enumerate(local)}
    out = list(local)
    ids = {p.id for p in local}
    changed = False
    for theirs in incoming:
        index = by_anchor.get(theirs.anchor)
        if index is None:
            new_id, n = theirs.id, 0
            while new_id in ids:
                n += 1
                new_id = passage_id(f"{theirs.id}~{n}", theirs.start, theirs.end, theirs.quote)
            ids.add(new_id)
            by_anchor[theirs.anchor] = len(out)
            out.append(replace(theirs, id=new_id))
            changed = True
            continue
        ours = out[index]
        tags = normalise_tags((*ours.tags, *theirs.tags))
        note = merge_notes(ours.note, ours.annotator, theirs.note, theirs.annotator)
        if tags == ours.tags and note == ours.note:
            continue
        created = _earliest(ours.created, theirs.created)
        out[index] = replace(ours, tags=tags, note=note, created=created, updated=now)
        changed = True
    return sort_passages(out) if changed else local


def _earliest(a: str, b: str) -> str:
    try:
        return a if parse_timestamp(a) <= parse_timestamp(b) else b
    except ValueError:
        return a or b
