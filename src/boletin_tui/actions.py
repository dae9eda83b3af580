"""Every action the user can take, in one table: its id, keys and words. No Textual here.

The bindings, the footer, the command palette, the help screen, the `config` command and
the README's key table all come from `ACTIONS` (`tui/keymap.py` builds the Textual side;
a test compares the README). An action's `id` is the name users see in `boletin-tui config`
and write in `config.toml`'s `[keys]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scope = Literal["app", "widget", "doc"]


@dataclass(frozen=True, slots=True)
class Action:
    """One action.

    `keys`: default keys, Textual key names separated by commas. `label`: the footer's word.
    `title`: the palette entry ("" keeps it out of the palette). `help`: the help screen's
    line. `when`: the name of the predicate that says whether it applies now (`always`,
    `bulletin`, `note_dirty`, `filtered`, `skipped`). `where`: where it works (help screen).
    `call`: the Textual action run (default: the id). `scope`: bound at the `app`, on a
    `widget` (which takes its binding from here by id), or `doc` (documented, not bound).
    `group`: consecutive actions of a group share one help line (`GROUPS`); an empty
    `help` keeps an action out of the help screen (another line explains it).
    """

    id: str
    keys: str
    label: str
    title: str
    help: str
    when: str = "always"
    where: str = "todos"
    call: str = ""
    scope: Scope = "app"
    show: bool = True
    priority: bool = False
    group: str = ""

    @property
    def action(self) -> str:
        return self.call or self.id


ENTITY_ACTIONS = {
    "toggle_people": ("PERSON", "personas"),
    "toggle_institutions": ("ORG", "instituciones"),
    "toggle_places": ("PLACE", "lugares"),
    "toggle_figures": ("FIGURE", "cifras"),
    "toggle_dates": ("DATE", "fechas"),
}

# Order: as the help screen and the README list them.
ACTIONS: tuple[Action, ...] = (
    Action("next", "j,down", "Siguiente", "Boletín siguiente", "boletín siguiente", where="lista",
           call="timeline_cursor(1)", show=False, priority=True),
    Action("previous", "k,up", "Anterior", "Boletín anterior", "boletín anterior", where="lista",
           call="timeline_cursor(-1)", show=False, priority=True),
    Action("page_up", "pageup", "Página anterior", "", "página anterior", where="lista",
           call="page(-1)", scope="widget", show=False, group="page"),
    Action("page_down", "pagedown", "Página siguiente", "", "página siguiente", where="lista",
           call="page(1)", scope="widget", show=False, group="page"),
    Action("first", "home", "Primero", "", "primer boletín", where="lista", call="edge(0)",
           scope="widget", show=False, group="edge"),
    Action("last", "end", "Último", "", "último boletín", where="lista", call="edge(1)",
           scope="widget", show=False, group="edge"),
    Action("scroll_text", "up,down,pageup,pagedown", "Desplazar", "", "desplazar el texto",
           where="lectura", scope="doc", show=False),
    Action("focus_next", "tab,shift+tab", "Panel", "", "panel siguiente / anterior",
           scope="doc", show=False),
    Action("add_tag", "t", "Etiquetar", "Etiquetar",
           "añadir etiquetas (enter añade, escape cancela, → completa)", when="bulletin",
           priority=True),
    Action("remove_tag", "x,delete", "Quitar etiqueta", "", "quitar la etiqueta señalada",
           where="etiquetas", call="remove", scope="widget"),
    Action("edit_note", "n", "Nota", "Editar nota", "editar la nota", when="bulletin",
           priority=True),
    Action("save_note", "ctrl+s", "Guardar nota", "Guardar nota", "guardar la nota",
           when="note_dirty", where="nota", call="save", scope="widget"),
    Action("leave_note", "escape", "Guardar y salir", "",
           "guardar la nota y salir del editor", where="nota", scope="doc", show=False),
    Action("search", "slash", "Buscar", "Buscar",
           "buscar (escape borra la búsqueda)", priority=True),
    Action("clear_search", "escape", "Borrar búsqueda", "Borrar búsqueda", "",
           when="filtered"),
    *(
        Action(action_id, str(n), words.capitalize(), f"Mostrar u ocultar {words}",
               f"mostrar u ocultar {words}", call=f"toggle_entity('{kind}')", show=False,
               group="entities")
        for n, (action_id, (kind, words)) in enumerate(ENTITY_ACTIONS.items(), 1)
    ),
    Action("export", "e", "Exportar", "Exportar anotaciones", "exportar las anotaciones a CSV"),
    # -- figures screen (uifig) --
    Action("figures", "f", "Cifras", "Tabla de cifras",
           "tabla de las cifras de los boletines listados, con su gráfica", priority=True),
    Action("figures_filter", "slash", "Filtrar", "", "filtrar por sustantivo", where="cifras",
           scope="widget", group="figures"),
    Action("figures_sort", "s", "Ordenar", "",
           "ordenar por la columna siguiente (o clic en su título)", where="cifras",
           scope="widget", group="figures"),
    Action("figures_reverse", "r", "Invertir", "", "invertir el orden", where="cifras",
           scope="widget", group="figures"),
    Action("figures_open", "enter", "Abrir", "", "abrir el boletín en la cifra señalada",
           where="cifras", scope="widget", group="figures"),
    Action("figures_export", "e", "Exportar", "", "exportar la tabla a CSV o .xlsx",
           where="cifras", scope="widget", group="figures"),
    Action("figures_close", "escape", "Volver", "", "volver a la lista", where="cifras",
           scope="widget", group="figures"),
    # -- end figures screen --
    Action("skipped", "o", "Omitidos", "Archivos omitidos", "archivos omitidos al leer",
           when="skipped"),
    Action("focus_timeline", "", "Lista", "Ir a la lista", "", call="focus('timeline')",
           show=False),
    Action("focus_reader", "", "Texto", "Ir al texto", "", call="focus('reader')",
           show=False),
    Action("command_palette", "ctrl+p", "Paleta", "", "paleta de comandos", show=False),
    Action("help", "question_mark", "Ayuda", "Ayuda: teclas",
           "esta ayuda"),
    Action("quit", "q", "Salir", "Salir", "salir (guarda la nota pendiente)"),
)  # fmt: skip

BY_ID = {a.id: a for a in ACTIONS}

GROUPS = {
    "page": "página anterior / siguiente",
    "edge": "primer / último boletín",
    "entities": "mostrar u ocultar personas, instituciones, lugares, cifras, fechas",
    "figures": "filtrar, ordenar, invertir, abrir, exportar, volver",
}

_KEY_NAMES = {
    "down": "↓",
    "up": "↑",
    "slash": "/",
    "question_mark": "?",
    "pagedown": "av pág",
    "pageup": "re pág",
    "home": "inicio",
    "end": "fin",
    "delete": "supr",
}


def split_keys(keys: str) -> list[str]:
    """`"j,down"` -> `["j", "down"]` (a lone `,` stays a key)."""
    return [k.strip() for k in keys.split(",") if k.strip()] if keys != "," else [","]


def display_keys(keys: str) -> str:
    """Keys as the help screen shows them: `j / ↓`; `—` when none."""
    return " / ".join(_KEY_NAMES.get(k, k) for k in split_keys(keys)) or "—"
