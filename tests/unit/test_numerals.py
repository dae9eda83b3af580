"""Spanish numerals and press number forms to values."""

import pytest

from boletin_tui.entities import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("11 mil 907", 11907),
        ("24 mil 212", 24212),
        ("3 millones 400 mil", 3_400_000),
        ("1,250", 1250),
        ("1,250,000", 1_250_000),
        ("nueve", 9),
        ("Nueve", 9),
        ("veintitrés", 23),
        ("veintitres", 23),
        ("ciento cuarenta y dos", 142),
        ("doscientas", 200),
        ("quinientos mil", 500_000),
        ("86.3%", 86.3),
        ("65 por ciento", 65),
        ("96 por ciento", 96),
        ("7 mil millones", 7_000_000_000),
        ("7 mil millones de pesos", 7_000_000_000),
        ("2.5 millones", 2_500_000),
        ("un millón", 1_000_000),
        ("medio millón", 500_000),
        ("un millón y medio", 1_500_000),
        ("dos millones y medio", 2_500_000),
        ("7 mil millones y medio", 7_500_000_000),
        ("medio billón", 500_000_000_000),
        ("dos millones quinientos mil", 2_500_000),
        ("mil", 1000),
        ("28.9 mdp", 28_900_000),
        ("3 mmdp", 3_000_000_000),
        ("$1,250 pesos", 1250),
        ("0.5", 0.5),
    ],
)
def test_values(text, value):
    assert parse_number(text) == value


def test_whole_values_are_ints():
    assert isinstance(parse_number("2.0 millones"), int)
    assert isinstance(parse_number("86.3%"), float)


@pytest.mark.parametrize("text", ["", "hola", "Instituto", "nueve gobernadores", "%"])
def test_not_numbers(text):
    assert parse_number(text) is None
