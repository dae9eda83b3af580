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
    Action("first", "home,g", "Primero", "", "primer boletín", where="lista", call="edge(0)",
           scope="widget", show=False, group="edge"),
    Action("last", "end,G", "Último", "", "último boletín", where="lista", call="edge(1)",
           scope="widget", show=False, group="edge"),
    Action("scroll_text", "j,k,up,down,pageup,pagedown", "Desplazar", "", "desplazar el texto",
           where="lectura", scope="doc", show=False),
    Action("focus_next", "tab,shift+tab", "Panel", "", "panel siguiente / anterior",
           scope="doc", show=False),
    Action("add_tag", "t", "Etiquetar", "Etiquetar",
           "añadir etiquetas (enter añade, escape cancela, → completa)", when="bulletin",
           priority=True),
    Action("remove_tag", "x,delete", "Quitar etiqueta", "", "quitar la etiqueta señalada",
           where="etiquetas", call="remove", scope="widget"),
    Action("edit_note", "a", "Nota", "Editar nota", "editar la nota", when="bulletin",
           priority=True),
    Action("save_note", "ctrl+s", "Guardar nota", "Guardar nota", "guardar la nota",
           when="note_dirty", where="nota", call="save", scope="widget"),
    Action("leave_note", "escape", "Guardar y salir", "",
           "guardar la nota y salir del editor", where="nota", scope="doc", show=False),
    Action("search", "slash", "Buscar", "Buscar",
           "buscar (escape borra la búsqueda)", priority=True),
    Action("clear_search", "escape", "Borrar búsqueda", "Borrar búsqueda", "",
           when="filtered"),
    # -- reader (issue 15): hits, read marks, jump, timeline width ---------------------------
    Action("next_hit", "n", "Siguiente coincidencia", "Siguiente coincidencia",
           "siguiente coincidencia de la búsqueda (pasa al boletín siguiente)", when="filtered",
           call="hit(1)", show=False, group="hits"),
    Action("previous_hit", "N", "Coincidencia anterior", "Coincidencia anterior",
           "coincidencia anterior", when="filtered", call="hit(-1)", show=False, group="hits"),
    Action("toggle_read", "r", "Leído", "Marcar como leído o no leído",
           "marcar el boletín como leído o no leído", when="bulletin", show=False),
    Action("mark_all_read", "R", "Todo leído", "Marcar como leídos los mostrados",
           "marcar como leídos todos los boletines mostrados", show=False),
    Action("jump", "colon", "Ir a", "Ir a una fecha o un número",
           "ir a una fecha, un número o una clave (2020-04-20, abril 2020, 119/2020)", show=False),
    Action("narrower", "less_than_sign", "Lista más estrecha", "Lista más estrecha",
           "lista más estrecha", call="timeline_width(-1)", show=False, group="width"),
    Action("wider", "greater_than_sign", "Lista más ancha", "Lista más ancha",
           "lista más ancha", call="timeline_width(1)", show=False, group="width"),
    *(
        Action(action_id, str(n), words.capitalize(), f"Mostrar u ocultar {words}",
               f"mostrar u ocultar {words}", call=f"toggle_entity('{kind}')", show=False,
               group="entities")
        for n, (action_id, (kind, words)) in enumerate(ENTITY_ACTIONS.items(), 1)
    ),
    # -- reader2: entities as a way in, copy, open, tag what is shown, saved searches --
    Action("entity_show", "enter", "Ir a la mención", "",
           "ir a la primera mención en el texto y resaltarla", where="en este boletín",
           scope="widget", show=False, group="entity"),
    Action("entity_filter", "f", "Filtrar por entidad", "",
           "mostrar los boletines que la mencionan", where="en este boletín", scope="widget",
           show=False, group="entity"),
    Action("focus_entities", "", "Entidades", "Ir a «En este boletín»", "",
           call="focus('entities')", show=False),
    Action("copy", "c", "Copiar", "Copiar…",
           "copiar la cita, la clave, el texto o el párrafo", when="bulletin"),
    Action("copy_citation", "", "Copiar cita", "Copiar la cita", "", when="bulletin",
           call="copy_part('citation')", show=False),
    Action("copy_key", "", "Copiar clave", "Copiar la clave", "", when="bulletin",
           call="copy_part('key')", show=False),
    Action("copy_text", "", "Copiar texto", "Copiar el texto completo", "", when="bulletin",
           call="copy_part('text')", show=False),
    Action("copy_paragraph", "", "Copiar párrafo", "Copiar el párrafo en pantalla", "",
           when="bulletin", call="copy_part('paragraph')", show=False),
    Action("open_source", "E", "Editor", "Abrir el archivo en el editor",
           "abrir el archivo del boletín en $EDITOR", when="bulletin", show=False,
           group="open"),
    Action("open_link", "l", "Enlaces", "Abrir un enlace", "abrir un enlace del boletín",
           when="links", show=False, group="open"),
    Action("tag_shown", "T", "Etiquetar lista", "Etiquetar todos los mostrados",
           "añadir o quitar una etiqueta en todos los boletines mostrados", when="shown",
           show=False),
    Action("save_search", "s", "Guardar búsqueda", "Guardar la búsqueda",
           "poner nombre a la búsqueda actual", when="filtered", show=False,
           group="searches"),
    Action("saved_searches", "S", "Búsquedas", "Búsquedas guardadas",
           "búsquedas guardadas, con sus cuentas", show=False, group="searches"),
    # issue 13 #23: the panel, on narrow terminals (hidden there at launch).
    Action("toggle_panel", "A", "Anotaciones", "Mostrar u ocultar el panel de anotaciones",
           "mostrar u ocultar el panel de anotaciones (oculto si la terminal es estrecha)",
           show=False),
    Action("export", "e", "Exportar", "Exportar anotaciones", "exportar las anotaciones a CSV"),
    # -- figures screen (uifig) --
    Action("figures", "F", "Cifras", "Tabla de cifras",
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
    # -- passages and undo (feature: passages in the app) --
    Action("passage", "p", "Pasaje", "Marcar un pasaje",
           "marcar un pasaje (desde la frase de arriba)", when="bulletin",
           priority=True),
    Action("passage_grow", "right_square_bracket", "+frase", "", "frase", where="selección",
           scope="widget", group="passage_select"),
    Action("passage_shrink", "left_square_bracket", "−frase", "", "", where="selección",
           scope="widget", group="passage_select"),
    Action("passage_word_grow", "full_stop,shift+right", "+palabra", "", "palabra",
           where="selección", scope="widget", group="passage_select"),
    Action("passage_word_shrink", "comma,shift+left", "−palabra", "", "", where="selección",
           scope="widget", group="passage_select"),
    Action("passage_entity", "e", "Entidad", "", "seleccionar la entidad siguiente",
           where="selección", scope="widget"),
    Action("passage_confirm", "enter", "Confirmar", "", "confirmar", where="selección",
           scope="widget", group="passage_end"),
    Action("passage_cancel", "escape", "Cancelar", "", "", where="selección",
           scope="widget", group="passage_end"),
    Action("passage_edit", "enter", "Editar pasaje", "", "editar",
           where="pasajes", scope="widget", group="passage_list"),
    Action("passage_delete", "x,delete", "Borrar pasaje", "", "",
           where="pasajes", scope="widget", group="passage_list"),
    Action("undo", "u", "Deshacer", "Deshacer", "deshacer", show=False, priority=True,
           group="undo"),
    Action("redo", "ctrl+r", "Rehacer", "Rehacer", "rehacer lo deshecho", show=False,
           priority=True, group="undo"),
    # -- end of passages and undo --
    Action("focus_timeline", "", "Lista", "Ir a la lista", "", call="focus('timeline')",
           show=False),
    Action("focus_reader", "", "Texto", "Ir al texto", "", call="focus('reader')",
           show=False),
    Action("command_palette", "ctrl+p", "Paleta", "", "paleta de comandos", show=False),
    Action("help", "question_mark", "Ayuda", "Ayuda: teclas",
           "esta ayuda"),
    Action("quit", "q", "Salir", "Salir", "salir (guarda la nota pendiente)"),
    # uxfix: a quit key that a text field does not type (`ctrl+c` names it there).
    Action("quit_anywhere", "ctrl+q", "Salir", "", "salir, también desde un campo de texto",
           call="quit", show=False, priority=True),
)  # fmt: skip

BY_ID = {a.id: a for a in ACTIONS}

GROUPS = {
    "page": "página anterior / siguiente",
    "edge": "primer / último boletín",
    "entities": "mostrar u ocultar personas, instituciones, lugares, cifras, fechas",
    "figures": "filtrar, ordenar, invertir, abrir, exportar, volver",
    "entity": "ir a la mención (resaltada) / boletines que mencionan lo mismo",
    "open": "abrir el archivo en $EDITOR / un enlace en el navegador",
    "searches": "guardar la búsqueda con un nombre / búsquedas guardadas",
    "passage_select": "una frase más / menos, una palabra más / menos",
    "passage_end": "confirmar el pasaje / dejar la selección",
    "passage_list": "editar / borrar el pasaje (pregunta antes)",
    "undo": "deshacer / rehacer el último cambio (va a ese boletín)",
    "hits": "coincidencia siguiente / anterior de la búsqueda (sigue en otros boletines)",
    "width": "lista más estrecha / más ancha (se recuerda)",
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
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "full_stop": ".",
    "comma": ",",
    "shift+right": "⇧→",
    "shift+left": "⇧←",
    "colon": ":",
    "less_than_sign": "<",
    "greater_than_sign": ">",
}


def split_keys(keys: str) -> list[str]:
    """`"j,down"` -> `["j", "down"]` (a lone `,` stays a key)."""
    return [k.strip() for k in keys.split(",") if k.strip()] if keys != "," else [","]


def display_keys(keys: str) -> str:
    """Keys as the help screen shows them: `j / ↓`; `—` when none."""
    return " / ".join(_KEY_NAMES.get(k, k) for k in split_keys(keys)) or "—"
