"""Pair quotation marks on the original text, paragraph by paragraph."""

from __future__ import annotations

from dataclasses import dataclass

_CLOSERS = {"«": "»", "“": "”", "„": "“", "‘": "’", '"': '"', "‹": "›"}
_ALT_CLOSERS = {"„": "”"}
_SPACES = " \t\u00a0\u202f\u2009"


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """A quotation between marks: mark positions and the inner (trimmed) span."""

    open_pos: int
    close_pos: int
    start: int
    end: int


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in _CLOSERS:
        return False
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt in "\n":
        return False
    if ch in '‘"':
        # An apostrophe-like mark between letters ("l‘homme") or a closing one is no opener.
        prev = text[i - 1] if i > 0 else ""
        if prev.isalnum() or nxt.isspace():
            return False
    return True


def _is_closer(text: str, i: int, opener: str) -> bool:
    ch = text[i]
    if ch != _CLOSERS[opener] and ch != _ALT_CLOSERS.get(opener):
        return False
    if ch == "’":
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if nxt.isalpha():  # "qu’il": an apostrophe, not the end of the quote
            return False
    return True


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Return balanced quotations; a quote runs over a paragraph break only when
    the next paragraph opens with a quotation mark."""
    spans: list[MarkedSpan] = []
    n = len(text)
    i = 0
    opener: str | None = None
    open_pos = 0
    while i < n:
        ch = text[i]
        if opener is None:
            if _is_opener(text, i):
                opener, open_pos = ch, i
        elif ch == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] in _CLOSERS and text[j] == opener:
                i = j  # continued quote: skip the reopening mark
            else:
                opener = None
                i = j
                continue
        elif _is_closer(text, i, opener):
            start, end = open_pos + 1, i
            while start < end and text[start] in _SPACES:
                start += 1
            while end > start and text[end - 1] in _SPACES:
                end -= 1
            if end > start:
                spans.append(MarkedSpan(open_pos, i, start, end))
            opener = None
        i += 1
    return spans
