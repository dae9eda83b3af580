"""Every key binding, in Spanish, and the search syntax."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

# (keys, what they do, where) — the help screen's table, kept in one place for translation.
KEYS: Sequence[tuple[str, str, str]] = (
    ("j / ↓", "boletín siguiente", "lista"),
    ("k / ↑", "boletín anterior", "lista"),
    ("re pág / av pág", "página anterior / siguiente", "lista"),
    ("inicio / fin", "primer / último boletín", "lista"),
    ("↑ ↓ re pág av pág", "desplazar el texto", "lectura"),
    ("tab / shift+tab", "panel siguiente / anterior", "todos"),
    ("t", "añadir etiquetas (enter añade, escape cancela, → completa)", "todos"),
    ("x / supr", "quitar la etiqueta señalada", "etiquetas"),
    ("n", "editar la nota", "todos"),
    ("ctrl+s", "guardar la nota", "nota"),
    ("escape", "guardar la nota y salir del editor", "nota"),
    ("/", "buscar (escape borra la búsqueda)", "todos"),
    ("e", "exportar las anotaciones a CSV", "todos"),
    ("1 … 5", "mostrar u ocultar personas, instituciones, lugares, cifras, fechas", "todos"),
    ("o", "archivos omitidos al leer", "todos"),
    ("ctrl+p", "paleta de comandos", "todos"),
    ("?", "esta ayuda", "todos"),
    ("q", "salir (guarda la nota pendiente)", "todos"),
)


class HelpScreen(ModalScreen[None]):
    """`escape`, `?` or `q` closes."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Cerrar", tooltip="Cierra la ayuda")]

    def __init__(self, syntax_help: str) -> None:
        super().__init__()
        self._syntax = syntax_help

    def compose(self):
        width = max(len(k) for k, _, _ in KEYS) + 2
        lines = [
            Content.assemble((keys.ljust(width), "bold"), what, (f"  ({where})", "dim"))
            for keys, what, where in KEYS
        ]
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label("Teclas", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(Content("\n").join(lines), id="help-keys")
                yield Static(Content(self._syntax), id="help-syntax")
            yield Label("escape cierra", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
