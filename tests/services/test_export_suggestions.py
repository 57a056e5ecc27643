"""Suggested codes in the exports (issue 15, item 7): each with the machine's confidence
and the coder's decision, read back from a real .xlsx and CSV."""

from __future__ import annotations

import csv

import openpyxl

from annotator.core import Coding
from annotator.services.code_suggestions import (
    article_suggestions,
    quality_lines,
    record_code_decision,
)
from annotator.services.exports import export_project
from annotator.services.learn import suggest
from annotator.store import Project
from tests.services.test_learn import TOPIC, make


def test_suggestions_sheet_has_confidence_and_each_decision(tmp_path):
    path = make(tmp_path)  # a0…a39 coded, a40…a45 not
    with Project.open(path) as project:
        suggest(project, ["topic"], coder="alice")
        accepted = article_suggestions(project, "a41")["v2"]
        overridden = article_suggestions(project, "a42")["v2"]
        other = "1" if overridden.value == "2" else "2"
        project.set_coding(Coding("a41", "v2", "bob", accepted.value))
        record_code_decision(project, "a41", TOPIC, "bob", accepted, accepted.value)
        project.set_coding(Coding("a42", "v2", "bob", other))
        record_code_decision(project, "a42", TOPIC, "bob", overridden, other)
        out = export_project(project, tmp_path / "study.xlsx")
        export_project(project, tmp_path / "suggestions.csv", sheet="suggestions")
    sheet = openpyxl.load_workbook(out)["suggestions"]
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert header[:10] == [
        "article_id",
        "title",
        "variable",
        "suggested",
        "suggested_label",
        "confidence",
        "coder",
        "decision",
        "kept",
        "decided",
    ]
    by_article = {r[0]: dict(zip(header, r, strict=True)) for r in rows}
    assert set(by_article) == {f"a{n}" for n in range(40, 46)}
    a41, a42, a43 = by_article["a41"], by_article["a42"], by_article["a43"]
    assert (a41["coder"], a41["decision"], a41["kept"]) == ("bob", "accepted", accepted.value)
    assert a41["suggested"] == accepted.value and a41["confidence"] == accepted.confidence
    assert a41["suggested_label"] in ("Sport", "Economy") and a41["decided"] is not None
    assert (a42["decision"], a42["suggested"], a42["kept"]) == (
        "corrected",
        overridden.value,
        other,
    )
    assert (a43["coder"], a43["decision"], a43["kept"]) == (None, None, None)  # undecided
    assert 0 < a43["confidence"] <= 1
    with (tmp_path / "suggestions.csv").open(encoding="utf-8", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert len(lines) == 6 and {r["decision"] for r in lines} == {"accepted", "corrected", ""}


def test_decisions_sheet_reads_a_decided_code_as_variable_and_values(tmp_path):
    path = make(tmp_path)
    with Project.open(path) as project:
        suggest(project, ["topic"], coder="alice")
        offered = article_suggestions(project, "a41")["v2"]
        other = "1" if offered.value == "2" else "2"
        record_code_decision(project, "a41", TOPIC, "bob", offered, offered.value)
        record_code_decision(project, "a41", TOPIC, "bob", offered, other)  # changed mind
        out = export_project(project, tmp_path / "study.xlsx")
    sheet = openpyxl.load_workbook(out)["decisions"]
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    got = [dict(zip(header, r, strict=True)) for r in rows]
    assert [(r["target"], r["decision"], r["latest"]) for r in got] == [
        ("code", "accepted", 0),
        ("code", "corrected", 1),
    ]
    last = got[1]
    assert (last["suggested_kind"], last["suggested_text"], last["kept_text"]) == (
        "topic",
        offered.value,
        other,
    )


def test_quality_lines_say_alpha_items_and_leave_unit_variables_to_the_unit_form(tmp_path):
    path = make(tmp_path)
    with Project.open(path) as project:
        project.set_meta(
            "learn_report",
            '{"variables": [{"name": "topic", "items": 240, "alpha": 0.714},'
            ' {"name": "conflict", "items": 12, "note": "needs 3 more coded \'1\'"},'
            ' {"name": "topic", "level": "unit", "items": 9, "alpha": 0.1}]}',
        )
        lines = quality_lines(project)
    assert lines == {
        "topic": "topic: α 0.71, 240 articles, cross-validated",
        "conflict": "conflict: no suggestions yet, needs 3 more coded '1'",
    }
