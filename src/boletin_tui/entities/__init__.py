"""Entity recogniser for bulletins: people, institutions, places, figures and dates.

A pure module (no Textual): `recognise(text)` returns `Mention`s with offsets into the text;
`recognise_bulletin(bulletin)` does the same for `bulletin.text`, memoised.
"""

from boletin_tui.entities.model import TYPES, Mention
from boletin_tui.entities.numerals import parse_number
from boletin_tui.entities.recognise import recognise, recognise_bulletin

__all__ = ["TYPES", "Mention", "parse_number", "recognise", "recognise_bulletin"]
