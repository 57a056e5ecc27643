"""The tables behind the overview charts, on a real project with PCA and frame codes."""

from __future__ import annotations

import openpyxl

from annotator.core import Actor, Analysis, Annotation, Article, Codebook, Coding, Mention, Quote
from annotator.services.codebooks import template_codebook
from annotator.services.overview import overview_tables, write_tables_xlsx
from annotator.store import Project

TEXT = "Anna Berg said the plan is good. Tom Ek said it is bad."


def make(tmp_path):
    project = Project.create(tmp_path / "o.annotator")
    pca, frames = template_codebook("pca"), template_codebook("frames")
    project.install_codebook(
        Codebook(pca.categories + frames.categories, pca.variables + frames.variables)
    )
    book = project.codebook()
    claim = next(c for c in book.categories if c.name.lower().startswith("claim"))
    position = next(v for v in book.unit_variables(claim.id) if v.name == "position")
    conflict = [v for v in book.article_variables() if v.name.startswith("conflict_")]
    for n, (outlet, date) in enumerate([("=Daily", "2024-01-05"), ("Post", "2024-02-01")]):
        article = Article(text=TEXT + f" {n}", outlet=outlet, date=date, id=f"a{n}")
        anna = Actor("Anna Berg", mentions=[Mention(0, 9, "Anna Berg")], gender="female")
        tom = Actor("Tom Ek", mentions=[Mention(33, 39, "Tom Ek")], gender="male")
        quote = Quote(19, 31, TEXT[19:31], "indirect", "Anna Berg", 0, 9, "said", anna.id)
        quotes = [quote]
        if n == 1:  # Tom is quoted in the second article only, twice: counted once
            quotes += [
                Quote(45, 50, TEXT[45:50], "indirect", "Tom Ek", 33, 39, "said", tom.id),
                Quote(51, 55, TEXT[51:55], "indirect", "Tom Ek", 33, 39, "said", tom.id),
            ]
        project.add_article(article, Analysis("en", quotes=quotes, actors=[anna, tom]))
        project.add_annotation(
            Annotation(
                article.id,
                claim.id,
                0,
                9,
                "Anna Berg",
                "alice",
                attributes={position.id: position.values[-1].code},
            )
        )
        project.set_coding(Coding(article.id, conflict[0].id, "alice", "1"))
        project.set_coding(Coding(article.id, conflict[1].id, "alice", "0" if n else "1"))
        for item in conflict[2:]:  # a frame scores once all its questions are answered
            project.set_coding(Coding(article.id, item.id, "alice", "0"))
    return project


def test_overview_tables_count_what_was_coded(tmp_path):
    with make(tmp_path) as project:
        outlets, stance, actors, frames, *_gender = overview_tables(project)
    assert outlets.columns[0] == "outlet" and outlets.rows == [["=Daily", 1], ["Post", 1]]
    assert stance.chart == "line" and [r[0] for r in stance.rows] == ["2024-01", "2024-02"]
    assert sum(stance.rows[0][1:]) == 1
    assert actors.rows == [["Anna Berg", 2], ["Tom Ek", 2]]
    conflict = next(r for r in frames.rows if r[0] == "Conflict")
    assert conflict[1] == 0.375  # (1 + 1 + 0 + 0)/4 and (1 + 0 + 0 + 0)/4, averaged
    assert all(t.empty_reason == "" for t in (outlets, stance, actors, frames))


def test_tables_are_saved_with_formula_like_names_as_text(tmp_path):
    with make(tmp_path) as project:
        tables = overview_tables(project, coder="nobody")
        assert tables[0].rows == [] and tables[0].empty_reason
        tables = overview_tables(project)
    write_tables_xlsx(tables, tmp_path / "o.xlsx")
    tables[0].write_csv(tmp_path / "o.csv")
    book = openpyxl.load_workbook(tmp_path / "o.xlsx")
    sheet = book["Codes per outlet"]
    assert sheet["A2"].value == "=Daily" and sheet["A2"].data_type == "s"
    assert (tmp_path / "o.csv").read_text(encoding="utf-8-sig").splitlines()[1] == "=Daily,1"


def test_women_among_quoted_people_by_outlet_and_month(tmp_path):
    with make(tmp_path) as project:
        *_, by_outlet, by_month = overview_tables(project)
        # Who is not quoted does not count; a person's gender set to unknown counts apart.
        project.db.execute(
            "update actors set gender = 'unknown' where name = 'Anna Berg' and article_id = 'a0'"
        )
        *_, later_outlet, later_month = overview_tables(project)
    assert by_outlet.columns == ["outlet", "women", "men", "unknown"]
    assert by_outlet.rows == [["=Daily", 1, 0, 0], ["Post", 1, 1, 0]]
    assert by_month.rows == [["2024-01", 100.0], ["2024-02", 50.0]]
    assert later_outlet.rows == [["=Daily", 0, 0, 1], ["Post", 1, 1, 0]]
    assert later_month.rows == [["2024-02", 50.0]]  # January has no known gender left
