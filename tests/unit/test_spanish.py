"""One module for Spanish calendar words, folding and word characters (issue 14, class 8)."""

import pytest

from boletin_tui import spanish
from boletin_tui.corpus.dates import parse_dateline
from boletin_tui.entities import recognise
from boletin_tui.search.fold import fold as search_fold


def kinds(text):
    return [(m.type, m.text) for m in recognise(text)]


def test_months_and_abbreviations():
    assert spanish.month_number("Septiembre") == 9
    assert spanish.month_number("setiembre") == 9
    assert spanish.month_number("Sept.") == 9
    assert spanish.month_number("dic") == 12
    assert spanish.month_number("lunes") is None
    assert spanish.MONTHS[0] == "enero" and len(spanish.MONTHS) == 12


@pytest.mark.parametrize("word", ["sábado", "sabado", "SABADO", "Miércoles", "miercoles"])
def test_weekdays_accented_or_not_are_calendar_words(word):
    assert spanish.is_calendar_word(word)


def test_fold_and_word_chars():
    assert spanish.fold("Ñú Álvarez º") == "nu alvarez o"
    assert search_fold is spanish.fold
    assert spanish.is_word_char("-") and spanish.is_word_char("é")
    assert not spanish.is_word_char(" ")


@pytest.mark.parametrize(
    ("line", "city"),
    [
        ("Mérida, Yucatán, sabado 12 de octubre de 2022.", "Mérida, Yucatán"),
        ("Toluca, Estado de México, miercoles 3 de enero de 2024", "Toluca, Estado de México"),
        ("CIUDAD DE MÉXICO, SABADO 3 DE ENERO DE 2021", "Ciudad de México"),
    ],
)
def test_unaccented_weekday_in_a_dateline_is_a_date_not_a_place(line, city):
    assert parse_dateline(line)[0] == city
    found = kinds(line + "\nEl IMSS informó.")
    places = [t for k, t in found if k == "PLACE"]
    assert not any(spanish.is_calendar_word(p) for p in places)
    assert any(
        k == "DATE" and spanish.fold(t).split()[0] in ("sabado", "miercoles") for k, t in found
    )
