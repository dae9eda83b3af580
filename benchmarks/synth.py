"""A synthetic archive of N bulletins, recombined from the bundled sample corpus.

Every bulletin has a unique number within its year (years 2010 onwards, 400 a year), a size of
2 to 8 KB, and one of the header variants the parser reads; a few are unnumbered and undated,
and a few are saved as Windows-1252, UTF-8 with BOM or with CRLF line ends.

    python benchmarks/synth.py 10000 /tmp/archive
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from boletin_tui.corpus import load_corpus, sample_corpus_path  # noqa: E402
from boletin_tui.spanish import MONTHS, WEEKDAYS  # noqa: E402

CITIES = [
    "Ciudad de México",
    "Mérida, Yucatán",
    "Guadalajara, Jalisco",
    "Monterrey, Nuevo León",
    "Oaxaca de Juárez, Oaxaca",
    "Hermosillo, Sonora",
    "Puebla, Puebla",
]
PER_YEAR = 400


def _pools():
    corpus = load_corpus([sample_corpus_path()], use_cache=False)
    if not corpus.bulletins:
        raise SystemExit("the sample corpus is empty: nothing to recombine")
    titles = [b.title for b in corpus.bulletins]
    highlights = [h for b in corpus.bulletins for h in b.highlights]
    paragraphs = [p for b in corpus.bulletins for p in b.paragraphs]
    return titles, highlights, paragraphs


def _header(rng: random.Random, number: int, year: int) -> str:
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    date = f"{day} de {MONTHS[month]} de {year}"
    city = rng.choice(CITIES)
    style = rng.random()
    if style < 0.35:
        return f"{city}, {date}\nBoletín conjunto No. {number:03d}/{year}\n\n"
    if style < 0.75:
        weekday = rng.choice(WEEKDAYS)
        return f"BOLETÍN DE PRENSA\n\n{city}, {weekday} {date}.\n\nNo. {number:03d}/{year}.\n\n"
    if style < 0.9:
        return f"COMUNICADO No. {number:03d}/{year}\n{city}, a {date}.\n\n"
    return f"{city.upper()}, {date.upper()}\nBoletín No. {number}/{year}\n\n"


def bulletin_text(rng: random.Random, index: int, pools) -> str:
    titles, highlights, paragraphs = pools
    year = 2010 + index // PER_YEAR
    number = index % PER_YEAR + 1
    unnumbered = rng.random() < 0.03
    header = "" if unnumbered else _header(rng, number, year)
    title = f"{rng.choice(titles)} ({index})"
    bullets = "".join(f"· {h}\n" for h in rng.sample(highlights, k=min(2, len(highlights))))
    target = rng.randint(2000, 8000)
    body: list[str] = []
    size = len(header) + len(title) + len(bullets)
    while size < target:
        paragraph = rng.choice(paragraphs)
        body.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    end = f"\n---o0o---\n\nLINK FOTOS\nhttps://example.org/fotos/{index}\n"
    return f"{header}{title}\n\n{bullets}\n" + "\n\n".join(body) + "\n" + end


def generate(n: int, folder: Path, seed: int = 7) -> Path:
    """Write N bulletins under `folder` (100 per subfolder) and return the folder."""
    rng = random.Random(seed)
    pools = _pools()
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(n):
        text = bulletin_text(rng, index, pools)
        sub = folder / f"{index // 100:04d}"
        sub.mkdir(exist_ok=True)
        roll = rng.random()
        encoding, newline = "utf-8", "\n"
        if roll < 0.05:
            encoding = "cp1252"
            text = text.encode("cp1252", "replace").decode("cp1252")
        elif roll < 0.10:
            encoding = "utf-8-sig"
        elif roll < 0.15:
            newline = "\r\n"
        with open(sub / f"b{index:06d}.txt", "w", encoding=encoding, newline=newline) as fh:
            fh.write(text)
    return folder


if __name__ == "__main__":
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    generate(count, target)
    print(f"{count} bulletins in {target}")
