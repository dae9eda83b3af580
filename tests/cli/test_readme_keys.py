"""The README's key table is the action table (`boletin_tui.actions.ACTIONS`)."""

from __future__ import annotations

import re
from pathlib import Path

from boletin_tui.actions import ACTIONS, split_keys

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_keys() -> dict[str, str]:
    """action id -> keys as the README's `| keys | action | what it does |` table lists them."""
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| keys | action | what it does |") :].split("\n\n")[0]
    rows = {}
    for line in table.splitlines()[2:]:
        keys, action = (cell.strip() for cell in line.strip("|").split("|")[:2])
        rows[action.strip("`")] = ",".join(re.findall(r"`([^`]+)`", keys))
    return rows


def test_readme_key_table_matches_the_action_table():
    expected = {a.id: ",".join(split_keys(a.keys)) for a in ACTIONS if a.scope != "doc"}
    assert readme_keys() == expected
