"""Text Excel cannot hold (issue 14, item 8): control characters, U+FFFE and U+FFFF.

XML 1.0, and so .xlsx, has no place for C0 controls other than tab and line ends, nor for
U+FFFE and U+FFFF; every workbook we write goes through one cleaning of its cells.
"""

from dataclasses import replace

import openpyxl
import pytest

from annotator.core import Annotation, Coding
from annotator.services.agreement import project_agreement, save_reliability_workbook
from annotator.services.codebooks import write_codebook
from annotator.services.exports import export_project
from annotator.services.overview import overview_tables, write_tables_xlsx
from tests.services.team_project import CLAIM, article_text, make_project

#: What no cell of an .xlsx may hold, and what a name or a text may carry in from a file.
HOSTILE = "\x07\x1b[31m\x00\ufffe\uffff\x0b"
NOT_IN_XML = {chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)}


@pytest.fixture
def project(tmp_path):
    with make_project(tmp_path / "study.annotator", articles=3) as project:
        book = project.codebook()
        project.save_category(replace(CLAIM, name=f"Claim{HOSTILE}=1+1"))
        variable = next(v for v in book.variables if v.id == "var-topic")
        project.save_variable(replace(variable, label=f"Topic{HOSTILE}"))
        for number in range(3):
            text = article_text(number)
            start = text.index("Claire")
            for coder in ("alice", "bob"):
                project.add_annotation(
                    Annotation(
                        f"art-00{number}",
                        CLAIM.id,
                        start,
                        start + 13,
                        text[start : start + 13],
                        coder,
                        memo=f"memo{HOSTILE}",
                    )
                )
                project.set_coding(Coding(f"art-00{number}", "var-topic", coder, "economy"))
        project.db.execute("update articles set title = ?, outlet = ?", [f"T{HOSTILE}", "=O\x01"])
        project.db.conn.commit()
        yield project


def _cells(path):
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v]
        for sheet in book.worksheets
    }


def _clean(cells):
    for sheet, values in cells.items():
        for value in values:
            assert not set(value) & NOT_IN_XML, (sheet, value)


def test_the_project_workbook_takes_any_text(project, tmp_path):
    out = export_project(project, tmp_path / "study.xlsx")
    cells = _cells(out)
    _clean(cells)
    assert "Claim[31m=1+1" in cells["reliability"]
    assert "memo[31m" in cells["annotations"]
    assert "T[31m" in cells["annotations"]


def test_the_codebook_agreement_and_overview_workbooks_take_any_text(project, tmp_path):
    codebook = write_codebook(project.codebook(), tmp_path / "book.xlsx")
    cells = _cells(codebook)
    _clean(cells)
    assert any(v == "Claim[31m=1+1" for values in cells.values() for v in values)
    reliability = save_reliability_workbook(project_agreement(project), tmp_path / "rel.xlsx")
    cells = _cells(reliability)
    _clean(cells)
    assert "Claim[31m=1+1" in cells["reliability"]
    overview = tmp_path / "overview.xlsx"
    write_tables_xlsx(overview_tables(project), overview)
    _clean(_cells(overview))
