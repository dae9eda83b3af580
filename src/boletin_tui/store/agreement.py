"""How far annotators agree on tags: Cohen's kappa, Fleiss' kappa, Krippendorff's alpha.

Pure functions, no I/O. Each tag is a yes/no question asked of every bulletin that all the
annotators annotated (1 = the annotator gave the bulletin the tag, 0 = not); tags are the same
ignoring case. "Overall" pools every (bulletin, tag) pair into one set of items.

Formulas (n items, categories c, k):

- Cohen's kappa, two raters, from their agreement table `t[c][k]` (items rater A put in c and
  rater B in k): `p_o = sum_c t[c][c] / n`, `p_e = sum_c (row_c / n) * (col_c / n)`,
  `kappa = (p_o - p_e) / (1 - p_e)` (Cohen 1960).
- Fleiss' kappa, m >= 2 raters, from `n[i][c]` (raters who put item i in c; every row sums to
  m): `P_i = (sum_c n[i][c]^2 - m) / (m (m - 1))`, `P = mean_i P_i`,
  `p_c = sum_i n[i][c] / (N m)`, `P_e = sum_c p_c^2`, `kappa = (P - P_e) / (1 - P_e)`
  (Fleiss 1971).
- Krippendorff's alpha, nominal, missing values allowed: from the coincidence matrix
  `o[c][k] = sum_u pairs_u(c, k) / (m_u - 1)` (ordered pairs of values from different coders
  of unit u, over units with m_u >= 2 values), `n_c = sum_k o[c][k]`, `n = sum_c n_c`:
  `alpha = 1 - (n - 1) * sum_{c != k} o[c][k] / sum_{c != k} n_c n_k` (Krippendorff 2011).

A figure is None when it is undefined: chance agreement is total (`p_e = 1`, e.g. nobody ever
used the tag), or there are no items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from boletin_tui.store.model import normalise_tags


@dataclass(frozen=True, slots=True)
class Kappa:
    """A kappa with the two proportions behind it: observed and chance agreement."""

    value: float | None
    observed: float
    expected: float


def _kappa(observed: float, expected: float) -> Kappa:
    value = None if expected >= 1.0 else (observed - expected) / (1.0 - expected)
    return Kappa(value, observed, expected)


def cohen_kappa(table: Sequence[Sequence[int]]) -> Kappa:
    """Cohen's kappa from a square agreement table (rows: rater A, columns: rater B)."""
    n = sum(map(sum, table))
    if n == 0:
        return Kappa(None, 0.0, 0.0)
    observed = sum(table[c][c] for c in range(len(table))) / n
    cols = [sum(row[c] for row in table) for c in range(len(table))]
    expected = sum(sum(row) * col for row, col in zip(table, cols, strict=True)) / n**2
    return _kappa(observed, expected)


def fleiss_kappa(counts: Sequence[Sequence[int]]) -> Kappa:
    """Fleiss' kappa from per-item category counts (every row sums to the number of raters)."""
    if not counts:
        return Kappa(None, 0.0, 0.0)
    m = sum(counts[0])
    if m < 2 or any(sum(row) != m for row in counts):
        raise ValueError("cada boletín debe tener el mismo número (>= 2) de anotadores")
    items = len(counts)
    observed = sum((sum(x * x for x in row) - m) / (m * (m - 1)) for row in counts) / items
    shares = [sum(row[c] for row in counts) / (items * m) for c in range(len(counts[0]))]
    return _kappa(observed, sum(p * p for p in shares))


def krippendorff_alpha(units: Iterable[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal values; each unit lists its coders' values (None =
    missing). Units with fewer than two values are left out, as the method says."""
    coincidences: Counter[tuple[Hashable, Hashable]] = Counter()
    for unit in units:
        values = Counter(v for v in unit if v is not None)
        m_u = sum(values.values())
        if m_u < 2:
            continue
        for c, n_c in values.items():
            for k, n_k in values.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                coincidences[c, k] += pairs / (m_u - 1)  # type: ignore[assignment]
    totals: Counter[Hashable] = Counter()
    for (c, _), value in coincidences.items():
        totals[c] += value
    n = sum(totals.values())
    disagree = sum(v for (c, k), v in coincidences.items() if c != k)
    chance = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if n <= 1 or chance == 0:
        return None
    return 1.0 - (n - 1) * disagree / chance


@dataclass(frozen=True, slots=True)
class TagAgreement:
    """The figures for one tag (or, with `tag` None, for all tags pooled).

    `table` (two annotators) is the agreement table: `[[both, only A], [only B, neither]]`;
    `votes[v]` is the number of bulletins that exactly `v` annotators gave the tag.
    `kappa` is Cohen's for two annotators, Fleiss' for more.
    """

    tag: str | None
    kappa: Kappa
    alpha: float | None
    votes: tuple[int, ...]
    table: tuple[tuple[int, int], tuple[int, int]] | None


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A bulletin where the annotators differ: the tags some but not all gave it, and each
    annotator's tags (in the order of the annotators)."""

    key: str
    disputed: tuple[str, ...]
    tags: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """Agreement of `len(annotations)` annotators on the `keys` they all annotated."""

    keys: tuple[str, ...]
    method: str  # "cohen" or "fleiss"
    tags: tuple[TagAgreement, ...]
    overall: TagAgreement
    disagreements: tuple[Disagreement, ...]


def _bulletin_order(key: str) -> tuple:
    """Year, then number (`045/2019` before `001/2020`); other keys last, alphabetically."""
    number, _, year = key.partition("/")
    if number.isdigit() and year[:4].isdigit():
        return (0, int(year[:4]), int(number), key)
    return (1, 0, 0, key)


def tag_agreement(tag: str | None, answers: Sequence[Sequence[bool]]) -> TagAgreement:
    """Figures for yes/no `answers[item][annotator]` (every item has every annotator)."""
    raters = len(answers[0]) if answers else 0
    votes = [0] * (raters + 1)
    for row in answers:
        votes[sum(row)] += 1
    table = None
    if raters == 2:
        cell = Counter((a, b) for a, b in answers)
        table = ((cell[True, True], cell[True, False]), (cell[False, True], cell[False, False]))
        kappa = cohen_kappa(table)
    else:
        kappa = fleiss_kappa([(sum(row), raters - sum(row)) for row in answers])
    alpha = krippendorff_alpha(answers)
    return TagAgreement(tag, kappa, alpha, tuple(votes), table)


def agreement_report(
    annotations: Sequence[Mapping[str, Iterable[str]]], tag: str | None = None
) -> AgreementReport:
    """Agreement of annotators given as `{bulletin key: tags}` each (two or more), over the
    bulletins in all of them; only `tag` (ignoring case) if given. Raises `ValueError` for
    fewer than two annotators."""
    if len(annotations) < 2:
        raise ValueError("hacen falta al menos dos anotadores")
    keys = sorted(set.intersection(*(set(a) for a in annotations)), key=_bulletin_order)
    tag_sets = [{k: normalise_tags(a[k]) for k in keys} for a in annotations]
    spelling: dict[str, str] = {}
    for sets in tag_sets:
        for tags in sets.values():
            for t in tags:
                spelling.setdefault(t.casefold(), t)
    if tag is not None:
        wanted = normalise_tags([tag])
        folded = wanted[0].casefold() if wanted else ""
        spelling = {folded: spelling.get(folded, wanted[0] if wanted else tag)}
    folded_sets = [{k: {t.casefold() for t in tags} for k, tags in s.items()} for s in tag_sets]
    per_tag, pooled = [], []
    for folded in sorted(spelling):
        answers = [[folded in s[k] for s in folded_sets] for k in keys]
        per_tag.append(tag_agreement(spelling[folded], answers))
        pooled.extend(answers)
    disagreements = []
    for k in keys:
        disputed = [
            spelling[f]
            for f in sorted(spelling)
            if 0 < sum(f in s[k] for s in folded_sets) < len(folded_sets)
        ]
        if disputed:
            chosen = tuple(tuple(t for t in s[k] if t.casefold() in spelling) for s in tag_sets)
            disagreements.append(Disagreement(k, tuple(disputed), chosen))
    disagreements.sort(key=lambda d: -len(d.disputed))  # stable: bulletin order among equals
    return AgreementReport(
        keys=tuple(keys),
        method="cohen" if len(annotations) == 2 else "fleiss",
        tags=tuple(per_tag),
        overall=tag_agreement(None, pooled),
        disagreements=tuple(disagreements),
    )
