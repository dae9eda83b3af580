"""Issue 13 #13: a figure is found by the value the app shows (`11 mil 907` by `11907`)."""

from __future__ import annotations

import datetime as dt

from boletin_tui.corpus.model import Bulletin
from boletin_tui.formatting import format_figure
from boletin_tui.search import SearchIndex
from boletin_tui.search.figure_terms import figure_terms


def make(key: str, *paragraphs: str) -> Bulletin:
    return Bulletin(
        key=key,
        number=key,
        kind="BOLETÍN DE PRENSA",
        date=dt.date(2020, 1, 1),
        city=None,
        dateline=None,
        title="Informe",
        highlights=(),
        paragraphs=tuple(paragraphs),
        links=(),
        sources=(f"{key}.txt",),
        content_hash="h" + key,
    )


def test_figures_in_words_give_the_value_the_app_shows():
    bulletin = make(
        "001/2020",
        "Se atendieron 11 mil 907 casos y se invirtieron 12 millones de pesos.",
        "Hubo ciento cuarenta mil visitas; el presupuesto fue de 28.9 mdp.",
        "Llegaron dos millones y medio de dosis, y la familia de Brasil no cuenta.",
    )
    assert figure_terms(bulletin) == [
        "11,907",
        "12,000,000",
        "140,000",
        "28,900,000",
        "2,500,000",
    ]
    assert format_figure(11907) == "11,907"  # what the panel shows


def test_plain_numbers_and_words_without_scale_add_nothing():
    bulletin = make("002/2020", "Fueron 11,907 casos en doce hospitales de la familia Milán.")
    assert figure_terms(bulletin) == []


def test_search_finds_a_figure_with_or_without_separators():
    index = SearchIndex(
        [
            make("001/2020", "El Instituto atendió 11 mil 907 pacientes en 2020."),
            make("002/2020", "El Instituto atendió a 907 pacientes."),
        ]
    )
    assert index.search("11907") == ["001/2020"]
    assert index.search("11,907") == ["001/2020"]
    assert index.search("1190") == ["001/2020"]  # as it is typed
    assert index.search("907") == ["001/2020", "002/2020"]
