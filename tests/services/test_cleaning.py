"""Dates to ISO 8601 and wire boilerplate cut by the rules in the data files."""

import json

import pytest

from annotator.core import Article
from annotator.services.cleaning import clean_text, parse_date, prepare_article
from annotator.services.cleaning.boilerplate import DATA_DIR, load_rules


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("15.08.2025", "2025-08-15"),
        ("15/08/2025", "2025-08-15"),
        ("05/08/2025", "2025-08-05"),  # day first, as in France and the UK
        ("08/15/2025", "2025-08-15"),  # US order, read as such because 15 is no month
        ("15 août 2025", "2025-08-15"),
        ("vendredi 15 août 2025", "2025-08-15"),
        ("Lundi 1er septembre 2025", "2025-09-01"),
        ("Aug. 15, 2025", "2025-08-15"),
        ("August 15, 2025 Friday", "2025-08-15"),
        ("15 August 2025", "2025-08-15"),
        ("2025-08-15T10:00:00Z", "2025-08-15"),
        ("2025-08-15T23:30:00-05:00", "2025-08-15"),  # the date as the source wrote it
        ("Mis à jour le 15 août 2025 à 10h30", "2025-08-15"),
        ("Updated: Aug. 15, 2025 at 3:00 p.m. ET", "2025-08-15"),
        ("Publié le 15/08/2025 à 10:30", "2025-08-15"),
    ],
)
def test_dates_in_french_and_english_formats(written, iso):
    assert parse_date(written) == iso


@pytest.mark.parametrize(
    "garbage",
    ["", "   ", "banana", "hier", "il y a 3 jours", "yesterday", "August 2025", "Le 3 mai",
     "32/13/2025", "2025-02-30", "1692000000", "x" * 500],
)  # fmt: skip
def test_partial_relative_or_impossible_dates_are_none(garbage):
    assert parse_date(garbage) is None


AFP_DISPATCH = """\
Incendies : le Var en alerte rouge

PARIS (AFP) – Les pompiers du Var restaient mobilisés vendredi face à un incendie qui a \
déjà parcouru 400 hectares, a indiqué la préfecture.

« La situation reste très difficile », a déclaré le préfet Jean Dupont à la presse.

Lire aussi : Sécheresse, les restrictions d'eau étendues à 60 départements

Le journal local, qui compte 20 000 abonnés, a ouvert une cagnotte pour les sinistrés.

Quelque 600 pompiers étaient engagés dans la nuit, appuyés par des bombardiers d'eau.

bur-jp/fio/mm

© 2025 AFP. Tous droits réservés.
"""


def test_french_dispatch_loses_its_footer_and_links_but_keeps_dateline_and_body():
    result = clean_text(AFP_DISPATCH, "fr")
    assert result.text.startswith("Incendies : le Var en alerte rouge\n\nPARIS (AFP) – ")
    assert "Lire aussi" not in result.text
    assert "©" not in result.text and "droits réservés" not in result.text
    assert "bur-jp/fio/mm" not in result.text
    assert "20 000 abonnés" in result.text  # article text, not an agency notice
    assert result.text.endswith("appuyés par des bombardiers d'eau.\n")
    assert [name for _s, _e, name in result.removed] == ["read also", "agency slug", "copyright"]
    _assert_reversible(AFP_DISPATCH, result)


def test_agency_subscription_notices_are_recognized_by_their_shape():
    notice_fr = (
        "Seulement une partie des dépêches, que l'Agence Anadolu diffuse à ses abonnés via le "
        "Système de Diffusion Interne (HAS), est diffusée sur le site de l'AA, de manière "
        "résumée. Contactez-nous s'il vous plaît pour vous abonner."
    )
    other_fr = "Ce fil ne reprend qu'une partie des dépêches réservées aux abonnés de l'agence."
    text = "Ankara : accord signé\n\nAnkara\nAA/Ankara\n\nLe ministre a signé l'accord.\n\n"
    for notice in (notice_fr, other_fr):
        result = clean_text(text + notice + "\n", "fr")
        assert result.text == text.rstrip("\n") + "\n"  # the dateline "AA/Ankara" stays
    notice_en = (
        "Anadolu Agency website contains only a portion of the news stories offered to "
        "subscribers in the AA News Broadcasting System (HAS), and in summarized form."
    )
    english = "Deal signed\n\nAnkara\nAA/Ankara\n\nThe minister signed the deal.\n\n" + notice_en
    assert notice_en not in clean_text(english, "en").text


def test_english_web_page_furniture_is_cut():
    text = (
        "Council approves budget\n\n"
        "LEEDS – The council approved the budget on Tuesday, its leader said.\n"
        "Read more: Council tax to rise by 5%\n"
        "Sign up for our newsletter to get the latest local news\n"
        "The vote was 40 to 12.\n"
        "Click here to see how your councillor voted.\n"
        "Follow us on Twitter and Facebook\n"
        "Copyright 2025 Reuters. All rights reserved.\n"
    )
    result = clean_text(text, "en")
    assert result.text == (
        "Council approves budget\n\n"
        "LEEDS – The council approved the budget on Tuesday, its leader said.\n"
        "The vote was 40 to 12.\n"
    )
    _assert_reversible(text, result)


def test_nothing_to_cut_leaves_the_text_untouched():
    text = "Titre\n\nLYON – Le maire a parlé.\nIl a dit : « Tout va bien. »"
    result = clean_text(text, "fr")
    assert result.text == text and not result.changed


def test_every_rule_in_the_data_files_compiles():
    for path in DATA_DIR.glob("*.json"):
        assert len(load_rules(path.stem)) == len(json.loads(path.read_text())["rules"])


def test_prepare_keeps_the_original_and_a_date_it_cannot_read():
    article = Article(text=AFP_DISPATCH, date="vendredi 15 août 2025", language="French")
    assert prepare_article(article) == []
    assert article.date == "2025-08-15" and article.language == "fr"
    assert article.original_text == AFP_DISPATCH and "©" not in article.text

    odd = Article(text="Title\n\nBody.", date="summer 2025")
    assert prepare_article(odd) == ["date 'summer 2025' not understood, kept as written"]
    assert odd.date == "summer 2025" and odd.original_text == ""


def _assert_reversible(original, result):
    """Putting the removed pieces back where they were gives the original text."""
    pieces, cursor, position = [], 0, 0
    for start, end, _name in result.removed:
        kept = start - cursor
        pieces.append(result.text[position : position + kept])
        pieces.append(original[start:end])
        position, cursor = position + kept, end
    pieces.append(result.text[position:])
    assert "".join(pieces) == original
