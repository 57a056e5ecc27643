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


def test_pieces_join_back_and_end_at_line_breaks_then_spaces() -> None:
    from annotator.nlp.pipelines import text_pieces

    text = "one two\nthree four five\n" + "x" * 25 + " six seven"
    pieces = text_pieces(text, limit=10)
    assert "".join(pieces) == text
    assert all(len(p) <= 10 for p in pieces)
    assert pieces[0] == "one two\n"


def test_long_text_in_pieces_keeps_offsets_and_finds_both_sides_of_a_boundary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from annotator.nlp import pipelines

    para = "« Nous devons agir ensemble », a déclaré Emmanuel Macron à Berlin.\n"
    text = para * 6
    whole = nlp.analyze(text, "fr")
    monkeypatch.setattr(pipelines, "PIECE_CHARS", len(para) + 5)  # a piece per paragraph
    assert len(pipelines.text_pieces(text)) == 6
    pieced = nlp.analyze(text, "fr")
    check_offsets(text, pieced)
    assert [(q.start, q.end, q.speaker) for q in pieced.quotes] == [
        (q.start, q.end, q.speaker) for q in whole.quotes
    ]
    assert len(pieced.quotes) == 6
    people = [e for e in pieced.entities if e.text == "Emmanuel Macron"]
    assert len(people) == 6  # on each side of every boundary
    many = list(nlp.analyze_many([text, "Court."], "fr"))
    assert [(q.start, q.end) for q in many[0].quotes] == [(q.start, q.end) for q in whole.quotes]


def test_a_long_run_of_symbols_is_cut_for_the_model_with_offsets_kept() -> None:
    from annotator.nlp.normalize import MAX_SYMBOL_RUN, normalize_for_model

    text = "Avant. " + "=" * 5000 + " Emmanuel Macron a parlé. " + "🎉" * 300
    norm = normalize_for_model(text)
    assert len(norm) == len(text)
    assert norm.count("=") == MAX_SYMBOL_RUN and norm.count("🎉") == MAX_SYMBOL_RUN
    analysis = nlp.analyze(text, "fr")
    check_offsets(text, analysis)
    assert any(e.text == "Emmanuel Macron" for e in analysis.entities)
