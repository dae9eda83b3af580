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
    bulletin; an institution's full name for its acronym). Figures also carry `noun`, what they
    count as written (`médicos residentes`), and `noun_key`, its grouping form (`medico
    residente`), or None for both (`entities/nouns.py`).
    """

    type: str
    text: str
    start: int
    end: int
    value: int | float | None = None
    unit: str | None = None
    qualifier: str | None = None
    entity: str | None = None
    noun: str | None = None
    noun_key: str | None = None

    def to_json(self, key: str | None = None) -> dict:
        """JSON-ready data: key, type, text, start, end, plus value/unit/qualifier/noun/noun_key
        for figures and entity for people and institutions."""
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
            data["noun"] = self.noun
            data["noun_key"] = self.noun_key
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
_SET_NOUN, _SET_NOUN_KEY = (Mention.__dict__[name].__set__ for name in ("noun", "noun_key"))


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
    _SET_NOUN(mention, None)  # set by `entities.nouns.attach_nouns` after recognition
    _SET_NOUN_KEY(mention, None)
    return mention


def with_noun(m: Mention, noun: str | None, noun_key: str | None) -> Mention:
    """A copy of `m` with `noun` and `noun_key` set, built like `new_mention` (fast)."""
    copy = new_mention(m.type, m.text, m.start, m.end, m.value, m.unit, m.qualifier, m.entity)
    _SET_NOUN(copy, noun)
    _SET_NOUN_KEY(copy, noun_key)
    return copy
