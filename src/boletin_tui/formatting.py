"""How numbers are written for people, in one place: the command line and the app alike.

Kept out of `entities` so that the app can format without importing the recogniser."""

from __future__ import annotations


def format_figure(
    value: int | float | None, unit: str | None = None, qualifier: str | None = None
) -> str:
    """`11907, "pesos"` -> `11,907 pesos`; `86.3, "%"` -> `86.3%`; `0.4375, "ratio"` -> `0.44`
    (a ratio's words are its text); `12, None, "más de"` -> `más de 12`. At most two decimals,
    thousands with commas; "" when there is no value."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    number = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    suffix = "" if unit in (None, "", "ratio") else unit if unit == "%" else f" {unit}"
    return f"{qualifier} {number}{suffix}" if qualifier else f"{number}{suffix}"
