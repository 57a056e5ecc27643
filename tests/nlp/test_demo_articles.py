"""The demo articles (resources/demo): every hand-annotated quote, its kind and speaker.

The expectations below were written by hand from the articles; a quote counts as found
when a predicted quote of the same kind covers at least 80% of it (characters, against
the longer of the two spans).
"""

from __future__ import annotations

import pytest

from annotator.core.models import Analysis, Quote
from annotator.nlp import analyze
from annotator.paths import resource_dir
from annotator.services.sources import read_article

from .conftest import check_offsets

# (kind, speaker, quote text prefix) per article, in reading order.
EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "fr-01-logement-lyon.txt": [
        ("direct", "Nadia Ferrand", "Nous ne pouvons plus accepter qu’une aide-soignante"),
        ("direct", "Nadia Ferrand", "Ce texte ne règle pas tout, mais il fixe enfin"),
        ("partial", "Bertrand Maillot", "machine à faire fuir les investisseurs"),
        ("indirect", "Bertrand Maillot", "l’encadrement des loyers réduira encore l’offre"),
        ("direct", "Bertrand Maillot", "Personne ne conteste l’urgence. Ce que nous contestons"),
        ("indirect", "Nadia Ferrand", "la Ville s’appuierait sur un observatoire indépendant"),
        ("direct", "Émilie Garnier", "C’est un premier pas, mais il arrive bien tard"),
    ],
    "fr-02-greve-agricole-rodez.txt": [
        ("direct", "Laurent Bessière", "Nous ne demandons pas la charité. Nous demandons"),
        ("direct", "Laurent Bessière", "Aujourd'hui, un éleveur qui vend son lait 38 centimes"),
        ("direct", "Sylvie Marty", "On nous parle de souveraineté alimentaire"),
        ("direct", "Sylvie Marty", "Je travaille soixante-dix heures par semaine"),
        ("partial", "Olivier Carrère", "rapide et concrète"),
        ("indirect", "Olivier Carrère", "une cellule d'urgence serait ouverte dès lundi"),
        ("direct", "Damien Vidal", "Nous ne lèverons pas le camp sans un engagement"),
    ],
    "fr-03-urgences-nantes.txt": [
        ("direct", "Anne-Laure Guéguen", "Certaines nuits, nous sommes deux infirmières"),
        ("direct", "Anne-Laure Guéguen", "Des patients âgés attendent parfois dix heures"),
        ("indirect", "SASO", "il manque une quinzaine d’infirmiers et six médecins"),
        ("partial", "Marc-Antoine Leroux", "extrêmement tendue"),
        ("indirect", "Marc-Antoine Leroux", "vingt-deux postes avaient été ouverts"),
        ("direct", "Marc-Antoine Leroux", "Nous ne manquons pas de budget, nous manquons"),
        ("partial", "Yann Le Bihan", "un peu courte"),
        ("direct", "Yann Le Bihan", "On ne garde pas des équipes que l’on épuise"),
    ],
    "en-01-eu-climate-summit.txt": [
        ("direct", "Ingrid Halvorsen", "We are not asking for miracles. We are asking"),
        ("direct", "Ingrid Halvorsen", "Every year we delay makes the bill higher"),
        ("partial", "Henrik Vos", "a leap in the dark"),
        ("indirect", "Henrik Vos", "without a dedicated fund for clean steel"),
        ("direct", "Luca Ferraro", "If leaders cannot agree on a number in Brussels"),
        ("indirect", "Marta Ruiz", "leaders will return to the issue at their December"),
    ],
    "en-02-norwich-tram.txt": [
        ("direct", "Margaret Ashby", "This is the biggest investment in public transport"),
        ("direct", "Margaret Ashby", "People have told us again and again"),
        ("partial", "Kevin Doyle", "a slow death"),
        ("indirect", "Kevin Doyle", "at least eight shops on the street had already"),
        ("direct", "Gareth Hughes", "Nobody in this room is against trams. We are against"),
        ("indirect", "Priya Raman", "a compensation fund of £4 million will be available"),
    ],
}

# Where each expected quote ends (its last words), to measure the overlap.
ENDS: dict[str, str] = {
    "Nous ne pouvons plus accepter qu’une aide-soignante": "à se loger",
    "Ce texte ne règle pas tout, mais il fixe enfin": "pour les locataires",
    "l’encadrement des loyers réduira encore l’offre": "dépasse déjà trois ans",
    "Personne ne conteste l’urgence. Ce que nous contestons": "c’est la méthode.",
    "la Ville s’appuierait sur un observatoire indépendant": "au bout de deux ans",
    "C’est un premier pas, mais il arrive bien tard": "milliers de familles",
    # One quote over two paragraphs: from the first « to the final ».
    "Nous ne demandons pas la charité. Nous demandons": "comme n'importe quel salarié de ce pays.",
    "Aujourd'hui, un éleveur qui vend son lait 38 centimes": "fermeront dans le département.",
    "On nous parle de souveraineté alimentaire": "on ne voit rien venir",
    "Je travaille soixante-dix heures par semaine": "depuis huit mois",
    "une cellule d'urgence serait ouverte dès lundi": "étaler leurs remboursements",
    "Nous ne lèverons pas le camp sans un engagement": "écrit du ministère",
    "Certaines nuits, nous sommes deux infirmières": "c’est du tri",
    "Des patients âgés attendent parfois dix heures": "dans le couloir",
    "il manque une quinzaine d’infirmiers et six médecins": "le service normalement",
    "vingt-deux postes avaient été ouverts": "avaient trouvé preneur",
    "Nous ne manquons pas de budget, nous manquons": "les cliniques privées.",
    "On ne garde pas des équipes que l’on épuise": "semaine après semaine",
    "We are not asking for miracles. We are asking": "a date and a number",
    "Every year we delay makes the bill higher": "households pay first",
    "without a dedicated fund for clean steel": "before the end of the decade",
    "If leaders cannot agree on a number in Brussels": "believing their promises.",
    "leaders will return to the issue at their December": "review clause could be tabled",
    "This is the biggest investment in public transport": "seen in a century",
    "People have told us again and again": "and tonight we listened",
    "at least eight shops on the street had already": "because of the uncertainty",
    "Nobody in this room is against trams. We are against": "still has no contingency.",
    "a compensation fund of £4 million will be available": "turnover during the works",
}

# Sentences that report no speech: no quote may touch them.
NOT_QUOTES: dict[str, list[str]] = {
    "fr-01-logement-lyon.txt": [
        "Le conseil municipal de Lyon a débattu pendant plus de quatre heures",
        "Le projet prévoit notamment un plafonnement des loyers",
        "Le maire, Philippe Daumas, n’a pas pris la parole pendant le débat.",
        "Son cabinet doit présenter d’ici au vote une étude d’impact",
    ],
    "fr-02-greve-agricole-rodez.txt": [
        "Des bottes de paille ont été incendiées devant la préfecture",
        "Le mouvement, parti du Sud-Ouest il y a une dizaine de jours",
        "Les exploitants réclament un prix plancher pour le lait",
        "Ces annonces n'ont pas suffi à convaincre les manifestants",
    ],
    "fr-03-urgences-nantes.txt": [
        "Le mouvement est soutenu par le Syndicat autonome des soignants",
        "Ils réclament la création de vingt postes",
        "Une réunion de médiation avec l’agence régionale de santé",
        "l’hôpital demande aux habitants de contacter leur médecin traitant",
    ],
    "en-01-eu-climate-summit.txt": [
        "The European Commission has proposed a 90% cut in net emissions",
        "The 2040 figure is meant to guide climate policy",
        "Outside the Council building, around two thousand climate activists",
    ],
    "en-02-norwich-tram.txt": [
        "Supporters of the scheme, including cycling groups",
        "Construction is expected to begin next spring",
        "The scheme still needs approval from the Department for Transport",
    ],
}


@pytest.fixture(scope="module")
def demo() -> dict[str, tuple[str, Analysis]]:
    out = {}
    for name in EXPECTED:
        text = read_article(resource_dir() / "demo" / name).text
        out[name] = (text, analyze(text, name[:2]))
    return out


def _span(text: str, prefix: str) -> tuple[int, int]:
    start = text.find(prefix)
    assert start != -1, prefix
    end = text.find(ENDS.get(prefix, prefix), start) + len(ENDS.get(prefix, prefix))
    assert end > start, prefix
    return start, end


def _match(text: str, analysis: Analysis, kind: str, prefix: str) -> Quote | None:
    start, end = _span(text, prefix)
    for q in analysis.quotes:
        overlap = min(end, q.end) - max(start, q.start)
        if q.kind == kind and overlap >= 0.8 * max(end - start, q.end - q.start):
            return q
    return None


@pytest.mark.parametrize("name", list(EXPECTED))
def test_demo_article(name: str, demo: dict[str, tuple[str, Analysis]]) -> None:
    text, analysis = demo[name]
    check_offsets(text, analysis)
    got = []
    for kind, _speaker, prefix in EXPECTED[name]:
        q = _match(text, analysis, kind, prefix)
        got.append((kind, q.speaker if q else "<not found>", prefix))
    assert got == EXPECTED[name]
    for sentence in NOT_QUOTES[name]:
        start = text.find(sentence)
        assert start != -1, sentence
        end = start + len(sentence)
        touching = [q.text for q in analysis.quotes if q.start < end and start < q.end]
        assert not touching, (sentence, touching)


def test_demo_figures(demo: dict[str, tuple[str, Analysis]]) -> None:
    expected = found = right_speaker = predicted = 0
    direct_expected = direct_right = 0
    for name, rows in EXPECTED.items():
        text, analysis = demo[name]
        predicted += len(analysis.quotes)
        for kind, speaker, prefix in rows:
            q = _match(text, analysis, kind, prefix)
            expected += 1
            direct_expected += kind == "direct"
            if q is None:
                continue
            found += 1
            right_speaker += q.speaker == speaker
            direct_right += kind == "direct" and q.speaker == speaker
    recall, precision = found / expected, found / max(1, predicted)
    accuracy = right_speaker / max(1, found)
    figures = (
        f"recall {recall:.2f} ({found}/{expected}), precision {precision:.2f} "
        f"({found}/{predicted}), speaker accuracy {accuracy:.2f}, "
        f"direct with right speaker {direct_right}/{direct_expected}"
    )
    assert direct_right == direct_expected, figures
    assert accuracy >= 0.85, figures
    assert recall >= 0.9 and precision >= 0.9, figures
