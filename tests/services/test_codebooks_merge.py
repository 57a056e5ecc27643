"""Importing codebooks into projects that have codes: nothing orphaned, every change told."""

from dataclasses import replace

import openpyxl

from annotator.core import Annotation, Article, Coding
from annotator.services.codebook_merge import import_codebook, plan_import
from annotator.services.codebooks import read_codebook, template_codebook, write_codebook
from annotator.store import Project

TEXT = "The mayor said the tram would be built. Unions protested."


def _project_with_a_coded_claim(tmp_path):
    project = Project.create(tmp_path / "study.annotator")
    project.install_codebook(template_codebook("pca"))
    article = Article(text=TEXT, title="Tram")
    project.add_article(article)
    book = project.codebook()
    claim = book.categories[0]
    ids = {v.name: v.id for v in book.variables}
    project.add_annotation(
        Annotation(
            article_id=article.id,
            category_id=claim.id,
            start=0,
            end=39,
            text=TEXT[:39],
            coder="ana",
            attributes={ids["claimant"]: "the mayor", ids["position"]: "+1"},
        )
    )
    return project, article


def test_a_renamed_category_and_variable_keep_their_codes(tmp_path):
    project, article = _project_with_a_coded_claim(tmp_path)
    book = project.codebook()
    claim = replace(book.categories[0], name="Political claim")
    variables = [
        replace(v, name="actor", label="Actor making the claim") if v.name == "claimant" else v
        for v in book.variables
    ]
    path = write_codebook(
        replace(book, categories=[claim], variables=variables), tmp_path / "b.xlsx"
    )
    changes = import_codebook(project, path)
    assert "renamed category 'Claim' to 'Political claim' (codes kept)" in changes.lines()
    assert any(
        line.startswith("renamed variable 'claimant' (Claim) to 'actor'")
        for line in changes.lines()
    )
    assert any("'actor' (Political claim) (label)" in line for line in changes.changed)
    project.close()
    with Project.open(tmp_path / "study.annotator") as reopened:
        (annotation,) = reopened.annotations(article.id)
        book = reopened.codebook()
        assert book.by_id(annotation.category_id).name == "Political claim"
        named = {book.variable(k).name: v for k, v in annotation.attributes.items()}
        assert named == {"actor": "the mayor", "position": "+1"}


def test_a_workbook_without_ids_merges_by_name_into_the_existing_codebook(tmp_path):
    project, article = _project_with_a_coded_claim(tmp_path)
    path = tmp_path / "team.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "variables"
    sheet.append(["level", "category", "variable", "label", "type", "value_code", "value_label"])
    sheet.append(["unit", "claim", "Claimant", "Who claims", "actor"])
    sheet.append(["unit", "Claim", "target_group", "Target group", "text"])
    sheet.append(["article", None, "tone", "Tone", "ordinal", "-1", "negative"])
    cats = book.create_sheet("categories")
    cats.append(["category", "colour", "shortcut"])
    cats.append(["Claim", "#f06292", "C"])
    cats.append(["Quote", "#64b5f6", "C"])  # the same key as Claim
    book.save(path)
    before = project.codebook()
    changes = import_codebook(project, path)
    after = project.codebook()
    assert [c.id for c in after.categories][:1] == [before.categories[0].id]
    assert {c.name for c in after.categories} == {"Claim", "Quote"}
    claimant = [v for v in after.variables if v.name.casefold() == "claimant"]
    assert len(claimant) == 1 and claimant[0].label == "Who claims"
    lines = changes.lines()
    assert "added category 'Quote'" in lines
    assert "added variable 'target_group' (Claim)" in lines
    assert "added article variable 'tone'" in lines
    assert any(
        line.startswith("renamed variable 'claimant' (Claim) to 'Claimant'") for line in lines
    )
    assert "warning: shortcut C is used by Claim and Quote" in lines
    assert any(line.startswith("kept 6 item(s)") for line in lines)
    assert lines[-1] == "3 added, 1 renamed, 1 changed, 1 unchanged"
    (annotation,) = project.annotations(article.id)
    assert set(annotation.attributes) <= {v.id for v in after.variables}
    project.close()


def test_importing_the_french_template_over_the_english_one_relabels_only(tmp_path):
    project, article = _project_with_a_coded_claim(tmp_path)
    project.set_coding(Coding(article.id, project.codebook().variables[0].id, "ana", "x"))
    changes = import_codebook(project, template_codebook("pca", "fr"))
    assert not changes.added and not changes.kept
    assert changes.renamed == ["category 'Claim' to 'Revendication'"]
    book = project.codebook()
    assert len(book.categories) == 1 and len(book.variables) == 7
    assert project.annotations(article.id)[0].category_id == book.categories[0].id
    assert len(project.codings(article.id)) == 1
    project.close()


def test_the_same_file_imported_twice_changes_nothing_the_second_time(tmp_path):
    project, _article = _project_with_a_coded_claim(tmp_path)
    path = write_codebook(template_codebook("frames"), tmp_path / "frames.json")
    first = import_codebook(project, path)
    assert len(first.added) == 26
    second = import_codebook(project, read_codebook(path))
    assert not second.any
    assert second.lines()[-1] == "0 added, 0 renamed, 0 changed, 26 unchanged"
    # New categories come after the ones the project had.
    book = project.codebook()
    assert book.categories[0].name == "Claim"
    project.close()


def test_deleting_a_category_reports_the_codes_that_go(tmp_path):
    project, article = _project_with_a_coded_claim(tmp_path)
    claim = project.codebook().categories[0]
    assert project.category_usage(claim.id) == 1
    assert project.delete_category(claim.id) == 1
    assert project.annotations(article.id) == []
    project.close()


def test_plan_import_into_an_empty_codebook_adds_everything_under_the_file_name():
    from annotator.core import Codebook

    merged, changes = plan_import(Codebook(), template_codebook("stance"))
    assert merged.name == "Stance"
    assert len(changes.added) == 4 and changes.unchanged == 0
