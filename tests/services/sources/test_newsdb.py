"""News-database exports split into articles (fixtures: fictional articles, real layouts)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from annotator.services.sources.newsdb import split_export, split_export_detailed

FIXTURES = Path(__file__).parent / "fixtures" / "newsdb"

# (title, outlet, ISO date, byline, first words of the text) of the fictional articles.
TRAM = (
    "Council approves new tram line after four-hour debate",
    "The Riverside Gazette",
    "2025-08-15",
    "Jane Holloway",
    "RIVERSIDE, Aug. 14 -- The city council approved",
)
ECOLES = (
    "Le conseil régional adopte un plan pour les écoles rurales",
    "Le Courrier de l'Étang",
    "2025-08-14",
    "Hélène Dubreuil",
    "Le conseil régional a adopté mercredi",
)
STRIKE = (
    "Harbour strike enters its third week",
    "Northern Ledger",
    "2025-08-13",
    "Tom Ashdown",
    "Dock workers at the port of Kelsby",
)
LIBRARY = (
    "Library to stay open late on Thursdays",
    "The Riverside Gazette",
    "2025-08-12",
    "",
    "The central library will stay open",
)

# fixture file, format given by the reader, database, articles, sections
VARIANTS = {
    "nexis-txt": (
        "nexis_classic.txt",
        "txt",
        "Nexis",
        [TRAM, ECOLES, STRIKE],
        ["NEWS", "Régions", "BUSINESS"],
    ),
    "nexis-docx": (
        "nexis_uni_docx.txt",
        "docx",
        "Nexis Uni",
        [TRAM, ECOLES, STRIKE, LIBRARY],
        ["NEWS", "Régions", "BUSINESS", "LOCAL"],
    ),
    "nexis-rtf-french-interface": (
        "nexis_uni_rtf.txt",
        "rtf",
        "Nexis Uni",
        [TRAM, ECOLES, STRIKE, LIBRARY],
        ["NEWS", "Régions", "BUSINESS", "LOCAL"],
    ),
    "factiva-txt": (
        "factiva.txt",
        "txt",
        "Factiva",
        [TRAM, ECOLES, STRIKE, LIBRARY],
        ["News", "Régions", "Business", "Local"],
    ),
    "factiva-html-french-interface": (
        "factiva.html",
        "html",
        "Factiva",
        [TRAM, ECOLES, STRIKE, LIBRARY],
        ["NEWS", "Régions", "BUSINESS", "LOCAL"],
    ),
}

# Lines that belong to the export's layout, never to an article's text.
FIELD_LINE = re.compile(
    r"^(BYLINE|SECTION|LENGTH|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|Byline|Section|Length|"
    r"Load-Date|Longueur|Auteur|Date de chargement|Langue|Subject)\s*:"
    r"|^(Body|Corps|Classification|End of Document|Fin du document)$"
    r"|^Document [A-Z0-9]{16,}$|^\d+ (words|mots)$|^Copyright|DOCUMENTS$",
    re.M,
)


def load(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_an_export_splits_into_its_articles_with_their_metadata(variant: str) -> None:
    name, fmt, database, expected, sections = VARIANTS[variant]
    path = FIXTURES / name
    split = split_export_detailed(path, load(name), fmt)  # type: ignore[arg-type]

    assert split is not None
    assert split.database == database
    assert split.skipped == []
    articles = [d.article for d in split.documents]
    assert [a.title for a in articles] == [e[0] for e in expected]
    assert [a.outlet for a in articles] == [e[1] for e in expected]
    assert [a.date for a in articles] == [e[2] for e in expected]
    assert [a.author for a in articles] == [e[3] for e in expected]
    assert [a.section for a in articles] == sections
    assert [a.source_file for a in articles] == [f"{path}#{n}" for n in range(1, len(expected) + 1)]
    titles = [e[0] for e in expected]
    for n, document in enumerate(split.documents):
        text = document.article.text
        assert text.startswith(expected[n][4])
        assert not FIELD_LINE.search(text), FIELD_LINE.search(text)
        assert not any(title in text for title in titles)
        assert "\n\n" in text  # paragraphs kept apart
        assert document.stated_words is not None
        assert abs(document.stated_words - len(text.split())) <= 0.1 * document.stated_words


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_split_export_returns_the_articles(variant: str) -> None:
    name, fmt, _, expected, _ = VARIANTS[variant]
    articles = split_export(FIXTURES / name, load(name), fmt)  # type: ignore[arg-type]
    assert articles is not None
    assert [a.title for a in articles] == [e[0] for e in expected]


def test_the_french_article_keeps_its_accents_and_language() -> None:
    articles = split_export(FIXTURES / "factiva.html", load("factiva.html"), "html")
    assert articles is not None
    french = articles[1]
    assert french.language == "fr"
    assert "« C'est une décision attendue depuis longtemps »" in french.text
    assert articles[0].language == "en"


def test_windows_line_ends_make_no_difference() -> None:
    content = load("nexis_classic.txt").replace("\n", "\r\n")
    articles = split_export(Path("export.txt"), content, "txt")
    assert articles is not None
    assert [a.title for a in articles] == [TRAM[0], ECOLES[0], STRIKE[0]]


WIRE_STORY = """Court rules on archive access

Outlet: Wire Service
Date: 2025-08-15

BRUSSELS, Aug. 15 (Wire) -- A court ruled on Friday that the archive must release
1 of 2 documents requested by the journalists, saying the other could stay secret.

LENGTH: the ruling runs to 40 pages. Section 4 covers the press.
"""


@pytest.mark.parametrize("fmt", ["txt", "docx", "rtf"])
def test_an_ordinary_article_is_not_an_export(fmt: str) -> None:
    assert split_export(Path("wire.txt"), WIRE_STORY, fmt) is None  # type: ignore[arg-type]


def test_an_article_with_a_word_count_line_is_not_an_export() -> None:
    text = "Budget vote delayed\nLength: 523 words\nByline: A. Writer\n\nThe vote was delayed.\n"
    assert split_export(Path("budget.docx"), text, "docx") is None
    assert (
        split_export(Path("budget.txt"), "Budget\n523 words\n15 August 2025\nText.\n", "txt")
        is None
    )


def test_an_ordinary_web_page_is_not_an_export() -> None:
    page = "<html><head><title>News</title></head><body><h1>Hi</h1><p>Text.</p></body></html>"
    assert split_export(Path("page.html"), page, "html") is None
    factiva_home = "<html><title>Factiva</title><body><p>Sign in to Factiva</p></body></html>"
    assert split_export(Path("factiva.html"), factiva_home, "html") is None


# Where every export is cut: inside the second article's text.
CUT_AT = "mois de négociations avec les maires"


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_a_truncated_export_keeps_the_whole_documents_and_says_what_it_left_out(
    variant: str,
) -> None:
    name, fmt, _, _, _ = VARIANTS[variant]
    content = load(name)
    cut = content[: content.index(CUT_AT)]
    split = split_export_detailed(Path(name), cut, fmt)  # type: ignore[arg-type]

    assert split is not None
    assert [d.article.title for d in split.documents] == [TRAM[0]]
    assert len(split.skipped) == 1
    assert split.skipped[0].startswith("document 2 is cut off")


def test_the_quick_check_turns_away_a_large_ordinary_file_fast() -> None:
    big = "An ordinary line of text about the council and its trams.\n" * 100_000  # ~6 MB
    start = time.perf_counter()
    for fmt in ("txt", "docx", "rtf"):
        assert split_export(Path("big.txt"), big, fmt) is None  # type: ignore[arg-type]
    assert split_export(Path("big.html"), f"<html><body><p>{big}</p></body></html>", "html") is None
    assert time.perf_counter() - start < 0.5


def test_a_long_export_splits_in_good_time() -> None:
    one = load("factiva.txt").split("Search Summary")[0]
    content = one * 50  # 200 articles
    start = time.perf_counter()
    articles = split_export(Path("long.txt"), content, "txt")
    elapsed = time.perf_counter() - start
    assert articles is not None and len(articles) == 200
    assert articles[199].source_file == "long.txt#200"
    assert elapsed < 5
