"""The machine as a coder (issue 15, item 6): its cross-validated codes against each
coder's and the adjudicated version, in `annotator agreement --machine` and the export's
reliability sheet; the learning curve. Real project files, real scikit-learn."""

from __future__ import annotations

import json

import openpyxl

from annotator.cli import main
from annotator.core import Coding
from annotator.services.exports import export_xlsx
from annotator.services.learn import learn
from annotator.services.machine_coder import kept_predictions, learning_curve, machine_rows
from annotator.store import Project
from tests.services.test_learn import make


def study(tmp_path, coded: int = 40):
    """``make``'s project (adjudicated and alice's codes) where bob also coded the topic of
    the articles alice coded, wrongly on every fourth one."""
    path = make(tmp_path, coded=coded)
    with Project.open(path) as project:
        for coding in project.codings(coder="alice"):
            if coding.variable_id == "v2":
                n = int(coding.article_id[1:])
                wrong = {"1": "2", "2": "1"}[str(coding.value)]
                value = wrong if n % 8 == 2 else coding.value
                project.set_coding(Coding(coding.article_id, "v2", "bob", value))
    return path


def test_learn_keeps_a_prediction_per_coded_article(tmp_path):
    path = make(tmp_path)
    with Project.open(path) as project:
        assert kept_predictions(project) == {}
        learn(project, coder="alice")
        kept = kept_predictions(project)
    assert set(kept) == {"conflict", "topic"}
    assert set(kept["topic"]) == {f"a{n}" for n in range(40)}
    assert set(kept["topic"].values()) <= {"1", "2"}


def test_machine_rows_against_each_coder_and_the_adjudicated_version(tmp_path):
    path = study(tmp_path)
    with Project.open(path) as project:
        learn(project, coder="alice")
        predictions = kept_predictions(project)
        rows = {r.name: r for r in machine_rows(project, predictions, ["topic"], draws=0)}
    assert list(rows) == [
        "topic: machine ~ alice",
        "topic: machine ~ bob",
        "topic: machine ~ adjudicated",
    ]
    alice, bob, gold = rows.values()
    # alice coded a2, a3, a6, a7, ... (20 articles), the adjudicated version the other 20.
    assert (alice.units, bob.units, gold.units, alice.coders) == (20, 20, 20, 2)
    assert alice.level == "nominal" and alice.kappa_kind == "cohen"
    # bob's wrong codes on a2, a10, a18, a26, a34 are disagreements with the machine too.
    assert alice.alpha is not None and bob.alpha is not None and alice.alpha > bob.alpha
    machine = predictions["topic"]
    agree = sum(machine[f"a{n}"] == ("1" if n % 2 else "2") for n in range(40) if n % 4 > 1)
    assert alice.percent_agreement == agree / 20


def test_cli_agreement_machine_adds_the_machine_rows(tmp_path, capsys):
    path = study(tmp_path)
    assert main(["learn", str(path), "--from", "alice"]) == 0
    capsys.readouterr()
    assert main(["agreement", str(path), "--machine", "--format", "json", "--draws", "0"]) == 0
    names = [row["name"] for row in json.loads(capsys.readouterr().out)["variables"]]
    assert names[0] == "conflict" and "topic" in names  # the coders' own rows first
    assert "topic: machine ~ bob" in names and "conflict: machine ~ adjudicated" in names
    assert main(["agreement", str(path), "--format", "json", "--draws", "0"]) == 0
    assert not [n for n in capsys.readouterr().out.splitlines() if "machine ~" in n]


def test_cli_agreement_machine_without_a_kept_report_cross_validates_now(tmp_path, capsys):
    path = study(tmp_path)
    assert main(["agreement", str(path), "--machine", "--draws", "0"]) == 0
    captured = capsys.readouterr()
    assert "no learn report kept" in captured.err
    # Adjudicated codes only (20 articles): the machine against them and the coders.
    assert "topic: machine ~ adjudicated" in captured.out
    with Project.open(path) as project:
        assert project.meta("learn_report") is None  # nothing written by agreement


def test_reliability_sheet_shows_the_machine_once_learned(tmp_path):
    path = study(tmp_path)
    with Project.open(path) as project:
        before = openpyxl.load_workbook(export_xlsx(project, tmp_path / "before.xlsx"))
        learn(project, coder="alice")
        after = openpyxl.load_workbook(export_xlsx(project, tmp_path / "after.xlsx"))
    names = [row[0] for row in before["reliability"].iter_rows(min_row=2, values_only=True)]
    assert not [n for n in names if "machine" in str(n)]
    values = list(after["reliability"].values)
    rows = {row[0]: dict(zip(values[0], row, strict=True)) for row in values[1:]}
    assert {
        "topic: machine ~ alice",
        "topic: machine ~ bob",
        "topic: machine ~ adjudicated",
    } <= set(rows)
    assert rows["topic: machine ~ alice"]["units"] == 20
    assert isinstance(rows["topic: machine ~ bob"]["alpha"], float)


def test_learning_curve_at_each_size_then_all(tmp_path):
    path = make(tmp_path, coded=60)
    with Project.open(path) as project:
        points = learning_curve(project, ["topic"], coder="alice", sizes=(10, 25, 50, 100))
    assert [(p.variable, p.items) for p in points] == [
        ("topic", 10),
        ("topic", 25),
        ("topic", 50),
        ("topic", 60),
    ]
    # Ten articles are too few for 5 folds (the note says so); then the words tell the topic.
    assert points[0].alpha is None and points[0].note.startswith("too few coded articles")
    assert all(p.alpha is not None and p.alpha > 0.5 for p in points[1:])
    assert all(p.macro_f1 > p.baseline_macro_f1 for p in points[1:])  # type: ignore[operator]


def test_the_machine_against_each_coder_on_units(tmp_path, capsys):
    from annotator.core import Annotation
    from tests.services.test_learn_units import make as make_units

    path, stance = make_units(tmp_path)
    with Project.open(path) as project:
        # bob coded the same claims as alice (the same spans), against on every fifth.
        for span in project.annotations(coder="alice"):
            value = span.attributes.get(stance.id)
            if value is None:
                continue
            n = int(span.id[1:])
            wrong = {"1": "2", "2": "1"}[value] if n % 5 == 1 else value
            project.add_annotation(
                Annotation(
                    span.article_id,
                    span.category_id,
                    span.start,
                    span.end,
                    span.text,
                    "bob",
                    attributes={stance.id: wrong},
                    id=f"bob-{n}",
                )
            )
    assert main(["learn", str(path), "--from", "alice"]) == 0
    capsys.readouterr()
    assert main(["agreement", str(path), "--machine", "--format", "json", "--draws", "0"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)["variables"]}
    alice, bob = rows["stance: machine ~ alice"], rows["stance: machine ~ bob"]
    # alice coded 20 of the 30 coded claims (the adjudicated version the other 10).
    assert (alice["unit"], alice["units"], bob["units"]) == ("unit", 20, 20)
    assert rows["stance: machine ~ adjudicated"]["units"] == 10
    assert alice["alpha"] is not None and bob["alpha"] is not None
    assert alice["alpha"] > bob["alpha"]  # bob's wrong stances disagree with the machine
