"""argparse in Spanish: usage, help, group titles and every error message a user can meet.

argparse looks its messages up through the module-level `gettext` functions `_` and
`ngettext`; `install()` points them at a Spanish catalogue (messages not in it stay as they
are). `SpanishParser` also adds a Spanish `-h/--help` and reports errors as one line
(`UsageError`, exit status 2) instead of printing usage and exiting.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from boletin_tui.commands.common import UsageError

CATALOGUE: dict[str, str] = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opciones",
    "optional arguments": "opciones",
    "show this help message and exit": "muestra esta ayuda y termina",
    "show program's version number and exit": "muestra la versión y termina",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "argumentos no reconocidos: %s",
    "not allowed with argument %s": "no se permite junto con el argumento %s",
    "ignored explicit argument %r": "argumento explícito ignorado: %r",
    "the following arguments are required: %s": "faltan los argumentos: %s",
    "one of the arguments %s is required": "se requiere uno de los argumentos %s",
    "expected one argument": "espera un valor",
    "expected at most one argument": "espera como mucho un valor",
    "expected at least one argument": "espera al menos un valor",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opción ambigua: %(option)s puede ser %(matches)s"
    ),
    "unexpected option string: %s": "opción inesperada: %s",
    "invalid %(type)s value: %(value)r": "valor no válido: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "opción no válida: %(value)r (elija entre %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
    "cannot have multiple subparser arguments": "no se admiten varios comandos",
}


# Placeholders other modules may still spell in English (`metavar="FILE"`): shown in Spanish.
METAVARS: dict[str, str] = {
    "KEY": "CLAVE",
    "TAG": "ETIQUETA",
    "TEXT": "TEXTO",
    "FILE": "ARCHIVO",
    "OUT": "SALIDA",
    "NAME": "NOMBRE",
    "PATH": "RUTA",
    "DIR": "CARPETA",
    "TYPE": "TIPO",
    "N": "N",
}


def spanish_metavars(parser: argparse.ArgumentParser) -> None:
    """Rename English placeholders (`METAVARS`) in `parser`'s arguments, in help and errors."""
    for action in parser._actions:
        if isinstance(action.metavar, str) and action.metavar in METAVARS:
            action.metavar = METAVARS[action.metavar]
        elif action.metavar is None and not action.option_strings:
            upper = action.dest.upper()
            if upper in METAVARS:
                action.metavar = METAVARS[upper]


def _es(message: str) -> str:
    return CATALOGUE.get(message, message)


def _es_n(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "espera %s valor" if n == 1 else "espera %s valores"
    return _es(singular if n == 1 else plural)


def install() -> None:
    """Make argparse speak Spanish (idempotent; affects only this process)."""
    argparse._ = _es  # type: ignore[attr-defined]
    argparse.ngettext = _es_n  # type: ignore[attr-defined]


class SpanishParser(argparse.ArgumentParser):
    """ArgumentParser with Spanish help, and errors raised as one-line `UsageError`s."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        install()
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.add_argument("-h", "--help", action="help", help="muestra esta ayuda y termina")

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (ayuda: {self.prog} --help)")

    def parse_known_intermixed_args(  # type: ignore[override]
        self, args: list[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        # argparse computes the usage here as `format_usage()[7:]`, cutting an English
        # "usage: " prefix; give it the usage already cut at the Spanish one.
        if self.usage is None:
            self.usage = self.format_usage()[len(_es("usage: ")) :].rstrip("\n")
        return super().parse_known_intermixed_args(args, namespace)
