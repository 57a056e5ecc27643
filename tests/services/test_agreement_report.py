"""The reliability report from plain inputs, and its table, JSON and Excel forms."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook, load_workbook

from annotator.services.agreement import (
    agreement_report,
    format_json,
    format_table,
    write_reliability_sheet,
)

N = None
EXAMPLE_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


def _coded(rows, transform=lambda v: v):
    return {
        (f"article-{u}", coder): transform(value)
        for coder, row in zip(["ann", "bob", "cy", "dee"], rows, strict=True)
        for u, value in enumerate(row)
        if value is not None
    }


@pytest.fixture
def rows():
    codings = {
        "tone": _coded(EXAMPLE_C, str),
        "words": _coded(EXAMPLE_C),
        "conflict": _coded(EXAMPLE_C, lambda v: [True, "yes", 1, "no", False][v - 1]),
        "summary": _coded(EXAMPLE_C, lambda v: f"text {v}"),
        "speaker": _coded(EXAMPLE_C, lambda v: ["Emmanuel  Macron", "emmanuel macron"][v % 2]),
        "solo": {("article-1", "ann"): "x", ("article-2", "ann"): "y"},
    }
    kinds = {
        "tone": "ordinal",
        "words": "number",
        "conflict": "yesno",
        "summary": "text",
        "speaker": "actor",
        "solo": "nominal",
    }
    spans = {
        "quote": [("article-1", "ann", 0, 40), ("article-1", "bob", 0, 40)],
        "claim": [("article-1", "ann", 50, 80), ("article-2", "bob", 10, 20)],
    }
    return agreement_report(
        codings,
        kinds,
        value_orders={"tone": [1, 2, 3, 4, 5]},
        spans=spans,
        lengths={"article-1": 100, "article-2": 60},
        draws=200,
    )


def test_levels_follow_the_variable_kinds(rows):
    by_name = {row.name: row for row in rows}
    assert [row.name for row in rows] == [
        "tone", "words", "conflict", "summary", "speaker", "solo", "quote", "claim",
    ]  # fmt: skip
    tone, words = by_name["tone"], by_name["words"]
    assert (tone.level, tone.alpha) == ("ordinal", pytest.approx(0.8153875037548813))
    assert (words.level, words.alpha) == ("interval", pytest.approx(0.8491071428571428))
    assert tone.units == 11 and tone.coders == 4 and tone.kappa_kind == "fleiss"
    assert tone.ci is not None and tone.ci[0] < tone.alpha <= tone.ci[1]
    assert tone.unit == "article"


def test_yes_no_values_in_any_spelling_are_one_nominal_variable(rows):
    conflict = next(row for row in rows if row.name == "conflict")
    # 1, 2, 3 -> yes and 4, 5 -> no: example C recoded as binary.
    assert conflict.level == "nominal"
    binary = agreement_report(
        {"c": _coded(EXAMPLE_C, lambda v: v <= 3)}, {"c": "nominal"}, draws=10
    )[0]
    assert conflict.alpha == pytest.approx(binary.alpha)


def test_free_text_is_skipped_and_actors_compare_on_their_names(rows):
    by_name = {row.name: row for row in rows}
    summary = by_name["summary"]
    assert summary.alpha is None and summary.level == "text" and "free text" in summary.reason
    assert summary.coders == 4
    # Two spellings of one name: full agreement, alpha undefined (a single value).
    speaker = by_name["speaker"]
    assert speaker.percent_agreement == 1.0 and speaker.alpha is None
    assert "one same value" in speaker.reason


def test_a_variable_of_one_coder_has_no_alpha_and_says_why(rows):
    solo = next(row for row in rows if row.name == "solo")
    assert solo.alpha is None and solo.ci is None and solo.coders == 1
    assert "fewer than 2 coders" in solo.reason


def test_span_categories_count_characters_of_articles_coded_by_two(rows):
    by_name = {row.name: row for row in rows}
    quote, claim = by_name["quote"], by_name["claim"]
    # Coders of an article: who made any span there. Article 1 (ann, bob) is pairable,
    # article 2 (bob only) is not.
    assert quote.unit == "character" and quote.units == 100 and quote.alpha == 1.0
    assert quote.ci is None  # one article: nothing to resample
    assert claim.units == 100 and claim.alpha is not None and claim.alpha < 0
    assert claim.kappa_kind == "cohen"


def test_bad_numbers_become_a_reason_not_an_error():
    row = agreement_report({"n": {("a", "x"): 3, ("a", "y"): "lots"}}, {"n": "number"})[0]
    assert row.alpha is None and "'lots' is not a number" in row.reason


def test_table_is_aligned_and_lists_reasons(rows):
    text = format_table(rows)
    lines = text.splitlines()
    header, body = lines[0], lines[1 : 1 + len(rows)]
    assert header.split()[:3] == ["variable", "level", "alpha"]
    # Right-aligned figure columns end where their header ends.
    end_of_alpha = header.index("alpha") + len("alpha")
    tone = next(line for line in body if line.startswith("tone"))
    assert tone[end_of_alpha - 5 : end_of_alpha] == "0.815"
    assert "(fleiss)" in tone and "100 chars" in text
    assert "summary: free text: agreement is not computed" in text


def test_json_has_the_documented_fields(rows):
    data = json.loads(format_json(rows))
    first = data["variables"][0]
    for key in ("name", "level", "alpha", "ci", "percent_agreement", "units", "coders"):
        assert key in first
    assert first["name"] == "tone" and len(first["ci"]) == 2
    solo = next(v for v in data["variables"] if v["name"] == "solo")
    assert solo["alpha"] is None and solo["ci"] is None


def test_reliability_sheet_reads_back(tmp_path, rows):
    book = Workbook()
    write_reliability_sheet(book, rows)
    write_reliability_sheet(book, rows)  # written again: replaced, not duplicated
    path = tmp_path / "study.xlsx"
    book.save(path)
    sheet = load_workbook(path)["reliability"]
    assert load_workbook(path).sheetnames.count("reliability") == 1
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:4] == ("variable", "unit", "level", "alpha")
    tone = next(v for v in values if v[0] == "tone")
    assert tone[3] == pytest.approx(0.8153875037548813)
    assert tone[4] < tone[3] <= tone[5]
    assert sheet["D2"].number_format == "0.0000" and sheet["G2"].number_format == "0.0%"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    solo = next(v for v in values if v[0] == "solo")
    assert solo[3] is None and "fewer than 2 coders" in solo[-1]


def test_a_name_that_looks_like_a_formula_stays_text(tmp_path):
    rows = agreement_report({"=SUM(A1)": {("a", "x"): 1, ("a", "y"): 1}}, draws=10)
    book = Workbook()
    write_reliability_sheet(book, rows)
    book.save(tmp_path / "f.xlsx")
    cell = load_workbook(tmp_path / "f.xlsx")["reliability"]["A2"]
    assert cell.value == "=SUM(A1)" and cell.data_type == "s"


def test_ordinal_codes_match_numbers_and_numbers_sort_as_numbers():
    codes = {-1: -1, 0: "0", 1: "+1"}
    coded = {
        (u, coder): codes[value]
        for u, (a, b) in enumerate([(-1, -1), (0, 0), (1, 1), (1, 0), (-1, 0), (1, 1)])
        for coder, value in (("ann", a), ("bob", b))
    }
    [row] = agreement_report({"position": coded}, {"position": "ordinal"}, draws=10)
    ordered = agreement_report(
        {"position": coded},
        {"position": "ordinal"},
        value_orders={"position": ["-1", "0", "+1"]},
        draws=10,
    )[0]
    assert row.alpha == pytest.approx(ordered.alpha) and row.alpha is not None
    # Text that is not a code of the variable is named.
    coded[(9, "ann")] = "maybe"
    bad = agreement_report(
        {"position": coded}, {"position": "ordinal"}, value_orders={"position": [-1, 0, 1]}
    )[0]
    assert bad.alpha is None and "'maybe' is not among" in bad.reason
    # Without codes, "10" is above "9" (not below, as text would sort).
    tens = {(u, c): str(v) for u, v in enumerate([8, 9, 10, 10]) for c in ("ann", "bob")}
    tens[(0, "bob")] = "10"
    as_text = agreement_report({"x": tens}, {"x": "ordinal"}, draws=10)[0]
    as_numbers = agreement_report(
        {"x": {k: int(v) for k, v in tens.items()}}, {"x": "ordinal"}, draws=10
    )[0]
    assert as_text.alpha == pytest.approx(as_numbers.alpha)
    as_words = agreement_report(
        {"x": tens}, {"x": "ordinal"}, value_orders={"x": ["10", "8", "9"]}, draws=10
    )[0]
    assert as_words.alpha != pytest.approx(as_text.alpha)


def test_decimal_commas_and_multiple_answers():
    french = {("a", "ann"): "2,5", ("a", "bob"): 2.5, ("b", "ann"): "4", ("b", "bob"): 4.5}
    english = {("a", "ann"): 2.5, ("a", "bob"): 2.5, ("b", "ann"): 4, ("b", "bob"): 4.5}
    first = agreement_report({"n": french}, {"n": "number"}, draws=10)[0]
    second = agreement_report({"n": english}, {"n": "number"}, draws=10)[0]
    assert first.alpha == pytest.approx(second.alpha) and first.alpha is not None
    frames = {
        ("a", "ann"): ["economy", "conflict"],
        ("a", "bob"): ["conflict", "economy"],
        ("b", "ann"): ["economy"],
        ("b", "bob"): ["economy", "morality"],
    }
    row = agreement_report({"frames": frames}, {"frames": "nominal"}, draws=10)[0]
    assert row.percent_agreement == 0.5
