import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from texts3 import B

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = f"{ROOT}/src/boletin_tui/corpus/sample"
MARK = re.compile(r"\{([POLF])\|([^{}]*)\}")
TYPES = {"P": "PERSON", "O": "ORG", "L": "PLACE", "F": "FIGURE"}


def strip(s):
    return MARK.sub(lambda m: m.group(2), s)


def assemble(b):
    parts = [b["lead"]]
    if b["header"]:
        parts.append(b["header"] + "\n\n")
    parts.append(b["title"] + "\n\n")
    if b["highlights"]:
        if b["bullet"] == "·":
            lines = [f"· {h}" for h in b["highlights"]]
        else:
            lines = [f"- **{h}**" for h in b["highlights"]]
        parts.append("\n".join(lines) + ("\n" if b["sep"] == "\n" else "\n\n"))
    body = b["sep"].join(p.replace("<PB>", "\n\n\n\n\n\n") for p in b["paras"])
    parts.append(body + "\n")
    if b["tail"]:
        parts.append("\n" + b["tail"])
    return "".join(parts)


gold = {
    "_about": "Gold mentions per sample bulletin (all text fictional, written for boletin-tui), in order of "
    "appearance, duplicates repeated. Exact surface strings. Same guidelines as ../shared/seeds/ENTITIES.md; "
    "decisions on cases the guidelines leave open are listed in SAMPLE_CORPUS.md. Mentions in the header's "
    "kind/number line, in links and in dropped page furniture are not listed."
}
expected = {
    "_about": "What a correct parser must read from each sample bulletin (fictional, written for "
    "boletin-tui), in the format of ../shared/seeds/expected.json. city: the place in the dateline as "
    "printed, in normal case. highlight_starts: the first words of each highlight after cleaning."
}
names = set()
for b in B:
    assert b["name"] not in names
    names.add(b["name"])
    marked = assemble(b)
    ents = {t: [] for t in TYPES.values()}
    for m in MARK.finditer(marked):
        ents[TYPES[m.group(1)]].append(m.group(2))
    clean = strip(marked)
    assert "{" not in clean and "}" not in clean and "<PB>" not in clean, b["name"]
    data = clean.replace("\n", b["nl"])
    with open(f"{OUT}/{b['name']}", "w", encoding=b["enc"], newline="") as fh:
        fh.write(data)
    gold[b["name"]] = ents
    hl = [strip(h).replace("[bookmark: _GoBack]", "") for h in b["highlights"]]
    m = b["meta"]
    expected[b["name"]] = {
        "number": m["number"],
        "kind": m["kind"],
        "date": m["date"],
        "city": m["city"],
        "title": strip(b["title"]),
        "highlights": len(hl),
        "highlight_starts": [" ".join(h.split()[:5]).rstrip(",;:") for h in hl],
        "links": [{"label": l, "url": u} for l, u in m["links"]],
        "footer_dropped": m["footer_dropped"],
        "artefacts_dropped": m["artefacts_dropped"],
    }

with open(f"{ROOT}/tests/data/sample_entities.json", "w", encoding="utf-8") as fh:
    json.dump(gold, fh, ensure_ascii=False, indent=1)
    fh.write("\n")
with open(f"{ROOT}/tests/data/sample_expected.json", "w", encoding="utf-8") as fh:
    json.dump(expected, fh, ensure_ascii=False, indent=1)
    fh.write("\n")
print("ok", len(B))
