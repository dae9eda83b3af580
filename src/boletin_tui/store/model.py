"""The `Annotation` record and the rules for its fields (tags, note, timestamps).

Pure functions, no I/O. Every string that enters a record passes through here.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from boletin_tui.store.passages import Passage

#: Separator of tags in exports; a `;` typed inside a tag splits it in two.
TAG_SEPARATOR = "; "
FIELDS = ("key", "tags", "note", "annotator", "created", "updated")


@dataclass(frozen=True, slots=True)
class Annotation:
    """The tags and note a user attached to one bulletin.

    `key` is a normalised bulletin key (`045/2019`); `tags` are ordered, unique ignoring case,
    trimmed and never empty; `note` is free text with its newlines; `annotator` is who last
    changed the record; `created` and `updated` are ISO 8601 timestamps with a time zone.
    `passages` are the bulletin's passages in text order (`store.passages`).
    """

    key: str
    tags: tuple[str, ...] = ()
    note: str = ""
    annotator: str = ""
    created: str = ""
    updated: str = ""
    passages: tuple[Passage, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to keep: no tags, a blank note and no passage."""
        return not self.tags and not self.note.strip() and not self.passages

    def to_json(self) -> dict:
        """The record as stored in the database file (`passages` only when there are some)."""
        data = {
            "key": self.key,
            "tags": list(self.tags),
            "note": self.note,
            "annotator": self.annotator,
            "created": self.created,
            "updated": self.updated,
        }
        if self.passages:
            data["passages"] = [p.to_json() for p in self.passages]
        return data

    @classmethod
    def from_json(cls, data: Mapping) -> Annotation:
        """Build a record from `to_json` data; raises `ValueError` if a field has a wrong type."""
        key, tags = data.get("key"), data.get("tags", [])
        if not isinstance(key, str) or not key:
            raise ValueError("falta la clave del boletín")
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ValueError(f"{key}: las etiquetas no son una lista de textos")
        values = [data.get(name, "") for name in FIELDS[2:]]
        if not all(isinstance(v, str) for v in values):
            raise ValueError(f"{key}: nota, anotador y fechas deben ser textos")
        return cls(key, tuple(tags), *values, _passages(data, check=True))

    @classmethod
    def from_checked(cls, data: Mapping) -> Annotation:
        """`from_json` for a record whose fields `validate` has already checked (a third of
        the time: this runs for every record when the app opens)."""
        return cls(
            data["key"],
            tuple(data["tags"]),
            data["note"],
            data["annotator"],
            data["created"],
            data["updated"],
            _passages(data, check=False),
        )


def _passages(data: Mapping, check: bool) -> tuple[Passage, ...]:
    raw = data.get("passages")
    if not raw:
        return ()
    from boletin_tui.store.passages import Passage, passages_problem, sort_passages

    if check:
        problem = passages_problem(raw)
        if problem:
            raise ValueError(f"{data.get('key')}: {problem}")
    return sort_passages(map(Passage.from_checked, raw))


def clean_text(text: str) -> str:
    """Text safe to store: lone surrogates replaced, line endings made `\\n`."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
        from dateutil import parser as date_parser  # only for foreign, hand-edited files

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
