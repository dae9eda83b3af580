"""Agreement figures: published examples with their stated values, and one computed by hand."""

from __future__ import annotations

import pytest

from boletin_tui.store.agreement import (
    agreement_report,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
)


def test_cohen_published_example():
    # Wikipedia, "Cohen's kappa", worked example: 50 grant proposals read by two readers;
    # both "yes" 20, A yes / B no 5, A no / B yes 10, both "no" 15. Stated: p_o = 0.7,
    # p_e = 0.5, kappa = 0.4.
    k = cohen_kappa([[20, 5], [10, 15]])
    assert k.observed == pytest.approx(0.7)
    assert k.expected == pytest.approx(0.5)
    assert k.value == pytest.approx(0.4)


def test_fleiss_published_example():
    # Fleiss (1971), as worked in Wikipedia's "Fleiss' kappa": 14 raters, 10 subjects,
    # 5 categories. Stated: P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210.
    counts = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    k = fleiss_kappa(counts)
    assert k.observed == pytest.approx(0.378, abs=5e-4)
    assert k.expected == pytest.approx(0.213, abs=5e-4)
    assert k.value == pytest.approx(0.210, abs=5e-4)


def test_krippendorff_published_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the nominal example:
    # 4 observers, 12 units, with missing values. Stated: alpha (nominal) = 0.743.
    n = None
    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n]
    b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3]
    c = [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n]
    d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]
    units = list(zip(a, b, c, d, strict=True))
    assert krippendorff_alpha(units) == pytest.approx(0.743, abs=5e-4)


def test_fleiss_rows_must_have_the_same_raters():
    with pytest.raises(ValueError):
        fleiss_kappa([[1, 1], [2, 1]])


def test_hand_computed_two_annotators():
    # Five bulletins. ana: 1 salud; 2 salud, vacunas; 3 vacunas; 4 (note only); 5 salud.
    #                 luis: 1 Salud; 2 salud;        3 (nothing); 4 vacunas;   5 salud.
    # Bulletin 6 only ana annotated: left out.
    ana = {
        "001/2020": ["salud"],
        "002/2020": ["salud", "vacunas"],
        "003/2020": ["vacunas"],
        "004/2020": [],
        "005/2020": ["salud"],
        "006/2020": ["salud"],
    }
    luis = {
        "001/2020": ["Salud"],
        "002/2020": ["salud"],
        "003/2020": [],
        "004/2020": ["vacunas"],
        "005/2020": ["salud"],
    }
    report = agreement_report([ana, luis])
    assert report.method == "cohen"
    assert report.keys == ("001/2020", "002/2020", "003/2020", "004/2020", "005/2020")
    salud, vacunas = report.tags
    # salud: both on 1, 2, 5 -> table [[3, 0], [0, 2]]; p_o = 1, p_e = .6*.6 + .4*.4 = .52;
    # kappa = (1 - .52) / (1 - .52) = 1.
    assert salud.tag == "salud" and salud.table == ((3, 0), (0, 2))
    assert salud.kappa.expected == pytest.approx(0.52)
    assert salud.kappa.value == pytest.approx(1.0)
    # vacunas: ana on 2, 3; luis on 4 -> table [[0, 2], [1, 2]]; p_o = 2/5 = .4;
    # p_e = (2/5)(1/5) + (3/5)(4/5) = .08 + .48 = .56; kappa = (.4 - .56) / .44 = -4/11.
    assert vacunas.table == ((0, 2), (1, 2))
    assert vacunas.kappa.observed == pytest.approx(0.4)
    assert vacunas.kappa.expected == pytest.approx(0.56)
    assert vacunas.kappa.value == pytest.approx(-4 / 11)
    # alpha, vacunas: 10 values, 3 yes / 7 no; units 2, 3, 4 disagree -> o(yes,no) = 3;
    # alpha = 1 - (10 - 1) * 6 / (2 * 3 * 7) = 1 - 54/42 = -2/7.
    assert vacunas.alpha == pytest.approx(-2 / 7)
    # Overall pools the 10 (bulletin, tag) items: table [[3, 2], [1, 4]]; p_o = .7;
    # p_e = .5 * .4 + .5 * .6 = .5; kappa = .4.
    assert report.overall.table == ((3, 2), (1, 4))
    assert report.overall.kappa.value == pytest.approx(0.4)
    assert [d.key for d in report.disagreements] == ["002/2020", "003/2020", "004/2020"]
    assert report.disagreements[0].disputed == ("vacunas",)
    assert report.disagreements[0].tags == (("salud", "vacunas"), ("salud",))


def test_three_annotators_use_fleiss_and_one_tag():
    a = {"1/2020": ["x"], "2/2020": ["x"], "3/2020": []}
    b = {"1/2020": ["x"], "2/2020": [], "3/2020": []}
    c = {"1/2020": ["X", "y"], "2/2020": [], "3/2020": ["y"]}
    report = agreement_report([a, b, c], tag="x")
    assert report.method == "fleiss"
    (x,) = report.tags
    # Items (yes, no) counts: (3, 0), (1, 2), (0, 3). P_i = 1, 1/3, 1 -> P = 7/9;
    # p_yes = 4/9, p_no = 5/9 -> P_e = 41/81; kappa = (63/81 - 41/81) / (40/81) = 22/40.
    assert x.votes == (1, 1, 0, 1)
    assert x.kappa.value == pytest.approx(22 / 40)
    assert [d.key for d in report.disagreements] == ["2/2020"]


def test_undefined_when_nobody_uses_the_tag():
    report = agreement_report([{"1/2020": ["a"]}, {"1/2020": ["a"]}], tag="b")
    assert report.tags[0].kappa.value is None
    assert report.tags[0].alpha is None


def test_needs_two_annotators():
    with pytest.raises(ValueError):
        agreement_report([{"1/2020": ["a"]}])
