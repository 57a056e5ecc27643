"""The codebook as a document (.docx read back with python-docx, .md and .html as text)."""

import xml.etree.ElementTree as ElementTree

import docx
import pytest

from annotator.cli import main
from annotator.core import Category, Codebook, ValueLabel, Variable
from annotator.services.codebooks import template_codebook
from annotator.services.errors import FileProblem
from annotator.services.exports.codebook_doc import codebook_language, write_codebook_document
from annotator.store import Project


def _docx_text(path):
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    return document, paragraphs, cells


def _fill(cell):
    properties = cell._tc.tcPr
    shading = properties.find(docx.oxml.ns.qn("w:shd")) if properties is not None else None
    return None if shading is None else shading.get(docx.oxml.ns.qn("w:fill"))


def test_pca_docx_has_categories_variables_values_and_examples(tmp_path):
    book = template_codebook("pca")
    out = write_codebook_document(book, tmp_path / "pca.docx")
    document, paragraphs, cells = _docx_text(out)
    assert paragraphs[0] == book.name
    assert "Categories" in paragraphs
    assert ["Category", "Colour", "Shortcut", "Description"] in cells
    claim = next(row for row in cells if row[0] == "Claim")
    assert claim[1:3] == ["#f06292", "C"]
    category_table = document.tables[0]
    assert _fill(category_table.rows[1].cells[1]) == "F06292"
    assert "claimant: Claimant" in paragraphs
    position = paragraphs.index("position: Position")
    assert paragraphs[position + 1] == "Type: ordinal (values in order)\nRequired: yes"
    assert ["+1", "For: supports, defends or would benefit"] in cells
    assert "the farmers' union" in paragraphs
    assert "Variables of each Claim" in paragraphs
    heading = paragraphs.index("Variables of each Claim")
    assert paragraphs[heading + 1] == (
        "Each span coded “Claim” is a unit: these questions are answered for it."
    )
    assert document.core_properties.language == "en-GB"


def test_french_frames_docx_in_french_with_the_frame_scores_rule(tmp_path):
    book = template_codebook("frames", "fr")
    assert codebook_language(book) == "fr"
    _, paragraphs, cells = _docx_text(write_codebook_document(book, tmp_path / "cadrages.docx"))
    assert "Catégories" in paragraphs and "Variables au niveau de l'article" in paragraphs
    assert ["Catégorie", "Couleur", "Raccourci", "Description"] in cells
    assert ["1", "Oui"] in cells
    assert "Type\u00a0: oui/non\nObligatoire\u00a0: oui" in paragraphs
    assert "Scores de cadrage" in paragraphs
    (rule,) = [p for p in paragraphs if p.startswith("conflict ")]
    assert "moyenne de conflict_1, conflict_2, conflict_3, conflict_4" in rule
    assert "Score du cadrage Conflit" in rule
    # The same codebook with English headings, when asked.
    english = write_codebook_document(book, tmp_path / "frames.docx", language="en")
    _, paragraphs, _ = _docx_text(english)
    assert "Frame scores" in paragraphs and "Categories" in paragraphs


def _odd_codebook():
    parent = Category("Actors & <roles>", color="#123456", shortcut="A", description="a | b")
    child = Category("Sub", color="not a colour", parent_id=parent.id, position=1)
    variables = [
        Variable(
            "tone",
            'Tone of "the" <article> & more',
            "ordinal",
            values=(ValueLabel("-1", "neg <x>"), ValueLabel("+1", "pos | y")),
            description="Line one\nline two",
            examples=("<script>alert(1)</script>",),
        ),
        Variable("unsure", "Unsure?", "yesno", required=True, position=1),
    ]
    return Codebook([parent, child], variables, name="Odd <book>")


def test_html_is_well_formed_and_escaped(tmp_path):
    out = write_codebook_document(_odd_codebook(), tmp_path / "book.html", language="en")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    root = ElementTree.fromstring(text.removeprefix("<!DOCTYPE html>"))
    assert root.get("lang") == "en"
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    all_text = "".join(root.itertext())
    assert 'Tone of "the" <article> & more' in all_text
    assert "Actors & <roles>" in all_text and "neg <x>" in all_text and "— Sub" in all_text
    assert 'style="color: #123456">■</span>' in text and "not a colour" in all_text
    assert "color: not a colour" not in text
    assert root.find("head/title").text == "Odd <book>"
    # A yes/no question without values still shows its two answers.
    assert "yes" in all_text and "Required:" in all_text


def test_markdown_tables_survive_pipes_and_line_breaks(tmp_path):
    out = write_codebook_document(_odd_codebook(), tmp_path / "book.md", language="en")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# Odd <book>"
    assert "| Actors & <roles> | #123456 | `A` | a \\| b |" in lines
    assert "| — Sub | not a colour |  |  |" in lines
    assert "| `+1` | pos \\| y |" in lines
    assert "Line one line two" in lines
    assert "### `unsure`: Unsure?" in lines
    assert "- **Required:** yes" in lines
    assert "| `1` | yes |" in lines and "| `0` | no |" in lines


def test_cli_codebook_export_document(tmp_path, capsys):
    project = tmp_path / "study.annotator"
    assert main(["new", str(project), "--codebook", "stance", "--lang", "fr"]) == 0
    out = tmp_path / "grille.md"
    assert main(["codebook", "export", str(project), str(out)]) == 0
    assert f"exported {out}" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert "## Catégories" in text and "**Obligatoire\u00a0:**" in text
    assert main(["codebook", "export", str(project), str(tmp_path / "x.pdf")]) == 2
    assert ".docx, .md or .html" in capsys.readouterr().err
    assert main(["codebook", "export", str(project), str(tmp_path / "x.md"), "--lang", "en"]) == 0
    assert "## Categories" in (tmp_path / "x.md").read_text(encoding="utf-8")


def test_bad_paths_are_refused_with_the_reason(tmp_path):
    with pytest.raises(FileProblem, match="does not exist"):
        write_codebook_document(_odd_codebook(), tmp_path / "no" / "book.docx")
    with pytest.raises(FileProblem, match="not '.txt'"):
        write_codebook_document(_odd_codebook(), tmp_path / "book.txt")
    # An empty codebook is a document with its title only.
    with Project.create(tmp_path / "p.annotator") as project:
        empty = write_codebook_document(project.codebook(), tmp_path / "empty.md", title="p")
    assert empty.read_text(encoding="utf-8").strip() == "# p"
