"""A tag filter matches the whole tag (folded), wherever it sits in the query.

`#salud` lists the bulletins tagged `salud`, never those tagged only `salud mental` or
`saludable`, also as the last term being typed: the list is what `T` tags or untags.
"""

from __future__ import annotations

import datetime as dt

import pytest

from boletin_tui.corpus.model import Bulletin
from boletin_tui.corpusdb import CorpusDB
from boletin_tui.search.query import Filter, Term, parse


def make(key: str, title: str, text: str) -> Bulletin:
    return Bulletin(
        key=key,
        number=key,
        kind="BOLETÍN DE PRENSA",
        date=dt.date(2024, 5, 1),
        city=None,
        dateline=None,
        title=title,
        highlights=(),
        paragraphs=(text,),
        links=(),
        sources=(f"{key}.txt",),
        content_hash="x" + key,
    )


@pytest.fixture
def index() -> CorpusDB:
    db = CorpusDB.of(
        [
            make("493/2024", "Jornada de vacunación", "Campaña en Nayarit."),
            make("257/2024", "Atención psicológica", "Módulos en Nayarit."),
            make("300/2024", "Comida sana", "Recetas del IMSS."),
            make("301/2024", "Sin etiquetas", "Otro texto."),
        ]
    )
    db.set_annotation_terms("493/2024", ["Salud"], "")
    db.set_annotation_terms("257/2024", ["salud mental"], "")
    db.set_annotation_terms("300/2024", ["saludable", "verificar cifra"], "")
    return db


@pytest.mark.parametrize(
    "query",
    ["#salud", "#salud ", "#SALÚD", '#"salud"', "tag:salud", "etiqueta:salud", "etiqueta:salud "],
)
def test_a_tag_is_matched_whole_as_the_last_term(index, query):
    assert index.search(query) == ["493/2024"]


def test_a_tag_is_matched_whole_wherever_it_sits(index):
    assert index.search("#salud nayarit") == ["493/2024"]
    assert index.search("nayarit #salud") == ["493/2024"]
    assert index.search("nayarit #salud ") == ["493/2024"]
    assert index.search("-#salud nayarit") == ["257/2024"]
    assert index.search("#salud OR #saludable") == ["493/2024", "300/2024"]


def test_a_tag_with_spaces_is_matched_whole(index):
    assert index.search('#"salud mental"') == ["257/2024"]
    assert index.search('#"salud mental') == ["257/2024"]  # closing quote not typed yet
    assert index.search('#"salud me') == []
    assert index.search("#verificar") == []
    assert index.search('#"verificar cifra"') == ["300/2024"]


def test_a_partly_typed_tag_lists_nothing_yet(index):
    assert index.search("#sal") == []
    assert index.search("#salu") == []


def test_the_compiled_tag_filter_is_never_a_prefix():
    whole = Filter("tag", Term("salud", prefix=False))
    for query in ("#salud", "#salud ", "tag:Salud", "etiqueta:salud", '#"salud"'):
        assert parse(query).root == whole, query


def test_years_and_months_are_still_prefixes_while_typed():
    assert parse("año:202").root == Filter("year", Term("202", prefix=True))
    assert parse("año:202 ").root == Filter("year", Term("202", prefix=False))
