"""Texts built to make rules slow or large: results stay right and work grows with the text.

Nothing here is timed (bench/pathological.py measures time); growth is counted in calls.
"""

from __future__ import annotations

import pytest

from annotator import nlp
from annotator.nlp import speakers
from annotator.nlp.spans import QuotedSpans, covers, starts_between

from .conftest import check_offsets


def test_quoted_spans_answer_as_a_scan_of_every_span_would() -> None:
    spans = [(10, 20), (15, 30), (40, 41), (50, 50), (60, 70)]
    fast = QuotedSpans(spans)
    assert fast == spans  # still the list it was built from
    for pos in range(-1, 80):
        assert covers(fast, pos) == covers(spans, pos), pos
    for lo in range(-1, 75, 3):
        for hi in range(lo, 80, 7):
            assert starts_between(fast, lo, hi) == starts_between(spans, lo, hi), (lo, hi)


def test_nested_spans_cover_the_outer_span_after_the_inner_one() -> None:
    assert QuotedSpans([(0, 100), (10, 20)]).covers(50)
    assert not QuotedSpans([]).covers(0)


def _name_word_calls(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    calls = 0
    original = speakers.SpeakerResolver._name_words

    def counted(self: speakers.SpeakerResolver, m: object) -> list[str]:
        nonlocal calls
        calls += 1
        return original(self, m)  # type: ignore[arg-type]

    monkeypatch.setattr(speakers.SpeakerResolver, "_name_words", counted)
    analysis = nlp.analyze(text, "en")
    check_offsets(text, analysis)
    return calls


def test_name_look_ups_grow_with_the_text_not_its_square(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each "Smith" once compared its name with every other "Smith": 3,000 of them
    # took 12 s after the parse.
    line = "Smith said that Jones told Brown that it was over. "
    small = _name_word_calls(monkeypatch, line * 60)
    large = _name_word_calls(monkeypatch, line * 240)
    assert large < 6 * small, (small, large)


def test_three_hundred_repeated_quotes_are_all_found() -> None:
    text = 'Anna Berg spoke. He said "no." ' + 'He said "hello there." ' * 300
    analysis = nlp.analyze(text, "en")
    check_offsets(text, analysis)
    direct = [q for q in analysis.quotes if q.text.startswith("hello")]
    assert len(direct) == 300
