"""SPSS and Stata exports, read back with pyreadstat: labels, levels, values, names."""

import math
from datetime import date

import pyreadstat
import pytest

from annotator.cli import main
from annotator.core import ADJUDICATED, Article, Codebook, Coding, ValueLabel, Variable
from annotator.services.errors import FileProblem
from annotator.services.exports import export_project
from annotator.services.exports.stats_files import valid_names
from annotator.store import Project
from tests.services.test_export import build_study

READ = {".sav": pyreadstat.read_sav, ".dta": pyreadstat.read_dta}


@pytest.fixture
def study(tmp_path):
    study = build_study(tmp_path)
    variables = study.variables
    study.project.set_coding(
        Coding(study.article.id, variables["conflict_1"].id, ADJUDICATED, "yes")
    )
    return study


def _read(path):
    frame, meta = READ[path.suffix](str(path))
    return frame, meta


def _rows(frame, coder):
    return frame[frame["coder"] == coder].to_dict("records")


@pytest.mark.parametrize("suffix", [".sav", ".dta"])
def test_coding_table_with_labels_values_and_missing(study, tmp_path, suffix):
    out = export_project(study.project, tmp_path / f"coding{suffix}")
    frame, meta = _read(out)
    assert list(frame.columns)[:10] == [
        "article_id",
        "title",
        "outlet",
        "date",
        "language",
        "coder",
        "gold",
        "assigned",
        "done",
        "spans",
    ]
    labels = meta.column_names_to_labels
    assert labels["conflict_1"] == "Disagreement?"
    assert labels["topic"] == "Topic"
    assert labels["sources"] == "Sources cited"
    assert labels["conflict"] == "Conflict frame score"
    values = meta.variable_value_labels
    assert values["conflict_1"] == {1: "yes", 0: "no"}
    assert values["topic"] == {1: "Politics", 2: "Economy"}
    assert values["tone"] == {-1: "-1", 0: "0", 1: "+1"}
    assert values["gold"] == {1: "adjudicated", 0: "coder's own"}
    assert "sources" not in values and "note" not in values

    alice = [r for r in _rows(frame, "alice") if r["article_id"] == study.article.id][0]
    assert (alice["conflict_1"], alice["topic"], alice["tone"], alice["sources"]) == (1, 2, 1, 12)
    assert alice["date"] == date(2025, 8, 15)
    assert alice["note"] == '=HYPERLINK("http://x")'
    assert (alice["gold"], alice["done"], alice["spans"]) == (0, 1, 2)
    assert alice["conflict"] == 1
    bob = [r for r in _rows(frame, "bob") if r["article_id"] == study.article.id][0]
    # Unanswered: system-missing in numeric columns, empty in text ones.
    assert (bob["conflict_1"], bob["tone"]) == (0, 0)
    assert math.isnan(bob["sources"])
    assert bob["note"] == ""
    other = [r for r in _rows(frame, "bob") if r["article_id"] == study.other.id][0]
    assert isinstance(other["date"], float) and math.isnan(other["date"])
    # The adjudicated version is flagged, its unanswered questions missing.
    (gold,) = _rows(frame, ADJUDICATED)
    assert (gold["gold"], gold["conflict_1"]) == (1, 1)
    assert math.isnan(gold["topic"])


def test_spss_measurement_levels_from_the_variable_kinds(study, tmp_path):
    _, meta = _read(export_project(study.project, tmp_path / "coding.sav"))
    measure = meta.variable_measure
    assert (measure["conflict_1"], measure["topic"], measure["tone"]) == (
        "nominal",
        "nominal",
        "ordinal",
    )
    assert (measure["sources"], measure["conflict"], measure["spans"]) == ("scale",) * 3
    assert (measure["note"], measure["coder"], measure["gold"]) == ("nominal",) * 3
    assert meta.original_variable_types["date"].startswith("DATE")
    assert meta.original_variable_types["topic"] == "F8.0"


@pytest.mark.parametrize("suffix", [".sav", ".dta"])
def test_units_table(study, tmp_path, suffix):
    out = export_project(study.project, tmp_path / f"units{suffix}", sheet="units")
    frame, meta = _read(out)
    rows = frame.to_dict("records")
    assert [(r["coder"], r["actor"], r["position"]) for r in rows] == [
        ("alice", "Ann Lee", 1),
        ("bob", "Ann Lee", 0),
    ]
    assert meta.variable_value_labels["position"] == {-1: "against", 0: "0", 1: "for"}
    assert meta.column_names_to_labels["actor"] == "Claimant"
    assert rows[0]["memo"] == "@check"
    if suffix == ".sav":
        assert meta.variable_measure["position"] == "ordinal"


def test_other_sheets_are_refused(study, tmp_path):
    with pytest.raises(FileProblem, match="coding or units table"):
        export_project(study.project, tmp_path / "quotes.dta", sheet="quotes")
    assert not (tmp_path / "quotes.dta").exists()


def _project(tmp_path, variables, codings):
    project = Project.create(tmp_path / "names.annotator")
    article = Article(text="Some text.", title="T", date="2024-02-03")
    project.add_article(article)
    project.install_codebook(Codebook([], variables))
    for variable, value in codings:
        project.set_coding(Coding(article.id, variable.id, "alice", value))
    return project


def test_names_made_valid_and_unique_in_each_format():
    names = ["ALL", "to", "long", "Thème 2", "1st", "x" * 70, "Topic", "topic", "str12", "a_"]
    assert valid_names(names, "spss") == [
        "ALL_v",
        "to_v",
        "long",
        "Theme_2",
        "v1st",
        "x" * 64,
        "Topic",
        "topic_2",
        "str12",
        "a",
    ]
    assert valid_names(names, "stata") == [
        "ALL",
        "to",
        "long_v",
        "Theme_2",
        "v1st",
        "x" * 32,
        "Topic",
        "topic_2",
        "str12_v",
        "a",
    ]
    assert valid_names(["x" * 70, "x" * 80], "stata") == ["x" * 32, "x" * 30 + "_2"]


@pytest.mark.parametrize("suffix", [".sav", ".dta"])
def test_reserved_and_accented_names_are_renamed_with_a_warning(tmp_path, suffix):
    with_ = Variable("with", "Contains a quote?", "yesno", position=0)
    theme = Variable("thème", "Thème principal", "nominal", position=1)
    theme_values = (ValueLabel("1", "Politique"), ValueLabel("2", "Économie"))
    theme = Variable(**{**_fields(theme), "values": theme_values})
    project = _project(tmp_path, [with_, theme], [(with_, "oui"), (theme, "2")])
    warnings: list[str] = []
    out = export_project(project, tmp_path / f"names{suffix}", warn=warnings.append)
    frame, meta = _read(out)
    assert "with_v" in frame.columns and "theme" in frame.columns
    assert meta.column_names_to_labels["theme"] == "Thème principal"
    assert meta.variable_value_labels["theme"] == {1: "Politique", 2: "Économie"}
    assert frame["with_v"].tolist() == [1]
    assert any("with → with_v" in w and "thème → theme" in w for w in warnings), warnings


@pytest.mark.parametrize("suffix", [".sav", ".dta"])
def test_codes_that_are_not_numbers_become_labelled_numbers(tmp_path, suffix):
    topic = Variable(
        "topic",
        "Topic",
        "nominal",
        values=(ValueLabel("economy"), ValueLabel("health", "Health care"), ValueLabel("other")),
    )
    project = _project(tmp_path, [topic], [(topic, "health")])
    warnings: list[str] = []
    frame, meta = _read(export_project(project, tmp_path / f"t{suffix}", warn=warnings.append))
    assert meta.variable_value_labels["topic"] == {1: "economy", 2: "Health care", 3: "other"}
    assert frame["topic"].tolist() == [2]
    assert any("topic: its codes are not all whole numbers" in w for w in warnings)


@pytest.mark.parametrize(("suffix", "limit"), [(".dta", 2045), (".sav", 32767)])
def test_long_text_is_cut_with_a_warning(tmp_path, suffix, limit):
    note = Variable("note", "A note", "text", position=0)
    count = Variable("count", "How many", "number", position=1)
    text = "é" * limit  # two bytes each: twice the limit in UTF-8
    project = _project(tmp_path, [note, count], [(note, text), (count, "many")])
    warnings: list[str] = []
    frame, _ = _read(export_project(project, tmp_path / f"long{suffix}", warn=warnings.append))
    written = frame["note"].tolist()[0]
    assert written == "é" * (limit // 2)
    assert any(f"note: 1 cell was longer than {limit:,} bytes, cut" in w for w in warnings)
    assert math.isnan(frame["count"].tolist()[0])
    assert any("count: 1 cell was not a number, left missing" in w for w in warnings)


def test_stata_variable_labels_cut_to_80_characters(tmp_path):
    question = "Does the article " + "really " * 20 + "mention a conflict?"
    conflict = Variable("conflict_a", question, "yesno")
    project = _project(tmp_path, [conflict], [(conflict, "no")])
    warnings: list[str] = []
    _, meta = _read(export_project(project, tmp_path / "l.dta", warn=warnings.append))
    assert meta.column_names_to_labels["conflict_a"] == question[:80].rstrip()
    assert any("labels longer than STATA allows were cut: conflict_a" in w for w in warnings)
    _, meta = _read(export_project(project, tmp_path / "l.sav"))
    assert meta.column_names_to_labels["conflict_a"] == question


def test_cli_writes_sav_and_prints_warnings(study, tmp_path, capsys):
    path = study.project.path
    study.project.close()
    out = tmp_path / "cli.dta"
    assert main(["export", str(path), str(out), "--sheet", "units"]) == 0
    frame, _ = _read(out)
    assert len(frame) == 2
    assert main(["export", str(path), str(tmp_path / "q.sav"), "--sheet", "quotes"]) == 2
    assert "coding or units" in capsys.readouterr().err


def _fields(obj) -> dict:
    return {name: getattr(obj, name) for name in obj.__slots__}
