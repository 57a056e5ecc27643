"""Persons from what is around a name (issue 13): titles of works in marks, first names the
NER cut off, ages; real spaCy pipelines, invented sentences."""

from __future__ import annotations

from annotator.nlp import analyze


def _persons(text: str, lang: str) -> list[str]:
    return [e.text for e in analyze(text, lang).entities if e.label == "PERSON"]


def test_titles_of_works_in_marks_are_no_persons() -> None:
    en = "She starred in the film “Jackie Brown” and later in the series “Ray Donovan”."
    assert _persons(en, "en") == []
    fr = "Le réalisateur présentera son film « Jeanne Dielman » au festival."
    assert _persons(fr, "fr") == []


def test_a_show_title_in_marks_is_no_person_but_a_name_in_marks_is() -> None:
    text = 'The show "Ted Lasso" won again, said Jason Sudeikis.'
    assert _persons(text, "en") == ["Jason Sudeikis"]
    text = "Le prix revient à « Marie Dupont », a annoncé le jury."
    assert _persons(text, "fr") == ["Marie Dupont"]


def test_a_first_name_the_ner_cut_off_is_part_of_the_name() -> None:
    text = "La chef de file de l'extrême droite Marine Le Pen a réclamé une dissolution."
    assert _persons(text, "fr") == ["Marine Le Pen"]


def test_a_name_given_an_age_is_a_person() -> None:
    fr = "« On fait de la survie », dénonçait Émilie, 27 ans. Pamela, 33 ans, a tout vu."
    assert _persons(fr, "fr") == ["Émilie", "Pamela"]
    en = "Eloise Parry, 21, was taken to hospital. “As Eloise deteriorated, staff did all.”"
    assert _persons(en, "en") == ["Eloise Parry", "Eloise"]


def test_a_capitalised_word_after_an_article_is_no_person() -> None:
    text = "The Bill would require telecommunications companies to keep data, Bill Shorten said."
    assert _persons(text, "en") == ["Bill Shorten"]


def test_initials_of_a_person_named_in_full_are_that_person() -> None:
    text = (
        "Le député Gabriel Nadeau-Dubois a pris la parole. « Habituez-vous », dit GND. "
        "L'actrice Brigitte Bardot a parlé. Pour BB, le PS a tort, dit Paul Sorel."
    )
    persons = _persons(text, "fr")
    assert "GND" in persons and "BB" in persons and "PS" not in persons


def test_a_name_without_its_possessive_suffix_or_without_its_suffix_word() -> None:
    text = (
        "Patrick W. Carlineo Jr., 55, pleaded guilty. Reforms forced the George Soros-funded "
        "university to move. Islam de France and Jean Dupont met; France approved."
    )
    persons = _persons(text, "en")
    assert "Patrick W. Carlineo Jr." in persons
    assert "George Soros" in persons
    assert "France" not in persons


def test_one_function_spells_initials_for_entities_and_speakers() -> None:
    from annotator.nlp.persons import spelled_initials

    assert spelled_initials("Gabriel Nadeau-Dubois") == "GND"
    assert spelled_initials("Brigitte Bardot") == "BB"
    assert spelled_initials("Pierre Simon") == ""  # « PS » is a party's
    assert spelled_initials("Nadeau-Dubois") == ""  # one word: no initials to speak of
    text = (
        "Le député Gabriel Nadeau-Dubois a pris la parole jeudi. "
        "« Nous ne reculerons pas », a lancé GND devant les militants."
    )
    quote = next(q for q in analyze(text, "fr").quotes if q.text.startswith("Nous"))
    assert quote.speaker == "Gabriel Nadeau-Dubois"
