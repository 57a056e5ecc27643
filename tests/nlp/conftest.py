"""Shared texts and helpers for the NLP tests; pipelines load once per process (cached)."""

from __future__ import annotations

import pytest

from annotator.core.models import Analysis, Quote

FR_TEXT = (
    "Bruxelles\n"
    "BELGA/Bruxelles\n"
    "La présidente de la Commission européenne Ursula von der Leyen a rencontré jeudi "
    "le Premier ministre belge Alexander De Croo.\n"
    "« Nous devons agir ensemble face à la crise », a-t-elle déclaré devant la presse.\n"
    "Le ministre des Finances Vincent Van Peteghem était également présent.\n"
    "«L’économie européenne reste solide», a ajouté le ministre.\n"
    "Van Peteghem a qualifié la rencontre de “très constructive”.\n"
    "De Croo a indiqué que la Belgique soutiendrait le plan de relance.\n"
    "Selon Ursula von der Leyen, la croissance reviendra l’an prochain.\n"
    '"Il n’y a pas d’alternative", a précisé Alexander De Croo.\n'
    "« Nous avons besoin d’investissements massifs.\n"
    "« Sans eux, l’Europe décrochera », a conclu Ursula von der Leyen.\n"
)

EN_TEXT = (
    "LONDON (Reuters) - British Prime Minister Keir Starmer met German Chancellor "
    "Friedrich Merz in Berlin on Monday.\n"
    "\n"
    '"We share the same goals," Starmer told reporters. "Our countries are stronger together."\n'
    "“The talks were very productive,” said Merz.\n"
    'Starmer said: "We will keep working on trade."\n'
    "‘It is only a first step,’ he said.\n"
    "Merz warned that tariffs would hurt both economies.\n"
    "According to Starmer, the relationship is at a turning point.\n"
    'Merz described the meeting as "frank and constructive".\n'
)


def check_offsets(text: str, analysis: Analysis) -> None:
    """Every span's text is the original text at its offsets."""
    for e in analysis.entities:
        assert text[e.start : e.end] == e.text, e
        assert "\n" not in e.text, e
    for q in analysis.quotes:
        assert text[q.start : q.end] == q.text, q
        if q.speaker is not None:
            assert q.speaker_start is not None and q.speaker_end is not None
            assert text[q.speaker_start : q.speaker_end] == q.speaker, q


def find_quote(analysis: Analysis, fragment: str, kind: str | None = None) -> Quote:
    """The quote whose text contains fragment (and has the given kind)."""
    for q in analysis.quotes:
        if fragment in q.text and (kind is None or q.kind == kind):
            return q
    raise AssertionError(f"no quote with {fragment!r}: {[q.text for q in analysis.quotes]}")


@pytest.fixture(scope="session")
def fr_analysis() -> Analysis:
    from annotator.nlp import analyze

    return analyze(FR_TEXT, "fr")


@pytest.fixture(scope="session")
def en_analysis() -> Analysis:
    from annotator.nlp import analyze

    return analyze(EN_TEXT, "en")
