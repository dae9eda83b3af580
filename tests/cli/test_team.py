"""`git-setup`, `merge-driver` and `agreement` with real git in a temporary repository.

git runs the driver `git-setup` registers (`boletin-tui merge-driver %O %A %B`) by name, so the
tests put a `boletin-tui` on PATH that runs this source tree.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from boletin_tui.store.jsonio import reference_dumps

REPO = Path(__file__).resolve().parents[2]
DB = "annotations/annotations.json"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


class Repo:
    """A git repository in a temporary folder, with `boletin-tui` on PATH."""

    def __init__(self, root: Path, tools: Path) -> None:
        self.root = root
        self.env = {
            **os.environ,
            "PATH": f"{tools}{os.pathsep}{os.environ.get('PATH', '')}",
            "PYTHONPATH": str(REPO / "src"),
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CEILING_DIRECTORIES": str(root.parent),
            "GIT_AUTHOR_NAME": "Prueba",
            "GIT_AUTHOR_EMAIL": "prueba@example.org",
            "GIT_COMMITTER_NAME": "Prueba",
            "GIT_COMMITTER_EMAIL": "prueba@example.org",
            "BOLETIN_TUI_ANNOTATOR": "ana",
        }
        self.env.pop("BOLETIN_TUI_DB", None)

    def run(self, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            args,
            cwd=self.root,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=120,
        )
        if check:
            assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return self.run("git", *args, check=check)

    def bt(self, *args: str, who: str = "ana", check: bool = True) -> subprocess.CompletedProcess:
        return self.run("boletin-tui", *args, check=check, BOLETIN_TUI_ANNOTATOR=who)

    def tag(self, key: str, *tags: str, who: str = "ana") -> None:
        self.bt("tag", "--db", DB, key, *tags, who=who)

    def untag(self, key: str, *tags: str, who: str = "ana") -> None:
        self.bt("untag", "--db", DB, key, *tags, who=who)

    def note(self, key: str, text: str, who: str = "ana") -> None:
        self.bt("note", "--db", DB, key, text, who=who)

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").stdout.strip()

    def records(self) -> dict[str, dict]:
        data = json.loads((self.root / DB).read_text("utf-8"))
        return {r["key"]: r for r in data["annotations"].values()}


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    tools = tmp_path / "bin"
    tools.mkdir()
    shim = tools / "boletin-tui"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m boletin_tui "$@"\n')
    shim.chmod(0o755)
    root = tmp_path / "equipo"
    root.mkdir()
    r = Repo(root, tools)
    r.git("init", "-q", "-b", "main")
    r.git("config", "commit.gpgsign", "false")
    r.bt("git-setup")
    r.tag("1/2020", "salud", "vacunas")
    r.note("1/2020", "Revisar cifras.")
    r.tag("2/2020", "x")
    r.tag("3/2020", "sin cambios")
    r.commit("base")
    return r


def tags(record: dict) -> set[str]:
    return {t.casefold() for t in record["tags"]}


def check_file_format(r: Repo) -> None:
    raw = (r.root / DB).read_bytes()
    assert raw == reference_dumps(json.loads(raw))  # the store's own stable format
    assert r.bt("export", "--db", DB, "--format", "json").returncode == 0


def test_two_annotators_merge_both_ways(repo: Repo):
    repo.git("checkout", "-q", "-b", "ana")
    repo.untag("1/2020", "vacunas")
    repo.tag("1/2020", "nuevo")
    repo.note("1/2020", "Cifras de ana.")
    repo.tag("4/2020", "de ana")
    repo.commit("ana")
    repo.git("checkout", "-q", "-b", "luis", "main")
    repo.tag("1/2020", "Otro", who="luis")
    repo.note("1/2020", "Cifras de luis.", who="luis")
    repo.untag("2/2020", "x", who="luis")  # deletes the record
    repo.tag("3/2020", "SIN CAMBIOS", who="luis")  # same tag ignoring case: no change
    repo.tag("5/2020", "de luis", who="luis")
    repo.commit("luis")

    results = {}
    for ours, theirs in (("ana", "luis"), ("luis", "ana")):
        repo.git("checkout", "-q", "-b", f"{ours}-merge", ours)
        done = repo.git("merge", "--no-edit", theirs)
        assert "CONFLICT" not in done.stdout
        check_file_format(repo)
        results[ours] = repo.records()

    for merged in results.values():
        assert set(merged) == {"001/2020", "003/2020", "004/2020", "005/2020"}
        assert tags(merged["001/2020"]) == {"salud", "nuevo", "otro"}
        assert tags(merged["003/2020"]) == {"sin cambios"}
        blocks = set(merged["001/2020"]["note"].split("\n\n"))
        assert blocks == {"[ana] Cifras de ana.", "[luis] Cifras de luis."}
    assert results["ana"]["001/2020"]["note"].startswith("[ana]")  # ours first
    assert results["luis"]["001/2020"]["note"].startswith("[luis]")


def test_one_sided_changes_and_delete_against_change(repo: Repo):
    repo.git("checkout", "-q", "-b", "ana")
    repo.untag("1/2020", "salud", "vacunas")
    repo.note("1/2020", "")  # record 1 deleted
    repo.note("3/2020", "solo ana")
    repo.commit("ana")
    repo.git("checkout", "-q", "-b", "luis", "main")
    repo.tag("1/2020", "otra", who="luis")  # changed where ana deleted: kept with the change
    repo.untag("2/2020", "x", who="luis")
    repo.commit("luis")
    repo.git("checkout", "-q", "ana")
    repo.git("merge", "--no-edit", "luis")
    merged = repo.records()
    assert set(merged) == {"001/2020", "003/2020"}
    assert tags(merged["001/2020"]) == {"salud", "vacunas", "otra"}
    assert merged["001/2020"]["note"] == "Revisar cifras."
    assert merged["003/2020"]["note"] == "solo ana"


def test_criss_cross_merge(repo: Repo):
    repo.git("checkout", "-q", "-b", "x")
    repo.tag("6/2020", "a")
    x_tip = repo.commit("x: a")
    repo.git("checkout", "-q", "-b", "y", "main")
    repo.tag("6/2020", "b", who="luis")
    repo.note("7/2020", "de y", who="luis")
    y_tip = repo.commit("y: b")
    repo.git("checkout", "-q", "x")
    repo.git("merge", "--no-edit", y_tip)
    repo.git("checkout", "-q", "y")
    repo.git("merge", "--no-edit", x_tip)
    repo.untag("6/2020", "a", who="luis")
    repo.commit("y: -a")
    repo.git("checkout", "-q", "x")
    repo.tag("6/2020", "c")
    repo.commit("x: c")
    bases = repo.git("merge-base", "--all", "x", "y").stdout.split()
    assert len(bases) == 2  # a criss-cross: git merges the two bases first, with the driver
    done = repo.git("merge", "--no-edit", "y")
    assert "CONFLICT" not in done.stdout
    merged = repo.records()
    assert tags(merged["006/2020"]) == {"b", "c"}
    assert merged["007/2020"]["note"] == "de y"
    assert tags(merged["001/2020"]) == {"salud", "vacunas"}
    check_file_format(repo)


@pytest.mark.parametrize(
    "damage",
    [
        '{\n<<<<<<< HEAD\n  "annotations": {}\n=======\n>>>>>>> otra\n}\n',
        '{"annotations": {"1": "no"}',
        '{"otra": "cosa"}\n',
    ],
    ids=["conflict-markers", "broken-json", "foreign-format"],
)
def test_a_damaged_side_leaves_a_conflict(repo: Repo, damage: str):
    repo.git("checkout", "-q", "-b", "roto")
    (repo.root / DB).write_text(damage, encoding="utf-8")
    repo.commit("roto")
    repo.git("checkout", "-q", "-b", "bien", "main")
    repo.tag("1/2020", "z")
    repo.commit("bien")
    ours = (repo.root / DB).read_bytes()
    done = repo.git("merge", "--no-edit", "roto", check=False)
    assert done.returncode != 0
    assert "boletin-tui merge-driver:" in done.stdout + done.stderr
    unmerged = repo.git("diff", "--name-only", "--diff-filter=U").stdout.split()
    assert unmerged == [DB]
    assert (repo.root / DB).read_bytes() == ours  # OURS left as it was


def test_git_setup_is_idempotent(tmp_path: Path, repo: Repo):
    config = repo.git("config", "--local", "--get", "merge.boletin-tui.driver").stdout
    assert config.strip() == "boletin-tui merge-driver %O %A %B"
    assert (repo.root / ".gitattributes").read_text() == "annotations/*.json merge=boletin-tui\n"
    assert repo.git("check-attr", "merge", DB).stdout.strip().endswith("merge: boletin-tui")
    before = ((repo.root / ".git" / "config").read_bytes(), (repo.root / ".gitattributes").stat())
    done = repo.bt("git-setup")
    assert "no se cambió nada" in done.stdout
    after = ((repo.root / ".git" / "config").read_bytes(), (repo.root / ".gitattributes").stat())
    assert after == before


def test_git_setup_keeps_existing_attributes(tmp_path: Path, repo: Repo):
    other = Repo(tmp_path / "otro", tmp_path / "bin")
    other.root.mkdir()
    other.git("init", "-q")
    (other.root / ".gitattributes").write_text("*.txt text", encoding="utf-8")  # no newline
    done = other.bt("git-setup")
    assert "merge.boletin-tui.driver" in done.stdout and ".gitattributes" in done.stdout
    text = (other.root / ".gitattributes").read_text()
    assert text == "*.txt text\nannotations/*.json merge=boletin-tui\n"


def test_git_setup_outside_a_repository(tmp_path: Path, repo: Repo):
    outside = Repo(tmp_path / "suelto", tmp_path / "bin")
    outside.root.mkdir()
    done = outside.bt("git-setup", check=False)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert not (outside.root / ".gitattributes").exists()


def test_merge_driver_usage_and_missing_files(repo: Repo):
    assert repo.bt("merge-driver", DB, check=False).returncode == 2
    done = repo.bt("merge-driver", DB, DB, "no-existe.json", check=False)
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1


def test_agreement_command(repo: Repo, tmp_path: Path):
    a, b = str(tmp_path / "ana.json"), str(tmp_path / "luis.json")
    for key, tag_list in (("1/2020", ["salud"]), ("2/2020", ["salud", "vacunas"])):
        repo.bt("tag", "--db", a, key, *tag_list)
    repo.bt("tag", "--db", b, "1/2020", "Salud", who="luis")
    repo.bt("tag", "--db", b, "2/2020", "salud", who="luis")
    repo.bt("tag", "--db", b, "9/2020", "otra", who="luis")
    report = json.loads(repo.bt("agreement", a, b, "--json").stdout)
    assert [x["name"] for x in report["annotators"]] == ["ana", "luis"]
    assert report["bulletins"] == 2 and report["method"] == "cohen"
    by_tag = {t["tag"]: t for t in report["tags"]}
    assert by_tag["vacunas"]["table"] == {
        "both": 0,
        "only_first": 1,
        "only_second": 0,
        "neither": 1,
    }
    assert by_tag["salud"]["kappa"] is None  # both always said yes: chance agreement is total
    assert report["disagreements"] == [
        {
            "key": "002/2020",
            "disputed": ["vacunas"],
            "tags": {"ana": ["salud", "vacunas"], "luis": ["salud"]},
        }
    ]
    text = repo.bt("agreement", a, b, "--tag", "vacunas").stdout
    assert "Kappa de Cohen" in text and "002/2020" in text and "salud" not in text
    assert repo.bt("agreement", a, check=False).returncode == 2
    assert repo.bt("agreement", a, "falta.json", check=False).returncode == 2


def test_merge_driver_takes_schema_2_passages_over_a_schema_1_base(repo: Repo, tmp_path: Path):
    from boletin_tui.store import AnnotationStore

    text = "El IMSS informó 1.2 millones de consultas a distancia durante marzo."
    base = tmp_path / "base.json"
    base.write_text(
        json.dumps(
            {
                "_meta": {"1": {"format": "boletin-tui-annotations", "schema": 1}},
                "annotations": {
                    "202000001": {
                        "key": "001/2020",
                        "tags": ["salud"],
                        "note": "",
                        "annotator": "ana",
                        "created": "2026-01-01T00:00:00-06:00",
                        "updated": "2026-01-01T00:00:00-06:00",
                    }
                },
            }
        ),
        "utf-8",
    )
    sides = {}
    for who, quote in (("ana", "1.2 millones"), ("luis", "durante marzo")):
        side = tmp_path / f"{who}.json"
        shutil.copy(base, side)
        with AnnotationStore(side, who) as store:
            start = text.index(quote)
            store.add_passage("1/2020", text, start, start + len(quote), tags=[who])
        assert json.loads(side.read_text("utf-8"))["_meta"]["1"]["schema"] == 2
        sides[who] = side
    repo.bt("merge-driver", str(base), str(sides["ana"]), str(sides["luis"]))
    merged = json.loads(sides["ana"].read_text("utf-8"))
    assert merged["_meta"]["1"]["schema"] == 2
    (record,) = merged["annotations"].values()
    assert record["tags"] == ["salud"]
    assert [(p["quote"], p["tags"]) for p in record["passages"]] == [
        ("1.2 millones", ["ana"]),
        ("durante marzo", ["luis"]),
    ]
    with AnnotationStore(sides["ana"], "ana") as store:  # the store reads the result
        assert len(store.passages("1/2020")) == 2
