"""Benchmark of the search index on a synthetic archive.

    PYTHONPATH=src python benchmarks/search_bench.py --n 10000 [--runs 3] [--seed 1]

Generates N bulletins of 2 to 8 KB of Spanish-like text (Zipf-distributed words from the list
below, a long tail of invented surnames and place-like words, figures with separators, compound
names), builds an in-memory corpus database (`CorpusDB.of`, timed, and once under tracemalloc
for its memory), annotates one bulletin in twenty, and times typical keystroke sequences.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from boletin_tui.corpus.model import Bulletin  # noqa: E402
from boletin_tui.corpusdb import CorpusDB  # noqa: E402
from boletin_tui.spanish import MONTHS  # noqa: E402

# fmt: off
COMMON = [
    "de", "la", "que", "el", "en", "y", "a", "los", "se", "del", "las", "un", "por", "con", "no",
    "una", "su", "para", "es", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "este",
    "sí", "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también", "me", "hasta",
    "hay", "donde", "quien", "desde", "todo", "nos", "durante", "todos", "uno", "les", "ni",
    "contra", "otros", "ese", "eso", "ante", "ellos", "e", "esto", "mí", "antes", "algunos", "qué",
    "unos", "yo", "otro", "otras", "otra", "él", "tanto", "esa", "estos", "mucho", "quienes",
    "nada", "muchos", "cual", "poco", "ella", "estar", "estas", "algunas", "algo", "nosotros"
]
# fmt: on
# fmt: off
DOMAIN = [
    "salud", "instituto", "seguro", "social", "mexicano", "atención", "médica", "médicos",
    "hospital", "clínica", "unidad", "familiar", "derechohabientes", "pacientes", "servicio",
    "servicios", "personal", "enfermería", "enfermeras", "vacuna", "vacunación", "vacunas",
    "campaña", "programa", "nacional", "estatal", "delegación", "coordinación", "dirección",
    "general", "director", "directora", "titular", "secretario", "secretaría", "gobierno",
    "federal", "presidente", "república", "país", "estado", "estados", "municipio", "ciudad",
    "región", "población", "mujeres", "hombres", "niñas", "niños", "adultos", "mayores",
    "trabajadores", "trabajo", "empleo", "empresas", "patrones", "afiliación", "pensión",
    "pensiones", "jubilados", "guarderías", "prestaciones", "incapacidad", "riesgo", "riesgos",
    "prevención", "enfermedades", "crónicas", "diabetes", "hipertensión", "obesidad", "cáncer",
    "mama", "cervicouterino", "próstata", "influenza", "covid", "pandemia", "contingencia",
    "sanitaria", "emergencia", "protocolo", "medidas", "cuidado", "cuidados", "bienestar", "abasto",
    "medicamentos", "insumos", "equipo", "equipamiento", "infraestructura", "obra", "construcción",
    "inauguró", "inauguración", "reunión", "informó", "señaló", "destacó", "afirmó", "indicó",
    "explicó", "resaltó", "subrayó", "agregó", "precisó", "detalló", "anunció", "entregó",
    "recorrió", "visitó", "firmó", "convenio", "acuerdo", "acciones", "estrategia", "estrategias",
    "resultados", "avance", "avances", "meta", "metas", "millones", "mil", "pesos", "recursos",
    "inversión", "presupuesto", "año", "años", "mes", "meses", "semana", "día", "días", "hoy",
    "mañana", "ayer", "fecha", "consultas", "cirugías", "urgencias", "hospitalización", "camas",
    "quirófanos", "especialidades", "especialistas", "residentes", "formación", "capacitación",
    "investigación", "ciencia", "tecnología", "digital", "plataforma", "aplicación", "trámites",
    "trámite", "línea", "teléfono", "citas", "cita", "registro", "derecho", "derechos", "calidad",
    "calidez", "transparencia", "combate", "corrupción", "ahorro", "compras", "licitación",
    "transformación", "historia", "histórico", "momento", "esfuerzo", "compromiso", "equipo",
    "solidaridad", "rural", "comunidades", "indígenas", "zonas", "marginadas", "atención",
    "primaria", "segundo", "tercer", "nivel", "primer", "hospitales", "generales", "regionales",
    "alta", "especialidad", "médica", "centro", "centros", "investigación", "órganos", "operación",
    "administrativa"
]
# fmt: on
CONNECTORS = [",", ";", ";", ".", ".", ".", ".", "."]
PLACES = [
    "Ciudad de México",
    "Guadalajara",
    "Monterrey",
    "Puebla",
    "Mérida",
    "Oaxaca",
    "Tijuana",
    "León",
    "Morelia",
    "Chihuahua",
    "Hermosillo",
    "Culiacán",
    "Tuxtla Gutiérrez",
    "Villahermosa",
    "Zacatecas",
    "Tlaxcala",
    "Pachuca",
    "Querétaro",
    "Toluca",
]
# fmt: off
NAMES = [
    "Zoé", "María", "José", "Juan", "Guadalupe", "Ana", "Luis", "Carmen", "Jorge", "Sofía",
    "Víctor", "Célida", "Ramón", "Íñigo"
]
# fmt: on
# fmt: off
SURNAMES = [
    "Robledo", "López", "Martínez", "Hernández", "García", "Núñez", "Peña", "Ortiz", "Ruiz",
    "Domínguez", "Alcocer"
]
# fmt: on
# fmt: off
SYLLABLES = [
    "ba", "be", "bi", "bo", "ca", "ce", "co", "cu", "da", "de", "di", "do", "fa", "fe", "ga", "go",
    "la", "le", "li", "lo", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "pa", "pe", "pi", "ra",
    "re", "ri", "ro", "sa", "se", "si", "so", "ta", "te", "ti", "to", "va", "ve", "za", "zo", "ñu",
    "güe"
]
# fmt: on
KINDS = ["BOLETÍN DE PRENSA", "COMUNICADO", "Comunicado de prensa", None]
TAGS = [
    "salud",
    "vacunación",
    "covid",
    "pensiones",
    "obra",
    "revisar",
    "salud mental",
    "imss-bienestar",
]


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        tail = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(40_000)}
        self.tail = sorted(tail)
        self.words = COMMON + DOMAIN
        self.cum = list(_cumulative([1 / (r + 1) ** 0.9 for r in range(len(self.words))]))
        self.tail_cum = list(_cumulative([1 / (r + 1) for r in range(len(self.tail))]))

    def sentence(self) -> str:
        rng = self.rng
        n = rng.randint(12, 30)
        words = rng.choices(self.words, cum_weights=self.cum, k=n)
        for _ in range(rng.randint(0, 3)):
            i = rng.randrange(n)
            roll = rng.random()
            if roll < 0.45:
                words[i] = rng.choices(self.tail, cum_weights=self.tail_cum)[0]
            elif roll < 0.65:
                words[i] = f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}"
            elif roll < 0.75:
                words[i] = f"{rng.randint(1, 99)}.{rng.randint(1, 9)} por ciento"
            elif roll < 0.85:
                words[i] = rng.choice(["IMSS-Bienestar", "IMSS", "ISSSTE", "Cofepris", "Birmex"])
            else:
                words[i] = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}"
        return " ".join(words).capitalize() + rng.choice(CONNECTORS)[0]

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def bulletin(self, i: int) -> Bulletin:
        rng = self.rng
        year = 2018 + i % 7
        date = (
            dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
            if rng.random() > 0.03
            else None
        )
        number = f"{i // 7 + 1:03d}/{year}" if rng.random() > 0.05 else None
        key = number or f"sn-{i:08x}"
        city = rng.choice(PLACES)
        dateline = f"{city}, {date.day} de {MONTHS[date.month - 1]} de {year}." if date else None
        target = rng.randint(2000, 8000)
        paragraphs: list[str] = []
        size = 0
        while size < target:
            paragraphs.append(self.paragraph())
            size += len(paragraphs[-1]) + 1
        return Bulletin(
            key=key,
            number=number,
            kind=rng.choice(KINDS),
            date=date,
            city=city,
            dateline=dateline,
            title=self.sentence().rstrip(".;,"),
            highlights=(self.sentence(), self.sentence()),
            paragraphs=tuple(paragraphs),
            links=(),
            sources=(f"synthetic/{i}.txt",),
            content_hash=f"{i:016x}",
        )


def _cumulative(weights: list[float]):
    total = 0.0
    for w in weights:
        total += w
        yield total


QUERIES = [
    ["r", "ro", "rob", "robl", "roble", "robled", "robledo"],
    ["v", "va", "vac", "vacu", "vacun", "vacuna"],
    ["seguro s", "seguro so", "seguro soc", "seguro social"],
    ["imss-b", "imss-bien", "imss-bienestar hosp", "imss-bienestar hospital"],
    ['"seguro s', '"seguro social"', '"atención médica" urg'],
    ["#sal", "#salud", "#salud vacuna", "#salud año:2020", "anotado:sí rob"],
    ["11,", "11,9", "robledo 2020", "mes:2020-04 salud", "d", "de", "zz", "xyzzy"],
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3, help="index builds to time")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    t0 = time.perf_counter()
    gen = Generator(args.seed)
    bulletins = [gen.bulletin(i) for i in range(args.n)]
    kb = sum(len(b.text) for b in bulletins) / 1024
    print(
        f"generated {args.n} bulletins, {kb / args.n:.1f} KB average, "
        f"{kb / 1024:.0f} MB of text in {time.perf_counter() - t0:.1f} s"
    )

    builds = []
    for _ in range(args.runs):
        gc.collect()
        t0 = time.perf_counter()
        index = CorpusDB.of(bulletins)
        builds.append(time.perf_counter() - t0)
        del index
    print(
        f"build: median {statistics.median(builds) * 1000:.0f} ms "
        f"(min {min(builds) * 1000:.0f}, max {max(builds) * 1000:.0f}, {args.runs} runs)"
    )

    gc.collect()
    tracemalloc.start()
    index = CorpusDB.of(bulletins)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"memory: index {current / 2**20:.1f} MB retained, "
        f"{peak / 2**20:.1f} MB peak while building"
    )

    rng = random.Random(args.seed)
    keys = [b.key for b in bulletins]
    t0 = time.perf_counter()
    annotated = rng.sample(keys, len(keys) // 20)
    for key in annotated:
        index.set_annotation_terms(
            key, rng.sample(TAGS, rng.randint(1, 3)), "Revisar cifras con Robledo."
        )
    per = (time.perf_counter() - t0) / max(1, len(annotated)) * 1e6
    print(f"set_annotation: {per:.0f} µs each ({len(annotated)} bulletins annotated)")

    times: list[float] = []
    print(f"{'query':28} {'hits':>6} {'first ms':>9} {'median ms':>10}")
    for seq in QUERIES:
        for q in seq:
            runs = []
            for _ in range(5):
                t0 = time.perf_counter()
                hits = index.search(q)
                runs.append(time.perf_counter() - t0)
            times.extend(runs)
            print(
                f"{q!r:28} {len(hits):>6} {runs[0] * 1000:>9.2f} "
                f"{statistics.median(runs) * 1000:>10.2f}"
            )
    times.sort()
    print(
        f"per query (cold cache): median {statistics.median(times) * 1000:.2f} ms, "
        f"p90 {times[int(len(times) * 0.9)] * 1000:.2f} ms, max {times[-1] * 1000:.2f} ms"
    )


if __name__ == "__main__":
    main()
