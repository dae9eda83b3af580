"""The one record the recogniser produces: a `Mention` of an entity in a bulletin's text."""

from __future__ import annotations

from dataclasses import dataclass

TYPES = ("PERSON", "ORG", "PLACE", "FIGURE", "DATE")


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
        data: dict = {"key": key, "type": self.type, "text": self.text,
                      "start": self.start, "end": self.end}
        if self.type == "FIGURE":
            data["value"] = self.value
            data["unit"] = self.unit
            data["qualifier"] = self.qualifier
        if self.type in ("PERSON", "ORG"):
            data["entity"] = self.entity or self.text
        return data
