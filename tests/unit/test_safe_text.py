"""`safe_text`, `plural` and `os_error`: the shared helpers for text that reaches a person."""

from __future__ import annotations

import errno

from boletin_tui.safe_text import has_unsafe, safe_text
from boletin_tui.wording import os_error, plural


def test_every_control_is_made_visible_one_for_one() -> None:
    hostile = "a\x1b]0;t\x07b\x1b[2J\x9b2Jc\x7fd\x00e\re\u202eg\u2066h\udcedi"
    out = safe_text(hostile)
    assert len(out) == len(hostile)  # offsets into the text stay valid
    for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]:
        assert chr(code) not in out
    assert "\u202e" not in out and "\u2066" not in out and "\udced" not in out
    assert out.startswith("a␛]0;t␇b␛[2J")
    assert "␡" in out and "␀" in out and "␍" in out
    out.encode("utf-8")  # no lone surrogate left: always printable


def test_all_c0_and_c1_codes() -> None:
    for code in range(0x00, 0xA0):
        char = chr(code)
        if char in "\n\t" or 0x20 <= code < 0x7F:
            assert safe_text(char) == char
        else:
            assert safe_text(char) != char and has_unsafe(char), hex(code)


def test_newline_and_tab_kept_unless_one_line() -> None:
    assert safe_text("uno\ndos\ttres") == "uno\ndos\ttres"
    assert safe_text("uno\ndos", newlines=False) == "uno␊dos"
    plain = "Ciudad de México · 11,907 «cifras» 😀"
    assert safe_text(plain) is plain and not has_unsafe(plain)


def test_plural_by_count() -> None:
    assert plural(1, "boletín", "boletines") == "1 boletín"
    assert plural(0, "boletín", "boletines") == "0 boletines"
    assert plural(2, "anotación leída", "anotaciones leídas") == "2 anotaciones leídas"
    assert plural(12_345, "cifra", "cifras") == "12,345 cifras"
    assert plural(1, "la ruta", "las rutas", number=False) == "la ruta"


def test_os_errors_in_spanish() -> None:
    assert os_error(IsADirectoryError(errno.EISDIR, "Is a directory")) == "es una carpeta"
    assert os_error(PermissionError(errno.EACCES, "Permission denied")) == "permiso denegado"
    assert os_error(OSError(errno.ENOSPC, "No space left on device")) == (
        "no queda espacio en el disco"
    )
    assert "Errno" not in os_error(OSError(errno.ESRCH, "No such process"))
