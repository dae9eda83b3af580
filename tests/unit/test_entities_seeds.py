"""The recogniser on the five real seed bulletins, scored against their gold mentions."""

from pathlib import Path

import pytest

from boletin_tui.corpus import parse_file
from boletin_tui.entities import recognise_bulletin
from boletin_tui.entities.evaluate import evaluate

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
GOLD = SEEDS / "entities.json"

pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(
        not GOLD.is_file(),
        reason=f"../shared/seeds is absent ({SEEDS}): real-bulletin tests need it",
    ),
]

TARGETS = {"PERSON": 0.95, "FIGURE": 0.95, "PLACE": 0.90, "ORG": 0.85}


@pytest.fixture(scope="module")
def scores():
    result, problems = evaluate(GOLD, SEEDS)
    assert problems == []
    return result


@pytest.mark.parametrize(("kind", "target"), TARGETS.items())
def test_f1_targets(scores, kind, target):
    assert scores[kind].f1 >= target, (scores[kind].missed, scores[kind].spurious)


def test_offsets_index_the_bulletin_text():
    for path in sorted(SEEDS.glob("0*.txt")):
        bulletin = parse_file(path)
        mentions = recognise_bulletin(bulletin)
        assert mentions, path.name
        assert all(bulletin.text[m.start : m.end] == m.text for m in mentions)
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


def test_short_forms_share_one_entity():
    bulletin = parse_file(SEEDS / "000_b650dbedce7b1b2c.txt")
    people = {m.text: m.entity for m in recognise_bulletin(bulletin) if m.type == "PERSON"}
    assert people["Zoé Robledo"] == people["Zoé Robledo Aburto"] == "Zoé Robledo Aburto"
