"""The R loader: a script and the CSV files it reads, run with Rscript when R is installed."""

import csv
import shutil
import subprocess

import pytest

from annotator.cli import main
from annotator.core import ADJUDICATED, Coding, ValueLabel, Variable
from annotator.services.exports import export_project
from tests.services.test_export import build_study

RSCRIPT = shutil.which("Rscript")
needs_r = pytest.mark.skipif(RSCRIPT is None, reason="R is not installed (no Rscript on PATH)")

#: Sources the loader, then writes one line per column: table, name, class, ordered,
#: levels, label attribute, and the values (NA as "<NA>"), tab-separated.
DRIVER = r"""
args <- commandArgs(TRUE)
source(args[1])
out <- file(args[2], open = "w", encoding = "UTF-8")
for (table in c("coding", "units")) {
  if (!exists(table)) next
  frame <- get(table)
  for (name in names(frame)) {
    x <- frame[[name]]
    label <- gsub("\n", "<newline>", attr(x, "label"), fixed = TRUE)
    values <- ifelse(is.na(x), "<NA>", as.character(x))
    writeLines(paste(table, name, class(x)[1], is.ordered(x),
                     paste(levels(x), collapse = "|"), if (length(label)) label else "",
                     paste(values, collapse = "|"), sep = "\t"), out)
  }
}
writeLines(paste("left", paste(ls(all.names = TRUE), collapse = "|"), sep = "\t"), out)
close(out)
"""


@pytest.fixture
def study(tmp_path):
    study = build_study(tmp_path)
    study.project.set_coding(
        Coding(study.article.id, study.variables["conflict_1"].id, ADJUDICATED, "yes")
    )
    return study


def _run_r(script, tmp_path):
    driver = tmp_path / "driver.R"
    driver.write_text(DRIVER, encoding="utf-8")
    summary = tmp_path / "summary.tsv"
    done = subprocess.run(
        [RSCRIPT, str(driver), str(script), str(summary)],
        capture_output=True,
        text=True,
        cwd=tmp_path.parent,  # not the script's folder: it finds its CSV files itself
        check=False,
    )
    assert done.returncode == 0, done.stderr
    columns = {}
    left = ""
    for line in summary.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0] == "left":
            left = parts[1]
            continue
        table, name, klass, ordered, levels, label, values = parts
        columns[table, name] = {
            "class": klass,
            "ordered": ordered == "TRUE",
            "levels": levels.split("|") if levels else [],
            "label": label,
            "values": values.split("|"),
        }
    return columns, left, done.stderr


def test_writes_the_script_and_exact_csv_files_beside_it(study, tmp_path, capsys):
    out = tmp_path / "analysis" / "study.R"
    out.parent.mkdir()
    assert main(["export", str(study.project.path), str(out)]) == 0
    assert "exported" in capsys.readouterr().out
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "study.R",
        "study_coding.csv",
        "study_units.csv",
    ]
    with (out.parent / "study_coding.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    # Exact values: no ' put before text that starts with = + - @.
    assert {r["outlet"] for r in rows} >= {"=cmd|' /C calc'!A0"}
    assert '=HYPERLINK("http://x")' in {r["note"] for r in rows}
    script = out.read_text(encoding="utf-8")
    assert "# conflict_1: Disagreement? (yes/no)" in script
    assert "# tone: Tone (ordinal)" in script
    assert "# position: Position (ordinal)" in script
    assert 'source("study.R")' in script


@needs_r
def test_r_reads_labelled_factors_logicals_dates_and_numbers(study, tmp_path):
    out = export_project(study.project, tmp_path / "study.R")
    columns, left, _ = _run_r(out, tmp_path)
    topic = columns["coding", "topic"]
    assert (topic["class"], topic["ordered"], topic["levels"]) == (
        "factor",
        False,
        ["Politics", "Economy"],
    )
    assert topic["label"] == "Topic"
    tone = columns["coding", "tone"]
    assert (tone["class"], tone["ordered"], tone["levels"]) == ("ordered", True, ["-1", "0", "+1"])
    conflict = columns["coding", "conflict_1"]
    assert (conflict["class"], conflict["label"]) == ("logical", "Disagreement?")
    assert set(conflict["values"]) <= {"TRUE", "FALSE", "<NA>"}
    assert columns["coding", "date"]["class"] == "Date"
    assert "2025-08-15" in columns["coding", "date"]["values"]
    assert columns["coding", "sources"]["class"] == "numeric"
    assert "12" in columns["coding", "sources"]["values"]
    assert columns["coding", "spans"]["class"] == "integer"
    assert columns["coding", "gold"]["class"] == "logical"
    assert columns["coding", "conflict"]["label"] == "Conflict frame score"
    # Text as coded, the formula guard not applied; empty answers missing.
    note = columns["coding", "note"]
    assert note["class"] == "character"
    assert '=HYPERLINK("http://x")' in note["values"] and "<NA>" in note["values"]
    assert "=cmd" in "|".join(columns["coding", "outlet"]["values"])
    coders = columns["coding", "coder"]["values"]
    gold = columns["coding", "gold"]["values"]
    assert gold[coders.index(ADJUDICATED)] == "TRUE"
    position = columns["units", "position"]
    assert (position["class"], position["levels"]) == ("ordered", ["against", "0", "for"])
    assert position["values"] == ["for", "0"]
    assert columns["units", "actor"]["values"] == ["Ann Lee", "Ann Lee"]
    assert columns["units", "memo"]["values"] == ["@check", "<NA>"]
    # The helpers are removed once the tables are loaded.
    assert ".annotator_read" not in left


@needs_r
def test_values_outside_the_codebook_are_kept_with_a_warning(study, tmp_path):
    project = study.project
    book = project.codebook()
    topic = study.variables["topic"]
    # A code the codebook lost since, and a yes/no question with a third answer.
    project.set_coding(Coding(study.other.id, topic.id, "alice", "7"))
    unsure = Variable(
        "unsure",
        'Is it "clear"?\nAsk twice',
        "yesno",
        values=(ValueLabel("1", "oui"), ValueLabel("0", "non"), ValueLabel("9", "ne sait pas")),
        position=9,
    )
    book.variables.append(unsure)
    project.install_codebook(book)
    project.set_coding(Coding(study.article.id, unsure.id, "alice", "9"))
    columns, _, stderr = _run_r(export_project(project, tmp_path / "study.R"), tmp_path)
    topic_column = columns["coding", "topic"]
    assert topic_column["levels"] == ["Politics", "Economy", "7"]
    assert "7" in topic_column["values"]
    assert "topic: values not in the codebook, kept as extra levels: 7" in stderr
    answers = columns["coding", "unsure"]
    assert (answers["class"], answers["levels"]) == ("factor", ["oui", "non", "ne sait pas"])
    assert "ne sait pas" in answers["values"]
    assert answers["label"] == 'Is it "clear"?<newline>Ask twice'


@needs_r
def test_rscript_runs_the_loader_itself(study, tmp_path):
    out = export_project(study.project, tmp_path / "load.R")
    done = subprocess.run(
        [RSCRIPT, str(out)], capture_output=True, text=True, cwd=tmp_path.parent, check=False
    )
    assert done.returncode == 0, done.stderr


def test_a_codebook_without_units_writes_only_the_coding_table(tmp_path):
    from annotator.core import Codebook
    from annotator.store import Project

    project = Project.create(tmp_path / "p.annotator")
    project.install_codebook(Codebook([], [Variable("topic", "Topic", "nominal")]))
    out = export_project(project, tmp_path / "p.R")
    assert sorted(p.name for p in tmp_path.glob("p_*.csv")) == ["p_coding.csv"]
    script = out.read_text(encoding="utf-8")
    assert 'coding <- .annotator_read("p_coding.csv")' in script
    assert "units <-" not in script
