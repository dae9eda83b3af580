"""The one record the recogniser produces: a `Mention` of an entity in a bulletin's text."""

from __future__ import annotations

from dataclasses import dataclass

from boletin_tui.entity_types import TYPES

__all__ = ["TYPES", "Mention", "new_mention"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span `text[start:end]` of one of the `TYPES`.

    Figures carry `value` (a number) and `unit` (`%`, `pesos`, `dólares`, `ratio` or None) and
    `qualifier` (`más de`, `menos de`...) when the text states one. People and institutions carry
    `entity`: the canonical name the mention belongs to (a person's fullest name in the same
    bulletin; an institution's full name for its acronym).
    """

    type: str
    text: str
    start: int
    end: int
    value: int | float | None = None
    unit: str | None = None
    qualifier: str | None = None
    entity: str | None = None

    def to_json(self, key: str | None = None) -> dict:
        """JSON-ready data: key, type, text, start, end, plus value/unit/qualifier for figures
        and entity for people and institutions."""
        data: dict = {
            "key": key,
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        if self.type == "FIGURE":
            data["value"] = self.value
            data["unit"] = self.unit
            data["qualifier"] = self.qualifier
        if self.type in ("PERSON", "ORG"):
            data["entity"] = self.entity or self.text
        return data


# The dataclass's `__init__` sets each field with `object.__setattr__` (it is frozen), about
# 1.5 µs a mention; `recognise` builds dozens per bulletin, so it fills the slots through their
# descriptors instead, twice as fast. The object is the same as `Mention(...)` would build.
_new_object = object.__new__
_SET_TYPE, _SET_TEXT, _SET_START, _SET_END, _SET_VALUE, _SET_UNIT, _SET_QUALIFIER, _SET_ENTITY = (
    Mention.__dict__[name].__set__
    for name in ("type", "text", "start", "end", "value", "unit", "qualifier", "entity")
)


def new_mention(
    kind: str,
    text: str,
    start: int,
    end: int,
    value: int | float | None = None,
    unit: str | None = None,
    qualifier: str | None = None,
    entity: str | None = None,
) -> Mention:
    """`Mention(kind, text, start, end, value, unit, qualifier, entity)`, built faster."""
    mention = _new_object(Mention)
    _SET_TYPE(mention, kind)
    _SET_TEXT(mention, text)
    _SET_START(mention, start)
    _SET_END(mention, end)
    _SET_VALUE(mention, value)
    _SET_UNIT(mention, unit)
    _SET_QUALIFIER(mention, qualifier)
    _SET_ENTITY(mention, entity)
    return mention
