"""import-annotations: our JSON Lines, doccano and Label Studio, into a real project file."""

import json

import pytest

from annotator.services.annotations_io import import_annotations
from annotator.services.errors import FileProblem
from tests.services.team_project import CLAIM, article_text, make_project


@pytest.fixture
def project(tmp_path):
    with make_project(tmp_path / "study.annotator", articles=4) as project:
        yield project


def _jsonl(tmp_path, records, name="codes.jsonl"):
    path = tmp_path / name
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n",
        encoding="utf-8",
    )
    return path


def _span(number, words):
    text = article_text(number)
    start = text.index(words)
    return start, start + len(words)


def test_article_values_and_spans_load_by_id_and_by_file_name(project, tmp_path):
    start, end = _span(1, "Claire Dubois")
    path = _jsonl(
        tmp_path,
        [
            {"article": "art-000", "variable": "conflict", "value": "yes"},
            {"article": "story-001.txt", "variable": "topic", "value": "health"},
            {
                "article": "story-001.txt",
                "category": "Claim",
                "start": start,
                "end": end,
                "attributes": {"position": "+1"},
                "memo": "the minister",
            },
        ],
    )
    report = import_annotations(project, path, "machine")
    assert (report.codings, report.annotations, report.problems) == (2, 1, [])
    values = {(c.article_id, c.variable_id): c.value for c in project.codings(coder="machine")}
    assert values == {("art-000", "var-conflict"): "1", ("art-001", "var-topic"): "health"}
    [annotation] = project.annotations(coder="machine")
    assert annotation.article_id == "art-001" and annotation.category_id == CLAIM.id
    assert annotation.text == "Claire Dubois" and annotation.memo == "the minister"
    assert annotation.attributes == {"var-position": "+1"}  # stored by the variable's id
    # The same file again adds nothing.
    again = import_annotations(project, path, "machine")
    assert (again.codings, again.annotations, again.already_present) == (0, 0, 3)
    assert len(project.annotations()) == 1 and len(project.codings()) == 2


def test_bad_lines_are_reported_by_number_and_the_others_load(project, tmp_path):
    start, end = _span(0, "Unions")
    path = _jsonl(
        tmp_path,
        [
            {"article": "art-000", "category": "Claim", "start": start, "end": end},
            "{not json",
            {"article": "art-999", "variable": "topic", "value": "health"},
            {"article": "art-000", "variable": "tone", "value": "negative"},
            {"article": "art-000", "category": "Stance", "start": start, "end": end},
            {"article": "art-000", "category": "Claim", "start": start, "end": 10_000},
            {"article": "art-000", "category": "Claim", "start": start, "end": end, "text": "Nope"},
            {"article": "art-000", "variable": "conflict", "value": "perhaps"},
            {"article": "art-000", "variable": "topic", "value": "sport"},
            {
                "article": "art-000",
                "category": "Claim",
                "start": 0,
                "end": 5,
                "attributes": {"position": "+1", "intensity": 3},
            },
            [1, 2],
            {"article": "art-002", "variable": "topic", "value": "economy"},
        ],
    )
    report = import_annotations(project, path, "bob")
    problems = dict(report.problems)
    assert sorted(problems) == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert "not valid JSON" in problems[2]
    assert "unknown article “art-999”" in problems[3]
    assert "unknown variable “tone”" in problems[4]
    assert "unknown category “Stance”" in problems[5]
    assert "outside the article" in problems[6]
    assert "not “Nope”" in problems[7]
    assert "yes/no" in problems[8]
    assert "“sport” is not a value of “topic”" in problems[9]
    assert "unknown variable “intensity” of category “Claim”" in problems[10]
    assert "JSON object" in problems[11]
    assert (report.annotations, report.codings) == (1, 1)
    assert report.lines()[0].endswith("codes.jsonl: line 2: " + problems[2])


def test_add_missing_adds_categories_and_variables_with_the_values_found(project, tmp_path):
    start, end = _span(2, "Unions disagree")
    path = _jsonl(
        tmp_path,
        [
            {"article": "art-000", "variable": "tone", "value": "negative"},
            {"article": "art-001", "variable": "tone", "value": "positive"},
            {
                "article": "art-002",
                "category": "Stance",
                "start": start,
                "end": end,
                "attributes": {"target": "reform"},
            },
            {
                "article": "art-002",
                "category": "Claim",
                "start": start,
                "end": end,
                "attributes": {"intensity": 3},
            },
        ],
    )
    report = import_annotations(project, path, "machine", add_missing=True)
    assert report.problems == []
    book = project.codebook()
    [tone] = [v for v in book.variables if v.name == "tone"]
    assert (tone.kind, tone.level) == ("nominal", "article")
    assert [v.code for v in tone.values] == ["negative", "positive"]
    stance = next(c for c in book.categories if c.name == "Stance")
    [target] = book.unit_variables(stance.id)
    assert target.name == "target" and [v.code for v in target.values] == ["reform"]
    assert [v.name for v in book.unit_variables(CLAIM.id)] == ["position", "intensity"]
    assert report.added_categories == ["Stance"]
    assert len(project.annotations(coder="machine")) == 2


def test_doccano_spans_find_their_article_by_text_or_id(project, tmp_path):
    text = article_text(3)
    s1, e1 = _span(3, "Claire Dubois")
    s2, e2 = _span(3, "Unions")
    path = _jsonl(
        tmp_path,
        [
            {"id": 17, "text": text, "label": [[s1, e1, "Claim"], [s2, e2, "Frame"]]},
            {
                "id": 18,
                "text": article_text(0),
                "entities": [{"id": 1, "label": "Claim", "start_offset": s2, "end_offset": e2}],
            },
            {"article": "art-002", "text": text, "label": [[0, 5, "Claim"]]},
            {"text": "An article the project does not have.", "label": [[0, 2, "Claim"]]},
        ],
    )
    report = import_annotations(project, path, "doccano")
    problems = dict(report.problems)
    assert sorted(problems) == [3, 4]
    assert "differs from the project's" in problems[3]
    assert "unknown article" in problems[4]
    spans = sorted((a.article_id, a.text) for a in project.annotations(coder="doccano"))
    assert spans == [("art-000", "Unions"), ("art-003", "Claire Dubois"), ("art-003", "Unions")]


def test_label_studio_json_and_jsonl_exports(project, tmp_path):
    s, e = _span(1, "Claire Dubois")
    task = {
        "id": 5,
        "data": {"text": article_text(1)},
        "annotations": [
            {
                "completed_by": 1,
                "result": [
                    {
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {
                            "start": s,
                            "end": e,
                            "text": "Claire Dubois",
                            "labels": ["Claim"],
                        },
                    },
                    {
                        "from_name": "topic",
                        "to_name": "text",
                        "type": "choices",
                        "value": {"choices": ["economy"]},
                    },
                    {"type": "relation", "from_id": "a", "to_id": "b"},
                ],
            }
        ],
    }
    as_json = tmp_path / "export.json"
    as_json.write_text(json.dumps([task]), encoding="utf-8")
    report = import_annotations(project, as_json, "ls")
    assert (report.annotations, report.codings, report.problems) == (1, 1, [])
    [coding] = project.codings(coder="ls")
    assert (coding.article_id, coding.value) == ("art-001", "economy")
    task["data"] = {"text": article_text(2), "article": "art-002"}
    s2, e2 = _span(2, "Claire Dubois")
    task["annotations"][0]["result"][0]["value"].update(start=s2, end=e2)
    jsonl = _jsonl(tmp_path, [task], name="export.jsonl")
    report = import_annotations(project, jsonl, "ls")
    assert (report.annotations, report.codings, report.problems) == (1, 1, [])
    assert sorted(a.article_id for a in project.annotations(coder="ls")) == ["art-001", "art-002"]


def test_files_that_cannot_be_read_raise_a_file_problem(project, tmp_path):
    with pytest.raises(FileProblem, match="missing.jsonl: no such file"):
        import_annotations(project, tmp_path / "missing.jsonl", "bob")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"article": "café"}'.encode("latin-1"))
    with pytest.raises(FileProblem, match="latin.jsonl: not a UTF-8"):
        import_annotations(project, latin, "bob")
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    with pytest.raises(FileProblem, match="broken.json: not valid JSON"):
        import_annotations(project, broken, "bob")
    assert project.annotations() == [] and project.codings() == []


def test_a_category_is_found_by_the_key_its_codebook_file_gives_it(tmp_path):
    # The frames template's "Human interest" is written "key": "human_interest" in the
    # codebook's .json; a coder's script that uses the key must code that category, not add
    # a second one with --add-missing in each coder's copy (found running issue 12's study).
    from annotator.services.codebooks import codebook_json, template_codebook

    with make_project(tmp_path / "frames.annotator", articles=2) as project:
        project.install_codebook(template_codebook("frames"))
        keys = {c["name"]: c["key"] for c in codebook_json(project.codebook())["categories"]}
        assert keys["Human interest"] == "human_interest"
        start, end = _span(0, "Claire Dubois")
        path = _jsonl(
            tmp_path,
            [{"article": "art-000", "category": "human_interest", "start": start, "end": end}],
        )
        report = import_annotations(project, path, "alice", add_missing=True)
        assert report.added_categories == []
        book = project.codebook()
        [annotation] = project.annotations("art-000", coder="alice")
        assert book.by_id(annotation.category_id).name == "Human interest"
        assert [c.name for c in book.categories].count("Human interest") == 1
        assert "human_interest" not in [c.name for c in book.categories]
