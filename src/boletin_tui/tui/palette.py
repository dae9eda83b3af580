"""The app's actions as command-palette entries (`ctrl+p`), in Spanish."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand

from boletin_tui.tui.labels import ENTITY_LABELS, ENTITY_TYPES

COMMANDS = (
    ("Etiquetar", "Añade etiquetas al boletín actual (t)", "add_tag"),
    ("Editar nota", "Escribe la nota del boletín actual (n)", "edit_note"),
    ("Guardar nota", "Guarda la nota que se está escribiendo (ctrl+s)", "save_note"),
    ("Buscar", "Filtra la lista por palabras, etiquetas o notas (/)", "search"),
    ("Borrar búsqueda", "Vuelve a mostrar todos los boletines (escape)", "clear_search"),
    ("Exportar anotaciones", "Escribe las anotaciones en un archivo CSV (e)", "export"),
    ("Archivos omitidos", "Lista los archivos que no se pudieron leer (o)", "skipped"),
    ("Ayuda: teclas", "Muestra todas las teclas y la sintaxis de búsqueda (?)", "help"),
    ("Ir a la lista", "Lleva el foco a la lista de boletines", "focus('timeline')"),
    ("Ir al texto", "Lleva el foco al texto del boletín", "focus('reader')"),
    ("Salir", "Guarda lo pendiente y sale (q)", "quit"),
)


def app_commands(app: App) -> Iterable[SystemCommand]:
    """One `SystemCommand` per action that applies now (see `App.check_action`)."""
    for title, help_text, action in COMMANDS:
        name = action.split("(")[0]
        if app.check_action(name, ()) is False:
            continue
        yield SystemCommand(title, help_text, lambda a=action: app.run_action(a))
    for number, kind in enumerate(ENTITY_TYPES, 1):
        yield SystemCommand(
            f"Mostrar u ocultar {ENTITY_LABELS[kind].lower()}",
            f"Resalta o no esa categoría en el texto ({number})",
            lambda k=kind: app.run_action(f"toggle_entity('{k}')"),
        )
