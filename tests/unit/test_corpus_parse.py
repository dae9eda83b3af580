"""The parser on small fixtures of our own: every header, date, body and end-matter variant."""

from __future__ import annotations

import datetime as dt

import pytest

from boletin_tui.corpus import Bulletin, parse_or_skip, parse_text
from boletin_tui.corpus.dates import parse_dateline
from boletin_tui.corpus.parse import NotABulletin

BODY = (
    "La directora de Prestaciones Médicas, Ana Lucía Treviño Garza, informó que el Instituto "
    "amplió la atención en las unidades de la región durante las últimas semanas del año.\n"
    "Explicó que se atendieron más de 130 solicitudes y que el personal de salud trabajó en "
    "coordinación con las autoridades estatales para reducir los tiempos de espera.\n"
)


def bulletin(text: str) -> Bulletin:
    result = parse_text(text, "fixture.txt")
    assert isinstance(result, Bulletin)
    return result


@pytest.mark.parametrize(
    ("header", "number", "kind", "date", "city"),
    [
        (
            "Ciudad de México, 20 de abril de 2020\nBoletín conjunto No. 119/2020\n",
            "119/2020",
            "Boletín conjunto",
            dt.date(2020, 4, 20),
            "Ciudad de México",
        ),
        (
            "BOLETÍN DE PRENSA\n\nCiudad de México, jueves 30 de mayo de 2024.\n\nNo. 257/2024.\n",
            "257/2024",
            "Boletín de prensa",
            dt.date(2024, 5, 30),
            "Ciudad de México",
        ),
        (
            "COMUNICADO No. 045/2019\nMonterrey, Nuevo León, a 5 de marzo de 2019.\n",
            "045/2019",
            "Comunicado",
            dt.date(2019, 3, 5),
            "Monterrey, Nuevo León",
        ),
        (
            "Boletín No. 12/2021\nMérida, Yucatán, a 12 de octubre de 2021.\n",
            "12/2021",
            "Boletín",
            dt.date(2021, 10, 12),
            "Mérida, Yucatán",
        ),
        (
            "CIUDAD DE MÉXICO, 3 DE ENERO DE 2021\nNo. 001/2021\n",
            "001/2021",
            None,
            dt.date(2021, 1, 3),
            "Ciudad de México",
        ),
        (
            "Guadalajara, Jalisco, domingo 1o de mayo de 2022\n",
            None,
            None,
            dt.date(2022, 5, 1),
            "Guadalajara, Jalisco",
        ),
        ("", None, None, None, None),
    ],
)
def test_header_variants(header, number, kind, date, city):
    b = bulletin(f"{header}\nAmplía IMSS la atención en la región norte\n\n{BODY}")
    assert (b.number, b.kind, b.date, b.city) == (number, kind, date, city)
    assert b.title == "Amplía IMSS la atención en la región norte"
    assert len(b.paragraphs) == 2


def test_keys_number_and_year_and_content():
    a = bulletin(f"No. 45/2019\nTítulo del comunicado de prueba\n{BODY}")
    b = bulletin(f"No. 045/2019\nTítulo del comunicado de prueba\n{BODY}")
    c = bulletin(f"No. 045/2020\nTítulo del comunicado de prueba\n{BODY}")
    assert a.key == b.key == "045/2019"
    assert c.key == "045/2020"
    unnumbered = bulletin(f"Título del comunicado de prueba\n{BODY}")
    assert unnumbered.key.startswith("sn-") and "/" not in unnumbered.key
    # Derived from content, not from the file name.
    again = parse_text(f"Título del comunicado de prueba\n{BODY}", "otro/nombre.txt")
    assert again.key == unnumbered.key


def test_highlights_both_styles_and_artefacts():
    b = bulletin(
        "Título de prueba para viñetas\n\n"
        "· [bookmark: _GoBack]Primera viñeta con marca de Word.\n"
        "- **Segunda viñeta en negritas de Markdown.**\n"
        "• Tercera\u00a0viñeta con espacio duro.\n\n" + BODY
    )
    assert b.highlights == (
        "Primera viñeta con marca de Word.",
        "Segunda viñeta en negritas de Markdown.",
        "Tercera viñeta con espacio duro.",
    )
    assert "[bookmark" not in b.text and "**" not in b.text and "\u00a0" not in b.text


def test_end_matter_links_and_furniture():
    b = bulletin(
        "No. 300/2023\nTítulo con enlaces al final\n"
        + BODY
        + "\n---o0o---\n\nLINK FOTOS\n\n<https://example.org/fotos?id=1>\n"
        "LINK DE VIDEO\nhttps://example.org/video\n DIRECCIÓN DE COMUNICACIÓN SOCIAL\n"
    )
    assert [(link.label, link.url) for link in b.links] == [
        ("fotos", "https://example.org/fotos?id=1"),
        ("video", "https://example.org/video"),
    ]
    assert "o0o" not in b.text and "LINK" not in b.text and "COMUNICACIÓN SOCIAL" not in b.text


def test_furniture_without_end_mark_is_dropped():
    b = bulletin("Título sin marca final\n" + BODY + " SECRETARÍA DE PRUEBAS INSTITUTO FICTICIO\n")
    assert b.paragraphs[-1].startswith("Explicó")


def test_paragraph_cut_by_page_break_is_joined():
    b = bulletin(
        "Título con salto de página\n"
        + BODY
        + "El Instituto participará en campañas de vacunación, visitas domiciliarias\n\n\n\n"
        "a adultos mayores y lactancia materna.\n"
    )
    assert b.paragraphs[-1] == (
        "El Instituto participará en campañas de vacunación, visitas domiciliarias a adultos "
        "mayores y lactancia materna."
    )


def test_blocks_map_offsets_into_text():
    b = bulletin("Mérida, Yucatán, a 12 de octubre de 2022.\nTítulo\n· Viñeta uno.\n" + BODY)
    for block in b.blocks:
        assert b.text[block.start : block.end] == block.text
    assert [blk.role for blk in b.blocks] == [
        "dateline",
        "title",
        "highlight",
        "paragraph",
        "paragraph",
    ]


def test_markdown_heading_title():
    b = bulletin("# Título en Markdown\n\n- **Viñeta.**\n\n" + BODY)
    assert b.title == "Título en Markdown"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("   \n\n  ", "vacío"),
        ("Ciudad de México, 20 de abril de 2020\nNo. 1/2020\n", "encabezado"),
        ("Solo un título sin cuerpo", "cuerpo"),
        ("Título\nMuy corto.", "corto"),
        (
            "# Notes\n\nThis document explains how the parser works and what the fields mean for "
            "the developers who maintain it, with examples of every variant.\n",
            "español",
        ),
    ],
)
def test_not_a_bulletin_says_why(text, reason):
    with pytest.raises(NotABulletin, match=reason):
        parse_text(text, "x.txt")
    skipped = parse_or_skip(text, "x.txt")
    assert skipped.path == "x.txt" and reason in skipped.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 de abril de 2020", dt.date(2020, 4, 20)),
        ("jueves 30 de mayo de 2024.", dt.date(2024, 5, 30)),
        ("a 5 de marzo de 2023", dt.date(2023, 3, 5)),
        ("3 DE ENERO DE 2021", dt.date(2021, 1, 3)),
        ("miércoles 25 de septiembre de 2024", dt.date(2024, 9, 25)),
        ("1o de mayo de 2022", dt.date(2022, 5, 1)),
        ("31 de febrero de 2020", None),
    ],
)
def test_spanish_dates(text, expected):
    assert parse_dateline(text) == (None, expected)  # a date alone on its line


def test_dateline_with_impossible_date_keeps_city():
    assert parse_dateline("Puebla, Puebla, 31 de febrero de 2020.") == ("Puebla, Puebla", None)
    assert parse_dateline("Participaron los estados de Puebla y Tlaxcala.") is None


# -- hardening (issue 12 #8, #15, #22, #23) --------------------------------------------------


def test_parse_makes_text_terminal_safe():
    from boletin_tui.corpus.parse import parse_text

    text = (
        "No. 010/2024\n\nTítulo \x1b]0;falso\x07 del boletín\n\n"
        + "El Instituto informó hoy que la atención \x9b2J continúa con normalidad en "
        "todas las unidades médicas del país durante la temporada. " * 3
    )
    b = parse_text(text, "x.txt")
    for part in (b.title, *b.paragraphs):
        assert "\x1b" not in part and "\x07" not in part and "\x9b" not in part
    assert "␛]0;falso␇" in b.title


def test_one_bad_byte_keeps_utf8():
    from boletin_tui.corpus.decode import bad_utf8_offsets, decode

    good = "Ciudad de México, 14 de febrero. Año de atención médica.".encode()
    data = good[:20] + b"\xff" + good[20:]
    assert decode(data).startswith("Ciudad de México")
    assert "\ufffd" in decode(data)
    assert bad_utf8_offsets(data) == [20]
    assert decode("Ciudad de México".encode("cp1252")) == "Ciudad de México"  # still cp1252


def test_keys_keep_printed_years_and_flag_implausible_ones():
    from boletin_tui.corpus.keys import normalise_key, number_key, plausible_year

    for number, year in (("101", "0202"), ("5", "2020"), ("12345", "1999")):
        key = number_key(number, year)
        assert normalise_key(key) == key
    assert number_key("101", "0202") == "101/0202"
    assert not plausible_year("101/0202") and not plausible_year("001/2999")
    assert plausible_year("119/2020") and plausible_year("sn-0123456789")


def test_docx_that_expands_too_much_is_refused(tmp_path):
    import zipfile

    import pytest

    from boletin_tui.corpus.docx import check_unpacked_size, docx_to_text

    path = tmp_path / "bomba.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w>" + b" " * (2 * 2**20) + b"</w>")
    assert path.stat().st_size < 100_000  # small on disk
    with pytest.raises(ValueError, match="demasiado grande"):
        check_unpacked_size(path, limit=2**20)
    check_unpacked_size(path)  # under the real limit
    big = tmp_path / "enorme.docx"
    chunk = b" " * 2**20
    with (
        zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as z,
        z.open("word/document.xml", "w") as member,
    ):
        for _ in range(70):
            member.write(chunk)
    pytest.importorskip("docx")
    with pytest.raises(ValueError, match="demasiado grande"):
        docx_to_text(big)
