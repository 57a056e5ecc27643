"""Merge refuses impossible rows from a coder's file (issue 14, item 2), on real files."""

import sqlite3

import pytest

from annotator.core import Annotation, Coding
from annotator.services.agreement.from_project import project_agreement
from annotator.services.exports import export_project
from annotator.services.merge import MergeRefused, merge
from annotator.services.split import split
from annotator.store import Project
from tests.services.team_project import CLAIM, make_project

NEWER = "2099-01-01T00:00:00+00:00"


@pytest.fixture
def team(tmp_path):
    """alice's file with a claim and a topic on each of her articles, and a copy of it that
    another program tampered with (newer modified times, so each bad row would win)."""
    master = tmp_path / "study.annotator"
    make_project(master, articles=6).close()
    report = split(master, ["alice", "bob"], 1.0, tmp_path / "coders", seed=1)
    alice = report.files["alice"]
    with Project.open(alice) as part:
        for article_id in part.article_ids():
            text = part.article(article_id).text
            start = text.index("Claire")
            part.add_annotation(
                Annotation(
                    article_id,
                    CLAIM.id,
                    start,
                    start + 13,
                    text[start : start + 13],
                    "alice",
                    attributes={"var-position": "+1"},
                )
            )
            part.set_coding(Coding(article_id, "var-topic", "alice", "economy"))
    tampered = tmp_path / "alice-tampered.annotator"
    with Project.open(alice) as part:
        part.copy_to(tampered)
    return alice, tampered


def _tamper(path, *statements):
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = OFF")
    with db:
        for sql, args in statements:
            db.execute(sql, args)
    db.close()


def _ids(path):
    db = sqlite3.connect(path)
    ids = [r[0] for r in db.execute("select id from annotations order by rowid")]
    db.close()
    return ids


def test_impossible_rows_are_refused_and_never_win_a_conflict(team, tmp_path):
    alice, tampered = team
    ids = _ids(alice)
    update = "update annotations set {} , modified = ? where id = ?"
    _tamper(
        tampered,
        (update.format("start = -5"), [NEWER, ids[0]]),
        (update.format("end = 100000"), [NEWER, ids[1]]),
        (update.format("start = end + 3"), [NEWER, ids[2]]),
        (update.format("attributes = '{not json'"), [NEWER, ids[3]]),
        (update.format("attributes = '{\"var-position\": NaN}'"), [NEWER, ids[4]]),
        (update.format("category_id = 'cat-gone'"), [NEWER, ids[5]]),
        ("update codings set value = 'economy', modified = ?", [NEWER]),  # not JSON
    )
    out = tmp_path / "merged.annotator"
    report = merge(out, [alice, tampered])
    lines = "\n".join(report.lines())
    refused = report.files[1].refused
    assert len(refused) == 6 + 6  # six spans, six article codes
    for reason in (
        "start -5 is before",
        "end 100000 is past the end of the article",
        "is after end",
        "attributes is not valid JSON",
        "NaN",
        "a category the codebook lacks ('cat-gone')",
        "its value is not valid JSON",
    ):
        assert reason in lines
    assert "alice-tampered.annotator: refused annotation " + ids[0] in lines
    assert report.conflicts == 0  # no bad row got as far as a conflict
    with Project.open(out, read_only=True) as merged:
        kept = {a.id: a for a in merged.annotations()}
        assert set(kept) == set(ids)
        assert all(a.text == "Claire Dubois" and a.modified != NEWER for a in kept.values())
        assert {c.value for c in merged.codings()} == {"economy"}
    # The merged file still exports and computes agreement.
    with Project.open(out, read_only=True) as merged:
        export_project(merged, tmp_path / "out.xlsx")
        export_project(merged, tmp_path / "out.jsonl")
        project_agreement(merged)


def test_impossible_new_rows_are_not_stored(team, tmp_path):
    alice, tampered = team
    with Project.open(tampered) as part:
        article_id = part.article_ids()[0]
        text = part.article(article_id).text
    rows = [
        ("bad-offsets", article_id, "cat-claim", "twelve", 20.5, "{}"),
        ("bad-article", "art-none", "cat-claim", 0, 4, "{}"),
        ("bad-attributes", article_id, "cat-claim", 0, 4, "[1, 2]"),
        ("good", article_id, "cat-claim", 0, 5, '{"var-position": "0"}'),
    ]
    _tamper(
        tampered,
        *(
            (
                "insert into annotations (id, article_id, coder, category_id, start, end, text,"
                " attributes, memo, created, modified) values (?, ?, 'carol', ?, ?, ?, 'x', ?,"
                " '', ?, ?)",
                [*row, NEWER, NEWER],
            )
            for row in rows
        ),
        (
            "insert into quotes (article_id, start, end, text, kind)"
            " values (?, ?, ?, 'q', 'direct')",
            [article_id, len(text) - 2, len(text) + 50],
        ),
    )
    out = tmp_path / "merged.annotator"
    report = merge(out, [tampered])  # a fresh merged file: every row is new
    reasons = dict(line.split(": ", 1) for line in report.files[0].refused)
    assert set(reasons) == {
        "annotation bad-offsets",
        "annotation bad-article",
        "annotation bad-attributes",
        f"quote of article {article_id}",
    }
    assert "whole numbers" in reasons["annotation bad-offsets"]
    assert "not in the file" in reasons["annotation bad-article"]
    with Project.open(out, read_only=True) as merged:
        carol = {a.id for a in merged.annotations(coder="carol")}
        assert carol == {"good"}
        assert all(q.end <= len(text) for q in merged.quotes(article_id))
        export_project(merged, tmp_path / "out.xlsx")


@pytest.mark.parametrize(
    "sql",
    [
        "update variables set [values] = 'economy, health' where id = 'var-topic'",
        "update variables set examples = '{' where id = 'var-topic'",
        "update variables set [values] = '[1, 2]' where id = 'var-topic'",
    ],
)
def test_a_file_whose_codebook_cannot_be_read_is_refused(team, tmp_path, sql):
    alice, tampered = team
    _tamper(tampered, (sql, []))
    out = tmp_path / "merged.annotator"
    with pytest.raises(MergeRefused, match=r"alice-tampered.annotator: .*codebook cannot be read"):
        merge(out, [alice, tampered])
    assert not out.exists()
