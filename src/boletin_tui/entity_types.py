"""The entity types, once: their codes (as `entities --json` writes them) and Spanish names.

A light module (no recogniser), so that the command line and the app can name the types
without importing `boletin_tui.entities`.
"""

from __future__ import annotations

TYPES = ("PERSON", "ORG", "PLACE", "FIGURE", "DATE")
LABELS = {
    "PERSON": "Personas",
    "ORG": "Instituciones",
    "PLACE": "Lugares",
    "FIGURE": "Cifras",
    "DATE": "Fechas",
}
