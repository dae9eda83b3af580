"""Write a list of figure rows to a file: CSV, or `.xlsx` with the `excel` extra.

`write_figures(path, rows)` picks the format from the suffix (`.xlsx` -> Excel, anything else
-> CSV) and writes atomically (temporary file beside the target, fsync, `os.replace`), so an
existing file is either left whole or replaced whole. It overwrites: asking first is the
caller's job. Columns are those of `boletin-tui figures`: key, date, figure, value, unit,
qualifier, noun, sentence. CSV is RFC 4180 in UTF-8 with dates as ISO text; the `.xlsx` has
typed cells (numbers, dates) and never a formula (`exports.xlsx`).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from boletin_tui.atomic import write_bytes_atomic
from boletin_tui.entities.figures_table import FigureRow

COLUMNS = ("key", "date", "figure", "value", "unit", "qualifier", "noun", "sentence")


def is_xlsx(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() == ".xlsx"


def records(rows: Sequence[FigureRow]) -> list[dict[str, Any]]:
    """Typed records over `COLUMNS` (date objects, numbers, None)."""
    return [{name: getattr(row, name) for name in COLUMNS} for row in rows]


def csv_bytes(rows: Sequence[FigureRow]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for record in records(rows):
        date = record["date"]
        record["date"] = date.isoformat() if date is not None else ""
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
    return buffer.getvalue().encode("utf-8")


def write_figures(path: str | os.PathLike[str], rows: Sequence[FigureRow]) -> None:
    """Write `rows` to `path` (see the module). Raises `exports.xlsx.ExcelUnavailable` for
    `.xlsx` without the extra, `OSError` when the file cannot be written."""
    if is_xlsx(path):
        from boletin_tui.exports.xlsx import write_xlsx

        write_xlsx(path, COLUMNS, records(rows), sheet="cifras")
        return
    write_bytes_atomic(path, csv_bytes(rows))
