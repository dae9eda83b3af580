"""How a bulletin is cited: `IMSS, Boletín 119/2020, 20 de abril de 2020, «título»`.

Textual-free (the app copies it; a command could print it). The issuer is the institution
whose bulletins this app reads (`ISSUER`); an unnumbered bulletin reads `sin número`, an
undated one `sin fecha`.
"""

from __future__ import annotations

import datetime as dt

from boletin_tui.corpus import Bulletin
from boletin_tui.spanish import MONTHS

ISSUER = "IMSS"


def long_date(date: dt.date | None) -> str:
    """`20 de abril de 2020`, or `sin fecha`."""
    if date is None:
        return "sin fecha"
    return f"{date.day} de {MONTHS[date.month - 1]} de {date.year}"


def citation(bulletin: Bulletin, issuer: str = ISSUER) -> str:
    """The bulletin's citation, on one line."""
    kind = (bulletin.kind or "Boletín").strip() or "Boletín"
    number = bulletin.number or "sin número"
    title = " ".join(bulletin.title.split())
    return f"{issuer}, {kind} {number}, {long_date(bulletin.date)}, «{title}»"
