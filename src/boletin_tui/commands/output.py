"""Everything the commands print goes through here: terminal-safe, never a traceback, wrapped
only for a person at a terminal.

- `guarded_streams()` (used by `cli.main` around every command but the app) replaces
  `sys.stdout` and `sys.stderr` by `SafeStream`s: whatever a command prints, its own lines or a
  tag, note or file name inside them, reaches the terminal through `safe_text` (ESC, C1, DEL,
  bidi overrides and lone surrogates made visible; CRLF kept for CSV; at a terminal, SGR
  colour sequences kept, for Rich consoles other commands build on `sys.stdout`). Bytes
  written to `sys.stdout.buffer` are filtered the same way.
- `console()` is the Rich console for tables and styled text: it writes to the real stream, so
  the caller passes only `safe_text`-ed, markup-free cells (`Text`, or `escape`).
- `table()` prints a Rich table at a terminal, and tab-separated lines (a header, then one
  line per row, never wrapped) when the output is piped.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from boletin_tui.safe_text import safe_text

_SGR = re.compile(r"\x1b\[[0-9;]*m")


def _clean(text: str, keep_sgr: bool = False) -> str:
    """safe_text that keeps CRLF pairs (CSV's line end), and with `keep_sgr` the SGR colour
    sequences (`ESC[1;33m`) that a Rich console writing to a terminal emits."""
    if "\r" in text:
        return "\r\n".join(_clean(part, keep_sgr) for part in text.split("\r\n"))
    if keep_sgr and "\x1b[" in text:
        pieces = []
        start = 0
        for match in _SGR.finditer(text):
            pieces.append(safe_text(text[start : match.start()]))
            pieces.append(match.group())
            start = match.end()
        pieces.append(safe_text(text[start:]))
        return "".join(pieces)
    return safe_text(text)


class _SafeBinary(io.RawIOBase):
    """`sys.stdout.buffer` as a `SafeStream` exposes it: UTF-8 in, filtered, UTF-8 out."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
        self._held = ""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        text = self._held + self._decoder.decode(bytes(data))
        self._held = "\r" if text.endswith("\r") else ""
        if self._held:
            text = text[:-1]
        self._raw.write(_clean(text).encode("utf-8", "replace"))
        return len(data)

    def flush(self) -> None:
        if self._held:
            self._raw.write(safe_text(self._held).encode("utf-8"))
            self._held = ""
        self._raw.flush()


class SafeStream(io.TextIOBase):
    """A text stream that passes everything written through `safe_text` (CRLF kept)."""

    def __init__(self, inner: IO[str]) -> None:
        self.inner = inner
        # At a terminal, a Rich console that another command builds on `sys.stdout` emits SGR
        # colour sequences: those (colours and bold only, nothing that moves the cursor, sets
        # the title or the clipboard) pass. Piped output keeps no escape at all.
        self._keep_sgr = bool(inner.isatty())
        raw = getattr(inner, "buffer", None)
        self._buffer = _SafeBinary(raw) if raw is not None else None
        self._held = ""

    @property
    def buffer(self) -> Any:
        if self._buffer is not None:
            self.flush()
        return self._buffer

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.inner, "encoding", "utf-8"))

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    def write(self, text: str) -> int:
        whole = self._held + text
        self._held = "\r" if whole.endswith("\r") else ""
        self.inner.write(_clean(whole[:-1] if self._held else whole, self._keep_sgr))
        return len(text)

    def flush(self) -> None:
        if self._held:
            self.inner.write(safe_text(self._held))
            self._held = ""
        self.inner.flush()


_REAL: dict[str, IO[str]] = {}


@contextlib.contextmanager
def guarded_streams() -> Iterator[None]:
    """Filter `sys.stdout` and `sys.stderr` through `safe_text` for the duration; unencodable
    characters (a strict non-UTF-8 locale) are replaced rather than raising."""
    saved = sys.stdout, sys.stderr
    for stream in saved:
        with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    _REAL["stdout"], _REAL["stderr"] = saved
    sys.stdout, sys.stderr = SafeStream(saved[0]), SafeStream(saved[1])
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        sys.stdout, sys.stderr = saved
        _REAL.clear()


def real_stdout() -> IO[str]:
    """The stream under the `SafeStream` (for Rich, whose own styles must pass)."""
    out = _REAL.get("stdout", sys.stdout)
    return out.inner if isinstance(out, SafeStream) else out


def is_terminal() -> bool:
    return bool(real_stdout().isatty())


def console() -> Console:
    """Rich console on standard output: styled and wrapped at a terminal; when piped, plain
    and never wrapped (soft wrap: long lines stay whole for grep and copy-paste)."""
    if is_terminal():
        return Console(file=real_stdout(), highlight=False)
    return Console(file=sys.stdout, highlight=False, soft_wrap=True, no_color=True)


def cell(text: object, style: str = "") -> Text:
    """A table cell or line from user data: terminal-safe, never markup, one line."""
    return Text(safe_text(str(text), newlines=False), style=style)


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]], **kw: Any) -> None:
    """Print rows under `columns`: a Rich table at a terminal; tab-separated when piped."""
    if not is_terminal():
        out = sys.stdout
        out.write("\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(_tsv(value) for value in row) + "\n")
        return
    no_wrap = set(kw.pop("no_wrap", ()))
    ratios: dict[str, int] = kw.pop("ratios", {})
    right = set(kw.pop("right", ()))
    grid = Table(title=cell(title), **kw)
    for column in columns:
        grid.add_column(
            column,
            no_wrap=column in no_wrap,
            ratio=ratios.get(column),
            justify="right" if column in right else "left",
        )
    for row in rows:
        grid.add_row(*(cell(value) for value in row))
    console().print(grid)


def _tsv(value: object) -> str:
    text = safe_text(str(value), newlines=False)
    return text.replace("\t", " ").replace("\u240a", " ")


def json_line(item: object, indent: int | None = None) -> str:
    """`item` as JSON that a terminal cannot act on: json escapes C0 controls itself; DEL,
    C1 controls, bidi overrides and lone surrogates (a non-UTF-8 file name) are written as
    `\\uXXXX` escapes too, so the data round-trips and printing never fails."""
    return _JSON_UNSAFE.sub(
        lambda m: f"\\u{ord(m.group()):04x}",
        json.dumps(item, ensure_ascii=False, indent=indent),
    )


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def write_json_array(items: Iterable[object], out: TextIO) -> None:
    """A JSON array, one item at a time: `json.dumps` per item uses the C encoder (`json.dump`
    to a stream does not), and nothing holds the whole document in memory. Indented for a
    person at a terminal, compact when piped."""
    indent = 2 if out.isatty() else None
    out.write("[")
    for i, item in enumerate(items):
        out.write(("," if i else "") + ("\n" if indent else ""))
        out.write(json_line(item, indent))
    out.write("\n]\n" if indent else "]\n")
