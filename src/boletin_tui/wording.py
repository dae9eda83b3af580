"""Spanish wording shared by every surface: plurals by count, and OS errors in Spanish.

    from boletin_tui.wording import plural, os_error

    plural(1, "boletín", "boletines")  == "1 boletín"
    plural(2, "boletín", "boletines")  == "2 boletines"
    plural(1_234, "cifra", "cifras")   == "1,234 cifras"
    os_error(IsADirectoryError(21, "Is a directory"))  == "es una carpeta"

No Textual or Rich import: usable from the CLI, the store and the app alike.
"""

from __future__ import annotations

import errno

__all__ = ["os_error", "plural"]


def plural(count: int, singular: str, plural_form: str, *, number: bool = True) -> str:
    """`count` and the noun phrase that agrees with it: singular only for exactly 1.

    With `number=False` only the phrase is returned (for sentences that place the number
    elsewhere). Counts of a thousand or more get a thousands separator."""
    word = singular if count == 1 else plural_form
    return f"{count:,} {word}" if number else word


# errno -> Spanish, for the errors a user can meet while reading or writing files.
_ERRNO_ES: dict[int, str] = {
    errno.ENOENT: "no existe",
    errno.EACCES: "permiso denegado",
    errno.EPERM: "operación no permitida",
    errno.EISDIR: "es una carpeta",
    errno.ENOTDIR: "no es una carpeta",
    errno.EEXIST: "ya existe",
    errno.ENOSPC: "no queda espacio en el disco",
    errno.EROFS: "sistema de archivos de sólo lectura",
    errno.EDQUOT: "cuota de disco agotada",
    errno.ENAMETOOLONG: "nombre demasiado largo",
    errno.ELOOP: "demasiados enlaces simbólicos",
    errno.EMFILE: "demasiados archivos abiertos",
    errno.EIO: "error de entrada/salida",
    errno.EBUSY: "recurso ocupado",
    errno.ETXTBSY: "archivo ocupado",
    errno.EXDEV: "no se puede mover entre discos",
    errno.ENOTEMPTY: "la carpeta no está vacía",
    errno.EINVAL: "argumento no válido",
    errno.EFBIG: "archivo demasiado grande",
    errno.EPIPE: "la salida se cerró",
    errno.EAGAIN: "recurso no disponible por ahora",
}


def os_error(exc: OSError) -> str:
    """A short Spanish description of `exc` (no path, no `[Errno N]`), for messages such as
    `no se pudo escribir informe.csv: es una carpeta`."""
    if exc.errno in _ERRNO_ES:
        return _ERRNO_ES[exc.errno]
    if exc.errno is not None:
        return f"error del sistema {exc.errno} ({exc.strerror or 'desconocido'})"
    return str(exc) or type(exc).__name__
