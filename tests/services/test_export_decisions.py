"""The decisions table (issue 12, item 5): what coders did with the suggestions, exported."""

import csv
import io
import zipfile
from datetime import datetime

import openpyxl
import pytest

from annotator.core import (
    Actor,
    Analysis,
    Annotation,
    Article,
    Category,
    Codebook,
    Decision,
    Mention,
    Quote,
    Variable,
)
from annotator.services import coding
from annotator.services.exports import DECISION_COLUMNS, SHEETS, export_project
from annotator.store import Project

TEXT = (
    '"We will win," said Ann Lee. "Taxes go up," said Bob Ray. '
    '"It is over," said Cy Dee. "No deal," said Dan Oz.'
)


def _quote(words: str, speaker: str) -> Quote:
    start = TEXT.index(words)
    at = TEXT.index(speaker)
    return Quote(start, start + len(words), words, "direct", speaker, at, at + len(speaker), "said")


@pytest.fixture
def study(tmp_path):
    """alice accepts, corrects, rejects then accepts, codes a quote by hand; bob rejects
    one, accepts one and deletes its claim; alice rejects a machine actor."""
    project = Project.create(tmp_path / "study.annotator")
    claim = Category("Claim", id="cat-claim")
    claimant = Variable("claimant", "Claimant", "actor", "unit", claim.id, id="var-claimant")
    project.install_codebook(Codebook([claim], [claimant]))
    win, taxes, over, deal = (
        _quote("We will win", "Ann Lee"),
        _quote("Taxes go up", "Bob Ray"),
        _quote("It is over", "Cy Dee"),
        _quote("No deal", "Dan Oz"),
    )
    lee = TEXT.index("Ann Lee")
    actor = Actor("Ann Lee", "PERSON", [Mention(lee, lee + 7, "Ann Lee")])
    article = Article(text=TEXT, title="Budget vote", outlet="Daily")
    project.add_article(article, Analysis("en", [], [win, taxes, over, deal], [actor]))
    a = article.id
    coding.accept_quote(project, a, win, "alice")
    coding.correct_quote(project, a, taxes, "alice", start=taxes.start + 6, speaker="Bobby Ray")
    coding.reject_quote(project, a, over, "alice")
    coding.accept_quote(project, a, over, "alice")
    by_hand = Annotation(
        a, claim.id, deal.start, deal.end - 1, TEXT[deal.start : deal.end - 1], "alice"
    )
    coding.add_unit(project, by_hand)
    coding.reject_quote(project, a, win, "bob")
    made = coding.accept_quote(project, a, taxes, "bob")
    assert made.annotation is not None
    coding.delete_unit(project, made.annotation.id)  # taxes: undecided again for bob
    project.add_decision(
        Decision(
            a,
            "alice",
            "actor",
            "rejected",
            suggestion={
                "id": actor.id,
                "name": "Ann Lee",
                "type": "PERSON",
                "gender": "unknown",
                "mentions": [[lee, lee + 7, "Ann Lee"]],
            },
        )
    )
    return project, article, {"win": win, "taxes": taxes, "over": over, "deal": deal}


def _sheet(book, name):
    values = list(book[name].values)
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def test_the_workbook_has_one_row_per_decision_with_what_was_suggested_and_kept(study, tmp_path):
    project, article, quotes = study
    out = export_project(project, tmp_path / "study.xlsx")
    book = openpyxl.load_workbook(out)
    assert "decisions" in book.sheetnames
    rows = _sheet(book, "decisions")
    assert tuple(next(iter(book["decisions"].values))) == DECISION_COLUMNS
    summary = [
        (r["coder"], r["target"], r["suggested_text"], r["decision"], r["latest"], r["by_hand"])
        for r in rows
    ]
    assert summary == [
        ("alice", "quote", "We will win", "accepted", 1, 0),
        ("alice", "quote", "Taxes go up", "corrected", 1, 0),
        ("alice", "quote", "It is over", "rejected", 0, 0),
        ("alice", "quote", "It is over", "accepted", 1, 0),
        ("alice", "quote", "No deal", "corrected", 1, 1),
        ("alice", "actor", "Ann Lee", "rejected", 1, 0),
        # bob's accepted "Taxes go up" went with its deleted claim: undecided, no row.
        ("bob", "quote", "We will win", "rejected", 1, 0),
    ]
    taxes = rows[1]
    assert (taxes["article_id"], taxes["article_title"]) == (article.id, "Budget vote")
    assert (taxes["suggested_kind"], taxes["suggested_speaker"]) == ("direct", "Bob Ray")
    assert (taxes["suggested_start"], taxes["suggested_end"]) == (
        quotes["taxes"].start,
        quotes["taxes"].end,
    )
    assert (taxes["kept_speaker"], taxes["kept_text"]) == ("Bobby Ray", "go up")
    assert (taxes["kept_start"], taxes["kept_end"]) == (
        quotes["taxes"].start + 6,
        quotes["taxes"].end,
    )
    [claim] = [u for u in project.annotations(article.id, "alice") if u.text == "go up"]
    assert taxes["unit_id"] == claim.id
    assert isinstance(taxes["decided_at"], datetime)
    rejected = rows[2]
    assert rejected["kept_text"] is None and rejected["kept_start"] is None
    assert rejected["suggested_speaker"] == "Cy Dee"
    by_hand = rows[4]
    assert (by_hand["kept_speaker"], by_hand["kept_end"]) == ("Dan Oz", quotes["deal"].end - 1)
    actor = rows[5]
    assert (actor["suggested_kind"], actor["suggested_speaker"]) == ("PERSON", "Ann Lee")
    assert actor["suggested_start"] == TEXT.index("Ann Lee")


def test_csv_exports_have_the_decisions_table_too(study, tmp_path):
    project, _, _ = study
    with zipfile.ZipFile(export_project(project, tmp_path / "study.zip")) as archive:
        assert archive.namelist() == [f"{name}.csv" for name in SHEETS]
        rows = list(csv.DictReader(io.StringIO(archive.read("decisions.csv").decode())))
    assert [r["decision"] for r in rows] == [
        "accepted",
        "corrected",
        "rejected",
        "accepted",
        "corrected",
        "rejected",
        "rejected",
    ]
    assert rows[1]["kept_start"] == str(TEXT.index("Taxes go up") + 6)
    one = export_project(project, tmp_path / "decisions.csv", sheet="decisions")
    with one.open(encoding="utf-8", newline="") as handle:
        assert list(csv.DictReader(handle)) == rows
