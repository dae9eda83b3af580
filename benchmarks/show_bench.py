"""`show` on a long unbroken line: the old rendering (Rich markup with its default highlighter)
against the new one (a `Text`, no highlighter), interleaved, at growing sizes.

    .venv/bin/python benchmarks/show_bench.py

Prints seconds per size and the ratio to the previous size: about 4 when doubling the size
means quadratic, about 2 linear. The old rendering is measured only up to 16 KB (it takes
minutes beyond); the new one up to 4 MB. Both write to a terminal-like console 80 wide.
"""

from __future__ import annotations

import io
import time

from rich.console import Console
from rich.markup import escape

from boletin_tui.commands.corpus_cmds import render_bulletin
from boletin_tui.corpus.parse import parse_text

HEAD = "Ciudad de México, 14 de febrero de 2023.\nNo. 045/2019\n\nLargo\n\n"
BODY = (
    "El director regional, Mateo Ibarra Quiroga, señaló que la campaña llegó a más de 1,250 "
    "familias y que se mantendrá durante el año con el apoyo del personal de salud.\n"
)


def bulletin_with(size: int):  # noqa: ANN201 - a Bulletin
    return parse_text(HEAD + BODY + ("0123456789" * (size // 10 + 1))[:size] + "\n", "x.txt")


def old(size: int) -> float:
    b = bulletin_with(size)
    markup = "\n".join([f"[bold]{escape(b.title)}[/]", *(escape(p) for p in b.paragraphs)])
    console = Console(file=io.StringIO(), width=80, force_terminal=True)
    start = time.perf_counter()
    console.print(markup)
    return time.perf_counter() - start


def new(size: int) -> float:
    b = bulletin_with(size)
    console = Console(file=io.StringIO(), width=80, force_terminal=True, highlight=False)
    start = time.perf_counter()
    for piece in render_bulletin(b):
        console.print(piece, end="")
    return time.perf_counter() - start


def main() -> None:
    print(f"{'size':>9}  {'old s':>8}  {'ratio':>5}  {'new s':>8}  {'ratio':>5}")
    prev_old = prev_new = None
    size = 2_000
    while size <= 4_000_000:
        o = old(size) if size <= 16_000 else None
        n = new(size)
        r_old = f"{o / prev_old:5.1f}" if o and prev_old else "     "
        r_new = f"{n / prev_new:5.1f}" if prev_new else "     "
        o_text = f"{o:8.3f}" if o is not None else "       -"
        print(f"{size:>9,}  {o_text}  {r_old}  {n:8.4f}  {r_new}", flush=True)
        prev_old, prev_new = o, n
        size *= 2


if __name__ == "__main__":
    main()
