"""Terminal-safe text: nothing a file, tag or name holds can drive the terminal.

    from boletin_tui.safe_text import safe_text

    safe_text("a\\x1b]0;pwned\\x07b")        == "a␛]0;pwned␇b"
    safe_text("dos\\nlíneas")                 == "dos\\nlíneas"
    safe_text("dos\\nlíneas", newlines=False) == "dos␊líneas"

`safe_text` replaces every character that a terminal could act on, each by exactly ONE visible
character, so offsets into the text (entity spans, search hits) stay valid:

- C0 controls U+0000-U+001F except tab and newline (ESC, BEL, CR, BS, ...) and DEL U+007F
  become their Control Pictures (`␛`, `␇`, `␍`, `␈`, `␡`): visible, and still telling.
- C1 controls U+0080-U+009F (8-bit CSI U+009B, OSC U+009D, ...) become `�` (U+FFFD).
- Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can make text
  read in another order than it is stored ("Trojan Source"), become `�`.
- Lone surrogates (a file name that is not UTF-8, decoded with `surrogateescape`) become `�`,
  so printing never raises `UnicodeEncodeError`.

Tab and newline are kept (`newlines=False` makes newline visible too, for one-line fields such
as a file name in a message). Safe text is plain text, not markup: still escape it (or build a
Rich/Textual `Text`) where markup is parsed. No Textual or Rich import: usable everywhere.
"""

from __future__ import annotations

import re

__all__ = ["has_unsafe", "safe_text"]

_REPLACEMENT = "\ufffd"

# Every character safe_text changes (newline handled by the `newlines` switch).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_OR_NEWLINE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return _REPLACEMENT


def safe_text(text: str, *, newlines: bool = True) -> str:
    """`text` with every terminal control made visible, one character for one (see module).

    Keeps tab, and newline unless `newlines` is False. Returns `text` itself when it is already
    safe (the common case costs one regex scan)."""
    pattern = _UNSAFE if newlines else _UNSAFE_OR_NEWLINE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_visible, text)


def has_unsafe(text: str) -> bool:
    """True when `safe_text(text)` would change something (newlines allowed)."""
    return _UNSAFE.search(text) is not None
