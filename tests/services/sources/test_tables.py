"""Spreadsheets of articles (.csv, .tsv, .xlsx) on real files built in the test."""

import datetime as dt
import zipfile

import openpyxl
import pytest

from annotator.cli import main
from annotator.core import Article
from annotator.services.errors import FileProblem
from annotator.services.sources import ReadOptions, read_path
from annotator.services.sources.table import guess_mapping, preview

FRENCH_EXCEL = (
    "Titre;Texte;Date de publication;Média\r\n"
    "Réforme des retraites;"
    "\"Le député a déclaré : « c'est inacceptable ; nous voterons contre ».\r\n"
    'Deuxième paragraphe.";15/08/2025;Le Monde\r\n'
    "Budget;Le gouvernement présente son budget.;16.08.2025;Libération\r\n"
)


def _read(path, **column_map):
    return list(read_path(path, ReadOptions(column_map=column_map)))


def _articles(items):
    return [item for item in items if isinstance(item, Article)]


def _problems(items):
    return [str(item) for item in items if isinstance(item, FileProblem)]


def _workbook(path, *sheets):
    """An .xlsx with one sheet per (title, rows)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_french_excel_csv_with_semicolons_and_a_bom(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_bytes(FRENCH_EXCEL.encode("utf-8-sig"))
    first, second = _articles(_read(path))
    assert first.title == "Réforme des retraites"
    assert first.text.startswith("Le député a déclaré : « c'est inacceptable ; nous voterons")
    assert first.text.endswith("contre ».\nDeuxième paragraphe.")
    assert (first.date, first.outlet) == ("2025-08-15", "Le Monde")
    assert first.source_file == f"{path}#row2"
    # The quoted text spans two lines: the next record is row 3, as Excel shows it.
    assert (second.date, second.source_file) == ("2025-08-16", f"{path}#row3")


def test_windows_1252_csv_is_decoded_like_a_text_file(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(FRENCH_EXCEL.encode("cp1252"))
    first, second = _articles(_read(path))
    assert first.title == "Réforme des retraites" and second.outlet == "Libération"
    assert "« c'est inacceptable" in first.text


def test_tab_separated_file(tmp_path):
    path = tmp_path / "scrape.tsv"
    path.write_text("url\ttext\nhttps://example.org/a\tA story, with commas; and semicolons.\n")
    (article,) = _articles(_read(path))
    assert article.url == "https://example.org/a"
    assert article.text == "A story, with commas; and semicolons."
    assert article.title == article.text  # no title column: the first line of the text


def test_the_header_line_decides_the_delimiter_when_commas_are_in_the_cells(tmp_path):
    path = tmp_path / "commas.csv"
    path.write_text("Titre;Texte;Date, heure\nVote;Oui, dit-il, et non.;15.08.2025, 10h\n")
    (article,) = _articles(_read(path))
    assert (article.title, article.text) == ("Vote", "Oui, dit-il, et non.")


def test_utf16_csv_as_excel_saves_unicode_text(tmp_path):
    path = tmp_path / "unicode.csv"
    path.write_bytes("Titre\tTexte\nÉté\tLe député parle.\n".encode("utf-16"))
    (article,) = _articles(_read(path))
    assert (article.title, article.text) == ("Été", "Le député parle.")


def test_the_mapping_given_matches_columns_whatever_their_case_and_spaces(tmp_path):
    path = tmp_path / "scraped.csv"
    path.write_text(
        " Headline ,Body,Teaser,When\nCouncil vote,The council voted.,Short,2025-08-15\n",
        encoding="utf-8",
    )
    (article,) = _articles(_read(path, text="body", title="HEADLINE", date="when"))
    assert (article.title, article.text, article.date) == (
        "Council vote",
        "The council voted.",
        "2025-08-15",
    )


def test_the_mapping_is_guessed_from_column_names_in_english_and_french():
    columns = ["ID", "Headline", "Body", "Publication date", "Média", "Auteur", "Lien", "Rubrique"]
    assert guess_mapping(columns) == {
        "text": "Body",
        "title": "Headline",
        "date": "Publication date",
        "outlet": "Média",
        "author": "Auteur",
        "url": "Lien",
        "section": "Rubrique",
    }
    assert guess_mapping(["texte", "titre", "date_de_publication", "source"]) == {
        "text": "texte",
        "title": "titre",
        "date": "date_de_publication",
        "outlet": "source",
    }
    # Scrapers' names, seen in the GUI's mapping dialog.
    assert guess_mapping(["headline", "body", "pubdate", "link"])["date"] == "pubdate"
    assert guess_mapping(["Notes", "Coder"]) == {}


def test_the_guessed_mapping_is_used_when_none_is_given(tmp_path):
    path = tmp_path / "guess.csv"
    path.write_text("Content,Title,Source,Byline\nBody here.,A title,BBC,Jane Doe\n")
    (article,) = _articles(_read(path))
    assert (article.text, article.title, article.outlet, article.author) == (
        "Body here.",
        "A title",
        "BBC",
        "Jane Doe",
    )


def test_xlsx_dates_numbers_and_formula_looking_text(tmp_path):
    path = tmp_path / "coded.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Headline", "Body", "Date", "Words"])
    sheet.append([None, "=Minister said prices will fall.\nMore text.", dt.date(2025, 8, 15), 812])
    sheet["B2"].data_type = "s"  # text that starts with "=", as scraped comments often do
    sheet.append(["Second", "Plain text.", dt.datetime(2025, 8, 16, 14, 30), 3.5])
    workbook.save(path)
    first, second = _articles(_read(path, text="Body", date="Date", title="Headline"))
    assert first.text == "=Minister said prices will fall.\nMore text."
    assert first.title == "=Minister said prices will fall."  # no headline: the first line
    assert (first.date, second.date) == ("2025-08-15", "2025-08-16")
    assert first.source_file == f"{path}#row2"
    assert preview(path)[1][0][3] == "812" and preview(path)[1][1][3] == "3.5"


def test_xlsx_uses_the_first_sheet_that_has_the_mapped_columns(tmp_path):
    path = _workbook(
        tmp_path / "two-sheets.xlsx",
        ("Notes", [["Coder", "Remark"], ["AB", "check dates"]]),
        ("Articles", [["Title", "Text"], ["Vote", "The council voted."]]),
    )
    (article,) = _articles(_read(path))
    assert article.title == "Vote"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_spreadsheet_without_the_mapped_column_names_it_and_lists_the_columns(tmp_path, suffix):
    path = tmp_path / f"sample{suffix}"
    rows = [["Headline", "Text", "Date"], ["A", "Some text.", "2025-08-15"]]
    if suffix == ".csv":
        path.write_text("\n".join(",".join(row) for row in rows) + "\n")
    else:
        _workbook(path, ("Sheet", rows))
    assert _problems(_read(path, text="Body")) == [
        f"{path}: no column 'Body' (columns: Headline, Text, Date)"
    ]


def test_no_text_column_to_guess_says_how_to_map_one(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Col A,Col B\nx,y\n")
    (problem,) = _problems(_read(path))
    assert problem.startswith(f"{path}: no column for the article text (columns: Col A, Col B)")
    assert "--map text=" in problem


def test_an_empty_text_skips_its_row_and_blank_rows_are_passed_over(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text(
        "Title;Text\nFirst;First text.\n;\nNo body;   \nLast;Last text.\n", encoding="utf-8"
    )
    items = _read(path)
    assert [a.title for a in _articles(items)] == ["First", "Last"]
    assert _problems(items) == [f"{path} row 4: empty text"]
    assert _articles(items)[1].source_file == f"{path}#row5"


def test_empty_rows_in_a_workbook(tmp_path):
    path = _workbook(
        tmp_path / "gaps.xlsx",
        ("Sheet", [["Title", "Text"], [], ["Empty", None], ["Kept", "Kept text."], [], []]),
    )
    items = _read(path)
    assert [a.title for a in _articles(items)] == ["Kept"]
    assert _problems(items) == [f"{path} row 3: empty text"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"Title,Text\r\n", "no rows below the header"),
        (bytes(range(256)) * 40, "binary data"),
    ],
)
def test_csv_files_with_nothing_to_import(tmp_path, content, reason):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    (problem,) = _problems(_read(path))
    assert problem.startswith(f"{path}: {reason}")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "an old .xls workbook"),
        (b"%PDF-1.7\n" + bytes(100), "not an Excel workbook (it looks like a PDF)"),
        (b"PK\x03\x04 truncated", "not a readable Excel .xlsx workbook"),
    ],
)
def test_files_named_xlsx_that_are_not_workbooks(tmp_path, content, reason):
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(content)
    (problem,) = _problems(_read(path))
    assert problem.startswith(f"{path}: {reason}")


def test_preview_gives_columns_and_first_rows_as_strings(tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("Title;Text;N\n" + "".join(f"T{n};Text {n};{n}\n" for n in range(20)))
    columns, rows = preview(path, rows=3)
    assert columns == ["Title", "Text", "N"]
    assert rows == [["T0", "Text 0", "0"], ["T1", "Text 1", "1"], ["T2", "Text 2", "2"]]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_preview_shows_columns_it_cannot_map_so_the_researcher_can(tmp_path, suffix):
    rows = [["Kopf", "Inhalt"], ["Wahl", "Der Rat hat abgestimmt."]]
    path = tmp_path / f"german{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(";".join(row) for row in rows) + "\n")
    else:
        _workbook(path, ("Notes", [["Coder"], ["AB"]]), ("Daten", rows))
    expected = (["Coder"], [["AB"]]) if suffix == ".xlsx" else (rows[0], rows[1:])
    assert preview(path) == expected


XXE = '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _with_entity(clean, path, member):
    """``clean`` rewritten so that ``member`` declares an external entity and uses it."""
    cell = '<c r="B2" t="inlineStr"><is><t>PLACEHOLDER</t></is></c>'
    with zipfile.ZipFile(clean) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            xml = source.read(info).decode("utf-8")
            if info.filename == "xl/worksheets/sheet1.xml":
                assert cell in xml
                if member == "xl/worksheets/sheet1.xml":
                    xml = XXE + xml.replace("PLACEHOLDER", "&xxe;")
                else:  # as Excel writes text: an index into the shared strings
                    xml = xml.replace(cell, '<c r="B2" t="s"><v>0</v></c>')
            elif info.filename == "[Content_Types].xml":
                xml = xml.replace(
                    "</Types>",
                    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            target.writestr(info, xml.encode("utf-8"))
        shared = f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>'
        if member == "xl/worksheets/sheet1.xml":
            shared = shared.replace("&xxe;", "unused")
        else:
            shared = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + XXE + shared
        target.writestr("xl/sharedStrings.xml", shared)
    return path


@pytest.mark.parametrize("member", ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
def test_an_xlsx_with_an_external_entity_never_resolves_it(tmp_path, member):
    clean = _workbook(
        tmp_path / "clean.xlsx", ("Sheet", [["Title", "Text"], ["Leak", "PLACEHOLDER"]])
    )
    path = _with_entity(clean, tmp_path / "xxe.xlsx", member)
    assert b"file:///etc/passwd" in zipfile.ZipFile(path).read(member)

    items = _read(path)
    assert items, "the file is neither imported nor reported"
    assert not any("root:" in a.text or "root:" in a.title for a in _articles(items))
    for problem in _problems(items):
        assert problem.startswith(f"{path}: the workbook declares XML entities")


def test_the_shared_strings_of_a_rewritten_workbook_are_read(tmp_path):
    # Guards the test above: without the entity, the rewritten workbook imports.
    clean = _workbook(tmp_path / "clean.xlsx", ("Sheet", [["Title", "Text"], ["T", "PLACEHOLDER"]]))
    path = _with_entity(clean, tmp_path / "shared.xlsx", "xl/sharedStrings.xml")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tmp_path / "ok.xlsx", "w") as target:
        for info in source.infolist():
            data = source.read(info).replace(XXE.encode(), b"").replace(b"&xxe;", b"Shared text")
            target.writestr(info, data)
    (article,) = _articles(_read(tmp_path / "ok.xlsx"))
    assert article.text == "Shared text"


def test_a_large_sheet_is_streamed_row_by_row(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Title,Text\n")
        for n in range(5000):
            handle.write(f"Story {n},Body of story {n}.\n")
    items = read_path(path)
    first = next(items)  # the first article comes before the file is read to its end
    assert isinstance(first, Article) and first.title == "Story 0"
    assert sum(1 for _ in items) == 4999


def test_cli_import_with_a_column_map_and_its_exit_codes(tmp_path, capsys):
    project = str(tmp_path / "study.annotator")
    good = tmp_path / "good.csv"
    good.write_text(
        "Headline,Body\n"
        'Council vote,"LEEDS – ""We will decide tonight,"" said council leader Sarah Collins."\n',
        encoding="utf-8",
    )
    assert main(["import", project, str(good), "--map", "text=Body,title=Headline"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("imported 1 article(s)")

    partial = tmp_path / "partial.csv"
    partial.write_text("Headline,Body\nNo text,\nMayor,The mayor opened the new bridge.\n")
    assert main(["import", project, str(partial), "--map", "text=Body,title=Headline"]) == 1
    out = capsys.readouterr().out
    assert f"skipped {partial} row 2: empty text" in out

    assert main(["import", project, str(good), "--map", "text"]) == 2
    assert "--map" in capsys.readouterr().err


def test_rows_of_formulas_without_computed_values_are_reported(tmp_path):
    # openpyxl, like some scripts and web apps, saves formulas without their values: a row
    # made only of them reads as empty, and was dropped without a word.
    path = _workbook(
        tmp_path / "computed.xlsx",
        (
            "articles",
            [
                ["title", "text"],
                ["Budget", "The government presents its budget."],
                ["=A2", '=B2&" again"'],
                [None, None],
                ["Pensions", "The reform goes ahead."],
                ['=UPPER("x")', "=CONCAT(B5)"],
            ],
        ),
    )
    items = _read(path)
    assert [a.title for a in _articles(items)] == ["Budget", "Pensions"]
    [problem] = _problems(items)
    assert "rows 3, 6" in problem and "formulas without computed values" in problem
    assert problem.startswith(str(path))


def test_a_sheet_made_only_of_uncomputed_formulas_says_so(tmp_path):
    path = _workbook(tmp_path / "all.xlsx", ("s", [["title", "text"], ["=1", "=2"]]))
    [problem] = _problems(_read(path))
    assert "formulas without computed values" in problem and "no rows" not in problem
