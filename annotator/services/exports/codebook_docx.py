"""The codebook document as a Word file (python-docx): what coders print, what appendices hold."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from annotator.services.exports.codebook_doc import CodebookDocument

_COLOR = re.compile(r"#?([0-9A-Fa-f]{6})")
_LOCALES = {"en": "en-GB", "fr": "fr-FR"}


def write_docx(doc: CodebookDocument, out: Path) -> None:
    """Write ``doc`` to ``out`` as .docx: headings, a table of categories with their
    colours shaded, and a block per variable (its facts, a table of values, examples)."""
    from docx import Document
    from docx.shared import Cm, Pt

    w = doc.word
    document = Document()
    document.core_properties.title = doc.title
    document.core_properties.language = _LOCALES.get(doc.language, doc.language)
    _set_language(document, _LOCALES.get(doc.language, doc.language))
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2)
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(doc.title, level=0)

    if doc.categories:
        document.add_heading(w("categories"), level=1)
        heads = (w("category"), w("colour"), w("shortcut"), w("description"))
        table = _table(document, heads, (Cm(4), Cm(2.4), Cm(2.4), Cm(8.2)))
        for c in doc.categories:
            cells = table.add_row().cells
            cells[0].text = c.name
            if c.depth:
                cells[0].paragraphs[0].paragraph_format.left_indent = Cm(0.4 * c.depth)
            cells[1].text = c.color
            _shade(cells[1], c.color)
            cells[2].text = c.shortcut
            cells[3].text = c.description

    for block in doc.sections:
        document.add_heading(block.title, level=1)
        if block.intro:
            document.add_paragraph(block.intro)
        for v in block.variables:
            heading = document.add_heading(level=2)
            heading.add_run(v.name).font.name = "Consolas"
            heading.add_run(doc.colon("") + " " + v.question)
            facts = document.add_paragraph()
            facts.add_run(doc.colon(w("type")) + " ").bold = True
            facts.add_run(v.kind)
            facts.add_run().add_break()
            facts.add_run(doc.colon(w("required")) + " ").bold = True
            facts.add_run(w("yes") if v.required else w("no"))
            if v.description:
                document.add_paragraph(v.description)
            if v.values:
                values = _table(document, (w("code"), w("label")), (Cm(2.4), Cm(10)))
                for code, label in v.values:
                    cells = values.add_row().cells
                    cells[0].text = code
                    cells[1].text = label
            if v.examples:
                para = document.add_paragraph()
                para.add_run(doc.colon(w("examples"))).bold = True
                for example in v.examples:
                    document.add_paragraph(example, style="List Bullet")

    if doc.scores:
        document.add_heading(w("scores"), level=1)
        document.add_paragraph(w("score_intro"))
        for s in doc.scores:
            para = document.add_paragraph(style="List Bullet")
            para.add_run(s.name).bold = True
            para.add_run(" " + doc.colon(f"({s.label})") + " " + s.rule)
    document.save(str(out))


def _table(document: Any, heads: tuple[str, ...], widths: tuple[Any, ...]) -> Any:
    table = document.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    for cell, head, width in zip(table.rows[0].cells, heads, widths, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(head).bold = True
        cell.width = width
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    _repeat_header(table.rows[0])
    return table


def _repeat_header(row: Any) -> None:
    """The header row repeats on every page the table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _shade(cell: Any, color: str) -> None:
    """Fill a table cell with the category's colour (a #rrggbb colour; others are left)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    match = _COLOR.fullmatch(color.strip())
    if not match:
        return
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), match.group(1).upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _set_language(document: Any, locale: str) -> None:
    """The document's proofing language (spelling checks in French for a French codebook)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run = defaults.find(qn("w:rPrDefault"))
    properties = run.find(qn("w:rPr")) if run is not None else None
    if properties is None:
        return
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), locale)
