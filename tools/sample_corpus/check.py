import json
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, ".")
from gen import MARK
from texts3 import B

S = f"{ROOT}/src/boletin_tui/corpus/sample"
gold = json.load(open(f"{ROOT}/tests/data/sample_entities.json"))
allg = set()
for k, v in gold.items():
    if k != "_about":
        for t, l in v.items():
            allg.update(l)
NUMW = r"\b(un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|veinte|veinti\w+|treinta|cuarenta|cincuenta|cien|ciento|doscient\w+|mil|millón|millones|media|medio|par|doble|mitad)\b"
problems = 0
for b in B:
    name = b["name"]
    raw = open(f"{S}/{name}", "rb").read()
    enc = "cp1252" if b["enc"] == "cp1252" else "utf-8-sig"
    txt = raw.decode(enc).replace("\r\n", "\n")
    # 1. every gold string occurs at least as often as listed
    for t, lst in gold[name].items():
        for s in set(lst):
            n = len(re.findall(r"(?<!\w)" + re.escape(s) + r"(?!\w)", txt))
            if n < lst.count(s):
                print("MISSING", name, t, s, n, lst.count(s))
                problems += 1
    # 2. unannotated candidates in the annotatable region
    header = "\n".join(
        l for l in b["header"].split("\n") if "No." not in l and "BOLETÍN DE PRENSA" not in l
    )
    region = "\n".join([header, b["title"], *b["highlights"], *b["paras"]])
    masked = MARK.sub(lambda m: "█" * len(m.group(2)), region)
    for s in sorted(allg, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", masked):
            print(
                "UNMARKED?",
                name,
                repr(s),
                "::",
                masked[max(0, m.start() - 40) : m.end() + 20].replace("\n", " "),
            )
    for m in re.finditer(r"\d+|" + NUMW, masked, re.I):
        print(
            "  num?",
            name,
            repr(m.group(0)),
            "::",
            masked[max(0, m.start() - 30) : m.end() + 25].replace("\n", " "),
        )
    # capitalised word sequences not marked
    for m in re.finditer(
        r"(?<![.“\n] )(?<!^)\b[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?: (?:de |del |la |y )?[A-ZÁÉÍÓÚÑ][\wáéíóúñ-]+)*",
        masked,
    ):
        pass
print("problems", problems)
