"""Places, institutions and people of issue 14 (classes 4-7), on sentences written for these
tests: every person is fictional, every place real."""

import pytest

from boletin_tui.entities import recognise


def found(text, kind):
    return [m.text for m in recognise(text) if m.type == kind]


# Class 4: towns from GeoNames, where the context makes them places.


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("El IMSS abrió una clínica en Ocosingo.", ["Ocosingo"]),
        ("Se atendió a pacientes del municipio de Pijijiapan.", ["Pijijiapan"]),
        ("El presidente municipal de Metlatónoc, Hugo Salas, asistió.", ["Metlatónoc"]),
        ("Doctora originaria de Cuauhtémoc, Chihuahua, dijo que sí.", ["Cuauhtémoc", "Chihuahua"]),
        (
            "Llegará a pacientes de Allende, Zaragoza, Morelos, Nava y Villa Unión.",
            ["Allende", "Zaragoza", "Morelos", "Nava", "Villa Unión"],
        ),
        ("Se abrirá un consultorio en Tlapa de Comonfort.", ["Tlapa de Comonfort"]),
        ("Habrá brigadas en Guerrero Negro y Santa Rosalía.", ["Guerrero Negro", "Santa Rosalía"]),
        (
            "Irán a Felipe Carrillo Puerto y José María Morelos.",
            ["Felipe Carrillo Puerto", "José María Morelos"],
        ),
        (
            "Se vacunó en Tetela de Ocampo, Zacatlán y Chignahuapan.",
            ["Tetela de Ocampo", "Zacatlán", "Chignahuapan"],
        ),
    ],
)
def test_towns_with_a_cue_are_places(text, places):
    assert found(text, "PLACE") == places


@pytest.mark.parametrize(
    "text",
    [
        # Surnames that are also towns, without a cue or inside a name.
        "La doctora Rosa Allende Pérez habló con Mario Zaragoza Ruiz.",
        "El doctor Julio Ocampo Arriaga explicó el proceso; Arriaga lo confirmó.",
        "Lo dijo Guadalupe Ramírez Soto, jefa de enfermeras.",
        # A small town after a weak cue only is not enough (population prior).
        "Trabajó con Salazar en el proyecto.",
        # Calendar words are never places.
        "Llegó el sabado y se fue el miercoles.",
    ],
)
def test_surnames_and_words_are_not_places(text):
    assert found(text, "PLACE") == []


def test_a_surname_of_a_person_in_the_text_is_not_a_town_on_a_weak_cue():
    text = "El doctor Juan Arriaga Pérez visitó la clínica. La propuesta de Arriaga fue aprobada."
    assert found(text, "PLACE") == []
    assert found(text, "PERSON") == ["Juan Arriaga Pérez", "Arriaga"]


# Class 5: abbreviations and variants.


@pytest.mark.parametrize(
    ("line", "places"),
    [
        ("Celaya, Gto., 3 de mayo de 2024.", ["Celaya", "Gto."]),
        ("Chetumal, Q. Roo, 3 de mayo de 2024.", ["Chetumal", "Q. Roo"]),
        ("La Paz, B.C.S., 3 de mayo de 2024.", ["La Paz", "B.C.S."]),
        ("Toluca, Edo. Méx., 3 de mayo de 2024.", ["Toluca", "Edo. Méx."]),
        ("Saltillo, Coah., 3 de mayo de 2024.", ["Saltillo", "Coah."]),
    ],
)
def test_state_abbreviations_in_datelines(line, places):
    assert found(line + "\nEl IMSS informó.", "PLACE") == places


def test_abbreviations_count_only_after_a_comma():
    assert found("La Col. Centro recibió a Son. y Sin. hoy.", "PLACE") == []


def test_lowercase_city_and_regional_offices():
    text = "Se trasladó a la ciudad de México y a las oficinas de México Oriente y México Poniente."
    assert found(text, "PLACE") == ["ciudad de México", "México Oriente", "México Poniente"]


# Class 6: institutions.


def test_imss_or_ooad_with_a_state_is_one_org():
    text = (
        "El IMSS Yucatán y la OOAD Estado de México Poniente con el OOAD Chiapas; "
        "el IMSS en Chiapas."
    )
    assert found(text, "ORG") == [
        "IMSS Yucatán",
        "OOAD Estado de México Poniente",
        "OOAD Chiapas",
        "IMSS",
    ]
    assert found(text, "PLACE") == ["Chiapas"]


def test_honorifics_sections_and_governments():
    text = (
        "Se reunió el H. Consejo Técnico y el Honorable Consejo Consultivo con la Sección XII "
        "del SNTSS; el Ejecutivo federal y el Gobierno del Estado firmaron."
    )
    assert found(text, "ORG") == [
        "H. Consejo Técnico",
        "Honorable Consejo Consultivo",
        "Sección XII",
        "SNTSS",
        "Ejecutivo federal",
        "Gobierno del Estado",
    ]


def test_acronym_defined_after_a_long_name_is_learned():
    text = (
        "Abrió el Centro de Investigación Educativa y Formación Docente (CIEFD) en Puebla. "
        "En el CIEFD se forman residentes."
    )
    assert found(text, "ORG") == [
        "Centro de Investigación Educativa y Formación Docente",
        "CIEFD",
        "CIEFD",
    ]


def test_facility_acronym_number_and_place():
    text = (
        "El Hospital General de Subzona (HGSZ) No. 4 de Tlapa de Comonfort atiende; el HGSZ creció."
    )
    assert found(text, "ORG") == ["Hospital General de Subzona", "HGSZ", "HGSZ"]
    assert found(text, "PLACE") == ["Tlapa de Comonfort"]


def test_long_names_with_lowercase_words():
    assert found("La Coordinación de Educación en Salud convocó.", "ORG") == [
        "Coordinación de Educación en Salud"
    ]
    assert found("Abrirá la Unidad de Medicina Familiar para Cabo San Lucas.", "ORG") == [
        "Unidad de Medicina Familiar"
    ]
    assert found("Abrirá la Unidad de Medicina Familiar para Cabo San Lucas.", "PLACE") == [
        "Cabo San Lucas"
    ]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Llegó al Hospital de Especialidades “Dr. Ramón Ortiz Gil” en la mañana.",
            "Hospital de Especialidades",
        ),
        ('La Unidad de Medicina Familiar "La Loma" abrió.', "Unidad de Medicina Familiar"),
        (
            "Fue al Hospital General Regional No. 1 “Vicente Guerrero” de Acapulco.",
            "Hospital General Regional",
        ),
    ],
)
def test_quoted_eponym_after_a_facility_is_nothing(text, org):
    mentions = recognise(text)
    assert [m.text for m in mentions if m.type == "ORG"] == [org]
    assert [m for m in mentions if m.type == "PERSON"] == []
    assert "Guerrero" not in [m.text for m in mentions if m.type == "PLACE"]


# Class 7: people.


def test_full_name_then_de_place_is_a_person_and_a_place():
    text = "La paciente fue Marta Ruiz Peña de Zacatlán, trabajadora de la zona."
    assert found(text, "PERSON") == ["Marta Ruiz Peña"]
    assert found(text, "PLACE") == ["Zacatlán"]


def test_one_surname_then_de_place_is_a_surname():
    text = "Habló la doctora Irma Soto de León, quien dirige la clínica."
    assert found(text, "PERSON") == ["Irma Soto de León"]
    assert found(text, "PLACE") == []


@pytest.mark.parametrize(
    "text",
    [
        "Vive en la calle Mariano Escobedo, cerca del mercado.",
        "La clínica está en la avenida Miguel Hidalgo, en el centro.",
        "Se ubica sobre el bulevar Adolfo López Mateos.",
    ],
)
def test_streets_named_after_people_are_neither_people_nor_places(text):
    mentions = recognise(text)
    assert [m for m in mentions if m.type in ("PERSON", "PLACE")] == []


def test_names_listed_after_a_plural_role():
    text = "Asistieron los gobernadores Julia Cano, Rodrigo Pliego y Elena Vidal a la reunión."
    assert found(text, "PERSON") == ["Julia Cano", "Rodrigo Pliego", "Elena Vidal"]


def test_lone_surname_links_to_the_person_named_in_full():
    text = "La directora Teresa Robledo Uribe inauguró la clínica. Robledo agregó que habrá turnos."
    people = [m for m in recognise(text) if m.type == "PERSON"]
    assert [(m.text, m.entity) for m in people] == [
        ("Teresa Robledo Uribe", "Teresa Robledo Uribe"),
        ("Robledo", "Teresa Robledo Uribe"),
    ]


def test_surname_ending_like_an_adjective_is_still_a_name():
    assert found("Explicó la doctora Mónica Allende Rivas que hay cupo.", "PERSON") == [
        "Mónica Allende Rivas"
    ]
