"""Sets of character spans (the quotations of a text) with logarithmic look-ups.

Rules ask, for every token, whether it lies inside a quotation: a scan of every
quotation each time made the analysis grow with the square of the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class QuotedSpans(list[tuple[int, int]]):
    """(start, end) character spans, still a list, that answer ``covers`` and
    ``starts_between`` in O(log n). Not to be changed after it is built."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        super().__init__(spans)
        self._starts = sorted(s for s, _ in self)
        # The union of the spans, as disjoint sorted intervals.
        self._lo: list[int] = []
        self._hi: list[int] = []
        for s, e in sorted(self):
            if e <= s:
                continue
            if self._hi and s <= self._hi[-1]:
                self._hi[-1] = max(self._hi[-1], e)
            else:
                self._lo.append(s)
                self._hi.append(e)

    def covers(self, pos: int) -> bool:
        """Whether some span has start <= pos < end."""
        k = bisect.bisect_right(self._lo, pos) - 1
        return k >= 0 and pos < self._hi[k]

    def starts_between(self, lo: int, hi: int) -> bool:
        """Whether some span starts strictly after lo and strictly before hi."""
        k = bisect.bisect_right(self._starts, lo)
        return k < len(self._starts) and self._starts[k] < hi


def covers(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether pos lies inside one of spans (fast when spans is a QuotedSpans)."""
    if isinstance(spans, QuotedSpans):
        return spans.covers(pos)
    return any(s <= pos < e for s, e in spans)


def starts_between(spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Whether one of spans starts strictly between lo and hi."""
    if isinstance(spans, QuotedSpans):
        return spans.starts_between(lo, hi)
    return any(lo < s < hi for s, _ in spans)
