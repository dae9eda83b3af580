"""The `Annotation` record, its bulletin snapshot, and the rules for their fields.

Pure functions, no I/O. Every string that enters a record passes through here, and this is the
one place where a record becomes the database's JSON and back (`to_json`, `from_json`): fields
this version does not know (added by a newer one) are kept in `extra` and written back as read.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from boletin_tui.store.passages import Passage

#: Separator of tags in exports; a `;` typed inside a tag splits it in two.
TAG_SEPARATOR = "; "
FIELDS = ("key", "tags", "note", "annotator", "created", "updated")
#: The largest note accepted, in bytes of UTF-8 (the app, the CLI and import all refuse more).
MAX_NOTE_BYTES = 1_000_000
SNAPSHOT_FIELDS = ("number", "date", "title", "source", "hash")


@dataclass(frozen=True, slots=True)
class BulletinSnapshot:
    """What an annotation was made on: the bulletin's number, ISO date, title, first source
    file and content hash, as they were when the annotation was written (empty if unknown)."""

    number: str = ""
    date: str = ""
    title: str = ""
    source: str = ""
    hash: str = ""

    @classmethod
    def of(cls, bulletin: Any) -> BulletinSnapshot:
        """The snapshot of a `corpus.model.Bulletin` (duck-typed: any object with its fields)."""
        return cls(
            number=bulletin.number or "",
            date=bulletin.date.isoformat() if bulletin.date else "",
            title=bulletin.title or "",
            source=bulletin.sources[0] if bulletin.sources else "",
            hash=bulletin.content_hash or "",
        )

    def to_json(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in SNAPSHOT_FIELDS}

    @classmethod
    def from_json(cls, data: object) -> BulletinSnapshot | None:
        if not isinstance(data, dict):  # (not `Mapping`: an ABC check costs 5 µs per record)
            return None
        return cls(*(_str(data.get(name)) for name in SNAPSHOT_FIELDS))


@dataclass(frozen=True, slots=True)
class Annotation:
    """The tags and note a user attached to one bulletin.

    `key` is a normalised bulletin key (`045/2019`); `tags` are ordered, unique ignoring case,
    trimmed and never empty; `note` is free text with its newlines; `annotator` is who last
    changed the record; `created` and `updated` are ISO 8601 timestamps with a time zone;
    `bulletin` is the snapshot of the bulletin it was last written on (None if never known);
    `extra` holds fields of the stored record this version does not know, kept on round trip;
    `passages` are the bulletin's passages in text order (`store.passages`).
    """

    key: str
    tags: tuple[str, ...] = ()
    note: str = ""
    annotator: str = ""
    created: str = ""
    updated: str = ""
    bulletin: BulletinSnapshot | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)
    passages: tuple[Passage, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to keep: no tags, a blank note and no passage."""
        return not self.tags and not self.note.strip() and not self.passages

    def to_json(self) -> dict[str, Any]:
        """The record as stored in the database file (unknown fields included; `passages`
        only when there are some)."""
        data: dict[str, Any] = dict(self.extra)
        data.update(
            key=self.key,
            tags=list(self.tags),
            note=self.note,
            annotator=self.annotator,
            created=self.created,
            updated=self.updated,
        )
        if self.bulletin is not None:
            data["bulletin"] = self.bulletin.to_json()
        if self.passages:
            data["passages"] = [p.to_json() for p in self.passages]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Annotation:
        """Build a record from `to_json` data; raises `ValueError` if a field has a wrong type."""
        key, tags = data.get("key"), data.get("tags", [])
        if not isinstance(key, str) or not key:
            raise ValueError("falta la clave del boletín")
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ValueError(f"{key}: las etiquetas no son una lista de textos")
        values = [data.get(name, "") for name in FIELDS[2:]]
        if not all(isinstance(v, str) for v in values):
            raise ValueError(f"{key}: nota, anotador y fechas deben ser textos")
        fields = dict(zip(FIELDS[2:], values, strict=True))
        checked = {**data, "tags": tags, **fields}
        return cls._build(checked, _passages(checked, check=True))

    @classmethod
    def from_checked(cls, data: Mapping[str, Any]) -> Annotation:
        """`from_json` for a record whose fields `validate` has already checked (a third of
        the time: this runs for every record when the app opens)."""
        return cls._build(data, _passages(data, check=False))

    @classmethod
    def _build(cls, data: Mapping[str, Any], passages: tuple[Passage, ...]) -> Annotation:
        known = 6 + ("bulletin" in data) + ("passages" in data)
        extra = {k: v for k, v in data.items() if k not in _KNOWN} if len(data) > known else {}
        return cls(
            data["key"],
            tuple(data["tags"]),
            data["note"],
            data["annotator"],
            data["created"],
            data["updated"],
            BulletinSnapshot.from_json(data["bulletin"]) if "bulletin" in data else None,
            extra,
            passages,
        )


_KNOWN = frozenset((*FIELDS, "bulletin", "passages"))


def _passages(data: Mapping[str, Any], check: bool) -> tuple[Passage, ...]:
    raw = data.get("passages")
    if not raw:
        return ()
    from boletin_tui.store.passages import Passage, passages_problem, sort_passages

    if check:
        problem = passages_problem(raw)
        if problem:
            raise ValueError(f"{data.get('key')}: {problem}")
    return sort_passages(map(Passage.from_checked, raw))


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def snapshot_mismatch(annotation: Annotation, bulletin: Any) -> str | None:
    """Why the bulletin now under `annotation.key` is not the one annotated, or None.

    None when the annotation has no snapshot (made before snapshots existed) or the content
    hashes agree. Otherwise one Spanish sentence for the panel, saying how to move the note.
    """
    snap = annotation.bulletin
    if snap is None or not snap.hash or snap.hash == bulletin.content_hash:
        return None
    what = f"«{snap.title}»" if snap.title else "otro boletín"
    where = ", ".join(p for p in (snap.number, snap.date, snap.source) if p)
    now = BulletinSnapshot.of(bulletin)
    change = (
        "el texto del boletín cambió desde entonces"
        if (now.number, now.date, now.title) == (snap.number, snap.date, snap.title)
        else "ahora esta clave corresponde a otro boletín"
    )
    return (
        f"Esta anotación se hizo sobre {what}" + (f" ({where})" if where else "") + f"; {change}. "
        "Para moverla, expórtala, cambia la clave en el archivo e impórtala."
    )


def clean_text(text: str) -> str:
    """Text safe to store: lone surrogates replaced, line endings made `\\n`."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def note_problem(note: str) -> str | None:
    """None if `note` may be stored, else why not (one Spanish sentence)."""
    size = len(note.encode("utf-8", "replace"))
    if size > MAX_NOTE_BYTES:
        return (
            f"la nota ocupa {size / 1e6:.1f} MB; el máximo es {MAX_NOTE_BYTES / 1e6:g} MB "
            "(guarda el texto largo en un archivo y cítalo en la nota)"
        )
    return None


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags in order, trimmed, inner spaces collapsed, `;` splitting, first spelling kept.

    `normalise_tags([" Salud ", "salud", "", "vacunas; niñez"]) == ("Salud", "vacunas", "niñez")`
    """
    seen: set[str] = set()
    out: list[str] = []
    for raw in tags:
        for part in clean_text(raw).split(";"):
            tag = " ".join(unicodedata.normalize("NFC", part).split())
            folded = tag.casefold()
            if tag and folded not in seen:
                seen.add(folded)
                out.append(tag)
    return tuple(out)


def split_tags_notice(tags: Iterable[str]) -> str | None:
    """A Spanish sentence when a `;` inside `tags` split one into several, else None.

    `;` separates tags in exports, so a tag cannot hold it: every input splits on it.
    """
    split = [t.strip() for t in tags if ";" in t and len(normalise_tags([t])) > 1]
    if not split:
        return None
    parts = ", ".join(f"«{t}»" for t in split)
    return f"«;» separa etiquetas: {parts} se guardó como varias etiquetas"


def now_iso() -> str:
    """The current local time, ISO 8601 with its UTC offset, to the second."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def parse_timestamp(text: str) -> dt.datetime:
    """An aware datetime from ISO 8601 (or, leniently, any format dateutil reads).

    A time without zone is taken as local time. Raises `ValueError` if unreadable.
    """
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        # Only for foreign, hand-edited files. (No type stubs are installed for dateutil.)
        from dateutil import parser as date_parser

        try:
            value = date_parser.parse(text, dayfirst=True)
        except (ValueError, OverflowError) as exc:
            raise ValueError(f"fecha no válida: {text!r}") from exc
    return value if value.tzinfo is not None else value.astimezone()


def normalise_timestamp(text: str | None, default: str) -> str:
    """`text` if it is already ISO with a zone; a re-formatted value if readable; else `default`."""
    if not text or not text.strip():
        return default
    try:
        value = dt.datetime.fromisoformat(text.strip())
        if value.tzinfo is not None:
            return text.strip()
    except ValueError:
        pass
    try:
        return parse_timestamp(text).isoformat(timespec="seconds")
    except ValueError:
        return default
