"""Cells safe for spreadsheets: CSV formula injection (OWASP) in the Excel flavour of CSV.

A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)` in
a tag or a note would become a link). The Excel flavour of CSV (`--excel`) prefixes such text
cells with `'`, as OWASP advises, which Excel and LibreOffice show as the text itself; tab and
carriage return at the start are also prefixed. The plain CSV keeps every cell verbatim (it is
data for programs, and `import` reads it back unchanged). Numbers the program itself writes
(`-120` as a change) are not text cells and are never prefixed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet read this text cell as a formula?"""
    return text.startswith(FORMULA_STARTS)


def neutralise(value: Any) -> Any:
    """`value` with `'` before it if it is text a spreadsheet would run; other values as given."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    if isinstance(value, list) and value:
        # A list (tags) becomes one cell joined by "; ": only its first item starts the cell.
        return [neutralise(value[0]), *value[1:]]
    return value


def neutralise_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each row with its text cells neutralised (`neutralise`)."""
    return [{k: neutralise(v) for k, v in row.items()} for row in rows]
