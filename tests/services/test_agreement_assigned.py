"""Span agreement counts every coder given an article (split) or who marked it done, as
"no span" where they made none; on real files split, coded and merged."""

from __future__ import annotations

import json

import krippendorff
import numpy as np
import pytest
from openpyxl import load_workbook

from annotator.core import Annotation, ArticleStatus
from annotator.services.agreement import (
    format_table,
    project_agreement,
    report_json,
    save_reliability_workbook,
)
from annotator.services.merge import merge
from annotator.services.split import split
from annotator.store import Project
from tests.services.team_project import CLAIM, make_project

CODERS = ("alice", "bob", "carol")
#: Which articles (of six) each coder marked a claim in: "Claire Dubois" in every text.
CLAIMS = {"alice": {0, 1, 2, 3, 4, 5}, "bob": {0, 1, 2, 3}, "carol": {0, 1, 2, 3, 5}}
#: carol marked article 4 done having found nothing there; bob left 4 and 5 without a word.
DONE = {"carol": {4}}


def _span(text: str) -> tuple[int, int]:
    start = text.index("Claire Dubois")
    return start, start + len("Claire Dubois")


@pytest.fixture
def study(tmp_path):
    master = tmp_path / "study.annotator"
    make_project(master, articles=6).close()
    report = split(master, list(CODERS), 1.0, tmp_path / "coders", seed=1)
    texts = {}
    for coder, path in report.files.items():
        with Project.open(path) as part:
            for number, article_id in enumerate(sorted(part.article_ids())):
                text = part.article(article_id).text
                texts[article_id] = text
                if number in CLAIMS[coder]:
                    start, end = _span(text)
                    part.add_annotation(
                        Annotation(article_id, CLAIM.id, start, end, text[start:end], coder)
                    )
                if number in DONE.get(coder, ()):
                    part.set_article_status(ArticleStatus(article_id, coder, done=True))
    merge(master, list(report.files.values()))
    return master, texts


def reference(texts: dict[str, str], coders_on: dict[str, set[str]]) -> float:
    """Krippendorff's alpha over every character, 1 under a claim, 0 elsewhere, for the
    coders counted on each article (NaN for the others)."""
    columns = []
    for number, article_id in enumerate(sorted(texts)):
        start, end = _span(texts[article_id])
        for position in range(len(texts[article_id])):
            column = []
            for coder in CODERS:
                if coder not in coders_on[article_id]:
                    column.append(np.nan)
                else:
                    inside = number in CLAIMS[coder] and start <= position < end
                    column.append(1.0 if inside else 0.0)
            columns.append(column)
    data = np.array(columns).T
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def test_every_coder_given_the_article_counts_as_no_span(study):
    master, texts = study
    with Project.open(master) as project:
        # Merge carried each coder's assignment.
        assert len(project.assignments()) == 18
        [row] = [r for r in project_agreement(project, draws=50) if r.name == "Claim"]
    everyone = {a: set(CODERS) for a in texts}
    assert row.alpha == pytest.approx(reference(texts, everyone), abs=1e-12)
    assert row.entered == tuple((a, CODERS) for a in sorted(texts))
    assert row.entered_by_coder() == {"alice": 6, "bob": 6, "carol": 6}
    # Counting only the coders who made a span somewhere in an article inflates alpha.
    only_coded = {a: {c for c in CODERS if n in CLAIMS[c]} for n, a in enumerate(sorted(texts))}
    assert reference(texts, only_coded) > row.alpha + 0.1


def test_a_coder_who_marked_an_article_done_counts_there_without_a_split(study, tmp_path):
    master, texts = study
    with Project.open(master) as project:
        project.db.execute("delete from assignments")
        project.db.conn.commit()
        [row] = [r for r in project_agreement(project, draws=50) if r.name == "Claim"]
    ids = sorted(texts)
    # Article 4: alice (span) and carol (done, nothing found); article 5: alice and carol.
    assert dict(row.entered)[ids[4]] == ("alice", "carol")
    assert dict(row.entered)[ids[5]] == ("alice", "carol")
    assert dict(row.entered)[ids[0]] == CODERS


def test_the_report_says_which_articles_and_coders_entered(study, tmp_path):
    master, texts = study
    with Project.open(master) as project:
        rows = project_agreement(project, ["Claim"], draws=50)
    table = format_table(rows)
    assert "Claim: 6 articles entered; coders counted on them (alice 6, bob 6, carol 6)" in table
    data = report_json(rows)["variables"][0]
    assert data["articles"] == [{"article_id": a, "coders": list(CODERS)} for a in sorted(texts)]
    json.dumps(data)


def test_the_reliability_sheet_counts_the_articles_and_coders_that_entered(study, tmp_path):
    master, _texts = study
    with Project.open(master) as project:
        rows = project_agreement(project, ["Claim", "topic"], draws=50)
    path = save_reliability_workbook(rows, tmp_path / "reliability.xlsx")
    sheet = load_workbook(path)["reliability"]
    header = [c.value for c in sheet[1]]
    by_name = {
        r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(2, values_only=True)
    }
    assert by_name["Claim"]["articles"] == 6
    assert by_name["Claim"]["coders_entered"] == "alice 6, bob 6, carol 6"
    assert by_name["topic"]["articles"] is None
