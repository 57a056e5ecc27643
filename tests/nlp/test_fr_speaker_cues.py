"""French speakers named by less common reporting verbs and by structure (issue 13),
on sentences written for these tests."""

from __future__ import annotations

from annotator.nlp import analyze

from .conftest import check_offsets, find_quote


def test_fr_analyse_after_the_marks_names_the_speaker() -> None:
    text = (
        "« Rien n'est joué », a déclaré Paul Girard. « Le vote se fera sur la fin de "
        "campagne », analyse Claire Vasseur, politologue."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "Le vote se fera", "direct").speaker == "Claire Vasseur"
