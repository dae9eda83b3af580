"""Text to `Bulletin`: header, title, highlights, body, links; furniture and artefacts dropped.

The layout we read (every part but the title and body is optional):

    [BOLETÍN DE PRENSA]
    [City, [weekday] D de MES de AAAA.]   <- dateline, before or after the number line
    [Kind No. NNN/AAAA.]
    Title
    · highlight / - **highlight**
    Body paragraphs, one per line (a paragraph cut by a page break is joined again)
    [---o0o---]
    [LINK FOTOS / LINK DE VIDEO, then URLs]
    [PAGE FURNITURE IN CAPITALS]
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from boletin_tui.corpus.dates import parse_dateline
from boletin_tui.corpus.decode import clean_lines
from boletin_tui.corpus.keys import content_key, number_key
from boletin_tui.corpus.model import Bulletin, Link, Skipped

_KIND_LINE = re.compile(
    r"^(bolet[ií]n|comunicado)(\s+(de\s+prensa|conjunto|informativo))?\s*\.?$", re.IGNORECASE
)
_NUMBER_LINE = re.compile(
    r"^(?P<kind>(?:bolet[ií]n|comunicado)(?:\s+(?:de\s+prensa|conjunto|informativo))?\s+)?"
    r"(?:no\.?|n[úu]m\.?|n[úu]mero|n[º°o]\.?)\s*(?P<n>\d{1,5})\s*/\s*(?P<y>\d{4})\s*\.?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[·•▪●►◦‣]|[-–—*](?=\s))\s*")
_END_MARK = re.compile(
    r"^[-–—_=\s]*(?:o0o|oOo|0o0|ooo|000)[-–—_=\s]*$|^[-–—_=]{3,}$", re.IGNORECASE
)
_LINK_LABEL = re.compile(
    r"^(?:links?|ligas?|enlaces?)(?:\s+(?:de|del|a|al))?\s+(?P<label>[^\W\d_][\w ]*?)\s*:?"
    r"\s*(?P<url>https?://\S+)?$",
    re.IGNORECASE,
)
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_SENTENCE_END = tuple(".:;!?”\"»)…'’")
# fmt: off
_STOPWORDS = frozenset(
    [
        "de", "la", "que", "el", "en", "y", "a", "los", "del", "se", "las", "por", "un", "para",
        "con", "no", "una", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "este",
        "sí", "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también", "me", "hasta",
        "hay", "donde", "quien", "desde", "todo", "nos", "durante", "todos", "uno", "les", "ni",
        "contra", "otros", "ese", "eso", "ante", "ellos", "e", "esto", "mí", "antes", "algunos",
        "qué", "unos", "yo", "otro", "otras", "otra", "él", "tanto", "esa", "estos", "mucho",
        "quienes", "nada", "muchos", "cual", "poco", "ella", "estar", "estas", "algunas", "algo",
        "nosotros", "es", "son", "fue", "ha", "han", "será", "dijo"
    ]
)
# fmt: on

MIN_WORDS = 15


class NotABulletin(ValueError):
    """The text has no recognisable bulletin; `str(exc)` says why, in Spanish."""


def parse_text(text: str, source: str) -> Bulletin:
    """Parse one bulletin's text. Raises `NotABulletin` when there is none to read."""
    lines = clean_lines(text)
    items = [(i, line) for i, line in enumerate(lines) if line]
    if not items:
        raise NotABulletin("archivo vacío")

    number = kind = city = dateline = None
    date = None
    pos = 0
    while pos < len(items) and pos < 6:
        line = items[pos][1]
        if (match := _NUMBER_LINE.match(line)) and number is None:
            number = f"{match.group('n')}/{match.group('y')}"
            if match.group("kind"):
                kind = _sentence_case(match.group("kind"))
        elif _KIND_LINE.match(line) and kind is None:
            kind = _sentence_case(line.rstrip("."))
        elif dateline is None and (parsed := parse_dateline(line)) is not None:
            city, date = parsed
            dateline = line
        else:
            break
        pos += 1

    if pos >= len(items):
        raise NotABulletin("solo tiene encabezado, sin título ni cuerpo")
    title = _MARKDOWN_HEADING.sub("", items[pos][1]).strip()
    pos += 1

    highlights: list[str] = []
    while pos < len(items) and _BULLET.match(items[pos][1]):
        highlight = _BULLET.sub("", items[pos][1]).strip()
        if highlight:
            highlights.append(highlight)
        pos += 1

    body, end_matter = _split_end_matter(items[pos:])
    paragraphs = _paragraphs([line for _, line in body])
    links = _links(end_matter)
    _check_recognisable(title, highlights, paragraphs, has_header=bool(number or dateline))

    content_hash = _content_hash(number, date, title, highlights, paragraphs)
    if number:
        n, year = number.split("/")
        key = number_key(n, year)
    else:
        key = content_key(content_hash)
    return Bulletin(
        key=key,
        number=number,
        kind=kind,
        date=date,
        city=city,
        dateline=dateline,
        title=title,
        highlights=tuple(highlights),
        paragraphs=tuple(paragraphs),
        links=tuple(links),
        sources=(source,),
        content_hash=content_hash,
    )


def parse_or_skip(text: str, source: str) -> Bulletin | Skipped:
    try:
        return parse_text(text, source)
    except NotABulletin as exc:
        return Skipped(source, str(exc))


def _sentence_case(text: str) -> str:
    text = " ".join(text.split()).lower()
    return text[:1].upper() + text[1:]


def _split_end_matter(
    items: list[tuple[int, str]],
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Body lines, then the end matter (links and furniture) after `---o0o---` or a label."""
    for k, (_, line) in enumerate(items):
        if _END_MARK.match(line) or _LINK_LABEL.match(line):
            return items[:k], items[k:]
    # No end mark: trailing URLs and capitals-only furniture still end the body.
    k = len(items)
    while k > 0 and (_is_furniture(items[k - 1][1]) or _URL_LINE.match(items[k - 1][1])):
        k -= 1
    return items[:k], items[k:]


def _is_furniture(line: str) -> bool:
    """Page furniture from a Word header or footer: a line in capitals, no lower-case letter."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 4 and not any(ch.islower() for ch in letters)


def _paragraphs(body: list[str]) -> list[str]:
    """One paragraph per line; a paragraph cut by a page break (a line that starts in lower
    case after one that does not end a sentence) is joined again."""
    paragraphs: list[str] = []
    for line in body:
        if paragraphs and not paragraphs[-1].endswith(_SENTENCE_END) and line[:1].islower():
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return paragraphs


def _links(end_matter: list[tuple[int, str]]) -> list[Link]:
    links: list[Link] = []
    label = "enlace"
    for _, line in end_matter:
        if match := _LINK_LABEL.match(line):
            label = " ".join(match.group("label").lower().split())
            if match.group("url"):
                links.append(Link(label, match.group("url")))
        elif _URL_LINE.match(line):
            url = line if line.lower().startswith("http") else f"https://{line}"
            links.append(Link(label, url))
    return links


def _check_recognisable(
    title: str, highlights: Sequence[str], paragraphs: Sequence[str], *, has_header: bool
) -> None:
    if not paragraphs:
        raise NotABulletin("no tiene cuerpo: solo se encontró un título")
    # The first two hundred words are enough to judge length and language; `map` keeps the
    # count out of a Python-level loop, since this runs for every file read.
    tokens = " ".join([title, *highlights, *paragraphs])[:1200].lower().split()
    words = len(tokens)
    if words < MIN_WORDS:
        raise NotABulletin(f"texto demasiado corto para ser un boletín ({words} palabras)")
    spanish = sum(map(_STOPWORDS.__contains__, tokens)) / words
    if spanish < (0.08 if has_header else 0.15):
        raise NotABulletin("no parece un boletín de prensa en español")


def _content_hash(
    number: str | None,
    date: Any,
    title: str,
    highlights: Sequence[str],
    paragraphs: Sequence[str],
) -> str:
    canonical = "\n".join(
        [number or "", date.isoformat() if date else "", title, *highlights, *paragraphs]
    )
    return hashlib.blake2b(canonical.encode("utf-8"), digest_size=16).hexdigest()
