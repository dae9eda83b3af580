"""Behaviour of the search index on small, hand-made bulletins."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

import pytest

from boletin_tui.corpus.model import Bulletin, Link
from boletin_tui.corpusdb import CorpusDB
from boletin_tui.search import SYNTAX_HELP, fold, tokens


def make(
    key: str,
    title: str,
    *paragraphs: str,
    date: dt.date | None = None,
    highlights: tuple[str, ...] = (),
    city: str | None = "Ciudad de México",
) -> Bulletin:
    number = None if key.startswith("sn-") else key
    return Bulletin(
        key=key,
        number=number,
        kind="BOLETÍN DE PRENSA",
        date=date,
        city=city,
        dateline=None,
        title=title,
        highlights=highlights,
        paragraphs=tuple(paragraphs),
        links=(Link("fotos", "https://example.org/f"),),
        sources=(f"{key}.txt",),
        content_hash="x" + key,
    )


@pytest.fixture
def bulletins() -> list[Bulletin]:
    return [
        make(
            "119/2020",
            "El IMSS amplía la atención médica",
            "Zoé Robledo informó que el Seguro Social atendió 11,907 casos.",
            date=dt.date(2020, 4, 12),
            highlights=("Más de 3.5 millones de derechohabientes",),
        ),
        make(
            "257/2024",
            "Avanza trabajo con IMSS-Bienestar",
            "Reunión nacional de abasto en Mérida; la niña y el niño recibieron vacunas.",
            date=dt.date(2024, 5, 30),
            city="Mérida",
        ),
        make(
            "045/2020",
            "Campaña de vacunación",
            "El seguro de vida y la seguridad social no son lo mismo.",
            date=dt.date(2020, 2, 3),
        ),
        make(
            "sn-abc123", "Sin número ni fecha", "Pingüinos en la Antártida.", date=None, city=None
        ),
    ]


@pytest.fixture
def index(bulletins: list[Bulletin]) -> CorpusDB:
    return CorpusDB.of(bulletins)


def test_fold_removes_accents_and_case():
    assert fold("Atención MÉDICA Niño Pingüino") == "atencion medica nino pinguino"


def test_tokens_keep_compounds_and_figures():
    assert tokens("IMSS-Bienestar atendió 11,907 casos") == [
        "imss-bienestar",
        "imss",
        "bienestar",
        "atendio",
        "11,907",
        "11907",
        "casos",
    ]
    assert tokens("No. 119/2020") == ["no", "119/2020", "119", "2020"]
    assert tokens("3.5 millones") == ["3.5", "millones"]


def test_accents_and_case_do_not_matter(index):
    assert index.search("ATENCION medica") == ["119/2020"]
    assert index.search("merida") == ["257/2024"]
    assert index.search("nina") == ["257/2024"]
    assert index.search("pinguinos") == ["sn-abc123"]
    assert index.search("Pingüinos") == ["sn-abc123"]


def test_last_word_is_a_prefix_others_are_whole(index):
    assert index.search("robl") == ["119/2020"]
    assert index.search("zoe robl") == ["119/2020"]
    assert index.search("zo robledo") == []  # only the last word may be incomplete
    assert index.search("robl ") == []  # a trailing space closes the word
    assert index.search("vacun*  2020") == ["045/2020"]  # explicit prefix anywhere


def test_words_are_anded_and_order_is_kept(index):
    assert index.search("seguro") == ["119/2020", "045/2020"]
    assert index.search("seguro vida") == ["045/2020"]
    assert index.search("2020") == ["119/2020", "045/2020"]


def test_compounds_numbers_and_keys(index):
    assert index.search("imss-bienestar") == ["257/2024"]
    assert index.search("bienestar") == ["257/2024"]
    assert index.search("imss") == ["119/2020", "257/2024"]
    assert index.search("11,907") == index.search("11907") == ["119/2020"]
    assert index.search("119/2020") == ["119/2020"]
    assert index.search("3.5 millones") == ["119/2020"]


def test_phrases_need_adjacent_words_in_order(index):
    assert index.search('"seguro social"') == ["119/2020"]
    assert index.search('"social seguro"') == []
    assert index.search('"atencion medica"') == ["119/2020"]
    assert index.search('"seguro soc') == ["119/2020"]  # open quote: still typing
    assert index.search('"la seguridad" vida') == ["045/2020"]


def test_annotations_are_searchable_and_replaced(index):
    index.set_annotation_terms(
        "045/2020", ["Salud mental", "revisar"], "Preguntar a Robledo por cifras"
    )
    assert index.search("#revisar") == ["045/2020"]
    assert index.search('#"salud mental"') == ["045/2020"]
    assert index.search("tag:salud") == []  # a tag is matched whole, even as the last term
    assert index.search("etiqueta:revisar vacunacion") == ["045/2020"]
    assert index.search("robledo") == ["119/2020", "045/2020"]  # text of one, note of other
    assert index.search("cifras") == ["045/2020"]
    assert index.search('"a robledo"') == ["045/2020"]
    index.set_annotation_terms("045/2020", ["urgente"], "Otra nota")
    assert index.search("#revisar") == []
    assert index.search("cifras") == []
    assert index.search("robledo") == ["119/2020"]
    assert index.search("#urgente otra") == ["045/2020"]
    index.set_annotation_terms("045/2020", [], "")
    assert index.search("urgente") == []


def test_many_annotations_at_once_then_one_replaced_among_them(index):
    """Words of each key are replaced by that key only, whatever else is stored."""
    many = [(f"{i}/1999", ["lote"], f"nota{i}") for i in range(3000)]
    index.set_annotations([*many[:1500], ("045/2020", ["revisar"], "cifras"), *many[1500:]])
    assert index.search("#revisar cifras") == ["045/2020"]
    index.set_annotations([("119/2020", ["revisar"], "otra"), ("045/2020", ["urgente"], "")])
    assert index.search("cifras") == [] and index.search("#urgente") == ["045/2020"]
    assert index.search("#revisar") == ["119/2020"] and index.search("otra") == ["119/2020"]


def test_unknown_annotation_key_is_ignored(index):
    index.set_annotation_terms("999/1999", ["x"], "nota")
    assert index.search("#x") == []


def test_filters(index):
    index.set_annotation_terms("257/2024", ["obra"], "")
    assert index.search("año:2020") == ["119/2020", "045/2020"]
    assert index.search("ano:2024") == index.search("year:2024") == ["257/2024"]
    assert index.search("año:2019-2021") == ["119/2020", "045/2020"]
    assert index.search("mes:2020-04") == ["119/2020"]
    assert index.search("mes:2020-4 seguro") == ["119/2020"]
    assert index.search("anotado:sí") == ["257/2024"]
    assert index.search("anotado:no") == ["119/2020", "045/2020", "sn-abc123"]
    assert index.search("año:2020 vacunacion") == ["045/2020"]
    assert index.search("año:1999") == []


def test_filter_without_value_is_ignored_while_typing(index, bulletins):
    everything = [b.key for b in bulletins]
    assert index.search("#") == everything
    assert index.search("año:") == everything


def test_empty_query_returns_all_keys(index, bulletins):
    assert index.search("") == [b.key for b in bulletins]
    assert index.search("   ") == [b.key for b in bulletins]


def test_no_match(index):
    assert index.search("xyzzy") == []
    assert index.search("seguro xyzzy") == []


@pytest.mark.parametrize(
    "query",
    [
        "!!!",
        "¿?",
        '"',
        '""',
        '"""',
        "#",
        '#"',
        "tag:",
        ":",
        "*",
        "-",
        "año:abc",
        "mes:20x",
        "anotado:quizá",
        "a" * 10_000,
        "robledo " * 500,
        "\x00\ud800",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "(((",
        "\\",
    ],
)
def test_odd_input_never_raises(index, query):
    result = index.search(query)
    keys = index.keys()
    assert isinstance(result, Sequence) and set(result) <= set(keys)
    assert list(result) == [k for k in keys if k in set(result)]  # in timeline order


def test_syntax_help_is_spanish_and_mentions_filters():
    for word in ("#", "año:", "mes:", "anotado:", '"'):
        assert word in SYNTAX_HELP


def test_works_from_a_generator(bulletins):
    index = CorpusDB.of(b for b in bulletins)
    assert index.count() == 4
    assert index.search("merida") == ["257/2024"]


def test_the_app_searches_the_database_the_cli_filled_tags_in_memory_only(tmp_path):
    from boletin_tui.corpus import load_corpus, sample_corpus_path

    corpus = load_corpus([sample_corpus_path()], cache_dir=tmp_path)
    (database,) = tmp_path.glob("corpus-v*.sqlite3")
    db = CorpusDB.open([sample_corpus_path()], tmp_path)
    assert os.fspath(db.path) == os.fspath(database)
    assert db.keys() == [b.key for b in corpus.bulletins]
    key = corpus.bulletins[0].key
    db.set_annotation_terms(key, ["urgente"], "")
    assert db.search("#urgente") == [key]
    other = CorpusDB.open([sample_corpus_path()], tmp_path)
    assert other.search("#urgente") == []  # tags come from the annotation store, never saved
