"""Reading `.docx` originals, with python-docx as an optional extra (`boletin-tui[docx]`).

A Word document becomes the same plain text a conversion would give: one line per paragraph,
list paragraphs marked with `·` so they read as highlights, then parsed like any `.txt`.
"""

from __future__ import annotations

from pathlib import Path


class DocxUnavailable(RuntimeError):
    """python-docx is not installed."""


def docx_to_text(path: Path) -> str:
    """The document's paragraphs as text. Raises `DocxUnavailable` or `ValueError`."""
    try:
        import docx  # python-docx
    except ImportError as exc:
        raise DocxUnavailable(
            "leer .docx requiere python-docx: pip install 'boletin-tui[docx]'"
        ) from exc
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
