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


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
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
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise Undecodable("archivo binario (demasiados caracteres de control)")
    return text


_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")  # Word bookmarks left by the conversion
_ANGLE_URL = re.compile(r"<(https?://[^>\s]+)>")
_MULTIPLE_SPACES = re.compile(r" {2,}")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile("[\t\u00a0\u2000-\u200a\u202f\u3000]")


def clean_lines(text: str) -> list[str]:
    """The text's lines without conversion artefacts (Word bookmarks, Markdown bold, URLs in
    angle brackets, zero-width characters), single-spaced and stripped; blank lines are kept as
    "" to mark paragraph breaks. Regexes run only where their trigger is present: this is on
    the path of every file read."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("**", "").replace("__", "")
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if _ODD_SPACE.search(text):
        text = _ODD_SPACE.sub(" ", text)
    if "[bookmark:" in text:
        text = _BOOKMARK.sub("", text)
    if "<http" in text:
        text = _ANGLE_URL.sub(r"\1", text)
    if "  " in text:
        text = _MULTIPLE_SPACES.sub(" ", text)
    return [line.strip() for line in text.split("\n")]
