"""Time the entity recogniser: ms per bulletin on the seeds and on synthetic 5 KB bulletins.

    PYTHONPATH=src python benchmarks/entities_bench.py [--seeds DIR] [--n 100] [--repeat 7]

Prints the one-off cost of importing the package (gazetteers and regular expressions compiled)
separately; the per-bulletin figures exclude it and bypass the memo (`recognise`, not
`recognise_bulletin`). One process, one core. Times are CPU time (`time.process_time`), the
median of `--repeat` runs per bulletin, so a busy machine disturbs them little.

The nouns of figures (`entities.nouns.attach_nouns`, part of `recognise`) are timed alone on
the sample and the realistic set, interleaved with the whole recogniser, and given as a share of it.

Also the sample corpus bundled with the package, and two synthetic sets: *realistic* bulletins
(about 5 KB, a cast of two to four people named in full and then by surname, 40-100 mentions,
most sentences plain prose) and *dense* ones (every sentence packed with names, institutions
and figures, about 170 mentions per 5 KB), a worst case.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

t0 = time.process_time()
from boletin_tui.entities import recognise  # noqa: E402  (timed on purpose)

LOAD_MS = (time.process_time() - t0) * 1000

GIVEN = ["Abril", "Efraín", "Nadia", "Rosendo", "Itzel", "Ulises", "Marisol", "Teodoro"]
SURNAMES = [
    "Olvera",
    "Quintanar",
    "Barragán",
    "Uc",
    "Zamudio",
    "Treviño",
    "Luján",
    "Ocampo",
    "Bautista",
    "Cisneros",
    "Arriaga",
    "Medellín",
]
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

# Plain prose for realistic bulletins: subjects, verbs and complements without entities.
SUBJECTS = [
    "El personal de salud",
    "La institución",
    "El equipo multidisciplinario",
    "Las brigadas médicas",
    "El área de enfermería",
    "La población derechohabiente",
    "Los servicios de urgencias",
    "El programa de vacunación",
    "La jornada quirúrgica",
]
VERBS = [
    "mantiene",
    "refuerza",
    "amplía",
    "coordina",
    "supervisa",
    "impulsa",
    "garantiza",
    "promueve",
    "organiza",
    "evalúa",
]
OBJECTS = [
    "la atención oportuna de las personas con enfermedades crónicas",
    "las acciones de prevención en escuelas y centros de trabajo",
    "el abasto de medicamentos en las farmacias de las unidades",
    "la capacitación continua del personal en los tres turnos",
    "los protocolos de seguridad para pacientes y familiares",
    "la detección temprana de diabetes e hipertensión arterial",
    "el seguimiento de los pacientes después de su alta hospitalaria",
]
TAILS = [
    "con el apoyo de las autoridades locales",
    "durante los fines de semana",
    "a fin de reducir los tiempos de espera",
    "de acuerdo con la normativa vigente",
    "para acercar los servicios a las comunidades",
    "en coordinación con otras áreas",
]
FACTS = [
    "Se otorgaron {big} consultas y se realizaron {n} cirugías, un avance de {pct} por ciento.",
    "La inversión fue de {n} millones de pesos, con más de {m} equipos nuevos.",
    "El {pct}% de los pacientes recibió atención en menos de {word} días.",
    "Dos de cada tres personas encuestadas calificaron el servicio como bueno.",
    "Desde el 3 de marzo de 2023 se han aplicado {big} dosis en {s}.",
]
QUOTES = [
    "{short} explicó que {obj} es una prioridad para la institución.",
    "Por su parte, {short} señaló que {obj} continuará {tail}.",
    '"Nuestro compromiso es con la gente", afirmó {short}.',
]


def _fill(rng: random.Random, template: str, **extra: str) -> str:
    return template.format(
        n=rng.randint(2, 90),
        m=rng.randint(100, 999),
        s=rng.choice(STATES),
        big=f"{rng.randint(1, 99)} mil {rng.randint(100, 999)}",
        pct=rng.randint(10, 49),
        pct2=rng.randint(50, 99),
        word=rng.choice(WORDS),
        **extra,
    )


def dense(rng: random.Random, size: int = 5000) -> str:
    """A worst case: every sentence full of entities (about 170 mentions per 5 KB)."""
    parts = [
        f"{rng.choice(['Mérida, Yucatán', 'Ciudad de México'])}, 12 de octubre de 2022",
        "Inaugura el IMSS nueva clínica en " + rng.choice(STATES),
    ]
    while sum(len(p) + 1 for p in parts) < size:
        g, a, b = rng.choice(GIVEN), rng.choice(SURNAMES), rng.choice(SURNAMES)
        parts.append(_fill(rng, rng.choice(TEMPLATES), p=f"{g} {a} {b}", p2=f"{a} {b}"))
    return "\n".join(parts)


def realistic(rng: random.Random, size: int = 5000) -> str:
    """A bulletin like the real ones: a small cast, mostly prose, 40-100 mentions."""
    cast = [(rng.choice(GIVEN), *rng.sample(SURNAMES, 2)) for _ in range(rng.randint(2, 4))]
    parts = [
        f"{rng.choice(['Mérida, Yucatán', 'Ciudad de México'])}, 12 de octubre de 2022",
        "Inaugura el IMSS nueva clínica en " + rng.choice(STATES),
    ]
    for g, a, b in cast:  # each person introduced once in full
        parts.append(_fill(rng, rng.choice(TEMPLATES), p=f"{g} {a} {b}", p2=f"{g} {a} {b}"))
    while sum(len(p) + 1 for p in parts) < size:
        roll = rng.random()
        g, a, b = rng.choice(cast)
        if roll < 0.55:
            parts.append(
                f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
                f"{rng.choice(TAILS)}."
            )
        elif roll < 0.8:
            parts.append(_fill(rng, rng.choice(FACTS)))
        elif roll < 0.92:
            parts.append(
                rng.choice(QUOTES).format(
                    short=f"{a} {b}", obj=rng.choice(OBJECTS), tail=rng.choice(TAILS)
                )
            )
        else:
            parts.append(_fill(rng, rng.choice(TEMPLATES), p=f"{g} {a} {b}", p2=f"{a} {b}"))
    return "\n".join(parts)


synthetic = dense  # the name earlier versions used


def measure(texts: list[str], repeat: int) -> list[float]:
    """Per text, the median CPU time of `repeat` runs, in ms."""
    per_text = []
    clock = time.process_time
    for text in texts:
        runs = []
        for _ in range(repeat):
            t = clock()
            recognise(text)
            runs.append((clock() - t) * 1000)
        per_text.append(statistics.median(runs))
    return per_text


def measure_nouns(texts: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Per text, the median CPU ms of `recognise` and of `attach_nouns` on its mentions,
    measured interleaved (the share of the recogniser's time spent on nouns)."""
    from boletin_tui.entities.nouns import attach_nouns

    whole, nouns = [], []
    clock = time.process_time
    for text in texts:
        mentions = recognise(text)
        runs_r, runs_n = [], []
        for _ in range(repeat):
            t = clock()
            recognise(text)
            runs_r.append((clock() - t) * 1000)
            t = clock()
            attach_nouns(text, mentions)
            runs_n.append((clock() - t) * 1000)
        whole.append(statistics.median(runs_r))
        nouns.append(statistics.median(runs_n))
    return whole, nouns


def report_nouns(label: str, texts: list[str], repeat: int) -> None:
    whole, nouns = measure_nouns(texts, repeat)
    share = sum(nouns) / sum(whole)
    print(
        f"{label}, sustantivos de cifras (attach_nouns): media {statistics.mean(nouns):.3f} ms "
        f"por boletín, {share:.1%} del reconocimiento completo medido a la par "
        f"({statistics.mean(whole):.2f} ms); 10,000 boletines: {sum(nouns) / len(nouns) * 10:.1f} s"
        " de sustantivos"
    )


def report(label: str, times: list[float], texts: list[str]) -> None:
    kb = statistics.mean(len(t.encode("utf-8")) for t in texts) / 1024
    mentions = statistics.mean(len(recognise(t)) for t in texts)
    print(
        f"{label}: {len(times)} boletines, {kb:.1f} KB y {mentions:.0f} menciones de media; "
        f"media {statistics.mean(times):.2f} ms, mediana {statistics.median(times):.2f} ms, "
        f"máximo {max(times):.2f} ms por boletín (tiempo de CPU)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=Path("..") / "shared" / "seeds")
    parser.add_argument("--n", type=int, default=100, help="boletines sintéticos de cada clase")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(f"carga del paquete (gazetteers y expresiones): {LOAD_MS:.1f} ms, una vez")
    for _ in range(20):
        recognise("Calentamiento: el IMSS en Oaxaca con 3 personas.")
    from boletin_tui.corpus import parse_file, sample_corpus_path

    seeds = sorted(args.seeds.glob("0*.txt")) if args.seeds.is_dir() else []
    if seeds:
        texts = [b.text for b in map(parse_file, seeds) if hasattr(b, "text")]
        report("semillas", measure(texts, args.repeat), texts)
    else:
        print(f"semillas: no están en {args.seeds}, omitidas")
    sample = sorted(sample_corpus_path().glob("*.txt"))
    texts = [b.text for b in map(parse_file, sample) if hasattr(b, "text")]
    report("muestra del paquete", measure(texts, args.repeat), texts)
    report_nouns("muestra del paquete", texts, args.repeat)
    rng = random.Random(3)
    texts = [realistic(rng) for _ in range(args.n)]
    report("sintéticos realistas de 5 KB", measure(texts, args.repeat), texts)
    report_nouns("sintéticos realistas de 5 KB", texts, args.repeat)
    rng = random.Random(3)
    texts = [dense(rng) for _ in range(args.n)]
    report("sintéticos densos de 5 KB", measure(texts, args.repeat), texts)


if __name__ == "__main__":
    main()
