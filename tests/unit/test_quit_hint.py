"""What `ctrl+c` says about quitting, from the list and from a text field (uxfix #1)."""

from __future__ import annotations

from boletin_tui.actions import BY_ID
from boletin_tui.quit_hint import quit_hint, works_while_typing


def test_outside_a_field_every_quit_key_is_named():
    assert quit_hint("q,ctrl+q", typing=False) == "Para salir, pulsa q / ctrl+q."


def test_in_a_field_only_keys_that_do_not_type_are_named():
    hint = quit_hint("q,ctrl+q", typing=True)
    assert hint == "Para salir desde aquí, pulsa ctrl+q."
    assert "pulsa q" not in hint


def test_with_no_such_key_the_hint_says_to_leave_the_field_first():
    hint = quit_hint("q", typing=True)
    assert "deja antes el campo" in hint and "ctrl" not in hint


def test_which_keys_type_text():
    assert works_while_typing("ctrl+q") and works_while_typing("f10")
    assert not any(map(works_while_typing, ["q", "G", "colon", "shift+x", "escape", "f"]))


def test_the_table_binds_a_quit_key_that_works_in_a_field():
    keys = [*BY_ID["quit"].keys.split(","), *BY_ID["quit_anywhere"].keys.split(",")]
    assert any(works_while_typing(k) for k in keys)
    assert BY_ID["quit_anywhere"].priority  # also in the passage dialog (a modal screen)
