"""Sentences and words of a bulletin's text, and a selection grown and shrunk by them."""

from __future__ import annotations

from boletin_tui.text_units import Selection, sentence_at, sentences

TEXT = (
    "Ciudad de México, 2 de junio de 2023.\n"
    "Título sin punto final\n"
    "El Dr. Pérez visitó la clínica. Dijo: «Vamos bien». ¿Y después? Habrá 3 etapas…\n"
)


def quotes(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


def test_sentences_end_at_punctuation_or_the_line_not_after_abbreviations():
    assert quotes(TEXT) == [
        "Ciudad de México, 2 de junio de 2023.",
        "Título sin punto final",
        "El Dr. Pérez visitó la clínica.",
        "Dijo: «Vamos bien».",
        "¿Y después?",
        "Habrá 3 etapas…",
    ]


def test_the_sentence_at_an_offset_or_the_next_one():
    assert sentence_at(TEXT, TEXT.index("Pérez")) is not None
    found = sentence_at(TEXT, TEXT.index("Pérez"))
    assert found is not None and TEXT[found.start : found.end].startswith("El Dr.")
    assert sentence_at(TEXT, len(TEXT)) is None


def test_a_selection_grows_and_shrinks_by_sentence_and_word():
    start = Selection.at(TEXT, TEXT.index("El Dr."))
    assert start is not None and start.quote == "El Dr. Pérez visitó la clínica."
    two = start.by_sentence(1)
    assert two.quote == "El Dr. Pérez visitó la clínica. Dijo: «Vamos bien»."
    assert two.by_sentence(-1) == start
    assert start.by_word(1).quote == "El Dr. Pérez visitó la clínica. Dijo:"
    assert start.by_word(-1).quote == "El Dr. Pérez visitó la"
    # Never less than one word.
    one = start
    for _ in range(10):
        one = one.by_word(-1)
    assert one.quote == "El"
    assert start.by_sentence(-1).quote == "El"


def test_a_selection_grows_into_the_next_line_and_stops_at_the_end():
    title = Selection.at(TEXT, 0)
    assert title is not None
    assert (
        title.by_sentence(1).quote
        == "Ciudad de México, 2 de junio de 2023.\nTítulo sin punto final"
    )
    last = Selection.at(TEXT, TEXT.index("Habrá"))
    assert last is not None
    assert last.by_sentence(1) == last and last.by_word(1) == last
