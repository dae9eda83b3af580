"""Entity recogniser for bulletins: people, institutions, places, figures and dates.

A pure module (no Textual): `recognise(text)` returns `Mention`s with offsets into the text;
`recognise_bulletin(bulletin)` does the same for `bulletin.text`, memoised.

The recogniser (large regular expressions and the gazetteer) is imported when first named,
not with the package: importing `boletin_tui.entities.model` or `.figures_cache` stays light.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

from boletin_tui.entities.model import TYPES, Mention
from boletin_tui.lazy import lazy_names

if TYPE_CHECKING:
    from boletin_tui.entities.numerals import parse_number
    from boletin_tui.entities.recognise import recognise, recognise_bulletin

# Name -> the submodule defining it, imported on first use (PEP 562).
_LAZY = {"parse_number": "numerals", "recognise": "recognise", "recognise_bulletin": "recognise"}


__getattr__ = lazy_names(__name__, _LAZY)


class _Package(types.ModuleType):
    """This package, keeping `recognise` the function: importing the submodule of that name
    (`boletin_tui.entities.recognise`) would otherwise set the package's attribute to it."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = ["TYPES", "Mention", "parse_number", "recognise", "recognise_bulletin"]
