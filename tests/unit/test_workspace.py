"""The workspace: the app's state and its rules, without Textual."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from boletin_tui.corpus import sample_corpus_path
from boletin_tui.corpusdb import CorpusDB
from boletin_tui.corpusdb.view import CorpusView
from boletin_tui.store import Annotation, AnnotationStore
from boletin_tui.workspace import SearchNotReady, Workspace

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus(tmp_path):
    """A view of the sample corpus's database once every file was read."""
    db = CorpusDB.open([sample_corpus_path()], tmp_path / "cache")
    db.sync()
    yield CorpusView.read(db, complete=True)
    db.close()


@pytest.fixture
def store(tmp_path):
    with AnnotationStore(tmp_path / "db.json", "pruebas") as s:
        yield s


def test_it_does_not_import_textual():
    code = "import sys, boletin_tui.workspace; print('textual' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip() == "False"


def test_tags_fold_case_and_drop_tags_no_longer_used(store, corpus):
    ws = Workspace.from_annotations([])
    ws.set_corpus(corpus)
    first, second = corpus.keys[0], corpus.keys[1]
    for write in (ws.add_tags(first, ["Salud"]), ws.add_tags(second, ["salud", "costa"])):
        change = ws.saved(write, write.apply(store))
        assert change.annotated and change.tags_changed
    assert ws.tags == ["Salud", "costa"]  # one spelling per tag, most used first
    write = ws.remove_tag(second, "costa")
    change = ws.saved(write, write.apply(store))
    assert ws.tags == ["Salud"] and change.tags_changed
    assert ws.annotation(second).tags == ("salud",)


def test_a_write_is_pending_until_saved_or_failed(store):
    ws = Workspace.from_annotations([])
    write = ws.set_note("119/2020", "revisar")
    assert ws.pending == [write]
    change = ws.saved(write, write.apply(store))
    assert ws.pending == [] and change.note == "revisar" and change.annotated
    other = ws.set_note("119/2020", "")
    assert ws.failed(other, OSError("disco lleno"))  # kept to retry (issue 12 #1)
    assert ws.pending == [other] and ws.pending_note("119/2020") == ""
    assert ws.annotation("119/2020").note == "revisar"


def test_removing_the_last_tag_and_note_unmarks_the_bulletin(store):
    ws = Workspace.from_annotations([])
    write = ws.add_tags("119/2020", ["uno"])
    ws.saved(write, write.apply(store))
    write = ws.remove_tag("119/2020", "uno")
    change = ws.saved(write, write.apply(store))
    assert not change.annotated and ws.annotated_keys() == set() and ws.tags == []


def test_search_waits_for_the_index_then_sees_annotations(store, corpus):
    key, known = corpus.keys[2], corpus.keys[3]
    ws = Workspace.from_annotations([Annotation(known, ("vieja",))])
    ws.set_corpus(corpus)
    with pytest.raises(SearchNotReady):
        ws.search("#faro")
    ws.set_index(corpus.db)
    write = ws.add_tags(key, ["faro"])
    ws.saved(write, write.apply(store))
    assert ws.search("#faro") == [key]
    assert ws.search("#vieja") == [known]  # annotations known before the index was built


def test_a_view_of_the_database_then_a_newer_one(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(sample_corpus_path(), folder)
    db = CorpusDB.open([folder], tmp_path / "cache")
    db.sync()
    ws = Workspace.from_annotations([])
    assert ws.set_corpus(CorpusView.read(db)) is False and not ws.loaded
    key = ws.keys[0]
    full = ws.bulletin(key)  # one text, read from the database
    assert full is not None and full.key == key and full.paragraphs
    assert ws.bulletin(key) is full  # kept while it is near
    assert ws.set_corpus(CorpusView.read(db, complete=True)) is True and ws.loaded
    for source in full.sources:
        Path(source).unlink()
    db.sync()
    assert ws.set_corpus(CorpusView.read(db, complete=True)) is False  # a bulletin went
    assert not ws.has(key) and ws.bulletin(key) is None and ws.count == len(ws.keys)
    assert ws.bulletin("999/1999") is None and ws.bulletin(None) is None
    db.close()
