"""What a figure counts: the noun phrase after the number, and a form for grouping series.

Computed after recognition, from the text and the figure's span (`attach_nouns`), so the figure
rules themselves do not change. The rules, in the order they apply:

- **Counts** (no unit, and ratios): the words right after the number. A number ending in a
  number noun or a fraction skips the `de` (and an article) that Spanish requires
  (`4 millones de consultas`, `un centenar de pacientes`, `la mitad de los residentes`). The noun
  is the head word and up to three adjectives that follow it and agree with it in number
  (`17 mil 450 médicos residentes`, `320 sedes académicas`, `612 casos confirmados`; after a
  singular head, only words with an adjective's ending, so `la plantilla cuenta` stops at the
  verb); it stops at
  a preposition, conjunction, article, verb or punctuation, so complements with `de` are left
  out (`unidades de medicina familiar` -> `unidades`). An institution's name right after the
  number is the noun whole (`dos Unidades de Medicina Familiar`). A count above one needs a
  plural head (ending in `s`): `de las cuales 24 tienen` has no noun. A partitive takes the
  noun after its article (`cuatro de las nuevas salas` -> `nuevas salas`). In a range
  (`de 40 a 69 años`, `entre 45 y 70 años`) the first end takes the noun of the second.
- **Money and percentages** keep their unit (`pesos`, `%`); their noun is what the sentence
  says they measure only when directly stated: the noun phrase after `de` (percentages:
  `el 65 por ciento de la población objetivo` -> `población objetivo`) or after `de`/`para`
  (money: `7 mil millones de pesos para hospitales` -> `hospitales`), an article allowed in
  between. Otherwise (`el 18 por ciento`, `para fortalecer la infraestructura`: a verb) the
  noun is None.
- A number the text does not follow with a noun (`12 mil.`, `tres de córnea`) has None.

`noun_key(noun)` is the grouping form: case folded, accents removed (`search.fold`), and each
word singularised by `singular` (Spanish plural rules, see there): `Médicos Residentes` ->
`medico residente`. `matches(key, word)` says whether a figure's key matches a word the user
typed (folded the same way): the word equals one of the key's words or the whole key, or is a
phrase inside it (`residente` matches `residente` and `medico residente`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from boletin_tui.entities.model import Mention, with_noun
from boletin_tui.search.fold import fold

_WORD = re.compile(r"[ \u00a0]+([A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+)")
_AFTER_DE = re.compile(
    r"[ \u00a0]+(?:de|para)(?:[ \u00a0]+(?:el|la|los|las|lo|sus|su|estos|estas|esos|esas|dichos|"
    r"dichas|sus|nuestros|nuestras))?(?=[ \u00a0])",
    re.IGNORECASE,
)
_PERCENT_DE = re.compile(
    r"[ \u00a0]+(?:de|del)(?:[ \u00a0]+(?:el|la|los|las|lo|sus|su|estos|estas|esos|esas))?"
    r"(?=[ \u00a0])",
    re.IGNORECASE,
)
_SCALE_DE = re.compile(
    r"[ \u00a0]+de(?:[ \u00a0]+(?:el|la|los|las|sus|estos|estas|esos|esas))?(?=[ \u00a0])",
    re.IGNORECASE,
)
# Number nouns and fractions take `de` before what they count: `4 millones de consultas`,
# `un centenar de pacientes`, `la mitad de los residentes`, `un tercio de la plantilla`.
_SCALE_WORDS = frozenset(
    (
        "millón",
        "millones",
        "millar",
        "millares",
        "centenar",
        "centenares",
        "decena",
        "decenas",
        "docena",
        "docenas",
        "veintena",
        "veintenas",
        "tercio",
        "tercios",
        "mitad",
        "cuarta",
        "cuartas",
        "quinta",
        "quintas",
    )
)
_RANGE_GAP = re.compile(r"[ \u00a0]*(?:-|[ \u00a0](?:a|al|y|o|e|u|hasta)[ \u00a0])[ \u00a0]*")
_MONEY = frozenset({"pesos", "dólares", "euros"})
_MAX_ADJECTIVES = 3

# Words that cannot be (or continue) a noun phrase: articles, prepositions, conjunctions,
# pronouns, frequent verbs and adverbs, and number words.
_STOP = frozenset(
    """
    a al ante bajo con contra de del desde durante en entre hacia hasta mediante para por según
    sin so sobre tras versus vía y e o u ni que quien quienes cual cuales cuyo cuya cuyos cuyas
    el la lo los las un una uno unos unas su sus se le les me nos mi mis tu tus este esta estos
    ello ellos ellas él ella nosotros nosotras ustedes usted éstos éstas ésos ésas
    estas ese esa esos esas aquel aquella aquellos aquellas otro otra otros otras todo toda todos
    todas cada mismo misma mismos mismas ya no sí si más menos muy también tampoco además
    después antes aún apenas casi solo sólo sino pero aunque porque pues como cuando donde mientras
    es son fue fueron era eran será serán ha han había habían hay está están estaba estaban
    sea sean tiene tienen tuvo tuvieron hace hacen hizo puede pueden
    mil millón millones millar millares billón billones ciento cientos por ciento
    cero dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince
    veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)
_VERB_ENDINGS = ("ó", "á", "é", "í", "ron", "ban", "aron", "ían", "rán", "mos", "mente")
# After a singular head a verb looks like an adjective (`la plantilla cuenta con`): there a
# following word counts as an adjective only with an adjective's ending.
_SINGULAR_ADJECTIVE = re.compile(
    r"(?:al|ar|ic[oa]|iv[oa]|ari[oa]|os[oa]|ble|ente|ante|ad[oa]|id[oa]|ior|il|ista|an[oa]"
    r"|in[oa]|ense|er[oa]|objetivo|total|general)$"
)
_PARTITIVE = re.compile(
    r"[ \u00a0]+de[ \u00a0]+(?:los|las|sus|estos|estas|esos|esas)(?=[ \u00a0])", re.I
)
_INFINITIVE = re.compile(r"(?:ar|er|ir|ír)(?:se|lo|la|los|las|le|les)?$")


def _phrase(text: str, pos: int, plural: bool | None, limit: int) -> str | None:
    """The noun phrase starting with the word right after `pos` (spaces only in between), or
    None. `plural` True needs a plural head, False a singular one, None either."""
    m = _WORD.match(text, pos, limit)
    if not m:
        return None
    head = m.group(1)
    low = head.lower()
    if low in _STOP or len(low) < 2 or low.endswith("mente"):
        return None
    head_plural = low.endswith("s")
    if plural is True and not head_plural:
        return None
    if plural is False and head_plural:
        return None
    if plural is None and _INFINITIVE.search(low) and not head_plural:
        return None  # `para ampliar`: a purpose, not a noun
    words = [head]
    end = m.end()
    while len(words) <= _MAX_ADJECTIVES:
        m = _WORD.match(text, end, limit)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if (
            not word.islower()
            or low in _STOP
            or low.endswith(_VERB_ENDINGS)
            or low.endswith("s") != head_plural
            or (not head_plural and not _SINGULAR_ADJECTIVE.search(low))
        ):
            break
        words.append(word)
        end = m.end()
    return " ".join(words)


def figure_noun(text: str, figure: Mention, org_at: dict[int, Mention] | None = None) -> str | None:
    """The noun of one FIGURE mention of `text` (see the module's rules), or None.

    `org_at` maps start offsets to ORG mentions, for `dos Unidades de Medicina Familiar`.
    """
    end = figure.end
    limit = min(len(text), end + 160)
    newline = text.find("\n", end, limit)
    if newline != -1:
        limit = newline
    unit = figure.unit
    if unit == "%":
        m = _PERCENT_DE.match(text, end, limit)
        return _phrase(text, m.end(), None, limit) if m else None
    if unit in _MONEY:
        m = _AFTER_DE.match(text, end, limit)
        return _phrase(text, m.end(), None, limit) if m else None
    if org_at:
        for gap in (1, 2):
            org = org_at.get(end + gap)
            if org is not None and text[end : end + gap].isspace():
                return org.text
    words = figure.text.lower().split()
    if words and words[-1] in _SCALE_WORDS:
        m = _SCALE_DE.match(text, end, limit)
        if m:
            # `la mitad de la población` is singular; a count of millions is plural.
            plural = None if figure.value is not None and figure.value < 1 else True
            return _phrase(text, m.end(), plural, limit)
    single = unit is None and figure.value == 1
    noun = _phrase(text, end, not single, limit)
    if noun is None and unit is None:  # `cuatro de las nuevas salas`
        m = _PARTITIVE.match(text, end, limit)
        if m:
            noun = _phrase(text, m.end(), True, limit)
    return noun


def attach_nouns(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` (sorted by start) with `noun` and `noun_key` set on every FIGURE that has a
    noun; the others are returned as they are."""
    org_at = {m.start: m for m in mentions if m.type == "ORG"}
    figures = [(i, m) for i, m in enumerate(mentions) if m.type == "FIGURE"]
    nouns = [figure_noun(text, m, org_at) for _, m in figures]
    # A range's first end takes the noun of the second: `de 40 a 69 años`.
    for j in range(len(figures) - 2, -1, -1):
        first, second = figures[j][1], figures[j + 1][1]
        if (
            nouns[j] is None
            and nouns[j + 1] is not None
            and first.unit == second.unit
            and first.unit not in ("%", "ratio")
            and _RANGE_GAP.fullmatch(text, first.end, second.start)
        ):
            nouns[j] = nouns[j + 1]
    out = list(mentions)
    for (i, m), noun in zip(figures, nouns, strict=True):
        if noun is not None:
            out[i] = with_noun(m, noun, noun_key(noun))
    return out


@lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """The singular of one folded (lower-case, accentless) Spanish word; other words as given.

    Rules: words of three letters or fewer, and words ending in `is`, `us` or not in `s`, are
    kept (`mes`, `dosis`, `virus`, `cama`); `-ces` -> `-z` (`veces` -> `vez`); these drop `es`:
    a vowel then `l`, `r`, `n` or `y` (`hospitales`, `trabajadores`, `instituciones`, `leyes`),
    `-ades`/`-udes` (`unidades`), `-eses`/`-ises` (`meses`, `países`); any other final `s` is
    dropped (`residentes`, `sedes`, `clases`, `viajes`, `camas`). Known misses: `redes` ->
    `rede`, `relojes` -> `reloje`, `autobuses` -> `autobuse`.
    """
    n = len(word)
    if n <= 3 or not word.endswith("s") or word.endswith(("is", "us")):
        return word
    if word.endswith("ces"):
        return word[:-3] + "z"
    if n >= 5 and (
        (word[-3] in "lrny" and word[-4] in "aeiou" and word.endswith("es"))
        or word.endswith(("ades", "udes", "eses", "ises"))
    ):
        return word[:-2]
    return word[:-1]


@lru_cache(maxsize=8192)
def noun_key(noun: str) -> str:
    """The grouping form of a noun: folded, each word singular (`Médicos residentes` ->
    `medico residente`)."""
    return " ".join(singular(w) for w in fold(noun).split())


def matches(key: str | None, word: str) -> bool:
    """Does a figure's `noun_key` match what the user typed (`word`, folded the same way)?

    True when the folded word is the whole key or a run of its words (`residente` matches
    `residente` and `medico residente`; `medico residente` matches `medico residente`)."""
    if not key:
        return False
    wanted = noun_key(word)
    if not wanted:
        return False
    return f" {wanted} " in f" {key} "
