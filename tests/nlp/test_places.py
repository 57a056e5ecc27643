"""Places without their article, and nationalities that are no places (issue 13, item 6),
with the real French pipeline; invented sentences."""

from __future__ import annotations

from annotator.nlp import analyze


def _of(text: str, label: str) -> list[str]:
    return [e.text for e in analyze(text, "fr").entities if e.label == label]


def test_a_place_is_named_without_its_article() -> None:
    text = (
        "La France a envoyé des renforts. Le gouvernement veut que la France reste unie. "
        "Seule La Réunion a connu une baisse, comme les Antilles."
    )
    places = _of(text, "PLACE")
    assert places.count("France") == 2
    assert not [p for p in places if p.lower().startswith(("la ", "les "))]


def test_a_place_whose_article_is_its_name_keeps_it() -> None:
    places = _of("Le maire a inauguré le port de La Rochelle hier.", "PLACE")
    assert "La Rochelle" in places


def test_nationalities_and_the_state_are_no_places() -> None:
    text = (
        "Les Français ont manifesté samedi, et les Algériens ont suivi. Des Belges et des "
        "Néerlandais sont venus à Calais. L'Etat doit réagir, a dit un élu."
    )
    places = _of(text, "PLACE")
    assert "Calais" in places
    assert not {"Français", "Algériens", "Belges", "Néerlandais", "Etat"} & set(places)
    assert not {"Français", "Algériens"} & set(_of(text, "ORG"))


def test_organisations_of_the_ner_that_the_words_before_make_places() -> None:
    text = (
        "Police said the couple lived in Grande-Synthe, a suburb of Dunkirk, and met in "
        "Parliament. The Hihiaua Cultural Centre is near the harbour."
    )
    entities = {(e.text, e.label) for e in analyze(text, "en").entities}
    assert {("Grande-Synthe", "PLACE"), ("Dunkirk", "PLACE")} <= entities
    assert {("Parliament", "ORG"), ("Hihiaua Cultural Centre", "ORG")} <= entities


def _en(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in analyze(text, "en").entities}


def test_a_name_before_a_lowercase_site_noun_is_a_place_with_it() -> None:
    text = (
        "The family moved to the Ardèche valley four years ago. Like many people in the "
        "Ardèche valley, Paul Sorel drives to work."
    )
    places = [e.text for e in analyze(text, "en").entities if e.label == "PLACE"]
    assert places.count("Ardèche valley") == 2


def test_a_name_after_the_before_an_area_noun_is_a_place_never_a_person() -> None:
    entities = _en(
        "Marie Vidal is a writer from the Cévennes region of France. Samuel Roux lives in "
        "the Drôme region."
    )
    assert {("Drôme", "PLACE"), ("Cévennes", "PLACE"), ("Samuel Roux", "PERSON")} <= entities
    assert ("Drôme", "PERSON") not in entities


def test_a_name_ending_with_a_site_word_is_a_place() -> None:
    entities = _en(
        "Hikers reached the Exit Glacier on Sunday. Nadia Petrova won on Ken Rosewall Arena. "
        "John Wall scored 20 points."
    )
    assert {("Exit Glacier", "PLACE"), ("Ken Rosewall Arena", "PLACE")} <= entities
    assert ("John Wall", "PERSON") in entities


def test_a_place_of_the_ner_with_an_institution_word_is_an_organisation() -> None:
    entities = _en("The case went before the Marion County Common Pleas Court in March.")
    assert ("Marion County Common Pleas Court", "ORG") in entities
