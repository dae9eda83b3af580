"""`.xlsx` files for the optional `excel` extra (`pip install 'boletin-tui[excel]'`).

`write_xlsx(path, columns, rows)` writes one sheet: a bold header row, frozen; each column as
wide as its content (within limits); typed cells: `int`/`float` as numbers, `datetime.date` as
dates (`yyyy-mm-dd`), `datetime.datetime` as date-times (their wall time, without the UTC
offset, which Excel cannot hold), None as an empty cell, anything else as text. No formula is
ever written: the workbook is opened with `strings_to_formulas` (and URL/number conversion) off
and every text cell goes through `write_string`, so `=HYPERLINK(...)` stays text.

The file is written atomically: built in memory, written to a temporary file beside the target,
fsync'd, then moved over it with `os.replace`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from boletin_tui.atomic import write_bytes_atomic
from boletin_tui.store.model import TAG_SEPARATOR

INSTALL_HINT = "pip install 'boletin-tui[excel]'"
_MIN_WIDTH, _MAX_WIDTH = 6, 60


class ExcelUnavailable(RuntimeError):
    """`xlsxwriter` is not installed; the message says how to install the extra."""


def _xlsxwriter() -> Any:
    try:
        import xlsxwriter
    except ImportError:
        raise ExcelUnavailable(
            f"Para escribir .xlsx hace falta el extra «excel»: {INSTALL_HINT}"
        ) from None
    return xlsxwriter


def xlsx_bytes(
    columns: Sequence[str], rows: Iterable[Mapping[str, Any]], sheet: str = "datos"
) -> bytes:
    """The `.xlsx` file for `rows` (dicts over `columns`) as bytes (see the module)."""
    xlsxwriter = _xlsxwriter()
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    ws = book.add_worksheet(sheet)
    bold = book.add_format({"bold": True})
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    time_format = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    widths = [len(c) for c in columns]
    for col, name in enumerate(columns):
        ws.write_string(0, col, name, bold)
    for r, row in enumerate(rows, start=1):
        for col, name in enumerate(columns):
            value = row.get(name)
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                value = str(value).lower()
            if isinstance(value, (int, float)):
                ws.write_number(r, col, value)
                shown = f"{value:,}"
            elif isinstance(value, dt.datetime):
                ws.write_datetime(r, col, value.replace(tzinfo=None), time_format)
                shown = "0000-00-00 00:00:00"
            elif isinstance(value, dt.date):
                ws.write_datetime(r, col, value, date_format)
                shown = "0000-00-00"
            else:
                shown = str(value)
                ws.write_string(r, col, shown)
            widths[col] = max(widths[col], len(shown))
    for col, width in enumerate(widths):
        ws.set_column(col, col, min(_MAX_WIDTH, max(_MIN_WIDTH, width + 2)))
    ws.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()


def write_xlsx(
    path: str | os.PathLike[str],
    columns: Sequence[str],
    rows: Iterable[Mapping[str, Any]],
    sheet: str = "datos",
) -> None:
    """Write the `.xlsx` for `rows` to `path` atomically. Raises `ExcelUnavailable` without
    the extra, `OSError` if the file cannot be written."""
    write_bytes_atomic(path, xlsx_bytes(columns, rows, sheet))


def parse_iso(value: str) -> dt.date | dt.datetime | str:
    """`2020-04-14` as a date, `2020-04-14T10:00:00-06:00` as a datetime, else `value`."""
    if not value:
        return value
    try:
        if "T" in value or " " in value.strip():
            return dt.datetime.fromisoformat(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


def typed_export_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Annotation export rows (all strings) with `date`, `created` and `updated` as dates."""
    out = []
    for row in rows:
        typed: dict[str, Any] = dict(row)
        if isinstance(typed.get("tags"), list):
            typed["tags"] = TAG_SEPARATOR.join(typed["tags"])
        for column in ("date", "created", "updated"):
            if isinstance(typed.get(column), str):
                typed[column] = parse_iso(typed[column])
        out.append(typed)
    return out
