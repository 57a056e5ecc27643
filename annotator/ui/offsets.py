"""Map between Python string offsets (what the store keeps) and QTextDocument positions.

Qt counts UTF-16 code units, so every character outside the Basic Multilingual
Plane (emoji, some CJK) takes two positions in the document but one in Python.
"""

from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    """Converts offsets for one text; the identity (and free) for BMP-only text."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        # _wide[i] is the Python offset of the i-th astral character.
        self._wide = wide

    def to_doc(self, offset: int) -> int:
        """The document position of a Python offset."""
        if not self._wide:
            return offset
        # Each astral character before ``offset`` adds one extra position.
        return offset + bisect_right(self._wide, offset - 1)

    def to_text(self, position: int) -> int:
        """The Python offset of a document position (a position inside a pair rounds down)."""
        if not self._wide:
            return min(position, self._length)
        lo, hi = 0, self._length
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.to_doc(mid) <= position:
                lo = mid
            else:
                hi = mid - 1
        return lo
