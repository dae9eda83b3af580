"""Precision probe for places: surnames that are also Mexican towns, in sentences about people.

    PYTHONPATH=src python benchmarks/surname_places.py

Every sentence below names people only (fictional), so every PLACE found is a false positive.
The surnames are common Mexican surnames that GeoNames also lists as towns (`García`, `Ocampo`,
`Arriaga`...) and a few that are also states or cities the recogniser always trusts
(`Guerrero`, `Hidalgo`, `Matamoros`). Prints how many sentences get a PLACE, by template, so
that a larger place list can be checked not to turn surnames into places (issue 14). Run it
against another checkout with its `src` on PYTHONPATH to compare.
"""

from __future__ import annotations

import itertools
from collections import Counter

from boletin_tui.entities import recognise

SURNAMES = [
    "García",
    "Martínez",
    "Ramírez",
    "Hernández",
    "López",
    "González",
    "Pérez",
    "Sánchez",
    "Romero",
    "Flores",
    "Torres",
    "Rivera",
    "Gómez",
    "Díaz",
    "Reyes",
    "Morales",
    "Cruz",
    "Ortiz",
    "Ramos",
    "Ruiz",
    "Mendoza",
    "Álvarez",
    "Castillo",
    "Jiménez",
    "Vázquez",
    "Moreno",
    "Herrera",
    "Medina",
    "Aguilar",
    "Vargas",
    "Guzmán",
    "Salazar",
    "Méndez",
    "Domínguez",
    "Castro",
    "Rojas",
    "Soto",
    "Contreras",
    "Ortega",
    "Luna",
    "Ríos",
    "Estrada",
    "Bautista",
    "Delgado",
    "Cortés",
    "Navarro",
    "Juárez",
    "Rosales",
    "Guerrero",
    "Ochoa",
    "Cervantes",
    "Valdez",
    "Santiago",
    "Padilla",
    "Camacho",
    "Sandoval",
    "Carrillo",
    "Acosta",
    "Ávila",
    "Molina",
    "Velázquez",
    "Salinas",
    "Zamora",
    "Trejo",
    "Ibarra",
    "Lara",
    "Pacheco",
    "Nava",
    "Hidalgo",
    "Allende",
    "Zaragoza",
    "Morelos",
    "Ocampo",
    "Arriaga",
    "Bravo",
    "Galeana",
    "Victoria",
    "Escobedo",
    "Obregón",
    "Madero",
    "Carranza",
    "Villa",
    "Zapata",
    "Aldama",
    "Abasolo",
    "Matamoros",
    "Mina",
    "Degollado",
    "Comonfort",
    "Treviño",
    "Olvera",
    "Cisneros",
    "Medellín",
    "Barragán",
]
TEMPLATES = (
    "La doctora Ana {a} {b} explicó el programa.",
    "Según {a}, la obra concluirá en mayo.",
    "{a} {b} agregó que habrá más turnos.",
    "El equipo de {a} revisó los casos.",
    "La propuesta de {a} fue aprobada por el comité.",
    "Se reunió con {a} y con {b} en la sede.",
    "El director, Luis {a} {b}, dijo que sí.",
    "Trabajó con la familia {a} durante años.",
)


def main() -> None:
    pairs = list(itertools.islice(itertools.permutations(SURNAMES, 2), 0, None, 11))
    by_template: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for a, b in pairs:
        for template in TEMPLATES:
            places = [m.text for m in recognise(template.format(a=a, b=b)) if m.type == "PLACE"]
            if places:
                by_template[template] += 1
                wrong.update(places)
    total = len(pairs) * len(TEMPLATES)
    print(f"{total} frases sin lugares; {sum(by_template.values())} con algún PLACE")
    for template in TEMPLATES:
        print(f"  {by_template[template]:5d} / {len(pairs)}  {template}")
    print("más frecuentes:", ", ".join(f"{w} ({n})" for w, n in wrong.most_common(10)))


if __name__ == "__main__":
    main()
