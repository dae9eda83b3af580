"""The recogniser's rules, on sentences written for these tests (fictional people)."""

import datetime as dt
import subprocess
import sys

import pytest

from boletin_tui.corpus import Bulletin
from boletin_tui.entities import Mention, recognise, recognise_bulletin
from boletin_tui.entities.orgs import acronym_fits
from boletin_tui.entities.sentences import sentence_around


def found(text, kind):
    return [m.text for m in recognise(text) if m.type == kind]


def one(text, kind, surface):
    matches = [m for m in recognise(text) if m.type == kind and m.text == surface]
    assert len(matches) == 1, (surface, recognise(text))
    return matches[0]


# People ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("La doctora Ximena Ortiz Lara inauguró la clínica.", ["Ximena Ortiz Lara"]),
        ("El secretario de Turismo, Anselmo Trejo Villa, llegó tarde.", ["Anselmo Trejo Villa"]),
        ("Ulises Garza Peña, gobernador de Sonora, firmó el acuerdo.", ["Ulises Garza Peña"]),
        ("Inaugura Ramiro Téllez Quiroga nueva clínica en Tlaxcala", ["Ramiro Téllez Quiroga"]),
        ("Nadia Valdés Ocampo señaló que habrá más citas.", ["Nadia Valdés Ocampo"]),
        ("Lo informó Odilón Cruz Fierro, quien dirige la obra.", ["Odilón Cruz Fierro"]),
        ("Es un logro de todos: Fermín Lozano Ríos", ["Fermín Lozano Ríos"]),
        ("El general Amadeo Ruiz de la Peña habló con la tropa.", ["Amadeo Ruiz de la Peña"]),
        (
            "Asistieron Rosendo Batiz Olmos; Clemente Uribe del Valle y otros.",
            ["Rosendo Batiz Olmos", "Clemente Uribe del Valle"],
        ),
        ("El presidente Mondragón Salas visitó la zona.", ["Mondragón Salas"]),
        ("La directora de Finanzas, Esther Luján, revisó las cuentas.", ["Esther Luján"]),
    ],
)
def test_people_by_cues(text, names):
    assert found(text, "PERSON") == names


@pytest.mark.parametrize(
    "text",
    [
        "Además, Destacó la importancia del trabajo.",
        "Durante la Quinta Reunión Regional Noreste se firmaron acuerdos.",
        "Los servicios de Consulta Externa y Urgencias siguen abiertos.",
        "Participaron Baja California Sur, Quintana Roo y San Luis Potosí.",
        "El Seguro Social y el Instituto Mexicano del Seguro Social son lo mismo.",
        "El programa Jóvenes Construyendo el Futuro sigue.",
        "La función se dio en el Teatro Morelos de Toluca.",
        'Llegó al Hospital General "Lic. Anselmo Pereda" de Tepic.',
        "Se presentó el Plan de Acción para la Mejora Administrativa.",
        "El director de Vinculación Institucional y Evaluación de Delegaciones asistió.",
    ],
)
def test_not_people(text):
    assert found(text, "PERSON") == []


def test_place_inside_a_name_is_part_of_the_person():
    text = "El director Evaristo Guerrero Montes visitó Guerrero."
    assert found(text, "PERSON") == ["Evaristo Guerrero Montes"]
    assert found(text, "PLACE") == ["Guerrero"]


def test_short_forms_link_to_the_full_name():
    text = (
        "El director general, Eusebio Carranza Tapia, inauguró la obra. "
        "Carranza Tapia dijo que Eusebio Carranza volverá. Después, Carranza saludó."
    )
    people = [m for m in recognise(text) if m.type == "PERSON"]
    assert [m.text for m in people] == [
        "Eusebio Carranza Tapia",
        "Carranza Tapia",
        "Eusebio Carranza",
        "Carranza",
    ]
    assert {m.entity for m in people} == {"Eusebio Carranza Tapia"}


def test_a_name_accepted_once_is_found_everywhere_in_the_text():
    text = "La secretaria Iris Balam dio el mensaje. Luego habló con Iris Balam y su equipo."
    assert found(text, "PERSON") == ["Iris Balam", "Iris Balam"]


# Institutions ---------------------------------------------------------------------------


def test_full_name_and_acronym_are_two_mentions_with_one_entity():
    text = "El Instituto Mexicano del Seguro Social (IMSS) y el Seguro Social atienden."
    orgs = [m for m in recognise(text) if m.type == "ORG"]
    assert [m.text for m in orgs] == [
        "Instituto Mexicano del Seguro Social",
        "IMSS",
        "Seguro Social",
    ]
    assert {m.entity for m in orgs} == {"Instituto Mexicano del Seguro Social"}


def test_role_de_area_is_not_an_org_but_titular_de_is():
    assert found("La secretaria de Gobernación llegó.", "ORG") == []
    assert found("El titular de Gobernación llegó.", "ORG") == ["Gobernación"]
    assert found("El director de Finanzas llegó.", "ORG") == []
    assert found("Habló el director general del IMSS.", "ORG") == ["IMSS"]


def test_generic_references_are_not_orgs():
    assert found("El Instituto y la representación estatal trabajan.", "ORG") == []
    assert found("Avanza el Sector Salud.", "ORG") == []


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        (
            "con la Secretaría de la Función Pública (SFP) y otras",
            ["Secretaría de la Función Pública", "SFP"],
        ),
        (
            "con las Secretarías de Salud, Bienestar y Educación Pública",
            ["Secretarías de Salud, Bienestar y Educación Pública"],
        ),
        ("las Secretarías de Salud estatales", ["Secretarías de Salud"]),
        (
            "el Órgano Público Descentralizado (OPD) IMSS-Bienestar",
            ["Órgano Público Descentralizado", "OPD", "IMSS-Bienestar"],
        ),
        ("el OPD IMSS Bienestar", ["OPD IMSS Bienestar"]),
        (
            "la Unidad de Medicina Familiar (UMF) No. 31 y el Hospital General de Zona 2",
            ["Unidad de Medicina Familiar", "UMF", "Hospital General de Zona"],
        ),
        (
            "titular de la Unidad de Innovación Tecnológica, Abril Sosa",
            ["Unidad de Innovación Tecnológica"],
        ),
        (
            "con Birmex, Cofepris, ISSSTE, Pemex y la CFE",
            ["Birmex", "Cofepris", "ISSSTE", "Pemex", "CFE"],
        ),
        ("diputados del PAN, PRI, Morena y PVEM", ["PAN", "PRI", "Morena", "PVEM"]),
        ("las Unidades de Primer Nivel", []),
        ("la Cuarta Reunión Regional Occidente del IMSS", ["IMSS"]),
    ],
)
def test_org_patterns(text, orgs):
    assert found(text, "ORG") == orgs


def test_acronyms_defined_in_the_text_are_reused():
    text = (
        "Se creó la Comisión Estatal de Arbitraje Médico (CEAM). La CEAM atendió quejas. "
        "Los Órganos de Operación Administrativa Desconcentrada (TOOAD) asistieron."
    )
    assert found(text, "ORG") == [
        "Comisión Estatal de Arbitraje Médico",
        "CEAM",
        "CEAM",
        "Órganos de Operación Administrativa Desconcentrada",
    ]
    assert {m.entity for m in recognise(text) if m.text == "CEAM"} == {
        "Comisión Estatal de Arbitraje Médico"
    }


def test_acronym_fits():
    assert acronym_fits("CISS", "Conferencia Interamericana de Seguridad Social")
    assert acronym_fits("Cofepris", "Comisión Federal para la Protección contra Riesgos Sanitarios")
    assert acronym_fits("Birmex", "Laboratorios de Biológicos y Reactivos de México")
    assert not acronym_fits("TOOAD", "Órganos de Operación Administrativa Desconcentrada")
    assert not acronym_fits("XYZ", "Instituto Nacional")


# Places ---------------------------------------------------------------------------------


def test_places():
    text = (
        "Mérida, Yucatán, 12 de octubre de 2022\nEl gobernador de Nayarit viajó a Estados "
        "Unidos y a América Latina; las oficinas de Veracruz Norte y Ciudad de México Sur "
        "asistieron."
    )
    assert found(text, "PLACE") == [
        "Mérida",
        "Yucatán",
        "Nayarit",
        "Estados Unidos",
        "América Latina",
        "Veracruz Norte",
        "Ciudad de México Sur",
    ]


def test_unknown_dateline_city_is_a_place():
    assert found("San Pedro Cholula, Puebla, 3 de marzo de 2023\nTítulo", "PLACE") == [
        "San Pedro Cholula",
        "Puebla",
    ]


def test_capitalised_dateline():
    assert found("CIUDAD DE MÉXICO, 3 DE ENERO DE 2021", "PLACE") == ["CIUDAD DE MÉXICO"]


def test_places_inside_org_names_do_not_count():
    text = "Laboratorios de Biológicos y Reactivos de México, en México"
    assert found(text, "PLACE") == ["México"]
    assert found(text, "ORG") == ["Laboratorios de Biológicos y Reactivos de México"]


# Figures --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier"),
    [
        ("había 11 mil 907 residentes", "11 mil 907", 11907, None, None),
        ("hay 3 millones 400 mil afiliados", "3 millones 400 mil", 3_400_000, None, None),
        ("recibieron 1,250 vales", "1,250", 1250, None, None),
        ("con nueve gobernadores", "nueve", 9, None, None),
        ("el 86.3% de las unidades", "86.3%", 86.3, "%", None),
        ("el 65 por ciento de las quejas", "65 por ciento", 65, "%", None),
        (
            "se invirtieron 7 mil millones de pesos",
            "7 mil millones de pesos",
            7_000_000_000,
            "pesos",
            None,
        ),
        ("con 28.9 mdp adicionales", "28.9 mdp", 28_900_000, "pesos", None),
        ("cuesta $1,250 por persona", "$1,250", 1250, "pesos", None),
        ("dos de cada tres trabajadores", "dos de cada tres", pytest.approx(2 / 3), "ratio", None),
        ("en 14 de 32 entidades", "14 de 32", 0.4375, "ratio", None),
        ("más de 130 personas", "130", 130, None, "más de"),
        ("alrededor de 40 camas", "40", 40, None, "alrededor de"),
        ("ciento cuarenta y dos casos", "ciento cuarenta y dos", 142, None, None),
        ("suscribieron 522 acuerdos", "522", 522, None, None),
    ],
)
def test_figures(text, surface, value, unit, qualifier):
    figure = one(text, "FIGURE", surface)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)


def test_a_range_gives_two_figures_sharing_the_unit():
    figures = [m for m in recognise("subió del 54 al 96 por ciento") if m.type == "FIGURE"]
    assert [(f.text, f.value, f.unit) for f in figures] == [
        ("54", 54, "%"),
        ("96 por ciento", 96, "%"),
    ]


def test_un_una_only_in_an_enumeration():
    assert found("Llegaron cinco mujeres y un hombre.", "FIGURE") == ["cinco", "un"]
    assert found("Es una institución y un ejemplo.", "FIGURE") == []
    assert found("cada uno de los que integran", "FIGURE") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ciudad de México, 20 de abril de 2020",
        "Boletín No. 119/2020",
        "la Unidad de Medicina Familiar No. 31",
        "el 10 de agosto se reunieron",
        "entre el 1 y el 5 de junio",
        "a las 10:00 horas y a las 9 horas",
        "la Quinta Reunión, el primer lugar y el 2° sitio",
        "pacientes con COVID-19 y el código 2-30-100",
        "el sexenio 2018-2024 y en 2024",
        "el artículo 123 constitucional",
        "llame al 800 623 2323",
        "capacitación en buen trato y cero corrupción",
    ],
)
def test_not_figures(text):
    assert found(text, "FIGURE") == []


# Dates ----------------------------------------------------------------------------------


def test_dates():
    text = (
        "El 20 de abril de 2020, y el pasado 10 de agosto, y de junio a agosto, y del 3 al 5 "
        "de mayo, y el lunes 2 de enero, en 2024."
    )
    assert found(text, "DATE") == [
        "20 de abril de 2020",
        "10 de agosto",
        "de junio a agosto",
        "del 3 al 5 de mayo",
        "lunes 2 de enero",
        "2024",
    ]


# Output contract ------------------------------------------------------------------------


def test_mentions_are_sorted_disjoint_and_index_the_text():
    text = (
        "Ciudad de México, 20 de abril de 2020\nLa secretaria Olivia Durán Peña y el IMSS "
        "atendieron a más de 3 mil personas en Veracruz Sur con el 40% del personal."
    )
    mentions = recognise(text)
    assert [m.type for m in mentions] == [
        "PLACE",
        "DATE",
        "PERSON",
        "ORG",
        "FIGURE",
        "PLACE",
        "FIGURE",
    ]
    for a, b in zip(mentions, mentions[1:], strict=False):  # each with its successor
        assert a.end <= b.start
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_to_json():
    m = Mention("FIGURE", "86.3%", 4, 9, 86.3, "%")
    assert m.to_json("119/2020") == {
        "key": "119/2020",
        "type": "FIGURE",
        "text": "86.3%",
        "start": 4,
        "end": 9,
        "value": 86.3,
        "unit": "%",
        "qualifier": None,
        "noun": None,
        "noun_key": None,
    }
    p = Mention("PERSON", "Robledo", 0, 7, entity="Zoé Robledo Aburto")
    assert p.to_json("k")["entity"] == "Zoé Robledo Aburto"
    assert "value" not in p.to_json("k")


def _bulletin(paragraph: str, content_hash: str) -> Bulletin:
    return Bulletin(
        key="001/2024",
        number="001/2024",
        kind=None,
        date=dt.date(2024, 1, 2),
        city="Ciudad de México",
        dateline="Ciudad de México, 2 de enero de 2024",
        title="Título de prueba",
        highlights=(),
        paragraphs=(paragraph,),
        links=(),
        sources=("x.txt",),
        content_hash=content_hash,
    )


def test_recognise_bulletin_uses_text_offsets_and_memoises():
    b = _bulletin("La doctora Irene Salgado Mora atendió a 12 pacientes.", "a" * 64)
    first = recognise_bulletin(b)
    assert [(m.type, b.text[m.start : m.end]) for m in first] == [
        ("PLACE", "Ciudad de México"),
        ("DATE", "2 de enero de 2024"),
        ("PERSON", "Irene Salgado Mora"),
        ("FIGURE", "12"),
    ]
    # Same content hash: served from the cache, even for a different object.
    assert recognise_bulletin(_bulletin("Nada aquí.", "a" * 64)) == first
    assert recognise_bulletin(_bulletin("Nada aquí.", "b" * 64))[-1].type == "DATE"


def test_sentence_around():
    text = "Primera frase. En la segunda hay 86.3% de avance. Tercera."
    assert sentence_around(text, 33, 38) == "En la segunda hay 86.3% de avance."


def test_entities_do_not_import_textual():
    code = (
        "import sys, boletin_tui.entities as e; e.recognise('El IMSS y 3 personas');"
        "import boletin_tui.commands.entity_cmds; print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
