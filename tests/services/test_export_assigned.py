"""The coding sheet has a row for every article a coder was given, coded or not, and a frame
score only when all its questions are answered; on real split and merged files."""

from __future__ import annotations

from openpyxl import load_workbook

from annotator.core import Article, Coding
from annotator.services.codebook_merge import import_codebook
from annotator.services.codebooks import template_codebook
from annotator.services.exports import export_xlsx
from annotator.services.merge import merge
from annotator.services.split import split
from annotator.store import Project


def _sheet(path, name):
    sheet = load_workbook(path)[name]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_assigned_articles_without_answers_are_rows_with_empty_cells(tmp_path):
    master = tmp_path / "study.annotator"
    with Project.create(master) as project:
        import_codebook(project, template_codebook("frames"))
        for number in range(4):
            project.add_article(Article(text=f"Story {number}.", id=f"a{number}"))
    report = split(master, ["ann", "bob"], 1.0, tmp_path / "coders", seed=2)
    for coder, path in report.files.items():
        with Project.open(path) as part:
            ids = {v.name: v.id for v in part.codebook().variables}
            # ann answers every conflict question of a0 and one of a1; bob answers nothing.
            if coder == "ann":
                for item, answer in zip(range(1, 5), ("yes", "no", "oui", "1"), strict=True):
                    part.set_coding(Coding("a0", ids[f"conflict_{item}"], coder, answer))
                part.set_coding(Coding("a1", ids["conflict_1"], coder, "yes"))
    merge(master, list(report.files.values()))
    with Project.open(master) as project:
        out = export_xlsx(project, tmp_path / "study.xlsx")

    rows = _sheet(out, "coding")
    # One row per article and coder given it: 4 articles x 2 coders.
    assert sorted((r["article_id"], r["coder"]) for r in rows) == [
        (f"a{n}", coder) for n in range(4) for coder in ("ann", "bob")
    ]
    assert all(r["assigned"] == 1 and r["done"] == 0 for r in rows)
    by_key = {(r["article_id"], r["coder"]): r for r in rows}
    assert [by_key[("a0", "ann")][f"conflict_{n}"] for n in range(1, 5)] == [1, 0, 1, 1]
    assert by_key[("a0", "ann")]["conflict"] == 0.75
    # One question of four answered: the score is empty, not the mean of one answer (1.0).
    assert by_key[("a1", "ann")]["conflict_1"] == 1
    assert by_key[("a1", "ann")]["conflict"] is None
    # bob was given a0 and answered nothing: missing data, every cell empty.
    bob = by_key[("a0", "bob")]
    assert bob["conflict_1"] is None and bob["conflict"] is None and bob["spans"] == 0

    codebook = _sheet(out, "codebook")
    [score] = [r for r in codebook if r["level"] == "score" and r["variable"] == "conflict"]
    assert score["description"] == (
        "mean of conflict_1, conflict_2, conflict_3, conflict_4 (yes = 1, no = 0);"
        " empty unless all 4 are answered yes or no"
    )
