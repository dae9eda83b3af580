"""One way to write a figure (the CLI and the panel share it)."""

from __future__ import annotations

import pytest

from boletin_tui.formatting import format_figure


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (11907, "pesos", None, "11,907 pesos"),
        (86.3, "%", None, "86.3%"),
        (0.4375, "ratio", None, "0.44"),
        (12, None, "más de", "más de 12"),
        (127000.0, None, None, "127,000"),
        (28.95, "mdp", None, "28.95 mdp"),
        (None, "pesos", None, ""),
    ],
)
def test_format_figure(value, unit, qualifier, expected):
    assert format_figure(value, unit, qualifier) == expected
