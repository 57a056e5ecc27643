"""Text helpers on character offsets, shared by every layer."""

from __future__ import annotations


def _in_word(char: str) -> bool:
    # Apostrophes are boundaries: a coder selecting "adjointe" in « l’adjointe » means it.
    return char.isalnum() or char == "-"


def snap_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A coder's selection as a clean span: no surrounding whitespace, no half words.

    A selection that starts or ends inside a word grows to the whole word, as in
    MAXQDA and INCEpTION; punctuation at either end is left as selected.
    """
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return start, start
    if _in_word(text[start]):
        while start > 0 and _in_word(text[start - 1]):
            start -= 1
    if _in_word(text[end - 1]):
        while end < len(text) and _in_word(text[end]):
            end += 1
    return start, end


def shorten(text: str, limit: int = 40) -> str:
    """Text on one line, cut to ``limit`` characters with an ellipsis (for messages)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
