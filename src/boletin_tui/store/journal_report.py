"""What `check` says about a database's journal, and the file a stale journal's changes go to.

See `store.journal` for the journal itself. A journal is pending while the app runs (it is
folded into the file a second after the last write and when the app closes), so `check`
reports it as a warning: a `git commit` made meanwhile does not include those changes. A
journal that does not belong to the file on disk (the file was replaced, e.g. by `git pull`
while the app had changes pending) or has unreadable lines is a problem; the next write keeps
it aside, and its changes in a database file that `boletin-tui import` unites with the base.
"""

from __future__ import annotations

import os
from pathlib import Path

from boletin_tui.store import journal as wal
from boletin_tui.store.jsonio import Serializer, loads
from boletin_tui.store.validate import META_TABLE, TABLE, meta_document
from boletin_tui.wording import plural


def importable(journal: wal.Journal) -> bytes:
    """A database file holding the annotations as the journal leaves them (removals left
    out): `boletin-tui import` unites it with the base like any annotator's file."""
    documents = {
        doc_id: document
        for (table, doc_id), document in wal.final_documents(journal).items()
        if table == TABLE and document is not None
    }
    return Serializer(False).dumps({META_TABLE: {"1": meta_document()}, TABLE: documents})


def report(target: Path) -> tuple[list[str], list[str]]:
    """(problems, warnings) about the journal of the database at `target` and the copies of
    journals kept aside beside it, in Spanish. Reads only."""
    target = Path(os.path.realpath(target))  # the journal is beside the link's target
    path = wal.journal_path(target)
    problems: list[str] = []
    warnings = [
        f"copia de un diario guardada aparte: {copy}"
        for copy in sorted(target.parent.glob(path.name + ".*-*"))
    ]
    try:
        journal = wal.parse(path.read_bytes())
    except FileNotFoundError:
        return problems, warnings
    except OSError as exc:
        return [f"no se pudo leer el diario {path}: {exc.strerror or exc}"], warnings
    try:
        raw = target.read_bytes()
    except OSError:
        raw = None
    if raw is None or journal.base != wal.fingerprint(raw):
        try:
            data = loads(raw) if raw is not None else None
        except ValueError:
            data = None
        done = isinstance(data, dict) and wal.reflected(data, journal)
        if not done or journal.damaged:
            problems.append(
                f"el diario {path} no corresponde al archivo {target} (que se reemplazó, "
                "p. ej. con git); la próxima escritura lo guarda aparte para importarlo"
            )
        return problems, warnings
    if journal.damaged:
        lines = ", ".join(map(str, journal.damaged))
        problems.append(f"el diario {path} tiene líneas ilegibles ({lines})")
    if journal.torn:
        warnings.append(
            f"el diario {path} termina en una escritura interrumpida; la próxima escritura "
            "lo guarda aparte"
        )
    if journal.transactions:
        changes = plural(len(journal.transactions), "cambio", "cambios")
        warnings.append(
            f"{changes} del diario {path} aún no están en {target}: se incorporan un segundo "
            "después de la última escritura y al cerrar la app; un `git commit` de ahora no "
            "los incluiría"
        )
    return problems, warnings
