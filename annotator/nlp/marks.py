"""Pair quotation marks on the original text, paragraph by paragraph."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_CLOSERS = {"«": "»", "“": "”", "„": "“", "‘": "’", '"': '"', "‹": "›", "'": "'"}
_ALT_CLOSERS = {"„": "”", '"': "”"}
# Typed and typeset marks get mixed in one quotation ('“…," Menear said'): a straight
# mark closes a curly opening when it ends a word and no word follows it.
_MIXED_CLOSERS = {"“": '"'}
_SPACES = " \t\u00a0\u202f\u2009"
_SINGLE_CLOSER = re.compile(r"(?<=\S)'(?![^\W_])")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """A quotation between marks: mark positions and the inner (trimmed) span."""

    open_pos: int
    close_pos: int
    start: int
    end: int
    # Whether it goes on with the quotation of the paragraph before, whose closing
    # mark was left out at that paragraph's end.
    continued: bool = False


def _is_opener(text: str, i: int, singles: _SingleMarks) -> bool:
    ch = text[i]
    if ch not in _CLOSERS:
        return False
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt in "\n":
        return False
    if ch in "‘\"'":
        # An apostrophe-like mark between letters ("l‘homme") or a closing one is no opener.
        prev = text[i - 1] if i > 0 else ""
        if prev.isalnum() or nxt.isspace():
            return False
    if ch == "'":
        return singles.closes_after(i)
    return True


class _SingleMarks:
    """Where a straight single mark may close a quote: after no space, before no letter
    or digit ("his 'biggest frustration'", "'carry', these"). It is mostly an apostrophe
    ("the '90s", "rock 'n' roll"), so one opens a quote only when one of these closes it
    in the same paragraph."""

    def __init__(self, text: str) -> None:
        self.closers = [m.start() for m in _SINGLE_CLOSER.finditer(text)]
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def closes_after(self, i: int) -> bool:
        k = bisect.bisect_right(self.closers, i)
        if k == len(self.closers):
            return False
        b = bisect.bisect_right(self.breaks, i)
        return b == len(self.breaks) or self.closers[k] < self.breaks[b]

    def is_closer(self, i: int) -> bool:
        k = bisect.bisect_left(self.closers, i)
        return k < len(self.closers) and self.closers[k] == i


def _is_closer(text: str, i: int, opener: str, singles: _SingleMarks) -> bool:
    ch = text[i]
    if ch == _MIXED_CLOSERS.get(opener):
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        return bool(prev) and not prev.isspace() and not nxt.isalnum()
    if ch != _CLOSERS[opener] and ch != _ALT_CLOSERS.get(opener):
        return False
    if ch == "’":
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if nxt.isalpha():  # "qu’il": an apostrophe, not the end of the quote
            return False
    if ch == "'":
        return singles.is_closer(i)
    return True


def _span(open_pos: int, close_pos: int, text: str, continued: bool) -> MarkedSpan | None:
    start, end = open_pos + 1, close_pos
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    return MarkedSpan(open_pos, close_pos, start, end, continued) if end > start else None


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Return balanced quotations; a quote runs over a paragraph break only when
    the next paragraph opens with a quotation mark, and is then one quotation per
    paragraph, each after the first marked as continuing the one before."""
    spans: list[MarkedSpan] = []
    n = len(text)
    i = 0
    opener: str | None = None
    open_pos = 0
    continued = False
    singles = _SingleMarks(text)
    while i < n:
        ch = text[i]
        if opener is None:
            if _is_opener(text, i, singles):
                opener, open_pos = ch, i
        elif ch == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] in _CLOSERS and text[j] == opener:
                # A continued quote: this paragraph's part ends at the line break.
                part = _span(open_pos, i, text, continued)
                if part is not None:
                    spans.append(part)
                open_pos, continued = j, True
                i = j
            else:
                opener, continued = None, False
                i = j
                continue
        elif _is_closer(text, i, opener, singles):
            part = _span(open_pos, i, text, continued)
            if part is not None:
                spans.append(part)
            opener, continued = None, False
        i += 1
    return spans
