"""Reading `.docx` originals, with python-docx as an optional extra (`boletin-tui[docx]`).

A Word document becomes the same plain text a conversion would give: one line per paragraph,
list paragraphs marked with `·` so they read as highlights, then parsed like any `.txt`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path


class DocxUnavailable(RuntimeError):
    """python-docx is not installed."""


# A Word bulletin's XML is a few hundred KB; 5 MB (the limit for the .docx itself) of deflated
# XML can expand to gigabytes. The zip directory says each part's size before anything is read.
MAX_UNCOMPRESSED = 64 * 1024 * 1024


def check_unpacked_size(path: Path, limit: int = MAX_UNCOMPRESSED) -> None:
    """Raise `ValueError` (Spanish) when the parts of the .docx at `path` would take more than
    `limit` bytes once uncompressed, or the file is not a zip package. Reads only the zip
    directory; zipfile never inflates a part past the size the directory declares."""
    try:
        with zipfile.ZipFile(path) as package:
            total = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, EOFError) as exc:
        raise ValueError("documento .docx dañado o no válido (no es un paquete zip)") from exc
    if total > limit:
        raise ValueError(
            f"documento .docx demasiado grande al descomprimirse ({total // 2**20} MB; "
            f"el máximo es {limit // 2**20} MB)"
        )


def docx_to_text(path: Path) -> str:
    """The document's paragraphs as text. Raises `DocxUnavailable` or `ValueError`."""
    try:
        import docx  # python-docx
    except ImportError as exc:
        raise DocxUnavailable(
            "leer .docx requiere python-docx: pip install 'boletin-tui[docx]'"
        ) from exc
    check_unpacked_size(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a broken package
        raise ValueError(f"documento .docx dañado o no válido ({type(exc).__name__})") from exc
    lines = []
    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        text = paragraph.text
        lines.append(f"· {text}" if "List" in style and text.strip() else text)
    return "\n".join(lines)
