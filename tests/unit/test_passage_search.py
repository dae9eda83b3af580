"""A bulletin is found by its passages' tags and notes, as by its own (and `anotado:`)."""

from __future__ import annotations

import pytest

from boletin_tui.corpus import sample_corpus_path
from boletin_tui.corpusdb import CorpusDB
from boletin_tui.corpusdb.view import CorpusView
from boletin_tui.store import AnnotationStore
from boletin_tui.undo import History
from boletin_tui.workspace import Workspace


@pytest.fixture
def corpus(tmp_path):
    db = CorpusDB.open([sample_corpus_path()], tmp_path / "cache")
    db.sync()
    yield CorpusView.read(db, complete=True)
    db.close()


@pytest.fixture
def history(tmp_path):
    with AnnotationStore(tmp_path / "db.json", "pruebas") as store:
        yield History(store)


def saved(ws: Workspace, write, history: History) -> None:
    ws.saved(write, write.apply(history))


def first_sentence(ws: Workspace, key: str) -> tuple[str, int, int]:
    text = ws.bulletin(key).text
    return text, 0, text.index("\n")


def test_passage_tags_and_notes_find_their_bulletin_through_every_change(corpus, history):
    ws = Workspace.from_annotations([])
    ws.set_corpus(corpus)
    ws.set_index(corpus.db)
    key, other = corpus.keys[1], corpus.keys[2]
    assert ws.search("#verificar") == [] and ws.search("zarzaparrilla") == []

    saved(
        ws, ws.add_passage(key, *first_sentence(ws, key), ["Verificar"], "Zarzaparrilla"), history
    )
    assert list(ws.search("#verificar")) == [key]
    assert list(ws.search("etiqueta:verif")) == []  # the whole tag, as for bulletin tags
    assert list(ws.search("zarzaparrilla")) == [key]  # a word of the passage's note
    assert key in ws.search("anotado:sí") and key not in ws.search("anotado:no")

    saved(ws, ws.add_tags(key, ["salud"]), history)  # the bulletin's own tag: both count
    assert list(ws.search("#salud #verificar")) == [key]
    [passage] = ws.annotation(key).passages
    saved(ws, ws.update_passage(key, passage.id, ["cifras"], "otra cosa"), history)
    assert ws.search("#verificar") == [] and ws.search("zarzaparrilla") == []
    assert list(ws.search("#cifras otra")) == [key]

    saved(ws, ws.undo(), history)  # the edit undone: the old tag and note are back
    assert list(ws.search("#verificar zarzaparrilla")) == [key] and ws.search("#cifras") == []

    saved(ws, ws.delete_passage(key, passage.id), history)
    assert ws.search("#verificar") == [] and ws.search("zarzaparrilla") == []
    assert list(ws.search("#salud")) == [key]  # the bulletin's tag stays
    saved(ws, ws.remove_tag(key, "salud"), history)
    assert key not in ws.search("anotado:sí") and key in ws.search("anotado:no")

    saved(ws, ws.undo(), history)  # the tag back
    saved(ws, ws.undo(), history)  # the passage back
    assert list(ws.search("#verificar")) == [key] and other not in ws.search("#verificar")


def test_passages_known_at_launch_and_arriving_by_reload_are_searched(corpus, tmp_path):
    key, theirs = corpus.keys[0], corpus.keys[3]
    with AnnotationStore(tmp_path / "ours.json", "ana") as store:
        text = corpus.db.bulletin(key).text
        store.add_passage(key, text, 0, text.index("\n"), ["verificar"], "")
        ours = store.all()
    ws = Workspace.from_annotations(ours)
    ws.set_corpus(corpus)
    ws.set_index(corpus.db)  # at launch
    assert list(ws.search("#verificar")) == [key]

    with AnnotationStore(tmp_path / "theirs.json", "beto") as store:  # another member's file
        text = corpus.db.bulletin(theirs).text
        store.add_passage(theirs, text, 0, text.index("\n"), [], "Zarzaparrilla en la cifra")
        incoming = store.all()
    changed = ws.reload([*ours, *incoming])
    assert changed == [theirs]
    assert list(ws.search("zarzaparrilla")) == [theirs]
    ws.reload(incoming)  # our passage gone from the file
    assert ws.search("#verificar") == []


def test_a_bulletin_whose_only_annotation_is_a_bare_passage_counts_as_annotated(corpus, history):
    ws = Workspace.from_annotations([])
    ws.set_corpus(corpus)
    ws.set_index(corpus.db)
    key = corpus.keys[1]
    saved(ws, ws.add_passage(key, *first_sentence(ws, key), [], ""), history)
    assert list(ws.search("anotado:sí")) == [key] and key not in ws.search("anotado:no")
    [passage] = ws.annotation(key).passages
    saved(ws, ws.delete_passage(key, passage.id), history)
    assert ws.search("anotado:sí") == [] and key in ws.search("anotado:no")


def test_a_marked_key_counts_as_annotated_without_tags_or_words(corpus):
    db = corpus.db
    first, second = corpus.keys[0], corpus.keys[1]
    db.set_annotations([(first, [], "", True), (second, ["uno"], "", False)])
    assert list(db.search("anotado:sí")) == sorted([first, second], key=corpus.keys.index)
    db.set_annotation_terms(first, [], "")  # not marked any more: nothing left
    assert list(db.search("anotado:sí")) == [second]
    db.set_annotation_terms(second, [], "?", marked=True)  # a note without words
    assert list(db.search("anotado:sí")) == [second] and db.search("#uno") == []
