"""`Sentences.around` gives what `sentence_around` gives, for any span of any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from boletin_tui.corpus import load_corpus, sample_corpus_path
from boletin_tui.entities.sentences import Sentences, sentence_around

_TEXT = st.text(alphabet=list("ab 1.!?\nNoDr\u00fam"), max_size=60)


@given(_TEXT, st.data())
def test_around_matches_sentence_around(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert Sentences(text).around(start, end) == sentence_around(text, start, end)


def test_around_matches_on_every_figure_of_the_sample():
    from boletin_tui.entities import recognise

    checked = 0
    for bulletin in load_corpus([sample_corpus_path()], use_cache=False).bulletins:
        sentences = Sentences(bulletin.text)
        for m in recognise(bulletin.text):
            expected = sentence_around(bulletin.text, m.start, m.end)
            assert sentences.around(m.start, m.end) == expected
            checked += 1
    assert checked > 100
