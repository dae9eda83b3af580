"""A parsed query (`search.query`) to SQL over the corpus database (`boletin_tui.corpusdb`).

Text conditions become one FTS5 expression where they can (`fts MATCH ?`); tags, dates,
`anotado:` and, when any bulletin is annotated, words (which also match tags and notes) become
sub-selects combined with INTERSECT / UNION / EXCEPT. Every piece is a `SELECT id`; values
always travel as parameters. Prefixes shorter than `MIN_PREFIX` are matched as whole words (a
one-letter prefix would read most of the index on every keystroke; the parser drops one
being typed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boletin_tui.search.query import (
    MIN_PREFIX,
    And,
    Annotated,
    Filter,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    Term,
)

ALL = "SELECT id FROM bulletins WHERE key IS NOT NULL"
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


@dataclass(frozen=True, slots=True)
class Fts:
    """A pure-text condition as an FTS5 expression."""

    expr: str


@dataclass(frozen=True, slots=True)
class Sql:
    """A condition as a `SELECT id` statement and its parameters."""

    sql: str
    params: tuple[object, ...] = ()


def compile_node(node: Node, annotations: bool) -> Fts | Sql:
    """`node` as FTS or SQL; with `annotations`, words and phrases also match tags and notes."""
    if isinstance(node, Term | Phrase | Near):
        expr = _text_expr(node)
        if not annotations or isinstance(node, Near):
            return Fts(expr)
        return Sql(
            "SELECT rowid AS id FROM fts WHERE fts MATCH ? UNION "
            "SELECT b.id FROM temp.ann_fts a JOIN bulletins b ON b.key = a.key "
            "WHERE ann_fts MATCH ?",
            (expr, _ann_expr(expr)),
        )
    if isinstance(node, Filter):
        return _filter(node)
    if isinstance(node, Annotated):
        annotated = "SELECT b.id FROM temp.ann a JOIN bulletins b ON b.key = a.key"
        return Sql(annotated) if node.yes else _except(Sql(ALL), Sql(annotated))
    if isinstance(node, Not):
        return _except(Sql(ALL), as_sql(compile_node(node.node, annotations)))
    if isinstance(node, Or):
        parts = [compile_node(n, annotations) for n in node.nodes]
        if all(isinstance(p, Fts) for p in parts):
            return Fts(" OR ".join(f"({p.expr})" for p in parts if isinstance(p, Fts)))
        return _compound("UNION", [as_sql(p) for p in parts])
    return _and(node, annotations)


def as_sql(part: Fts | Sql) -> Sql:
    if isinstance(part, Sql):
        return part
    return Sql("SELECT rowid AS id FROM fts WHERE fts MATCH ?", (part.expr,))


def _and(node: And, annotations: bool) -> Fts | Sql:
    positive: list[Fts | Sql] = []
    negative: list[Fts | Sql] = []
    for child in node.nodes:
        if isinstance(child, Not):
            negative.append(compile_node(child.node, annotations))
        else:
            positive.append(compile_node(child, annotations))
    fts_pos = [p.expr for p in positive if isinstance(p, Fts)]
    fts_neg = [p.expr for p in negative if isinstance(p, Fts)]
    sql_pos = [p for p in positive if isinstance(p, Sql)]
    sql_neg = [p for p in negative if isinstance(p, Sql)]
    head: Fts | Sql | None = None
    if fts_pos:
        expr = " AND ".join(f"({e})" for e in fts_pos)
        if fts_neg:  # FTS5's NOT is binary: positives NOT (any negative)
            expr = f"({expr}) NOT ({' OR '.join(f'({e})' for e in fts_neg)})"
            fts_neg = []
        head = Fts(expr)
    if head is not None and not sql_pos and not sql_neg and not fts_neg:
        return head
    pieces = ([as_sql(head)] if head is not None else []) + sql_pos
    result = _compound("INTERSECT", pieces) if pieces else Sql(ALL)
    removed = sql_neg + [as_sql(Fts(e)) for e in fts_neg]
    for neg in removed:
        result = _except(result, neg)
    return result


def _compound(op: str, parts: list[Sql]) -> Sql:
    if len(parts) == 1:
        return parts[0]
    sql = f" {op} ".join(f"SELECT id FROM ({p.sql})" for p in parts)
    return Sql(sql, tuple(v for p in parts for v in p.params))


def _except(left: Sql, right: Sql) -> Sql:
    return _compound("EXCEPT", [left, right])


def _filter(node: Filter) -> Sql:
    value, prefix = node.value.text, node.value.prefix
    if node.kind == "tag":  # the whole tag, never a prefix: `#salud` is not `salud mental`
        return Sql(
            "SELECT b.id FROM temp.ann_tags t JOIN bulletins b ON b.key = t.key WHERE t.tag = ?",
            (value,),
        )
    column = "year" if node.kind == "year" else "month"
    span = value.split("-")
    if column == "year" and len(span) == 2 and all(s.isdigit() for s in span):
        return Sql(
            "SELECT id FROM bulletins WHERE year BETWEEN ? AND ?", (int(span[0]), int(span[1]))
        )
    if prefix:
        like = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return Sql(
            f"SELECT id FROM bulletins WHERE CAST({column} AS TEXT) LIKE ? ESCAPE '\\'", (like,)
        )
    if column == "year":
        return Sql(
            "SELECT id FROM bulletins WHERE year = ?", (int(value) if value.isdigit() else -1,)
        )
    return Sql("SELECT id FROM bulletins WHERE month = ?", (value,))


def _text_expr(node: Term | Phrase | Near) -> str:
    if isinstance(node, Near):
        return f"NEAR({' '.join(_quote(w) for w in node.words)}, {node.distance})"
    if isinstance(node, Phrase):
        phrase = _quote(" ".join(node.words))
        return phrase + ("*" if node.open_end and len(node.words[-1]) >= MIN_PREFIX else "")
    star = "*" if node.prefix and len(node.text) >= MIN_PREFIX else ""
    expr = _quote(node.text) + star
    if _THOUSANDS.fullmatch(node.text):  # `11,907` also finds `11907` and `11 mil 907`
        digits = node.text.replace(",", "").replace(".", "")
        expr = f"{expr} OR {_quote(digits)}{star}"
    return expr


def _ann_expr(expr: str) -> str:
    """An FTS expression for the annotation table (its one indexed column is `words`)."""
    return f"words : ({expr})"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
