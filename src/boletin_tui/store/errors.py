"""Errors the annotation store raises. Each message is a complete Spanish sentence for the user."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every store error; `str(error)` is the message to show (in Spanish)."""


class CorruptDatabase(StoreError):
    """The database file is not valid JSON or not this schema. It was left untouched.

    `path` is the database file, `copy` the copy kept aside (None if it could not be made),
    `reason` what is wrong with it.
    """

    def __init__(self, path: Path, copy: Path | None, reason: str) -> None:
        self.path, self.copy, self.reason = path, copy, reason
        kept = (
            f"se guardó una copia en {copy}"
            if copy is not None
            else "no se pudo guardar una copia aparte"
        )
        super().__init__(
            f"La base de anotaciones {path} está dañada o no es de boletin-tui ({reason}). "
            f"No se modificó; {kept}. Repárala o muévela y vuelve a intentarlo."
        )


class StoreBusy(StoreError):
    """Another process held the database lock for longer than the timeout; nothing changed.

    `str(error)` ends with advice to try again (for a command); `situation` is the same
    message without it, for a caller that retries by itself.
    """

    def __init__(self, path: Path, timeout: float, lock: Path | None = None) -> None:
        self.path, self.timeout, self.lock = path, timeout, lock
        held = f"; tiene tomado {lock}" if lock is not None else ""
        self.situation = (
            f"La base de anotaciones {path} está ocupada por otro proceso "
            f"(se esperó {timeout:g} s{held}). No se hizo ningún cambio."
        )
        super().__init__(f"{self.situation[:-1]}; inténtalo de nuevo.")


class StoreUsageError(StoreError):
    """The request itself is wrong (a setting, a path, a value too large): bad usage, exit 2.

    Nothing was read or written.
    """


class ReadOnlyDatabase(StoreError):
    """The database file is not writable (`chmod 444`); it was not replaced."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"La base de anotaciones {path} es de solo lectura; no se modificó. "
            "Dale permiso de escritura o usa otra con --db."
        )


class NewerSchema(CorruptDatabase):
    """The file was written by a newer boletin-tui (a schema this program does not know).

    It is left untouched and no copy is made: it is not damaged, only newer. `version` is the
    file's schema, `known` the newest this program reads.
    """

    def __init__(self, path: Path, version: int, known: int) -> None:
        self.path, self.copy, self.version, self.known = path, None, version, known
        self.reason = f"esquema {version}, más nuevo que el {known} de este programa"
        StoreError.__init__(
            self,
            f"La base de anotaciones {path} es de una versión más nueva de boletin-tui "
            f"(esquema {version}; este programa lee hasta el {known}). No se modificó ni se "
            "leyó, para no perder lo que contiene; actualiza boletin-tui.",
        )
