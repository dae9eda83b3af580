"""Nouns of figures: what each figure counts, and the grouping key (entities/nouns.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boletin_tui.corpus import parse_file, sample_corpus_path
from boletin_tui.entities import recognise
from boletin_tui.entities.evaluate import evaluate_all
from boletin_tui.entities.nouns import matches, noun_key, singular

GOLD = Path(__file__).resolve().parents[1] / "data" / "sample_entities.json"


def figure(text: str, number: str) -> tuple[str | None, str | None, str | None]:
    """(noun, noun_key, unit) of the figure whose text is `number` in `text`."""
    found = [m for m in recognise(text) if m.type == "FIGURE" and m.text == number]
    assert found, f"{number!r} not recognised in {text!r}"
    return found[0].noun, found[0].noun_key, found[0].unit


@pytest.mark.parametrize(
    ("text", "number", "noun", "key"),
    [
        (
            "El IMSS forma a 11 mil 907 residentes en el país.",
            "11 mil 907",
            "residentes",
            "residente",
        ),
        (
            "Hay 17 mil 450 médicos residentes en formación.",
            "17 mil 450",
            "médicos residentes",
            "medico residente",
        ),
        (
            "La red tiene 320 sedes académicas en todo el país.",
            "320",
            "sedes académicas",
            "sede academica",
        ),
        ("Se firmaron 522 acuerdos con empresas.", "522", "acuerdos", "acuerdo"),
        (
            "Se otorgaron más de 4 millones de consultas en el año.",
            "4 millones",
            "consultas",
            "consulta",
        ),
        (
            "Informó que dos de cada tres trabajadores se vacunaron.",
            "dos de cada tres",
            "trabajadores",
            "trabajador",
        ),
        (
            "Se construirán cuatro hospitales generales de zona.",
            "cuatro",
            "hospitales generales",
            "hospital general",
        ),
        ("El grupo lo integran 45 mujeres jóvenes.", "45", "mujeres jóvenes", "mujer joven"),
        ("En seis meses se abrieron 12 unidades.", "seis", "meses", "mes"),
        ("Se aplicaron 3 mil dosis.", "3 mil", "dosis", "dosis"),
    ],
)
def test_counts_take_the_noun_phrase_after_the_number(text, number, noun, key):
    assert figure(text, number)[:2] == (noun, key)


def test_no_noun_when_the_text_gives_none():
    text = "De las cuales 24 tienen ventilador. La meta es llegar a 12 mil. Hubo tres de córnea."
    assert figure(text, "24")[0] is None  # a verb, not a noun
    assert figure(text, "12 mil")[0] is None  # punctuation
    assert figure(text, "tres")[0] is None  # the noun is elided


def test_percentages_take_the_noun_only_after_de():
    assert figure("La demanda aumentó el 18 por ciento.", "18 por ciento") == (None, None, "%")
    text = "Se vacunó al 65 por ciento de la población objetivo, dijo."
    assert figure(text, "65 por ciento") == ("población objetivo", "poblacion objetivo", "%")
    text = "El 64.2% de la plantilla cuenta con licenciatura."
    assert figure(text, "64.2%")[0] == "plantilla"  # `cuenta` is a verb
    text = "Atendió a 300 mujeres; el 18 por ciento de ellas tenía diabetes."
    assert figure(text, "18 por ciento")[0] is None  # a pronoun is not what is counted


def test_money_keeps_its_unit_and_takes_the_noun_after_para_or_de():
    text = "Destina 7 mil millones de pesos para hospitales del sur."
    assert figure(text, "7 mil millones de pesos") == ("hospitales", "hospital", "pesos")
    text = "Destina 7 mil millones de pesos para fortalecer la infraestructura."
    assert figure(text, "7 mil millones de pesos") == (None, None, "pesos")  # a purpose
    assert figure("Costó 28.9 mdp en total.", "28.9 mdp")[0] is None


def test_a_range_shares_its_noun_and_an_institution_is_a_noun():
    assert figure("Mujeres de 40 a 69 años de edad.", "40")[0] == "años"
    text = "Se construirán dos Unidades de Medicina Familiar en la zona."
    assert figure(text, "dos")[1] == "unidad de medicina familiar"


def test_singular_follows_spanish_plurals():
    words = {
        "residentes": "residente",
        "hospitales": "hospital",
        "trabajadores": "trabajador",
        "instituciones": "institucion",
        "unidades": "unidad",
        "meses": "mes",
        "paises": "pais",
        "veces": "vez",
        "leyes": "ley",
        "sedes": "sede",
        "clases": "clase",
        "dosis": "dosis",
        "virus": "virus",
        "cama": "cama",
        "mes": "mes",
        "jovenes": "joven",
        "viajes": "viaje",
    }
    assert {w: singular(w) for w in words} == words


def test_matching_is_folded_and_by_whole_words():
    assert noun_key("Médicos Residentes") == "medico residente"
    assert matches("residente", "residentes")
    assert matches("medico residente", "Residente")
    assert matches("medico residente", "médicos residentes")
    assert not matches("presidente", "residente")
    assert not matches(None, "residente")
    assert not matches("residente", "  ")


def test_entities_json_carries_the_noun():
    text = "Hay 120 camas."
    data = [m.to_json("k") for m in recognise(text) if m.type == "FIGURE"]
    assert data[0]["noun"] == "camas" and data[0]["noun_key"] == "cama"


def test_sample_gold_nouns_are_all_right():
    scores, nouns, problems = evaluate_all(GOLD, sample_corpus_path())
    assert not problems
    assert nouns.total == sum(
        len(v["FIGURE"]) for k, v in json.loads(GOLD.read_text()).items() if not k.startswith("_")
    )
    assert nouns.wrong == []
    assert nouns.accuracy == 1.0


def test_gold_figures_sit_at_their_offsets():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for name, entry in gold.items():
        if name.startswith("_"):
            continue
        text = parse_file(sample_corpus_path() / name).text
        assert [f["text"] for f in entry["_figures"]] == entry["FIGURE"]
        for f in entry["_figures"]:
            assert text[f["start"] : f["end"]] == f["text"]


@pytest.mark.parametrize(
    ("text", "span", "value", "noun"),
    [
        ("Acudió un centenar de pacientes.", "un centenar", 100, "pacientes"),
        ("Se visitó una decena de comunidades rurales.", "una decena", 10, "comunidades rurales"),
        ("La mitad de los residentes son mujeres.", "La mitad", 0.5, "residentes"),
        ("Un tercio de la plantilla cuenta con posgrado.", "Un tercio", 0.3333, "plantilla"),
        ("Un tercio de ellas volvió.", "Un tercio", 0.3333, None),
    ],
)
def test_number_nouns_and_fractions_skip_de(text, span, value, noun):
    """Spans as the recogniser is to give them (issue 14); built by hand here."""
    from boletin_tui.entities.model import Mention
    from boletin_tui.entities.nouns import figure_noun

    start = text.index(span)
    mention = Mention("FIGURE", span, start, start + len(span), value)
    assert figure_noun(text, mention) == noun
