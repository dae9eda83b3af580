"""Score the recogniser against a gold file: precision, recall and F1 per type.

    python -m boletin_tui.entities.evaluate [--gold FILE] [--dir DIR] [--verbose]

The gold file maps a bulletin file name to `{"PERSON": [...], "ORG": [...], "PLACE": [...],
"FIGURE": [...]}` (keys starting with `_` are ignored). Scoring is mention-level and matches
surface strings as a multiset per bulletin (ENTITIES.md). Defaults: `../shared/seeds/entities.json`
relative to the current directory, and the gold file's own folder for the bulletins.

Nouns of figures (`entities/nouns.py`) are scored when the gold lists them, under `_figures`
or `_mentions` (records with `text`, `noun`, and `type` `FIGURE` if a type is given): each gold
figure is paired with the predicted figure of the same surface text and the same occurrence
number (the second `dos` with the second `dos`), and the noun must match exactly (`null` with
None). The `sustantivo` line gives that accuracy over all gold figures (a figure the recogniser
missed counts as wrong) and over the figures it found.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from boletin_tui.corpus import Bulletin
from boletin_tui.entities.recognise import recognise_bulletin

DEFAULT_GOLD = Path("..") / "shared" / "seeds" / "entities.json"


@dataclass
class Score:
    """Counts for one type; `missed`/`spurious` keep (file, text) pairs for reports."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_bulletin(
    name: str, gold: dict[str, list[str]], predicted: dict[str, list[str]], scores: dict[str, Score]
) -> None:
    """Add one bulletin's multiset comparison to `scores`, type by type (gold's types)."""
    for kind, wanted in gold.items():
        if kind.startswith("_"):
            continue
        want, got = Counter(wanted), Counter(predicted.get(kind, []))
        s = scores.setdefault(kind, Score())
        s.tp += sum((want & got).values())
        for text, n in (want - got).items():
            s.fn += n
            s.missed += [(name, text)] * n
        for text, n in (got - want).items():
            s.fp += n
            s.spurious += [(name, text)] * n


@dataclass
class NounScore:
    """Noun accuracy: `right` of `found` gold figures the recogniser also found, of `total`."""

    right: int = 0
    found: int = 0
    total: int = 0
    wrong: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    @property
    def accuracy_found(self) -> float:
        return self.right / self.found if self.found else 1.0


def gold_nouns(entry: dict) -> list[tuple[str, str | None]] | None:
    """(figure text, noun) in order from a gold entry's `_figures` or `_mentions`, or None."""
    records = entry.get("_figures") or entry.get("_mentions")
    if not isinstance(records, list):
        return None
    out = []
    for r in records:
        if isinstance(r, dict) and r.get("type", "FIGURE") == "FIGURE" and "noun" in r:
            out.append((str(r["text"]), r["noun"]))
    return out or None


def score_nouns(
    name: str,
    gold: list[tuple[str, str | None]],
    predicted: list[tuple[str, str | None]],
    score: NounScore,
) -> None:
    """Pair gold and predicted figures by (text, occurrence) and count exact noun matches."""
    seen: Counter[str] = Counter()
    by_occurrence: dict[tuple[str, int], str | None] = {}
    for text, noun in predicted:
        by_occurrence[(text, seen[text])] = noun
        seen[text] += 1
    seen.clear()
    for text, noun in gold:
        key = (text, seen[text])
        seen[text] += 1
        score.total += 1
        if key not in by_occurrence:
            score.wrong.append((name, text, noun, "(cifra no encontrada)"))
            continue
        score.found += 1
        if by_occurrence[key] == noun:
            score.right += 1
        else:
            score.wrong.append((name, text, noun, by_occurrence[key]))


def evaluate(gold_path: Path, folder: Path) -> tuple[dict[str, Score], list[str]]:
    """Scores per type, and the gold entries whose bulletin could not be read."""
    scores, _, problems = evaluate_all(gold_path, folder)
    return scores, problems


def evaluate_all(gold_path: Path, folder: Path) -> tuple[dict[str, Score], NounScore, list[str]]:
    """Scores per type, the noun score, and the gold entries whose bulletin could not be
    read."""
    from boletin_tui.corpus import parse_file  # the corpus package, only when evaluating

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    scores: dict[str, Score] = {}
    nouns = NounScore()
    problems: list[str] = []
    for name, entry in gold.items():
        if name.startswith("_"):
            continue
        bulletin = parse_file(folder / name)
        if not isinstance(bulletin, Bulletin):
            problems.append(f"{name}: {getattr(bulletin, 'reason', 'no se pudo leer')}")
            continue
        predicted: dict[str, list[str]] = {}
        mentions = recognise_bulletin(bulletin)
        for m in mentions:
            predicted.setdefault(m.type, []).append(m.text)
        score_bulletin(name, entry, predicted, scores)
        wanted = gold_nouns(entry)
        if wanted:
            got = [(m.text, m.noun) for m in mentions if m.type == "FIGURE"]
            score_nouns(name, wanted, got, nouns)
    return scores, nouns, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m boletin_tui.entities.evaluate",
        description="Puntúa el reconocedor contra un archivo de referencia.",
    )
    parser.add_argument(
        "--gold", type=Path, default=DEFAULT_GOLD, help="archivo JSON de referencia"
    )
    parser.add_argument("--dir", type=Path, default=None, help="carpeta de los boletines")
    parser.add_argument("--verbose", "-v", action="store_true", help="lista omisiones y sobrantes")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        print(f"no existe el archivo de referencia: {args.gold}", file=sys.stderr)
        return 2
    scores, nouns, problems = evaluate_all(args.gold, args.dir or args.gold.parent)
    for problem in problems:
        print(f"omitido: {problem}", file=sys.stderr)
    print(f"{'tipo':8} {'P':>6} {'R':>6} {'F1':>6} {'acier.':>7} {'sobr.':>6} {'omit.':>6}")
    total = Score()
    for kind, s in scores.items():
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        print(
            f"{kind:8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:7d} {s.fp:6d} {s.fn:6d}"
        )
    print(
        f"{'todo':8} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f} "
        f"{total.tp:7d} {total.fp:6d} {total.fn:6d}"
    )
    if nouns.total:
        print(
            f"sustantivo de cifra: {nouns.accuracy:.3f} ({nouns.right}/{nouns.total}); "
            f"{nouns.accuracy_found:.3f} sobre las {nouns.found} cifras encontradas"
        )
    if args.verbose:
        for name, text, want, got in nouns.wrong:
            print(f"sustantivo {name}: {text}: esperado {want!r}, obtenido {got!r}")
        for kind, s in scores.items():
            for name, text in s.missed:
                print(f"omitido   {kind:7} {name}: {text}")
            for name, text in s.spurious:
                print(f"sobrante  {kind:7} {name}: {text}")
    return 0 if not problems else 1


if __name__ == "__main__":
    raise SystemExit(main())
