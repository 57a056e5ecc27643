"""annotator new, annotator codebook export and import: real project files and workbooks."""

import json

import openpyxl
import pytest

from annotator.cli import main
from annotator.core import Annotation, Article
from annotator.services.codebooks import template_codebook, write_codebook
from annotator.store import Project


@pytest.mark.parametrize(
    ("choice", "language", "name"),
    [
        ("pca", "en", "Political claims analysis"),
        ("frames", "fr", "Cadrages génériques de l'information"),
        ("stance", "en", "Stance"),
    ],
)
def test_new_creates_a_project_with_a_template(tmp_path, capsys, choice, language, name):
    path = tmp_path / "study.annotator"
    assert main(["new", str(path), "--codebook", choice, "--lang", language]) == 0
    assert f"“{name}”" in capsys.readouterr().out
    with Project.open(path) as project:
        book = project.codebook()
    expected = template_codebook(choice, language)
    assert book.name == name
    assert [c.id for c in book.categories] == [c.id for c in expected.categories]
    assert {v.id for v in book.variables} == {v.id for v in expected.variables}


def test_new_without_a_codebook_gets_the_starter_one(tmp_path, capsys):
    path = tmp_path / "study.annotator"
    assert main(["new", str(path)]) == 0
    assert "Starter codebook" in capsys.readouterr().out
    with Project.open(path) as project:
        assert len(project.codebook().categories) == 12


def test_new_combines_templates(tmp_path, capsys):
    path = tmp_path / "study.annotator"
    assert main(["new", str(path), "--codebook", "pca,frames", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "(7 categories, 27 variables)" in out and "warning" not in out
    with Project.open(path) as project:
        book = project.codebook()
    # Named after both templates, not only the first.
    assert (
        book.name == "Analyse des revendications politiques + Cadrages génériques de l'information"
    )
    assert len(book.article_variables()) == 20
    assert "“Analyse des revendications politiques + Cadrages" in out


def test_new_takes_a_codebook_file(tmp_path, capsys):
    book = write_codebook(template_codebook("stance", "fr"), tmp_path / "team.xlsx")
    path = tmp_path / "study.annotator"
    assert main(["new", str(path), "--codebook", str(book)]) == 0
    assert "(1 category, 3 variables)" in capsys.readouterr().out
    with Project.open(path) as project:
        assert project.codebook().categories[0].name == "Prise de position"


def test_new_refuses_a_bad_codebook_and_an_existing_project(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"variables": [{"name": "tone", "kind": "colour"}]}')
    path = tmp_path / "study.annotator"
    assert main(["new", str(path), "--codebook", str(bad)]) == 1
    assert f"{bad}: variable 'tone' has an unknown kind 'colour'" in capsys.readouterr().err
    assert not path.exists()  # nothing created for a codebook that cannot be read
    assert main(["new", str(path), "--codebook", "framez"]) == 1
    assert "not a codebook template or file" in capsys.readouterr().err
    assert main(["new", str(path)]) == 0
    assert main(["new", str(path)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_codebook_export_writes_xlsx_and_json(tmp_path, capsys):
    path = tmp_path / "study.annotator"
    main(["new", str(path), "--codebook", "pca"])
    assert main(["codebook", "export", str(path), str(tmp_path / "book.xlsx")]) == 0
    assert main(["codebook", "export", str(path), str(tmp_path / "book.json")]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "book.xlsx")["variables"]
    names = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {
        "claimant",
        "addressee",
        "object_actor",
        "issue",
        "position",
        "form",
        "justification",
    }
    data = json.loads((tmp_path / "book.json").read_text(encoding="utf-8"))
    assert data["categories"][0]["name"] == "Claim"
    assert len(data["categories"][0]["attributes"]) == 7
    assert "exported" in capsys.readouterr().out


def test_codebook_import_reports_what_changed_and_keeps_codes(tmp_path, capsys):
    path = tmp_path / "study.annotator"
    main(["new", str(path), "--codebook", "pca"])
    with Project.open(path) as project:
        article = Article(text="The unions protested.")
        project.add_article(article)
        claim = project.codebook().categories[0]
        project.add_annotation(
            Annotation(article.id, claim.id, 0, 10, "The unions", "ana", attributes={})
        )
    french = write_codebook(template_codebook("pca", "fr"), tmp_path / "pca-fr.xlsx")
    capsys.readouterr()
    assert main(["codebook", "import", str(path), str(french)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "renamed category 'Claim' to 'Revendication' (codes kept)" in out
    assert out[-1] == "0 added, 1 renamed, 8 changed, 0 unchanged"
    with Project.open(path) as project:
        (annotation,) = project.annotations(article.id)
        assert project.codebook().by_id(annotation.category_id).name == "Revendication"


def test_codebook_import_of_a_bad_file_leaves_the_project_as_it_was(tmp_path, capsys):
    path = tmp_path / "study.annotator"
    main(["new", str(path), "--codebook", "stance"])
    bad = tmp_path / "bad.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "variables"
    book.active.append(["variable", "type"])
    book.active.append(["tone", "colour"])
    book.save(bad)
    assert main(["codebook", "import", str(path), str(bad)]) == 1
    assert f"{bad}: sheet 'variables', row 2: type 'colour'" in capsys.readouterr().err
    with Project.open(path) as project:
        assert [v.name for v in project.codebook().variables] == ["actor", "target", "stance"]


def test_codebook_commands_say_what_is_wrong_with_their_arguments(tmp_path, capsys):
    missing = tmp_path / "missing.annotator"
    assert main(["codebook", "export", str(missing), str(tmp_path / "b.xlsx")]) == 2
    assert "no such project file" in capsys.readouterr().err
    path = tmp_path / "study.annotator"
    main(["new", str(path)])
    assert main(["codebook", "export", str(path), str(tmp_path / "b.csv")]) == 2
    assert "a codebook file is .xlsx, .json, .docx, .md or .html" in capsys.readouterr().err
    assert main(["codebook", "import", str(path), str(tmp_path / "none.json")]) == 1
    assert "none.json: cannot be read" in capsys.readouterr().err
    assert main(["codebook"]) == 2
