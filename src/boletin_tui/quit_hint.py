"""What `ctrl+c` (which does not quit) says: how to quit from where the focus is. No Textual.

In a text field a plain key such as `q` types itself, so the hint there names only the quit
keys that a field does not take as text (with `ctrl`, `alt`, `meta` or `super`, or a function
key). When the keymap gives quit none of those, the hint says to leave the field first; it
never names a key that is not bound to quitting.
"""

from __future__ import annotations

import re

from boletin_tui.actions import display_keys, split_keys

_MODIFIERS = ("ctrl+", "alt+", "meta+", "super+")
_FUNCTION_KEY = re.compile(r"f\d{1,2}")


def works_while_typing(key: str) -> bool:
    """True when `key` (a Textual key name) does not type text into a field: `ctrl+q`,
    `f10`; False for `q`, `G`, `colon`, `shift+x`."""
    return key.startswith(_MODIFIERS) or _FUNCTION_KEY.fullmatch(key) is not None


def quit_hint(keys: str, *, typing: bool) -> str:
    """The sentence for `ctrl+c`. `keys`: the keys bound to quit (`"q,ctrl+q"`); `typing`:
    the focus is in a text field (where `q` types a `q`)."""
    if not typing:
        return f"Para salir, pulsa {display_keys(keys)}."
    usable = [key for key in split_keys(keys) if works_while_typing(key)]
    if usable:
        return f"Para salir desde aquí, pulsa {display_keys(','.join(usable))}."
    return (
        f"Aquí {display_keys(keys)} se escribe en el campo: para salir, deja antes el campo "
        f"y pulsa {display_keys(keys)}."
    )
