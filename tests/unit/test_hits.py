"""Search hits in a bulletin's text (`search.hits.hit_spans`): phrases as one span, `cerca:`
groups where their words stand together, figures by value; checked against the index too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from boletin_tui.corpusdb.numbers import figure_spans, figure_tokens
from boletin_tui.corpusdb.schema import TOKENIZE
from boletin_tui.query_hits import QueryHits
from boletin_tui.search.hits import hit_spans

TEXT = (
    "Ciudad de México, 20 de abril de 2020.\n"
    "La Secretaría de Gobernación y el IMSS-Bienestar informaron que dos de cada tres "
    "unidades abrieron. La SECRETARIA DE\nGOBERNACION lo confirmó; la secretaria Olvera "
    "habló de la gobernación del estado.\n"
    "Había 11 mil 907 residentes, 24,212 médicos, 3.105 enfermeras y 522 camas; "
    "se compraron 2 millones de dosis por 1.5 millones de pesos."
)


def marked(query: str, text: str = TEXT) -> list[str]:
    return [text[a:b] for a, b in hit_spans(text, query)]


def test_a_phrase_is_one_hit_over_its_words_folded_and_across_a_line_break():
    assert marked('"secretaria de gobernacion" ') == [
        "Secretaría de Gobernación",
        "SECRETARIA DE\nGOBERNACION",
    ]
    assert marked('"dos de cada tres" ') == ["dos de cada tres"]
    assert marked('"secretaría de gobernación" ') == marked('"SECRETARIA DE GOBERNACION" ')
    odd = "İZMİR y la SECRETARÍA DE GOBERNACIÓN"  # `İ` lowercases to two characters
    assert marked('"secretaria de gobernacion" ', odd) == ["SECRETARÍA DE GOBERNACIÓN"]
    assert marked("la ", odd) == ["la"]


def test_a_phrase_being_typed_ends_in_a_prefix_and_other_words_stay_marked():
    assert marked('"secretaria de gober') == [
        "Secretaría de Gobernación",
        "SECRETARIA DE\nGOBERNACION",
    ]
    assert marked('olvera "dos de cada tres" ') == ["dos de cada tres", "Olvera"]
    assert marked('"imss bienestar" ') == ["IMSS-Bienestar"]  # the index splits at `-`
    assert marked('-"dos de cada tres" olvera ') == ["Olvera"]  # NOT marks nothing


def test_near_marks_the_words_only_where_they_stand_together():
    text = "Olvera visitó el faro. " + "Palabra " * 12 + "El faro de Olvera; otro faro."
    spans = marked('cerca:"olvera faro"', text)
    assert spans == ["Olvera", "faro", "faro", "Olvera", "faro"]
    # The first `Olvera` is near the first `faro` only; the words of the second group stand
    # together; a group far apart marks nothing.
    assert marked('cerca:"visito otro"', text) == []


def test_figures_are_marked_by_value_in_each_written_form():
    for query in ("11907", "11,907", "11.907"):
        assert marked(query + " ") == ["11 mil 907"], query
    assert marked("24212 ") == ["24,212"]
    assert marked("3,105 ") == ["3.105"]
    assert marked("2000000 ") == ["2 millones"]
    assert marked("1500000 ") == ["1.5 millones"]
    assert marked("522 ") == ["522"]  # a plain number, as printed
    assert marked("1190") == ["11 mil 907"]  # being typed: the start of a value, as indexed
    assert marked("11908 ") == []


def test_figure_spans_give_offsets_and_the_values_figure_tokens_indexes():
    spans = figure_spans(TEXT)
    assert [(TEXT[a:b], v) for a, b, v in spans] == [
        ("11 mil 907", "11907"),
        ("24,212", "24212"),
        ("3.105", "3105"),
        ("2 millones", "2000000"),
        ("1.5 millones", "1500000"),
    ]
    assert figure_tokens(TEXT) == " ".join(v for _, _, v in spans)


def test_query_hits_use_the_same_rules():
    hits = QueryHits()
    hits.set_query('"secretaria de gobernacion" leído:no')
    assert [TEXT[a:b] for a, b in hits.spans(TEXT)] == [
        "Secretaría de Gobernación",
        "SECRETARIA DE\nGOBERNACION",
    ]
    hits.set_query("11907")
    assert [TEXT[a:b] for a, b in hits.spans(TEXT)] == ["11 mil 907"]


SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parents[1] / "ui" / "fixtures" / "corpus"
QUERIES = [
    '"secretaria de gobernacion"',
    '"dos de cada tres"',
    '"de la"',
    '"seguro social"',
    '"instituto mexicano del"',
    'cerca:"robledo gobernadores"',
    'cerca:"imss pandemia"',
    'cerca:"faro olvera"',
    "11907",
    "11,907",
    "24,212",
    "3500000",
]


def _texts() -> list[str]:
    files = sorted(FIXTURES.glob("*.txt"))
    if SEEDS.is_dir():
        files += sorted(SEEDS.glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


@pytest.mark.parametrize("query", QUERIES)
def test_a_text_has_hits_exactly_when_the_index_matches_it(query):
    """The phrases, groups and figures marked are those FTS5 matches (same tokenizer)."""
    from boletin_tui.search.fts import Fts, compile_node
    from boletin_tui.search.query import parse

    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE fts USING fts5(text, figures, tokenize='{TOKENIZE}')")
    texts = _texts()
    for i, text in enumerate(texts):
        conn.execute(
            "INSERT INTO fts(rowid, text, figures) VALUES (?, ?, ?)", (i, text, figure_tokens(text))
        )
    root = parse(query + " ").root
    assert root is not None
    part = compile_node(root, False)
    assert isinstance(part, Fts)
    rows = conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (part.expr,))
    matched = {r for (r,) in rows}
    marked_in = {i for i, text in enumerate(texts) if hit_spans(text, query + " ")}
    assert marked_in == matched
