import re
import zipfile
from dataclasses import dataclass
from datetime import datetime

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from annotator.cli import main
from annotator.core import (
    Actor,
    Analysis,
    Annotation,
    Article,
    ArticleStatus,
    Category,
    Codebook,
    Coding,
    Mention,
    Quote,
    ValueLabel,
    Variable,
)
from annotator.services.exports import (
    ANNOTATION_COLUMNS,
    ARTICLE_COLUMNS,
    SHEETS,
    export_project,
    export_xlsx,
)
from annotator.services.exports.values import code, yes_no
from annotator.services.exports.xlsx import MAX_WIDTH
from annotator.store import Project

TEXT = '=SUM(A1) is not a formula. "We will win," said Ann Lee. Ann Lee leads the union.'
OTHER = "+1 555 0100 is a phone number. The council met on Monday."


@dataclass
class Study:
    """A small two-coder study with every kind of variable, for the export tests."""

    project: Project
    article: Article
    other: Article
    claim: Category
    conflict: Category
    actor: Actor
    variables: dict[str, Variable]


def build_study(tmp_path, coders=("alice", "bob")) -> Study:
    project = Project.create(tmp_path / "study.annotator")
    article = Article(text=TEXT, title="-Budget vote", outlet="Daily", date="2025-08-15")
    other = Article(
        text=OTHER, title="@home\x01 news", outlet="=cmd|' /C calc'!A0", section="+local"
    )
    lee = TEXT.index("Ann Lee")
    actor = Actor(
        "Ann Lee",
        "PERSON",
        [Mention(lee, lee + 7, "Ann Lee"), Mention(lee + 9, lee + 16, "Ann Lee")],
        gender="female",
    )
    start = TEXT.index("We")
    quote = Quote(start, start + 11, "We will win", "direct", "Ann Lee", lee, lee + 7, "said")
    quote = Quote(**{**_fields(quote), "actor_id": actor.id, "speaker_type": "person"})
    project.add_article(article, Analysis("en", [], [quote], [actor]))
    project.add_article(other, Analysis("en"))

    claim, frame = Category("Claim", color="#f06292"), Category("Frame", color="#bdbdbd")
    conflict = Category("Conflict", color="#ff8a65", parent_id=frame.id)
    variables = {
        "actor": Variable("actor", "Claimant", "actor", "unit", claim.id, position=0),
        "position": Variable(
            "position",
            "Position",
            "ordinal",
            "unit",
            claim.id,
            values=(ValueLabel("-1", "against"), ValueLabel("0"), ValueLabel("+1", "for")),
            position=1,
        ),
        "conflict_1": Variable("conflict_1", "Disagreement?", "yesno", position=0),
        "topic": Variable(
            "topic",
            "Topic",
            "nominal",
            values=(ValueLabel("1", "Politics"), ValueLabel("2", "Economy")),
            position=1,
        ),
        "tone": Variable(
            "tone", "Tone", "ordinal", values=(ValueLabel("-1"), ValueLabel("0"), ValueLabel("+1"))
        ),
        "sources": Variable("sources", "Sources cited", "number", position=3),
        "note": Variable("note", "Note", "text", position=4),
    }
    variables["tone"] = Variable(**{**_fields(variables["tone"]), "position": 2})
    project.install_codebook(Codebook([claim, frame, conflict], list(variables.values())))

    def code(article_id, coder, name, value):
        project.set_coding(Coding(article_id, variables[name].id, coder, value))

    first, second = coders[0], coders[-1]
    for name, value in [
        ("conflict_1", "yes"),
        ("topic", "2"),
        ("tone", "+1"),
        ("sources", "12"),
        ("note", '=HYPERLINK("http://x")'),
    ]:
        code(article.id, first, name, value)
    code(other.id, first, "conflict_1", True)
    code(other.id, first, "topic", "1")
    if second != first:
        code(article.id, second, "conflict_1", "no")
        code(article.id, second, "topic", "2")
        code(article.id, second, "tone", "0")
        code(other.id, second, "conflict_1", "yes")
        code(other.id, second, "topic", "1")
    claim_start = TEXT.index('"We')
    claim_end = TEXT.index("Ann Lee.") + 7
    for coder, position in ((first, "+1"), (second, "0")):
        project.add_annotation(
            Annotation(
                article.id,
                claim.id,
                claim_start,
                claim_end,
                TEXT[claim_start:claim_end],
                coder,
                {variables["actor"].id: actor.id, variables["position"].id: position},
                memo="@check" if coder == first else "",
            )
        )
    project.add_annotation(Annotation(article.id, conflict.id, 0, 8, "=SUM(A1)", first))
    project.set_article_status(ArticleStatus(article.id, first, done=True))
    return Study(project, article, other, claim, conflict, actor, variables)


def _fields(obj) -> dict:
    return {name: getattr(obj, name) for name in obj.__slots__}


def _rows(book, name) -> list[dict]:
    values = list(book[name].values)
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


@pytest.fixture
def study(tmp_path) -> Study:
    return build_study(tmp_path)


@pytest.fixture
def workbook(study, tmp_path):
    out = export_project(study.project, tmp_path / "out.xlsx")
    return out, openpyxl.load_workbook(out)


def test_every_sheet_is_there_with_frozen_header_filter_and_fitted_widths(workbook):
    _, book = workbook
    assert book.sheetnames == list(SHEETS)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title
        widths = [d.width for d in sheet.column_dimensions.values()]
        assert len(widths) == sheet.max_column and all(8 <= w <= MAX_WIDTH for w in widths)
    sheet = book["annotations"]
    widths = {
        cell.value: sheet.column_dimensions[get_column_letter(cell.column)].width
        for cell in sheet[1]
    }
    # Fitted to the content: an id column is wider than a number column.
    assert widths["annotation_id"] > widths["start"]


def test_articles_sheet_has_metadata_and_real_dates(workbook, study):
    _, book = workbook
    assert [c.value for c in book["articles"][1]] == list(ARTICLE_COLUMNS)
    first, second = _rows(book, "articles")
    assert first["article_id"] == study.article.id
    assert first["title"] == "-Budget vote"
    assert first["date"] == datetime(2025, 8, 15)
    assert book["articles"]["E2"].is_date and book["articles"]["E2"].number_format == "yyyy-mm-dd"
    assert isinstance(first["imported_at"], datetime)
    assert (first["annotations"], first["words"]) == (3, len(TEXT.split()))
    # A control character Excel refuses is dropped, the rest of the title kept.
    assert second["title"] == "@home news" and second["date"] is None


def test_coding_sheet_is_one_row_per_article_and_coder(workbook, study):
    _, book = workbook
    rows = _rows(book, "coding")
    assert [(r["article_id"], r["coder"]) for r in rows] == [
        (study.article.id, "alice"),
        (study.article.id, "bob"),
        (study.other.id, "alice"),
        (study.other.id, "bob"),
    ]
    alice, bob, other, _ = rows
    # yes/no as 1/0, codes as the numbers they are, numbers as numbers, text as text.
    assert (alice["conflict_1"], alice["topic"], alice["tone"], alice["sources"]) == (1, 2, 1, 12)
    assert alice["note"] == '=HYPERLINK("http://x")'
    assert (bob["conflict_1"], bob["tone"], bob["sources"], bob["note"]) == (0, 0, None, None)
    assert (other["conflict_1"], other["topic"]) == (1, 1)
    assert (alice["done"], bob["done"], alice["spans"], bob["spans"]) == (1, 0, 2, 1)
    # conflict_1 is a Semetko & Valkenburg question: the conflict frame score follows it.
    assert (alice["conflict"], bob["conflict"], other["conflict"]) == (1, 0, 1)
    assert list(rows[0])[-1] == "conflict"
    assert alice["date"] == datetime(2025, 8, 15) and alice["outlet"] == "Daily"


def test_units_sheet_has_one_row_per_unit_with_its_attributes(workbook, study):
    _, book = workbook
    rows = _rows(book, "units")
    assert [r["coder"] for r in rows] == ["alice", "bob"]
    assert {r["category"] for r in rows} == {"Claim"}  # the Conflict span is not a unit
    assert [r["actor"] for r in rows] == ["Ann Lee", "Ann Lee"]  # actors by name
    assert [r["position"] for r in rows] == [1, 0]
    assert rows[0]["memo"] == "@check" and rows[0]["text"].startswith('"We will win')


def test_annotations_sheet_is_long_with_values_by_name(workbook, study):
    _, book = workbook
    assert [c.value for c in book["annotations"][1]] == list(ANNOTATION_COLUMNS)
    rows = _rows(book, "annotations")
    assert len(rows) == 3
    conflict = next(r for r in rows if r["category"] == "Conflict")
    assert (conflict["parent_category"], conflict["text"], conflict["start"]) == (
        "Frame",
        "=SUM(A1)",
        0,
    )
    claim = next(r for r in rows if r["coder"] == "alice" and r["category"] == "Claim")
    assert claim["attributes"] == '{"actor": "Ann Lee", "position": 1}'
    assert isinstance(claim["created"], datetime)


def test_actors_quotes_and_codebook_sheets(workbook, study):
    _, book = workbook
    [actor] = _rows(book, "actors")
    assert (
        actor["name"],
        actor["type"],
        actor["gender"],
        actor["mentions"],
        actor["quotes"],
    ) == (
        "Ann Lee",
        "PERSON",
        "female",
        2,
        1,
    )
    [quote] = _rows(book, "quotes")
    assert (
        quote["speaker"],
        quote["speaker_type"],
        quote["actor"],
        quote["speaker_gender"],
        quote["text"],
    ) == (
        "Ann Lee",
        "person",
        "Ann Lee",
        "female",
        "We will win",
    )

    codebook = _rows(book, "codebook")
    topic = [(r["code"], r["value_label"]) for r in codebook if r["variable"] == "topic"]
    assert topic == [(1, "Politics"), (2, "Economy")]
    yes_no = [(r["code"], r["value_label"]) for r in codebook if r["variable"] == "conflict_1"]
    assert yes_no == [(1, "yes"), (0, "no")]
    position = [r for r in codebook if r["variable"] == "position"]
    assert {(r["level"], r["category"], r["code"]) for r in position} == {
        ("unit", "Claim", -1),
        ("unit", "Claim", 0),
        ("unit", "Claim", 1),
    }
    conflict = next(r for r in codebook if r["category"] == "Conflict")
    assert (conflict["level"], conflict["parent_category"], conflict["color"]) == (
        "span",
        "Frame",
        "#ff8a65",
    )


def test_reliability_sheet_reports_the_overlap(workbook):
    _, book = workbook
    rows = {r["variable"]: r for r in _rows(book, "reliability")}
    # The figures of `annotator agreement`: article variables, unit variables, categories.
    assert {"conflict_1", "topic", "tone", "position", "Claim"} <= set(rows)
    # Both coders gave topic the same codes on both articles; they split on conflict_1.
    assert rows["topic"]["percent_agreement"] == 1.0
    assert rows["conflict_1"]["percent_agreement"] == 0.5
    assert rows["topic"]["coders"] == 2
    sheet = book["reliability"]
    column = [c.value for c in sheet[1]].index("percent_agreement") + 1
    assert sheet.cell(2, column).number_format == "0.0%"  # the agreement service's formats


def test_reliability_sheet_explains_a_single_coder(tmp_path):
    study = build_study(tmp_path, coders=("alice",))
    book = openpyxl.load_workbook(export_xlsx(study.project, tmp_path / "one.xlsx"))
    [row] = _rows(book, "reliability")
    assert "two coders or more" in row["note"]


def test_formula_like_cells_are_text_never_formulas(workbook):
    out, book = workbook
    starts = ("=", "+", "-", "@")
    seen = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(starts):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    seen.add(cell.value[0])
    assert seen == set(starts)
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<(\w+:)?f[ >/]", archive.read(name)), name


def test_cli_exports_and_refuses_unknown_formats(study, tmp_path, capsys):
    path = study.project.path
    study.project.close()
    out = tmp_path / "cli.xlsx"
    assert main(["export", str(path), str(out)]) == 0
    assert "exported" in capsys.readouterr().out
    assert openpyxl.load_workbook(out).sheetnames == list(SHEETS)

    assert main(["export", str(path), str(tmp_path / "out.sas7bdat")]) == 2
    assert "cannot export to '.sas7bdat' files" in capsys.readouterr().err
    assert main(["export", str(path), str(tmp_path / "out.xlsx"), "--sheet", "units"]) == 2
    assert "only to a .csv, .sav or .dta file" in capsys.readouterr().err
    assert main(["export", str(path), str(tmp_path / "x.csv"), "--sheet", "nope"]) == 2
    assert "no sheet named 'nope'" in capsys.readouterr().err
    assert main(["export", str(path), str(tmp_path / "missing" / "x.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_failed_export_leaves_an_existing_file_alone(study, tmp_path):
    out = tmp_path / "keep.xlsx"
    out.write_bytes(b"earlier export")
    study.project.db.execute("update annotations set attributes = 'not json'")
    temporary = set(ALL_TEMP_FILES)
    with pytest.raises(ValueError):
        export_project(study.project, out)
    assert out.read_bytes() == b"earlier export"
    assert set(ALL_TEMP_FILES) <= temporary  # openpyxl's streamed sheets are deleted too
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize(
    ("value", "exported"),
    [("+1", 1), ("-1", -1), ("0", 0), ("01", "01"), ("2.5", 2.5), ("B", "B"), ("", None)],
)
def test_codes_are_numbers_when_written_as_numbers(value, exported):
    assert code(value) == exported and type(code(value)) is type(exported)


@pytest.mark.parametrize(
    ("value", "exported"),
    [("yes", 1), ("Oui", 1), (True, 1), ("no", 0), (False, 0), ("0", 0), ("maybe", "maybe")],
)
def test_yes_no_is_one_or_zero(value, exported):
    assert yes_no(value) == exported
