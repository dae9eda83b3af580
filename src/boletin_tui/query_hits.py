"""The current query's words, to highlight in the bulletin shown (issue 15). No Textual here.

`QueryHits.set_query(query)` takes the search field's text (its `leído:` filters left out);
`spans(text)` gives the (start, end) offsets of its hits in a bulletin's text, as the index
matches them (`search.hits.hit_spans`: words, a phrase as one span, `cerca:` words standing
together, figures by value); none while the query has no words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from boletin_tui.reading import split_read_filter

if TYPE_CHECKING:
    from boletin_tui.search.hits import Needles


class QueryHits:
    """See the module."""

    def __init__(self) -> None:
        self._needles: Needles | None = None

    def set_query(self, query: str) -> None:
        # Imported on the first query, not at launch (issue 11: the first frame's imports).
        from boletin_tui.search.hits import needles

        words = split_read_filter(query)[0]
        self._needles = needles(words) if words.strip() else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        if not self._needles:
            return []
        from boletin_tui.search.hits import hit_spans

        return hit_spans(text, self._needles)
