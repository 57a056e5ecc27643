"""French reported speech on real-news patterns (issue 13): « selon X » in the middle of a
sentence, « selon laquelle » after the source, « Pour le syndicat, … ». Sentences written
for these tests."""

from __future__ import annotations

from annotator.nlp import analyze

from .conftest import check_offsets, find_quote


def test_fr_selon_set_off_in_the_middle_of_a_sentence() -> None:
    text = (
        "Les cortèges se sont dispersés dans le calme. La veille, selon le ministère de "
        "l'Intérieur, près de 120 000 personnes avaient manifesté dans 800 communes."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "avaient manifesté", "indirect")
    assert q.text.startswith("près de 120 000")
    assert q.speaker == "ministère de l'Intérieur"


def test_fr_selon_laquelle_reports_what_follows_for_the_noun_before() -> None:
    text = (
        "Un gendarme a été blessé au rond-point. Il est hors de danger, a précisé la "
        "préfecture, selon laquelle le conducteur a pris la fuite."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "pris la fuite", "indirect")
    assert q.text == "le conducteur a pris la fuite"
    assert q.speaker == "préfecture"


def test_fr_pour_an_institution_opening_a_sentence_reports_speech() -> None:
    text = (
        "La manifestation a été interdite par la mairie. Pour le syndicat, cette décision "
        "est une atteinte grave au droit de manifester."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "atteinte grave", "indirect")
    assert q.speaker == "syndicat"
