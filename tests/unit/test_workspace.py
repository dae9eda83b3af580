"""The workspace: the app's state and its rules, without Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from boletin_tui.corpus import load_corpus, load_outline, sample_corpus_path
from boletin_tui.search import SearchIndex
from boletin_tui.store import Annotation, AnnotationStore
from boletin_tui.workspace import SearchNotReady, Workspace

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([sample_corpus_path()], use_cache=False)


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
    first, second = corpus.bulletins[0].key, corpus.bulletins[1].key
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
    key, known = corpus.bulletins[2].key, corpus.bulletins[3].key
    ws = Workspace.from_annotations([Annotation(known, ("vieja",))])
    ws.set_corpus(corpus)
    with pytest.raises(SearchNotReady):
        ws.search("#faro")
    ws.set_index(SearchIndex(corpus.bulletins))
    write = ws.add_tags(key, ["faro"])
    ws.saved(write, write.apply(store))
    assert ws.search("#faro") == [key]
    assert ws.search("#vieja") == [known]  # annotations known before the index was built


def test_an_outline_then_its_texts(tmp_path, corpus):
    load_corpus([sample_corpus_path()], cache_dir=tmp_path)
    outline = load_outline([sample_corpus_path()], cache_dir=tmp_path, verify=False)
    assert outline is not None and not outline.complete
    ws = Workspace.from_annotations([])
    assert ws.set_corpus(outline) is False and not ws.loaded
    key = outline.bulletins[0].key
    full = ws.bulletin(key)  # read from its file while only the outline is loaded
    assert full is not None and full.paragraphs
    assert ws.set_corpus(corpus) is True and ws.loaded  # same keys: nothing visible changes
    assert ws.bulletin(key) is corpus.by_key()[key]
    assert ws.bulletin("999/1999") is None and ws.bulletin(None) is None
