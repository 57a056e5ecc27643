"""English speakers on real-news patterns (issue 13, item 2), on sentences written for
these tests."""

from __future__ import annotations

from annotator.nlp import analyze

from .conftest import check_offsets, find_quote


def test_en_an_institution_with_its_owner_is_the_speaker_as_written() -> None:
    text = (
        "Police arrested dozens of people on Saturday. The Lyon prosecutor's office said "
        "that 64 of them had been placed in custody."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "placed in custody", "indirect")
    assert q.speaker == "Lyon prosecutor's office"
    assert q.speaker_type == "organisation"


def test_en_a_pronoun_after_an_unnamed_source_means_that_source() -> None:
    text = (
        "“Nobody listens to us,” a retired miner said at the roundabout. Lorries slowed "
        "down to look at the banners.\n\nIt was cold. “We will stay here all winter,” he "
        "added."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    assert find_quote(a, "all winter", "direct").speaker == "retired miner"


def test_en_report_ending_in_quoted_words_with_the_comma_inside_the_marks() -> None:
    text = (
        'The senator spoke for an hour. Children growing up now "will have a different view '
        'of these questions," Maria Lopez said.'
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "Children growing up", "indirect")
    assert q.speaker == "Maria Lopez"
    assert find_quote(a, "different view", "partial").speaker == "Maria Lopez"
