"""Codebooks as .xlsx: real workbooks written, read back with openpyxl and by the reader."""

import openpyxl
import pytest

from annotator.services.codebook_xlsx import CATEGORY_COLUMNS, VARIABLE_COLUMNS
from annotator.services.codebooks import TEMPLATES, read_codebook, template_codebook, write_codebook
from annotator.services.errors import FileProblem
from tests.services.test_codebooks import _custom_codebook


def _same(a, b):
    assert a.name == b.name
    assert a.categories == b.categories
    assert sorted(a.variables, key=lambda v: v.id) == sorted(b.variables, key=lambda v: v.id)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_template_round_trips_through_a_workbook(tmp_path, language):
    for name in TEMPLATES:
        book = template_codebook(name, language)
        path = write_codebook(book, tmp_path / f"{name}.xlsx")
        _same(read_codebook(path), book)


def test_the_workbook_has_one_row_per_variable_and_value(tmp_path):
    book = template_codebook("pca")
    path = write_codebook(book, tmp_path / "pca.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["variables", "categories", "about"]
    sheet = workbook["variables"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == VARIABLE_COLUMNS
    position = [r for r in rows[1:] if r[2] == "position"]
    assert [(r[8], r[9]) for r in position] == [
        ("-1", "Against: opposes, criticises or would harm"),
        ("0", "Neutral or ambivalent"),
        ("+1", "For: supports, defends or would benefit"),
    ]
    assert position[0][:6] == ("unit", "Claim", "position", "Position", "ordinal", "yes")
    assert position[1][3:8] == (None, None, None, None, None)  # only the first row repeats all
    # "-1" and "+1" are text cells, not numbers or formulas.
    codes = [c for c in sheet["I"] if c.value in ("-1", "+1")]
    assert codes and all(c.data_type == "s" for c in codes)
    total = sum(max(len(v.values), 1) for v in book.variables)
    assert sheet.max_row == 1 + total
    assert sheet.freeze_panes == "A2"
    categories = list(workbook["categories"].iter_rows(values_only=True))
    assert categories[0] == CATEGORY_COLUMNS
    assert categories[1][:4] == ("Claim", None, "#f06292", "C")
    assert workbook["categories"]["C2"].fill.start_color.rgb.endswith("F06292")
    assert workbook["about"]["B1"].value == "Political claims analysis"


def test_a_custom_codebook_with_repeated_names_and_formula_like_text_round_trips(tmp_path):
    book = _custom_codebook()
    path = write_codebook(book, tmp_path / "custom.xlsx")
    sheet = openpyxl.load_workbook(path)["variables"]
    cell = next(c for c in sheet["J"] if c.value == "=SUM(A1)")
    assert cell.data_type == "s"
    units = [r for r in sheet.iter_rows(values_only=True) if r[0] == "unit"]
    # Two categories are named Negative: the workbook names the nested one by its path.
    assert {r[1] for r in units} == {"Tone / Negative", "Negative"}
    _same(read_codebook(path), book)


def _workbook(path, variables, categories=None, about=None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Variables"
    for row in variables:
        sheet.append(row)
    if categories is not None:
        cats = book.create_sheet("Categories")
        for row in categories:
            cats.append(row)
    if about is not None:
        info = book.create_sheet("About")
        info.append(["name", about])
    book.save(path)
    return path


def test_a_hand_written_workbook_is_read_with_stable_ids(tmp_path):
    path = _workbook(
        tmp_path / "team.xlsx",
        [
            ["Variable name", "Label", "Kind", "Category", "Required", "Code", "Value label"],
            ["topic", "Main topic", "categorical", None, "x", 1, "Economy"],
            [None, None, None, None, None, 2, "Health"],
            ["tone", "Tone", "ordinal", None, None, -1, "negative"],
            ["tone", None, None, None, None, 0, "neutral"],
            ["speaker", "Who speaks", "actor", "Quote", "oui", None, None],
            ["comment", None, None, None, None, None, None],
            [None, None, None, None, None, None, None],
        ],
        [["Category", "Color", "Shortcut"], ["Quote", "#ABC", "Q"]],
        about="Team codebook",
    )
    book = read_codebook(path)
    assert book.name == "Team codebook"
    (quote,) = book.categories
    assert (quote.name, quote.color, quote.shortcut) == ("Quote", "#abc", "Q")
    variables = {v.name: v for v in book.variables}
    assert [(v.code, v.label) for v in variables["topic"].values] == [
        ("1", "Economy"),
        ("2", "Health"),
    ]
    assert variables["topic"].kind == "nominal" and variables["topic"].required
    assert [v.code for v in variables["tone"].values] == ["-1", "0"]
    assert variables["speaker"].level == "unit" and variables["speaker"].category_id == quote.id
    assert variables["speaker"].required
    assert variables["comment"].kind == "text" and variables["comment"].level == "article"
    again = read_codebook(path)
    assert [v.id for v in again.variables] == [v.id for v in book.variables]
    assert [c.id for c in again.categories] == [c.id for c in book.categories]


HEADER = ["level", "category", "variable", "label", "type", "required", "value_code", "value_label"]


@pytest.mark.parametrize(
    ("rows", "categories", "reason"),
    [
        ([HEADER, ["article", None, "tone", "Tone", "colour"]], None, "row 2: type 'colour'"),
        ([HEADER, ["unit", "Claim", "actor", "Actor", "actor"]], None, "row 2: 'Claim' is not"),
        ([HEADER, ["unit", None, "actor", "Actor", "actor"]], None, "row 2: a unit variable needs"),
        ([HEADER, ["span", None, "x", "X", "text"]], None, "row 2: level 'span'"),
        ([HEADER, ["article", None, "x", "X", "text", "maybe"]], None, "required must be yes"),
        ([HEADER, ["article", None, "main topic", "X", "text"]], None, "row 2: variable name"),
        (
            [HEADER, ["article", None, "t", "T", "nominal", "no", 1, "a"], [None] * 6 + [1, "b"]],
            None,
            "row 3: variable 't' has the value code '1' twice",
        ),
        ([HEADER, [None] * 7 + ["orphan label"]], None, "row 2: no variable name"),
        (
            [HEADER, ["article", None, "t", "T", "nominal", "no", None, "no code"]],
            None,
            "value label 'no code' has no value code",
        ),
        ([["name", "label"], ["x", "X"]], None, None),  # aliases: fine
        ([["label", "type"], ["X", "text"]], None, "row 1: no column named 'variable'"),
        (
            [HEADER],
            [["category", "parent"], ["Favour", "Stance"]],
            "sheet 'Categories', row 2: 'Stance' is not a category",
        ),
        ([HEADER], [["category", "colour"], ["Claim", "red"]], "colour 'red' is not a colour"),
        ([HEADER], [["category", "colour"], [None, "#fff"]], "row 2: the category has no name"),
        (
            [HEADER, ["unit", "Neutral", "x", "X", "text"]],
            [["category", "parent"], ["A", None], ["Neutral", "A"], ["B", None], ["Neutral", "B"]],
            "two categories are named 'Neutral'; write it with its parent, as 'A / Neutral'",
        ),
    ],
)
def test_bad_workbooks_name_the_file_row_and_reason(tmp_path, rows, categories, reason):
    path = _workbook(tmp_path / "book.xlsx", rows, categories)
    if reason is None:
        assert read_codebook(path).variables[0].name == "x"
        return
    with pytest.raises(FileProblem) as caught:
        read_codebook(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message


def test_a_path_names_a_category_whose_name_repeats(tmp_path):
    path = _workbook(
        tmp_path / "book.xlsx",
        [HEADER, ["unit", "b / neutral", "x", "X", "text"]],
        [["category", "parent"], ["A", None], ["Neutral", "A"], ["B", None], ["Neutral", "B"]],
    )
    book = read_codebook(path)
    (variable,) = book.variables
    category = book.by_id(variable.category_id)
    assert category is not None and book.by_id(category.parent_id).name == "B"


def test_files_that_are_not_codebook_workbooks_are_refused(tmp_path):
    fake = tmp_path / "codebook.xlsx"
    fake.write_bytes(b"%PDF-1.4 not a workbook")
    with pytest.raises(FileProblem, match="codebook.xlsx: not an Excel workbook"):
        read_codebook(fake)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(FileProblem, match="empty.xlsx: empty file"):
        read_codebook(empty)
    other = openpyxl.Workbook()
    other.active.append(["title", "text"])
    other.save(tmp_path / "articles.xlsx")
    with pytest.raises(FileProblem, match="no sheet named variables or categories"):
        read_codebook(tmp_path / "articles.xlsx")
    with pytest.raises(FileProblem, match="codebook.csv: a codebook is read from"):
        read_codebook(tmp_path / "codebook.csv")


def test_writing_into_a_missing_folder_is_a_file_problem(tmp_path):
    with pytest.raises(FileProblem, match="cannot be written"):
        write_codebook(template_codebook("stance"), tmp_path / "nowhere" / "book.xlsx")
