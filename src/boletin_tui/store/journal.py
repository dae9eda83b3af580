"""The write-ahead journal beside the database file: one fsync'd line per transaction.

Rewriting and fsyncing a 16 MB database costs 20 to 60 ms on a loaded machine, whatever the
serialiser does (measured by `benchmarks/passage_bench.py`, which prints that floor); one line
appended to a small file and fsync'd costs about 2 ms. So a small transaction is made durable by
appending to `<db>.journal`, and the JSON file is rewritten later ("compacted") under the lock:
when the journal grows, a second after the last write, when the store closes, and by any write
that cannot be journalled. The JSON file stays the single committed artefact.

Format (UTF-8, one JSON value per line, each line ending in a newline):

    {"boletin-tui-journal": 1, "base": {"size": 16300000, "sha1": "…"}}
    {"changes": [["annotations", "5321", {…the whole document…}], ["reads", "7", null]]}

The first line names the exact JSON file the changes apply to (its size and SHA-1). Each later
line is one committed transaction: every document it changed, whole (null: removed), so
replaying a line twice gives the same result. A line without its newline is a write that never
returned (the process died in it). This module only reads, parses and applies; the storage
(`store.storage`) decides when to append and when to compact, under the lock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
from pathlib import Path

from boletin_tui.store.files import fdatasync, fsync_dir

VERSION = 1
SUFFIX = ".journal"
_MAGIC = "boletin-tui-journal"

Change = tuple[str, str, dict | None]  # (table, doc id, the document or None when removed)


def journal_path(target: Path) -> Path:
    return target.with_name(target.name + SUFFIX)


def fingerprint(raw: bytes) -> dict[str, object]:
    """What identifies a JSON file's exact bytes: its size and SHA-1."""
    return {"size": len(raw), "sha1": hashlib.sha1(raw, usedforsecurity=False).hexdigest()}


def header_line(base: dict[str, object]) -> bytes:
    return _line({_MAGIC: VERSION, "base": base})


def change_line(changes: list[Change]) -> bytes:
    return _line({"changes": [list(c) for c in changes]})


def _line(value: object) -> bytes:
    # No indent: newlines inside strings are escaped, so the line has none of its own.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


@dataclasses.dataclass
class Journal:
    """A parsed journal: its base, its transactions, and what could not be read."""

    base: dict | None = None
    transactions: list[list[Change]] = dataclasses.field(default_factory=list)
    damaged: list[int] = dataclasses.field(default_factory=list)  # line numbers (1-based)
    torn: bool = False  # the last line has no newline: a write that never returned
    newer: int | None = None  # the journal's version when newer than this program's

    @property
    def changes(self) -> int:
        return sum(map(len, self.transactions))


def parse(raw: bytes) -> Journal:
    """Read a journal's bytes; never raises (what cannot be read is listed in the result)."""
    journal = Journal()
    lines = raw.split(b"\n")
    if lines[-1]:
        journal.torn = True
    lines.pop()  # the text after the last newline: empty, or the torn line
    for number, line in enumerate(lines, start=1):
        try:
            value = json.loads(line.decode("utf-8"))
        except ValueError:
            journal.damaged.append(number)
            continue
        if number == 1:
            version = value.get(_MAGIC) if isinstance(value, dict) else None
            if isinstance(version, int) and version > VERSION:
                journal.newer = version
            if version != VERSION or not isinstance(value.get("base"), dict):
                journal.damaged.append(number)
            else:
                journal.base = value["base"]
            continue
        changes = _changes(value)
        if changes is None:
            journal.damaged.append(number)
        else:
            journal.transactions.append(changes)
    return journal


def _changes(value: object) -> list[Change] | None:
    items = value.get("changes") if isinstance(value, dict) else None
    if not isinstance(items, list):
        return None
    changes: list[Change] = []
    for item in items:
        if not (isinstance(item, list) and len(item) == 3):
            return None
        table, doc_id, document = item
        ok_ids = isinstance(table, str) and isinstance(doc_id, str) and doc_id.isdigit()
        if not ok_ids or not (document is None or isinstance(document, dict)):
            return None
        changes.append((table, doc_id, document))
    return changes


def apply(data: dict, journal: Journal) -> None:
    """Replay the journal's transactions on `data` (the parsed JSON file), in order."""
    for transaction in journal.transactions:
        for table, doc_id, document in transaction:
            if document is None:
                data.get(table, {}).pop(doc_id, None)
            else:
                data.setdefault(table, {})[doc_id] = document


def reflected(data: dict, journal: Journal) -> bool:
    """Whether `data` already holds every document as the journal leaves it (the journal
    was compacted into this file and only its removal was interrupted)."""
    final = final_documents(journal)
    return all(data.get(t, {}).get(i) == doc for (t, i), doc in final.items())


def append(path: Path, line: bytes, header: bytes | None) -> os.stat_result:
    """Append `line` (after `header` when the journal is new) and fsync; return its stat.

    A new journal also has its folder fsync'd, so the file itself survives a crash. Raises
    `OSError`, after cutting the journal back to its former length (a torn line is left only
    if the process dies in the middle: that write never returned).
    """
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        before = os.fstat(fd).st_size
        if header is not None and before == 0:
            line = header + line
        else:
            header = None
        try:
            _write_all(fd, line)
            fdatasync(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, before)
            raise
        st = os.fstat(fd)
    finally:
        os.close(fd)
    if header is not None:
        fsync_dir(path.parent)
    return st


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def final_documents(journal: Journal) -> dict[tuple[str, str], dict | None]:
    """Each (table, doc id) the journal touches, as its last transaction leaves it."""
    final: dict[tuple[str, str], dict | None] = {}
    for transaction in journal.transactions:
        for table, doc_id, document in transaction:
            final[table, doc_id] = document
    return final


def load_beside(target: Path, raw: bytes, data: dict) -> int:
    """For readers of a database file outside the store (`agreement`): replay the journal
    beside `target` over `data` (parsed from `raw`) if it belongs to these bytes. Returns the
    number of transactions applied (0 without a journal or with one of another file)."""
    try:
        journal = parse(journal_path(Path(os.path.realpath(target))).read_bytes())
    except OSError:
        return 0
    if journal.base != fingerprint(raw):
        return 0
    apply(data, journal)
    return len(journal.transactions)
