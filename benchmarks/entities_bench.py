"""Time the entity recogniser: ms per bulletin on the seeds and on synthetic 5 KB bulletins.

    PYTHONPATH=src python benchmarks/entities_bench.py [--seeds DIR] [--n 200] [--repeat 5]

Prints the one-off cost of importing the package (gazetteers and regular expressions compiled)
separately; the per-bulletin figures exclude it and bypass the memo (`recognise`, not
`recognise_bulletin`). One process, one core.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

t0 = time.perf_counter()
from boletin_tui.entities import recognise  # noqa: E402  (timed on purpose)

LOAD_MS = (time.perf_counter() - t0) * 1000

GIVEN = ["Abril", "Efraín", "Nadia", "Rosendo", "Itzel", "Ulises", "Marisol", "Teodoro"]
SURNAMES = ["Olvera", "Quintanar", "Barragán", "Uc", "Zamudio", "Treviño", "Luján", "Ocampo",
            "Bautista", "Cisneros", "Arriaga", "Medellín"]
STATES = ["Sonora", "Oaxaca", "Veracruz Norte", "Nuevo León", "Chiapas", "Estado de México"]
TEMPLATES = [
    "La doctora {p}, titular de la Unidad de Medicina Familiar No. {n}, informó que se atendió a {big} derechohabientes en {s}.",
    "El director general del Instituto Mexicano del Seguro Social (IMSS), {p}, destacó que más de {n} hospitales operan al {pct}% de su capacidad.",
    "Durante la Segunda Reunión Regional Noreste, {p} señaló que se invirtieron {n} mil millones de pesos en {s} desde el 3 de marzo de 2023.",
    "{p2} recordó que dos de cada tres trabajadores del Seguro Social en {s} recibieron la vacuna contra COVID-19.",
    "En la Secretaría de Salud y con Birmex y Cofepris se revisaron {word} convenios; además, el gobernador de {s}, {p}, agradeció el apoyo.",
    "Las Unidades Médicas de Alta Especialidad (UMAE) y los Órganos de Operación Administrativa Desconcentrada (OOAD) suman {n} mil {m} plazas, del {pct} al {pct2} por ciento.",
]
WORDS = ["nueve", "ocho", "veintitrés", "ciento cuarenta y dos", "seis"]


def synthetic(rng: random.Random, size: int = 5000) -> str:
    parts = [f"{rng.choice(['Mérida, Yucatán', 'Ciudad de México'])}, 12 de octubre de 2022",
             "Inaugura el IMSS nueva clínica en " + rng.choice(STATES)]
    while sum(len(p) + 1 for p in parts) < size:
        g, a, b = rng.choice(GIVEN), rng.choice(SURNAMES), rng.choice(SURNAMES)
        parts.append(rng.choice(TEMPLATES).format(
            p=f"{g} {a} {b}", p2=f"{a} {b}", s=rng.choice(STATES), n=rng.randint(2, 90),
            m=rng.randint(100, 999), big=f"{rng.randint(1, 99)} mil {rng.randint(100, 999)}",
            pct=rng.randint(10, 49), pct2=rng.randint(50, 99), word=rng.choice(WORDS)))
    return "\n".join(parts)


def measure(texts: list[str], repeat: int) -> list[float]:
    per_text = []
    for text in texts:
        best = []
        for _ in range(repeat):
            t = time.perf_counter()
            recognise(text)
            best.append((time.perf_counter() - t) * 1000)
        per_text.append(statistics.median(best))
    return per_text


def report(label: str, times: list[float], texts: list[str]) -> None:
    kb = statistics.mean(len(t.encode("utf-8")) for t in texts) / 1024
    print(f"{label}: {len(times)} boletines, {kb:.1f} KB de media; "
          f"media {statistics.mean(times):.2f} ms, mediana {statistics.median(times):.2f} ms, "
          f"máximo {max(times):.2f} ms por boletín")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=Path("..") / "shared" / "seeds")
    parser.add_argument("--n", type=int, default=200, help="boletines sintéticos")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"carga del paquete (gazetteers y expresiones): {LOAD_MS:.1f} ms, una vez")
    recognise("Calentamiento: el IMSS en Oaxaca con 3 personas.")
    seeds = sorted(args.seeds.glob("0*.txt")) if args.seeds.is_dir() else []
    if seeds:
        from boletin_tui.corpus import parse_file

        texts = [b.text for b in map(parse_file, seeds) if hasattr(b, "text")]
        report("semillas", measure(texts, args.repeat), texts)
    else:
        print(f"semillas: no están en {args.seeds}, omitidas")
    rng = random.Random(3)
    texts = [synthetic(rng) for _ in range(args.n)]
    report("sintéticos de 5 KB", measure(texts, args.repeat), texts)


if __name__ == "__main__":
    main()
