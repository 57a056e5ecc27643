"""Entities: labels, cleaning, paragraph splitting, datelines, typographic apostrophes."""

from __future__ import annotations

from annotator.core.models import ENTITY_LABELS
from annotator.nlp import analyze
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
