"""User-facing words shared by several widgets, kept together so they can be translated."""

ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "FIGURE", "DATE")
ENTITY_LABELS = {
    "PERSON": "Personas",
    "ORG": "Instituciones",
    "PLACE": "Lugares",
    "FIGURE": "Cifras",
    "DATE": "Fechas",
}
SAVED = "Guardado"
UNSAVED = "Sin guardar"
SAVING = "Guardando…"
NO_BULLETIN = "Ningún boletín seleccionado."


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
