"""Speakers that are not named people: organisations, institutions and unnamed sources,
each with its speaker type (sentences written for these tests)."""

from __future__ import annotations

from annotator.nlp import analyze

from .conftest import check_offsets, find_quote


def _speaker(text: str, lang: str, needle: str, kind: str) -> tuple[str | None, str | None]:
    a = analyze(text, lang)
    check_offsets(text, a)
    q = find_quote(a, needle, kind)
    return q.speaker, q.speaker_type


def test_fr_institutions_after_the_cue_are_organisations_without_their_article() -> None:
    text = (
        "« Les stocks de vaccins suffiront », précise l'agence régionale de santé dans un "
        "communiqué.\n"
        "« Il n'y aura pas de remaniement », estime Matignon.\n"
        "« Le dossier est clos », écrit le ministère.\n"
    )
    assert _speaker(text, "fr", "stocks", "direct") == (
        "agence régionale de santé",
        "organisation",
    )
    assert _speaker(text, "fr", "remaniement", "direct") == ("Matignon", "organisation")
    assert _speaker(text, "fr", "dossier", "direct") == ("ministère", "organisation")


def test_fr_unnamed_sources_are_the_descriptor_as_written() -> None:
    text = (
        "« Il ne se représentera pas », assure un proche du président.\n"
        "Selon un cadre du parti, le président partira en mars.\n"
    )
    assert _speaker(text, "fr", "représentera", "direct") == (
        "proche du président",
        "descriptor",
    )
    assert _speaker(text, "fr", "partira", "indirect") == ("cadre du parti", "descriptor")


def test_en_companies_and_spokespeople_without_names() -> None:
    text = (
        '"We will appeal the ruling," the company said.\n'
        '"The border stays open," a spokeswoman for the ministry said.\n'
        '"We expect a long winter," the ministry spokeswoman added later.\n'
    )
    assert _speaker(text, "en", "appeal", "direct") == ("company", "organisation")
    assert _speaker(text, "en", "border", "direct") == (
        "spokeswoman for the ministry",
        "descriptor",
    )


def test_en_who_was_told_is_not_the_speaker() -> None:
    text = '"I lost the second set on my serve," Kowalczyk told reporters.\n'
    speaker, _ = _speaker(text, "en", "second set", "direct")
    assert speaker != "reporters"


def test_named_people_are_persons() -> None:
    text = "« Nous tiendrons », a déclaré la maire de Nantes, Johanna Rolland.\n"
    assert _speaker(text, "fr", "tiendrons", "direct") == ("Johanna Rolland", "person")
