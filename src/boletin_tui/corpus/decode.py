"""Bytes to clean text: encodings, line ends and conversion artefacts.

Bulletins arrive as UTF-8, UTF-8 with a byte-order mark, or Windows-1252 (Word's "ANSI"), with
LF or CRLF line ends. Anything else (binary files, other encodings) is refused with a reason the
user can read, never an exception.
"""

from __future__ import annotations

import re
import unicodedata

from boletin_tui.safe_text import safe_text


class Undecodable(ValueError):
    """The bytes are not a text file we can read; `str(exc)` says why, in Spanish."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_BOMS_WE_REFUSE = (b"\xff\xfe", b"\xfe\xff")  # UTF-16: Word's "Unicode" export


def decode(data: bytes) -> str:
    """Decode a file's bytes, trying UTF-8 (with or without BOM) then Windows-1252.

    A file that is UTF-8 but for a few damaged bytes (valid multi-byte sequences at least as
    many as invalid bytes) is read as UTF-8, each bad byte becoming U+FFFD (`bad_utf8_offsets`
    says where they are); only a file with no UTF-8 in it is read as Windows-1252.
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
    if mostly_utf8(data):  # a few damaged bytes in a UTF-8 file: keep the rest as UTF-8
        return _check_text(data.decode("utf-8-sig", errors="replace"))
    try:
        return _check_text(data.decode("cp1252"))
    except UnicodeDecodeError as exc:
        raise Undecodable("codificación no reconocida (ni UTF-8 ni Windows-1252)") from exc


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def bad_utf8_offsets(data: bytes, limit: int = 20) -> list[int]:
    """Byte offsets (at most `limit`) where `data` is not valid UTF-8."""
    offsets: list[int] = []
    start = 0
    while len(offsets) < limit:
        try:
            data[start:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            offsets.append(start + exc.start)
            start += exc.end
    return offsets


def mostly_utf8(data: bytes) -> bool:
    """True when `data` holds at least as many valid UTF-8 multi-byte characters as bytes
    that are not UTF-8: Windows-1252 text almost never forms valid UTF-8 pairs by chance
    (`é` there is one byte, 0xE9, never followed by a continuation byte)."""
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if valid == 0:
        return False
    bad = len(bad_utf8_offsets(data, limit=valid + 1))
    return valid >= bad


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
    text = safe_text(text)  # no terminal control survives past here (ESC, C1, DEL, bidi)
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
