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
