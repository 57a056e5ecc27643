from datetime import datetime

import openpyxl

from annotator.core import Analysis, Annotation, Article, Category, Codebook, Quote
from annotator.services.export import ANNOTATION_COLUMNS, ARTICLE_COLUMNS, export_xlsx
from annotator.store import Project

TEXT = '=SUM(A1) is not a formula. "We will win," said Ann Lee.'


def _project(tmp_path) -> tuple[Project, Article, Annotation]:
    project = Project.create(tmp_path / "p.annotator")
    article = Article(text=TEXT, title="-Budget vote", outlet="Daily", date="2025-08-15")
    start = TEXT.index("We")
    speaker = TEXT.index("Ann Lee")
    quote = Quote(
        start, start + 11, "We will win", "direct", "Ann Lee", speaker, speaker + 7, "said"
    )
    project.add_article(article, Analysis("en", [], [quote]))
    claim = Category("Claim")
    project.install_codebook(Codebook([claim]))
    ann = Annotation(
        article.id, claim.id, 0, 8, "=SUM(A1)", "alice", {"position": "+1"}, memo="@check"
    )
    project.add_annotation(ann)
    return project, article, ann


def test_export_writes_articles_and_annotations_sheets(tmp_path):
    project, article, ann = _project(tmp_path)
    out = export_xlsx(project, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(out)
    assert {"articles", "annotations", "quotes", "codebook"} <= set(book.sheetnames)

    articles = list(book["articles"].values)
    assert list(articles[0]) == list(ARTICLE_COLUMNS)
    row = dict(zip(articles[0], articles[1], strict=True))
    assert row["article_id"] == article.id
    assert row["title"] == "-Budget vote"
    assert row["date"] == datetime(2025, 8, 15)
    assert row["annotations"] == 1

    annotations = list(book["annotations"].values)
    assert list(annotations[0]) == list(ANNOTATION_COLUMNS)
    row = dict(zip(annotations[0], annotations[1], strict=True))
    assert (row["article_id"], row["coder"], row["category"]) == (article.id, "alice", "Claim")
    assert (row["start"], row["end"], row["text"]) == (0, 8, "=SUM(A1)")
    assert row["memo"] == "@check"
    assert '"position": "+1"' in row["attributes"]

    quotes = list(book["quotes"].values)
    assert dict(zip(quotes[0], quotes[1], strict=True))["speaker"] == "Ann Lee"


def test_formula_like_cells_are_text(tmp_path):
    project, _, _ = _project(tmp_path)
    out = export_xlsx(project, tmp_path / "out.xlsx")
    sheet = openpyxl.load_workbook(out)["annotations"]
    text_cell = sheet.cell(row=2, column=ANNOTATION_COLUMNS.index("text") + 1)
    assert text_cell.value == "=SUM(A1)" and text_cell.data_type == "s"
    title_cell = openpyxl.load_workbook(out)["articles"].cell(row=2, column=2)
    assert title_cell.data_type == "s"
