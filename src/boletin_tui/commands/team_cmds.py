"""`merge-driver`, `git-setup` and `agreement`: annotating as a team, with git.

Exit status: 0 done (merge-driver: merged cleanly); 1 a file is not a valid database or could
not be written (merge-driver: git then keeps the conflict, OURS untouched); 2 bad usage, or
`git-setup` outside a git repository.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from boletin_tui.commands.common import UsageError
from boletin_tui.store.errors import StoreError
from boletin_tui.store.validate import TABLE

if TYPE_CHECKING:  # the store's merging and agreement: imported by the commands using them
    from boletin_tui.store.agreement import AgreementReport, TagAgreement

DRIVER = "boletin-tui"
DRIVER_SETTINGS = (
    (f"merge.{DRIVER}.name", "fusión de bases de anotaciones de boletin-tui"),
    (f"merge.{DRIVER}.driver", "boletin-tui merge-driver %O %A %B"),
)
ATTRIBUTES_LINE = f"annotations/*.json merge={DRIVER}"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("merge-driver", help="fusiona tres versiones de una base (para git)")
    for name, what in (("base", "común"), ("ours", "nuestra (recibe el resultado)")):
        p.add_argument(name, metavar=name.upper(), help=f"versión {what}")
    p.add_argument("theirs", metavar="THEIRS", help="versión que se fusiona")
    p.set_defaults(func=run_merge_driver)

    p = sub.add_parser("git-setup", help="registra el controlador de fusión en este repositorio")
    p.set_defaults(func=run_git_setup)

    p = sub.add_parser("agreement", help="acuerdo entre anotadores (kappa, alfa)")
    p.add_argument("dbs", nargs="+", metavar="DB", help="una base de anotaciones por anotador")
    p.add_argument("--tag", metavar="T", help="solo esta etiqueta")
    p.add_argument("--json", action="store_true", help="salida en JSON")
    p.add_argument("--top", type=int, default=10, metavar="N", help="boletines en desacuerdo")
    p.set_defaults(func=run_agreement)


# -- merge-driver ---------------------------------------------------------------------------
def run_merge_driver(args: argparse.Namespace) -> int:
    from boletin_tui.store.mergefile import merge_files

    try:
        merge_files(Path(args.base), Path(args.ours), Path(args.theirs))
    except StoreError as exc:
        print(f"boletin-tui merge-driver: {_safe(str(exc))} Queda el conflicto.", file=sys.stderr)
        return 1
    return 0


# -- git-setup ------------------------------------------------------------------------------
def _git(*args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    except OSError as exc:
        raise UsageError(f"boletin-tui git-setup: no se pudo ejecutar git ({exc})") from None


def run_git_setup(args: argparse.Namespace) -> int:
    from boletin_tui.store.mergefile import write_atomic

    found = _git("rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise UsageError("boletin-tui git-setup: aquí no hay un repositorio de git")
    top = Path(found.stdout.strip())
    changes = []
    for name, value in DRIVER_SETTINGS:
        if _git("config", "--local", "--get", name).stdout.rstrip("\n") != value:
            done = _git("config", "--local", name, value)
            if done.returncode != 0:
                message = done.stderr.strip() or "git config falló"
                print(f"boletin-tui git-setup: {_safe(message)}", file=sys.stderr)
                return 1
            changes.append(f"registrado en .git/config: {name} = {value}")
    attributes = top / ".gitattributes"
    try:
        text = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
        if ATTRIBUTES_LINE.split() not in [line.split() for line in text.splitlines()]:
            text += ("\n" if text and not text.endswith("\n") else "") + ATTRIBUTES_LINE + "\n"
            write_atomic(attributes, text.encode("utf-8"))
            changes.append(f"añadido a .gitattributes: {ATTRIBUTES_LINE}")
    except (OSError, UnicodeDecodeError, StoreError) as exc:
        print(f"boletin-tui git-setup: {attributes}: {_safe(str(exc))}", file=sys.stderr)
        return 1
    for change in changes:
        print(change[0].upper() + change[1:])
    if not changes:
        print("El controlador de fusión ya estaba registrado; no se cambió nada.")
    else:
        print("Añade .gitattributes a un commit para que el resto del equipo lo use.")
    if shutil.which("boletin-tui") is None:
        print(
            "Aviso: la orden boletin-tui no está en el PATH; git la necesita al fusionar.",
            file=sys.stderr,
        )
    return 0


# -- agreement ------------------------------------------------------------------------------
def _tags_by_key(path: Path) -> tuple[str, dict[str, list[str]]]:
    """Who annotated the database (its most frequent annotator) and its tags per bulletin."""
    from boletin_tui.store.mergefile import read_database

    _, data = read_database(path)
    records = [r for r in data.get(TABLE, {}).values() if isinstance(r, dict)]
    names = Counter(r.get("annotator", "") for r in records if r.get("annotator"))
    name = names.most_common(1)[0][0] if names else path.stem
    return name, {r["key"]: list(r["tags"]) for r in records}


def run_agreement(args: argparse.Namespace) -> int:
    if len(args.dbs) < 2:
        raise UsageError("boletin-tui agreement: hacen falta al menos dos bases (DB1 DB2 ...)")
    paths = [Path(p) for p in args.dbs]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise UsageError(f"boletin-tui agreement: no existe el archivo: {', '.join(missing)}")
    try:
        loaded = [_tags_by_key(p) for p in paths]
    except StoreError as exc:
        print(f"boletin-tui agreement: {_safe(str(exc))}", file=sys.stderr)
        return 1
    names = [name for name, _ in loaded]
    if len(set(names)) < len(names):  # two files by the same person: tell them apart by path
        names = [str(p) for p in paths]
    from boletin_tui.store.agreement import agreement_report

    report = agreement_report([tags for _, tags in loaded], args.tag)
    top = max(args.top, 0)
    if args.json:
        print(json.dumps(_as_json(report, names, paths, top), ensure_ascii=False, indent=2))
    else:
        print("\n".join(_as_text(report, names, top)))
    return 0


def _figures(item: TagAgreement) -> dict:
    table = None
    if item.table is not None:
        (both, only_a), (only_b, neither) = item.table
        table = {"both": both, "only_first": only_a, "only_second": only_b, "neither": neither}
    return {
        "tag": item.tag,
        "kappa": item.kappa.value,
        "observed": item.kappa.observed,
        "expected": item.kappa.expected,
        "alpha": item.alpha,
        "votes": list(item.votes),
        "table": table,
    }


def _as_json(report: AgreementReport, names: list[str], paths: list[Path], top: int) -> dict:
    return {
        "annotators": [{"name": n, "db": str(p)} for n, p in zip(names, paths, strict=True)],
        "bulletins": len(report.keys),
        "method": report.method,
        "tags": [_figures(item) for item in report.tags],
        "overall": _figures(report.overall),
        "disagreements": [
            {
                "key": d.key,
                "disputed": list(d.disputed),
                "tags": dict(zip(names, map(list, d.tags), strict=True)),
            }
            for d in report.disagreements[:top]
        ],
    }


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _as_text(report: AgreementReport, names: list[str], top: int) -> list[str]:
    who = ", ".join(_safe(n) for n in names)
    lines = [f"Anotadores: {who}. Boletines anotados por todos: {len(report.keys)}."]
    if not report.keys:
        return lines
    if report.method == "cohen":
        method = "Kappa de Cohen"
        counts = ["ambos", *(f"solo {_safe(n)[:12]}" for n in names), "ninguno"]
    else:
        method = "Kappa de Fleiss"
        counts = [f"{v} de {len(names)}" for v in range(len(names) + 1)]
    lines.append(f"{method}; alfa de Krippendorff (nominal); acuerdo observado y por azar.")
    items = [*report.tags, report.overall]
    width = max(8, *(len(_label(item)) for item in items))
    head = ["etiqueta".ljust(width), "kappa", "alfa", "obs.", "azar", *counts]
    lines.append("  ".join(h.rjust(6) if i else h for i, h in enumerate(head)))
    for item in items:
        cells = [*item.table[0], *item.table[1]] if item.table is not None else list(item.votes)
        row = [_label(item).ljust(width)]
        row += [_number(v) for v in (item.kappa.value, item.alpha)]
        row += [f"{v:.3f}" for v in (item.kappa.observed, item.kappa.expected)]
        row += [str(c).rjust(len(h)) for c, h in zip(cells, counts, strict=True)]
        lines.append("  ".join(c.rjust(6) if i else c for i, c in enumerate(row)))
    shown = report.disagreements[:top]
    if shown:
        lines.append("Boletines con más desacuerdo:")
    for d in shown:
        each = " · ".join(
            f"{_safe(n)}: {', '.join(map(_safe, tags)) or '(ninguna)'}"
            for n, tags in zip(names, d.tags, strict=True)
        )
        lines.append(f"  {d.key}  en disputa: {', '.join(map(_safe, d.disputed))}  ({each})")
    return lines


def _label(item: TagAgreement) -> str:
    return "(todas)" if item.tag is None else _safe(item.tag)[:30]


def _safe(text: str) -> str:
    """User text fit for a terminal: control characters (escape sequences) made visible."""
    return "".join(c if c.isprintable() else "\ufffd" for c in text)
