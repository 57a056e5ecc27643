"""Hostile JSON Lines (issue 14): line separators, lone surrogates, deep nesting, Infinity."""

import json

import pytest

from annotator.core import Annotation
from annotator.services.annotations_io import import_annotations
from annotator.services.exports import export_project
from tests.services.team_project import CLAIM, article_text, make_project

#: Characters str.splitlines() ends a line at but JSON keeps inside a string.
SEPARATORS = ("\u2028", "\u2029", "\x85")


@pytest.fixture
def project(tmp_path):
    with make_project(tmp_path / "study.annotator", articles=4) as project:
        yield project


def _span(number, words):
    text = article_text(number)
    start = text.index(words)
    return start, start + len(words)


def test_a_jsonl_export_with_line_separators_in_memos_reimports_whole(project, tmp_path):
    start, end = _span(0, "Claire Dubois")
    for number, char in enumerate(SEPARATORS):
        project.add_annotation(
            Annotation(
                f"art-00{number}",
                CLAIM.id,
                start,
                end,
                "Claire Dubois",
                "alice",
                memo=f"before{char}after",
            )
        )
    out = export_project(project, tmp_path / "codes.jsonl")
    raw = out.read_text("utf-8")
    assert not any(char in raw for char in SEPARATORS)  # escaped, so any reader sees lines
    assert len(raw.split("\n")) == len(raw.splitlines()) + 1
    report = import_annotations(project, out, "copy")
    assert report.problems == [] and report.annotations == 3
    memos = sorted(a.memo for a in project.annotations(coder="copy"))
    assert memos == sorted(f"before{char}after" for char in SEPARATORS)


@pytest.mark.parametrize("char", SEPARATORS)
def test_raw_line_separators_inside_a_line_do_not_split_it(project, tmp_path, char):
    start, end = _span(1, "Claire Dubois")
    line = json.dumps(
        {
            "article": "art-001",
            "category": "Claim",
            "start": start,
            "end": end,
            "memo": f"a{char}b",
        },
        ensure_ascii=False,
    )
    path = tmp_path / "codes.jsonl"
    path.write_text(line + "\r\n" + "{broken\n", encoding="utf-8")
    report = import_annotations(project, path, "machine")
    assert report.annotations == 1
    assert [number for number, _ in report.problems] == [2]  # the right line number
    [annotation] = project.annotations(coder="machine")
    assert annotation.memo == f"a{char}b"


def _lines(tmp_path, lines):
    path = tmp_path / "codes.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _good(number):
    start, end = _span(number, "Claire Dubois")
    return json.dumps(
        {"article": f"art-00{number}", "category": "Claim", "start": start, "end": end}
    )


def test_a_lone_surrogate_or_deep_nesting_is_reported_and_the_rest_loads(project, tmp_path):
    start, end = _span(1, "Claire Dubois")
    surrogate = (
        f'{{"article": "art-001", "category": "Claim", "start": {start}, "end": {end},'
        ' "memo": "half \\ud83d of an emoji"}'
    )
    deep = (
        '{"article": "art-002", "variable": "topic", "value": '
        + "[" * 100_000
        + "]" * 100_000
        + "}"
    )
    path = _lines(tmp_path, [_good(0), surrogate, deep, _good(3)])
    report = import_annotations(project, path, "machine")
    assert report.annotations == 2
    problems = dict(report.problems)
    assert set(problems) == {2, 3}
    assert "surrogate" in problems[2]
    assert "nested" in problems[3]
    assert {a.article_id for a in project.annotations(coder="machine")} == {"art-000", "art-003"}
    # A surrogate pair is a character, and loads.
    pair = surrogate.replace("\\ud83d", "\\ud83d\\ude00").replace("art-001", "art-002")
    pair = pair.replace(str(start), str(_span(2, "Claire Dubois")[0]), 1)
    report = import_annotations(project, _lines(tmp_path, [pair]), "machine")
    assert report.problems == [] and report.annotations == 1


@pytest.mark.parametrize("number", ["Infinity", "-Infinity", "NaN", "1e999", "9" * 5000])
def test_non_finite_numbers_are_refused_with_their_line(project, tmp_path, number):
    start, end = _span(1, "Claire Dubois")
    line = (
        f'{{"article": "art-001", "category": "Claim", "start": {start}, "end": {end},'
        f' "attributes": {{"position": {number}}}}}'
    )
    report = import_annotations(project, _lines(tmp_path, [_good(0), line]), "machine")
    assert report.annotations == 1
    [(line_number, reason)] = report.problems
    assert line_number == 2 and ("finite" in reason or "too long" in reason)
    out = export_project(project, tmp_path / "out.jsonl")
    for text in out.read_text("utf-8").splitlines():
        json.loads(text, parse_constant=pytest.fail)  # standard JSON only


def test_a_label_studio_list_nested_too_deeply_is_a_file_problem(project, tmp_path):
    from annotator.services.errors import FileProblem

    path = tmp_path / "tasks.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(FileProblem, match="tasks.json: .*nested"):
        import_annotations(project, path, "machine")
