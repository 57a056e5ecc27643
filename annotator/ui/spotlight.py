"""Passing highlights in the reader (an actor's mentions, search hits), over the coded text.

They are the text edit's extra selections: drawn above the document's own formats and
gone with ``clear_spotlight``, so the coded highlighting is never rewritten for them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from annotator.ui.reader import Reader

MENTION = QColor("#ffb300")
QUOTE = QColor("#ffe082")
HIT = QColor("#80deea")


def spotlight(reader: Reader, spans: Iterable[tuple[int, int, QColor]], scroll: bool = True) -> int:
    """Highlight article offsets [start, end) in their colours; returns how many were drawn."""
    selections = []
    first: QTextCursor | None = None
    for start, end, colour in sorted(spans, key=lambda s: s[0]):
        cursor = QTextCursor(reader.text.document())
        cursor.setPosition(reader.doc_position(start))
        cursor.setPosition(reader.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        fmt.setForeground(QColor("#000000"))
        selection.format = fmt
        selections.append(selection)
        if first is None:
            first = QTextCursor(cursor)
    reader.text.setExtraSelections(selections)
    if scroll and first is not None:
        first.clearSelection()
        reader.text.setTextCursor(first)
        reader.text.ensureCursorVisible()
    return len(selections)


def clear_spotlight(reader: Reader) -> None:
    reader.text.setExtraSelections([])


def search_hits(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where the searched words occur (prefixes, case and accents ignored, as FTS5 matched)."""
    words = [w for t in terms for w in re.findall(r"\w+", t)]
    if not words:
        return []
    folded = _fold(text)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(_fold(w)) for w in words) + r")\w*")
    return [(m.start(), m.end()) for m in pattern.finditer(folded)]


def _fold(text: str) -> str:
    """Lower case without accents, one character for one (offsets stay those of ``text``)."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base.lower() if len(base.lower()) == 1 else ch)
    return "".join(out)
