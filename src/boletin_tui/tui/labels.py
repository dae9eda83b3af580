"""User-facing words shared by several widgets, kept together so they can be translated."""

SAVED = "Guardado"
UNSAVED = "Sin guardar"
UNSAVED_RETRY = "Sin guardar · se reintentará"
SAVING = "Guardando…"
NO_BULLETIN = "Ningún boletín seleccionado."


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


NO_ENTITIES = "sin personas, instituciones ni cifras"
NO_TAGS = "sin etiquetas · t añade"
# Shorter legend labels for narrow reading panes (the legend stays on one line).
ENTITY_ABBREVIATIONS = (
    {
        "PERSON": "Personas",
        "ORG": "Instit.",
        "PLACE": "Lugares",
        "FIGURE": "Cifras",
        "DATE": "Fechas",
    },
    {"PERSON": "Pers.", "ORG": "Inst.", "PLACE": "Lug.", "FIGURE": "Cifras", "DATE": "Fechas"},
    {"PERSON": "Pers", "ORG": "Inst", "PLACE": "Lug", "FIGURE": "Cifr", "DATE": "Fech"},
    {"PERSON": "Per", "ORG": "Ins", "PLACE": "Lug", "FIGURE": "Cif", "DATE": "Fec"},
    {
        "PERSON": "Pe",
        "ORG": "In",
        "PLACE": "Lu",
        "FIGURE": "Ci",
        "DATE": "Fe",
    },  # panel open, 80 cols
)
