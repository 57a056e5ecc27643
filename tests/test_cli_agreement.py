"""annotator agreement on a real project: three coders, article variables, claims and spans."""

from __future__ import annotations

import json

import krippendorff
import numpy as np
import pytest
from openpyxl import load_workbook

from annotator.cli import main
from annotator.core import Annotation, Article, Category, Codebook, Coding, ValueLabel, Variable
from annotator.store import Project

TEXT = "The minister said the reform would go ahead. Unions say they will strike. The end."
CONFLICT = Variable("conflict", kind="yesno", id="v-conflict")
TONE = Variable(
    "tone",
    kind="ordinal",
    values=(ValueLabel("-1"), ValueLabel("0"), ValueLabel("+1")),
    position=1,
    id="v-tone",
)
POSITION = Variable(
    "position",
    kind="ordinal",
    level="unit",
    category_id="claim",
    values=(ValueLabel("-1"), ValueLabel("0"), ValueLabel("+1")),
    id="v-position",
)
CODEBOOK = Codebook(
    [Category("Claim", id="claim"), Category("Actor", id="actor")], [CONFLICT, TONE, POSITION]
)
#: Per article: ann, bob and cy's answers to conflict (None: not answered).
CONFLICTS = [
    ("yes", "yes", "yes"),
    ("no", "no", "yes"),
    ("yes", "yes", None),
    ("no", "no", "no"),
    ("yes", "no", "yes"),
    ("no", "no", "no"),
]
TONES = [("-1", "-1", "0"), ("0", "0", "0"), ("+1", "+1", "+1"), ("0", "-1", "0")] + [
    ("+1", "+1", "+1"),
    ("-1", "-1", "-1"),
]
POSITIONS = [("+1", "+1", "0"), ("-1", "-1", "-1"), ("0", "+1", "0")] + [
    ("+1", "+1", "+1"),
    ("-1", "0", "-1"),
    ("0", "0", "0"),
]
CODERS = ("ann", "bob", "cy")


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    """Built once: the command only reads it."""
    path = tmp_path_factory.mktemp("agreement") / "study.annotator"
    with Project.create(path) as project:
        project.install_codebook(CODEBOOK)
        for i in range(6):
            article_id = f"a{i}"
            project.add_article(Article(text=TEXT + f" {i}", title=f"Story {i}", id=article_id))
            for c, coder in enumerate(CODERS):
                for variable, answers in (("v-conflict", CONFLICTS), ("v-tone", TONES)):
                    if answers[i][c] is not None:
                        project.set_coding(Coding(article_id, variable, coder, answers[i][c]))
                # The claim, with boundaries a character or two apart, and its position.
                start, end = c % 2, 44
                project.add_annotation(
                    Annotation(
                        article_id,
                        "claim",
                        start,
                        end,
                        TEXT[start:end],
                        coder,
                        {"v-position": POSITIONS[i][c]},
                    )
                )
                # Actors: "The minister" by everyone, "Unions" by ann and cy only.
                project.add_annotation(Annotation(article_id, "actor", 0, 12, TEXT[:12], coder))
                if coder != "bob":
                    project.add_annotation(
                        Annotation(article_id, "actor", 45, 51, TEXT[45:51], coder)
                    )
        project.set_coding(Coding("a0", "v-conflict", "adjudicated", "no"))
    return path


def reference(answers, level):
    matrix = np.array([[np.nan if v is None else float(v == "yes" if level == "nominal" else v)
                        for v in row] for row in answers]).T  # fmt: skip
    return krippendorff.alpha(matrix, level_of_measurement=level)


def test_json_report_has_the_documented_keys_and_figures(study, capsys):
    assert main(["agreement", str(study), "--format", "json", "--draws", "200"]) == 0
    report = json.loads(capsys.readouterr().out)
    rows = {row["name"]: row for row in report["variables"]}
    assert list(rows) == ["conflict", "tone", "position", "Claim", "Actor"]
    for row in rows.values():
        assert {"name", "level", "alpha", "ci", "percent_agreement", "units", "coders"} <= set(row)
    conflict = rows["conflict"]
    assert conflict["level"] == "nominal" and conflict["coders"] == 3 and conflict["units"] == 6
    assert conflict["alpha"] == pytest.approx(reference(CONFLICTS, "nominal"), abs=1e-6)
    low, high = conflict["ci"]
    assert low <= conflict["alpha"] <= high
    assert conflict["kappa_kind"] == "fleiss"
    assert rows["tone"]["level"] == "ordinal"
    assert rows["tone"]["alpha"] == pytest.approx(reference(TONES, "ordinal"), abs=1e-6)
    position = rows["position"]
    assert position["unit"] == "unit" and position["units"] == 6
    assert position["alpha"] == pytest.approx(reference(POSITIONS, "ordinal"), abs=1e-6)
    assert rows["Actor"]["unit"] == "character" and rows["Actor"]["alpha"] < 1


def test_table_lists_every_variable_and_picks_by_name(study, capsys):
    assert main(["agreement", str(study), "--draws", "50"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["variable", "level", "alpha"]
    assert [line.split()[0] for line in lines[1:6]] == [
        "conflict", "tone", "position", "Claim", "Actor",
    ]  # fmt: skip
    assert main(["agreement", str(study), "--variables", "tone, Actor", "--draws", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[1:3]] == ["tone", "Actor"]
    # Below the table, the articles and coders a span category was computed on.
    assert lines[3] == "" and lines[4].startswith("Actor: ")
    assert "articles entered; coders counted on them (" in lines[4]


def test_xlsx_report_is_a_reliability_sheet(study, tmp_path, capsys):
    out = tmp_path / "reliability.xlsx"
    assert main(["agreement", str(study), "--format", "xlsx", "--out", str(out)]) == 0
    sheet = load_workbook(out)["reliability"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("variable", "unit", "level", "alpha")
    assert [r[0] for r in rows[1:]] == ["conflict", "tone", "position", "Claim", "Actor"]
    assert rows[1][3] == pytest.approx(reference(CONFLICTS, "nominal"), abs=1e-6)
    assert load_workbook(out).sheetnames == ["reliability"]


def test_json_written_to_a_file(study, tmp_path, capsys):
    out = tmp_path / "report.json"
    assert main(["agreement", str(study), "--format", "json", "--out", str(out)]) == 0
    assert "report.json" in capsys.readouterr().out
    assert [r["name"] for r in json.loads(out.read_text())["variables"]][:1] == ["conflict"]


def test_usage_errors_are_named_and_exit_2(study, tmp_path, capsys):
    assert main(["agreement", str(study), "--variables", "tonality"]) == 2
    assert "tonality: no such variable or category" in capsys.readouterr().err
    assert main(["agreement", str(study), "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err
    missing = tmp_path / "nope.annotator"
    assert main(["agreement", str(missing)]) == 2
    assert f"{missing}: no such project file" in capsys.readouterr().err
    fake = tmp_path / "notes.annotator"
    fake.write_text("not a database", encoding="utf-8")
    assert main(["agreement", str(fake)]) == 2
    err = capsys.readouterr().err
    assert str(fake) in err and "not a project file" in err
    assert not missing.exists()
