"""The recogniser's fast paths agree with the plain code they replace.

The scan reads character classes from translated bytes instead of running regular
expressions over the text, dates are tried only where words begin, overlaps are resolved
group by group, and mentions are built without the dataclass `__init__`. Each is checked here
against the straightforward version, on generated texts that include the awkward characters
(letters and digits beyond Latin-1, `?`, emoji).
"""

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boletin_tui.entities.dates import DATE_RE, _matches_over
from boletin_tui.entities.figures import _STEMS
from boletin_tui.entities.model import Mention, new_mention
from boletin_tui.entities.numerals import number_value, parse_number
from boletin_tui.entities.scan import is_word_char, scan
from boletin_tui.entities.spans import Occupancy, keep_best

# Characters that exercise every class: capitals (with accents), lower case, digits (also
# Arabic-Indic and full-width, which `\d` matches), letters beyond Latin-1 (`Ł`, `ω`), numerals
# that are not decimal (`²`, `½`), hyphens, `?`, quotes, an emoji and white space.
ALPHABET = "AÁÉÑZaáñzdeosuntrmil019٣５²½Łłωß_-/$?.,“”😀 \n"
WORDS = [
    "un",
    "una",
    "dos",
    "tres",
    "mil",
    "Mil",
    "cien",
    "unidad",
    "dosis",
    "marzo",
    "MARZO",
    "de",
    "del",
    "2020",
    "15",
    "al",
    "enero",
    "Ciudad",
    "México",
    "Łódź",
    "٣",
    "X-1",
    "3/4",
    "-",
    "“",
    "?",
]
texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=80),
    st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join),
)


def _reference_words(text):
    at_word: dict[str, list[int]] = {}
    for m in re.finditer(r"[A-ZÁÉÍÓÚÜÑ][\w\-]*", text):
        at_word.setdefault(m.group(), []).append(m.start())
    return at_word


def _reference_digits(text):
    return [m.start() for m in re.finditer(r"\d+", text)] + [
        i for i, ch in enumerate(text) if ch == "$"
    ]


def _reference_word_starts(text, stems):
    out = []
    for stem in stems:
        pos = text.find(stem)
        while pos != -1:
            if pos == 0 or not is_word_char(text[pos - 1]):
                out.append(pos)
            pos = text.find(stem, pos + 1)
    return sorted(out)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_scan_matches_the_regular_expressions(text):
    found = scan(text)
    assert found.at_word == _reference_words(text)
    assert found.digits == _reference_digits(text)
    assert sorted(found.word_starts(_STEMS)) == _reference_word_starts(text, _STEMS)
    assert len(found.classes) == len(text)
    for i, ch in enumerate(text):
        assert (found.classes[i] != b" "[0]) == is_word_char(ch)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "el 3 de marzo de 2020",
                "del 1 al 5 de mayo",
                "de junio a",
                "julio",
                "2021",
                "15",
                "de",
                "abril de 2019",
                "x",
                "lunes",
                "2020 pesos",
                "-",
                "/",
                "MARZO DE",
                "Ω",
            ]
        ),
        max_size=20,
    )
)
def test_dates_are_tried_where_finditer_would_find_them(parts):
    text = " ".join(parts)
    found = scan(text)
    for anchor in range(len(text)):
        low, high = max(0, anchor - 40), min(len(text), anchor + 50)
        expected = [
            m.span() for m in DATE_RE.finditer(text, low, high) if m.start() <= anchor < m.end()
        ]
        assert [m.span() for m in _matches_over(found, anchor)] == expected


def _greedy(items, rank):
    kept, taken = [], Occupancy(200)
    for item in sorted(items, key=rank):
        if taken.free(item[0], item[1]):
            kept.append(item)
            taken.mark(item[0], item[1])
    return kept


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12), st.integers(0, 3)), max_size=30))
def test_keep_best_equals_ranking_everything(raw):
    items = [(start, start + length, tag) for start, length, tag in raw]
    rank = lambda item: (item[0] - item[1], item[2], item[0])  # noqa: E731
    assert sorted(keep_best(items, rank)) == sorted(_greedy(items, rank))


@pytest.mark.parametrize(
    "args",
    [
        ("FIGURE", "86.3%", 4, 9, 86.3, "%", "más de", None),
        ("PERSON", "Robledo", 0, 7, None, None, None, "Zoé Robledo Aburto"),
    ],
)
def test_new_mention_is_a_mention(args):
    fast, plain = new_mention(*args), Mention(*args)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 1  # type: ignore[misc]  # the point: it is read-only


@pytest.mark.parametrize("num", ["0", "7", "45", "2024", "123456789012345678901", "٣"])
@pytest.mark.parametrize(("unit", "factor"), [("", 1), (" mdp", 1_000_000), ("%", 1)])
def test_number_value_of_plain_digits(num, unit, factor):
    value = number_value(num, factor)
    assert value == parse_number(num + unit)
    assert type(value) is type(parse_number(num + unit))
