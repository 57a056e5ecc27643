"""Entities: labels, cleaning, paragraph splitting, datelines, typographic apostrophes."""

from __future__ import annotations

from annotator.core.models import ENTITY_LABELS
from annotator.nlp import analyze
from annotator.nlp.entities import _dateline_regions
from annotator.nlp.normalize import normalize_for_model

from .conftest import FR_TEXT, check_offsets


def test_normalize_is_length_preserving() -> None:
    text = "L’homme a dit “oui” et ‘non’ à « l’Europe »\u00a0!"
    norm = normalize_for_model(text)
    assert len(norm) == len(text)
    assert "’" not in norm and "“" not in norm
    assert norm.startswith("L'homme")


def test_labels_are_mapped(fr_analysis, en_analysis) -> None:
    for analysis in (fr_analysis, en_analysis):
        assert analysis.entities
        assert {e.label for e in analysis.entities} <= set(ENTITY_LABELS)


def test_no_clitic_junk_with_typographic_apostrophes() -> None:
    text = (
        "Jusqu’à présent, l’entreprise n’a pas répondu. C’est ce qu’a expliqué "
        "Jean-Luc Mélenchon lors d’un meeting à Marseille, qu’il a qualifié d’historique."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    texts = [e.text for e in a.entities]
    assert not any(t.lower() in ("qu’", "n’", "l’", "d’", "c’") for t in texts), texts
    assert all(len(t) > 1 for t in texts)
    assert "Jean-Luc Mélenchon" in texts
    assert "Marseille" in texts


def test_entities_do_not_cross_paragraph_breaks() -> None:
    text = "Les combats continuent en Ukraine\n\nKiev\nLa ville de Lviv a été touchée.\n"
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert all("\n" not in e.text for e in a.entities)
    assert "Ukraine" in [e.text for e in a.entities]


def test_datelines_are_not_persons(fr_analysis, en_analysis) -> None:
    fr = {e.text: e.label for e in fr_analysis.entities[:3]}
    assert fr.get("BELGA") == "ORG"
    assert fr.get("Bruxelles") == "PLACE"
    en = {e.text: e.label for e in en_analysis.entities[:2]}
    assert en == {"LONDON": "PLACE", "Reuters": "ORG"}
    persons = [e.text for e in fr_analysis.entities + en_analysis.entities if e.label == "PERSON"]
    assert not any(p in ("Bruxelles", "BELGA", "LONDON", "Reuters") for p in persons)


def test_persons_found(fr_analysis) -> None:
    persons = {e.text for e in fr_analysis.entities if e.label == "PERSON"}
    assert {"Ursula von der Leyen", "Alexander De Croo", "Vincent Van Peteghem"} <= persons
    assert FR_TEXT.count("Ursula von der Leyen") == 3


def _labels(text: str, lang: str) -> dict[str, set[str]]:
    a = analyze(text, lang)
    check_offsets(text, a)
    out: dict[str, set[str]] = {}
    for e in a.entities:
        out.setdefault(e.label, set()).add(e.text)
    return out


def test_dateline_variants_are_places_and_agencies_not_persons() -> None:
    cases = [
        ("fr", "Titre\nPARIS, 14 mars (AFP) - Le texte a été adopté.", {"PARIS"}, {"AFP"}),
        ("en", "Title\nCOLUMBUS, Ohio (AP) — A fine was ordered.", {"COLUMBUS", "Ohio"}, {"AP"}),
        ("en", "Title\nSAN JOSE, Calif., Aug 7 (Reuters) - Up.", {"SAN JOSE"}, {"Reuters"}),
        ("fr", "Titre\nAnkara / AA\nLe ministre a parlé.", {"Ankara"}, {"AA"}),
        ("fr", "Titre\nLES SABLES-D’OLONNE (Vendée) - Sur le quai.", {"Vendée"}, set()),
        ("en", "Title\nSYDNEY — Corals on the reef survived.", {"SYDNEY"}, set()),
    ]
    for lang, text, places, agencies in cases:
        labels = _labels(text, lang)
        assert places <= labels.get("PLACE", set()), (text, labels)
        assert agencies <= labels.get("ORG", set()), (text, labels)
        assert not (places | agencies) & labels.get("PERSON", set()), (text, labels)


def test_a_dash_in_a_sentence_is_no_dateline() -> None:
    for line in (
        "Marie Dupont - la maire - a parlé à Lyon.",
        "Le président a dit - non - à la réforme.",
        "The WHO Director — a doctor — spoke.",
        "Paris (France) est loin.",
    ):
        assert _dateline_regions(normalize_for_model(f"Titre\n{line}")) == [], line


def test_titles_and_prepositions_are_cut_off_names() -> None:
    labels = _labels(
        "Son avocat, Me François Delorme, a plaidé la relaxe. Selon Delorme, le dossier est vide.",
        "fr",
    )
    assert {"François Delorme", "Delorme"} <= labels["PERSON"]
    assert not any(p.startswith(("Me ", "Selon")) for p in labels["PERSON"])
    labels = _labels("Councillor Janet Brewster said the rise was fair.", "en")
    assert labels["PERSON"] == {"Janet Brewster"}


def test_names_after_titles_and_known_surnames_are_persons() -> None:
    text = (
        "Democrat Marcus Bell lost by 41 votes. Judge Margaret Owens allowed Carlos Salgado "
        "to remain free on bond.\n"
        "His partner testified against Salgado last year. Salgado declined to comment, "
        "and Bell said nothing."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    persons = [e.text for e in a.entities if e.label == "PERSON"]
    assert {"Marcus Bell", "Margaret Owens", "Carlos Salgado"} <= set(persons)
    assert persons.count("Salgado") == 2 and persons.count("Bell") == 1
    assert not any(e.label != "PERSON" and e.text in ("Salgado", "Bell") for e in a.entities)


def test_surname_of_a_person_stays_a_place_after_in() -> None:
    text = "Jack London wrote about the sea. He later moved to London, where London was cold."
    a = analyze(text, "en")
    after_to = next(e for e in a.entities if e.start == text.index("London,"))
    assert after_to.label == "PLACE"


def test_organisation_words_make_organisations_and_english_articles_are_cut() -> None:
    text = (
        "Halvorsen Breweries cut its forecast on Tuesday, said Fiona Kerr of the University "
        "of Townsville."
    )
    a = analyze(text, "en")
    labels = {e.text: e.label for e in a.entities}
    assert labels.get("Halvorsen Breweries") == "ORG"
    assert labels.get("University of Townsville") == "ORG"
    assert labels.get("Fiona Kerr") == "PERSON"
    assert not any(e.text.lower().startswith("the ") for e in a.entities)
