"""A quoted person's gender from what the article says (issue 13, item 5): honorifics,
titles with their determiner, feminine agreement, pronouns and first names of clear gender;
"unknown" rather than a guess, and when the clues disagree. Real pipelines, texts written here."""

from __future__ import annotations

from annotator.nlp import analyze


def _genders(text: str, lang: str) -> dict[str, str]:
    return {a.name: a.gender for a in analyze(text, lang).actors if a.type == "PERSON"}


def test_fr_honorifics_titles_agreement_and_first_names() -> None:
    text = (
        "« Nous ne céderons pas », a déclaré Mme Dubois, maire de Lyon, devant le conseil. "
        "Le ministre Jean Martin a répondu : « C'est trop tard. » "
        "« Je reste », a lancé Dominique Roux, arrivée en tête au premier tour. "
        "« La ville a changé », a expliqué Claire Fontaine, urbaniste."
    )
    genders = _genders(text, "fr")
    assert genders["Dubois"] == "female"  # Mme
    assert genders["Jean Martin"] == "male"  # first name (and « le ministre »)
    assert genders["Dominique Roux"] == "female"  # « arrivée »: the name says nothing
    assert genders["Claire Fontaine"] == "female"


def test_fr_nothing_said_is_unknown_not_masculine() -> None:
    # « porte-parole » is grammatically masculine by default: no evidence of a man.
    text = "« Rien n'est décidé », a indiqué Camille Leroy, porte-parole du collectif."
    assert _genders(text, "fr")["Camille Leroy"] == "unknown"


def test_en_honorifics_pronouns_and_first_names() -> None:
    text = (
        '"We will not give up," said Sarah Jones, the mayor. '
        '"It is too late," Mr Okafor replied. '
        'Robin Hale, a councillor, spoke next. "This is our city," she said. '
        '"Not yet," said Jamie Taylor.'
    )
    genders = _genders(text, "en")
    assert genders["Sarah Jones"] == "female"
    assert genders["Okafor"] == "male"
    assert genders["Robin Hale"] == "female"  # "she said" after her
    assert genders["Jamie Taylor"] == "unknown"  # a name used by women and men alike


def test_organisations_have_no_gender() -> None:
    text = "« Le plan est prêt », a indiqué la Commission européenne dans un communiqué."
    actors = analyze(text, "fr").actors
    assert all(a.gender == "unknown" for a in actors if a.type == "ORG")


def test_fr_a_first_name_alone_tells_unless_the_person_has_a_full_name() -> None:
    text = (
        "« On ne lâchera rien », lance Cédric, 45 ans, chauffeur routier. "
        "« Le budget est prêt », a déclaré Sophie Martin, adjointe aux finances. "
        "Martin a ajouté que le vote aurait lieu lundi."
    )
    genders = _genders(text, "fr")
    assert genders["Cédric"] == "male"
    # "Martin" alone is also a man's first name: here it is her surname.
    assert genders["Sophie Martin"] == "female"
