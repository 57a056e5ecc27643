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
