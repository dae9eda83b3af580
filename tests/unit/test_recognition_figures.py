"""Figures of issue 14 (classes 1-3), on sentences written for these tests: the values of every
form, and the numbers that are not figures. People are fictional; places are real."""

import pytest

from boletin_tui.entities import parse_number, recognise


def figures(text):
    return [(m.text, m.value, m.unit) for m in recognise(text) if m.type == "FIGURE"]


# Class 1: a number that opens with a bare `mil`.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El hospital de Zacatlán suma mil 140 camas.", [("mil 140", 1140, None)]),
        (
            "Se invirtieron mil 85 millones de pesos en Ocosingo.",
            [("mil 85 millones de pesos", 1_085_000_000, "pesos")],
        ),
        ("La obra costó mil 6 millones.", [("mil 6 millones", 1_006_000_000, None)]),
        ("Se vacunó a mil quinientas personas.", [("mil quinientas", 1500, None)]),
        ("Se destinaron mil millones de pesos.", [("mil millones de pesos", 10**9, "pesos")]),
        ("Acudieron mil personas.", [("mil", 1000, None)]),
        ("Fueron 2 mil 300 millones de pesos.", [("2 mil 300 millones de pesos", 2.3e9, "pesos")]),
    ],
)
def test_bare_mil_opens_one_figure(text, expected):
    assert figures(text) == expected


def test_parse_number_bare_mil():
    assert parse_number("mil 140") == 1140
    assert parse_number("mil 85 millones de pesos") == 1_085_000_000
    assert parse_number("mil 6 millones") == 1_006_000_000


# Class 2: number nouns and fractions.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Llegó un centenar de médicos.", [("un centenar", 100, None)]),
        ("Participó una decena de enfermeras.", [("una decena", 10, None)]),
        ("Se repartieron dos centenares de kits.", [("dos centenares", 200, None)]),
        ("Compraron una docena de equipos.", [("una docena", 12, None)]),
        ("Se destinó medio millón de pesos.", [("medio millón de pesos", 500_000, "pesos")]),
        ("Un tercio de los pacientes es mayor.", [("Un tercio", 0.333333, "ratio")]),
        ("Dos tercios de las camas están libres.", [("Dos tercios", 0.666667, "ratio")]),
        ("Se ocupó la mitad de las camas.", [("la mitad", 0.5, "ratio")]),
        ("Una cuarta parte de la población.", [("Una cuarta parte", 0.25, "ratio")]),
    ],
)
def test_number_nouns_and_fractions(text, expected):
    assert figures(text) == expected


def test_fraction_qualifier():
    [m] = [m for m in recognise("Atendió a más de la mitad.") if m.type == "FIGURE"]
    assert (m.text, m.qualifier) == ("la mitad", "más de")


@pytest.mark.parametrize(
    "text",
    [
        "Llegaremos a la mitad del año con la obra lista.",
        "Se detuvo en la mitad del camino.",
        "Cortaron el pastel por la mitad, dijo.",
        "La sala tiene un cuarto de máquinas.",
        "Se entregó la décima parte del informe anual.",
    ],
)
def test_halves_and_quarters_that_do_not_quantify(text):
    assert figures(text) == []


# Class 3: figures that are not.


@pytest.mark.parametrize(
    "text",
    [
        "La feria será entre el 12 y 18 de octubre en Pachuca.",
        "La jornada será del 15 al 20 de mayo.",
        "Se realizará entre el 3 y el 9 de junio de 2024.",
        "Se vacunará los días 3, 4 y 5 de marzo.",
    ],
)
def test_both_days_of_a_date_range_are_dates(text):
    mentions = recognise(text)
    assert [m for m in mentions if m.type == "FIGURE"] == []
    assert any(m.type == "DATE" for m in mentions)


def test_un_before_a_non_quantity_noun_is_an_article():
    assert figures("Se atendió a 300 pacientes, un aumento de 7 por ciento.") == [
        ("300", 300, None),
        ("7 por ciento", 7, "%"),
    ]
    assert figures("Hubo 40 consultas, una cifra de 12 por ciento más.") == [
        ("40", 40, None),
        ("12 por ciento", 12, "%"),
    ]


def test_un_in_an_enumeration_of_quantities_still_counts():
    assert figures("Llegaron cinco mujeres y un hombre.") == [("cinco", 5, None), ("un", 1, None)]
    assert figures("Tiene 14 quirófanos, 40 consultorios y una unidad.") == [
        ("14", 14, None),
        ("40", 40, None),
        ("una", 1, None),
    ]


def test_a_range_of_percentages_is_still_two_figures():
    assert figures("Subió del 54 al 96 por ciento.") == [
        ("54", 54, "%"),
        ("96 por ciento", 96, "%"),
    ]
