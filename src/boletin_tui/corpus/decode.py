"""Bytes to clean text: encodings, line ends and conversion artefacts.

Bulletins arrive as UTF-8, UTF-8 with a byte-order mark, or Windows-1252 (Word's "ANSI"), with
LF or CRLF line ends. Anything else (binary files, other encodings) is refused with a reason the
user can read, never an exception.
"""

from __future__ import annotations

import re
import unicodedata


class Undecodable(ValueError):
    """The bytes are not a text file we can read; `str(exc)` says why, in Spanish."""


_BOMS_WE_REFUSE = (b"\xff\xfe", b"\xfe\xff")  # UTF-16: Word's "Unicode" export


def decode(data: bytes) -> str:
    """Decode a file's bytes, trying UTF-8 (with or without BOM) then Windows-1252.

    Raises `Undecodable` for empty, binary or undecodable input.
    """
    if not data.strip():
        raise Undecodable("archivo vacío")
    if data.startswith(_BOMS_WE_REFUSE):
        try:
            return _check_text(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise Undecodable("codificación UTF-16 dañada") from exc
    if b"\x00" in data[:8192]:
        raise Undecodable("archivo binario (contiene bytes nulos)")
    if data.startswith(b"PK\x03\x04"):
        raise Undecodable("archivo comprimido (¿un .docx con otra extensión?)")
    try:
        return _check_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    try:
        return _check_text(data.decode("cp1252"))
    except UnicodeDecodeError as exc:
        raise Undecodable("codificación no reconocida (ni UTF-8 ni Windows-1252)") from exc


def _check_text(text: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary file by another name)."""
    sample = text[:8192]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(2, len(sample) // 100):
        raise Undecodable("archivo binario (demasiados caracteres de control)")
    return text


_ARTEFACTS = re.compile(
    r"\[bookmark:[^\]]*\]"  # Word bookmarks left by the conversion
    r"|\*\*|__"  # Markdown bold
    r"|[\u200b\u200c\u200d\u2060\ufeff\u00ad]"  # zero-width characters and soft hyphens
)
_ANGLE_URL = re.compile(r"<(https?://[^>\s]+)>")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")


def clean_line(line: str) -> str:
    """One line without conversion artefacts, with single spaces, stripped."""
    line = _ARTEFACTS.sub("", line)
    line = _ANGLE_URL.sub(r"\1", line)
    line = _SPACES.sub(" ", line)
    return line.strip()


def clean_lines(text: str) -> list[str]:
    """The text's lines, cleaned; blank lines are kept as "" to mark paragraph breaks."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [clean_line(line) for line in text.split("\n")]
