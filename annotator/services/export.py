"""Export a project to an Excel workbook for SPSS, R or Stata."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from annotator.core import Codebook
from annotator.store import Project

ARTICLE_COLUMNS = (
    "article_id",
    "title",
    "outlet",
    "author",
    "date",
    "language",
    "section",
    "url",
    "source_file",
    "imported_at",
    "words",
    "annotations",
    "near_duplicate_of",
)
ANNOTATION_COLUMNS = (
    "annotation_id",
    "article_id",
    "article_title",
    "coder",
    "category",
    "parent_category",
    "text",
    "start",
    "end",
    "attributes",
    "memo",
    "created",
    "modified",
)
QUOTE_COLUMNS = (
    "article_id",
    "article_title",
    "kind",
    "speaker",
    "cue",
    "text",
    "start",
    "end",
)
CODEBOOK_COLUMNS = (
    "category_id",
    "category",
    "parent_category",
    "shortcut",
    "description",
    "attributes",
)
_FORMULA_PREFIXES = ("=", "+", "-", "@")


def export_xlsx(project: Project, out: str | Path) -> Path:
    """Write sheets articles, annotations, quotes and codebook; returns the path written."""
    out = Path(out)
    codebook = project.codebook()
    names = {c.id: c.name for c in codebook.categories}
    parents = {c.id: names.get(c.parent_id or "", "") for c in codebook.categories}
    articles = list(project.iter_articles())
    titles = {a.id: a.title for a in articles}
    annotations = project.annotations()
    per_article: dict[str, int] = {}
    for ann in annotations:
        per_article[ann.article_id] = per_article.get(ann.article_id, 0) + 1

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "articles"
    _fill(
        sheet,
        ARTICLE_COLUMNS,
        (
            (
                a.id,
                a.title,
                a.outlet,
                a.author,
                _as_date(a.date),
                a.language,
                a.section,
                a.url,
                a.source_file,
                a.imported_at,
                len(a.text.split()),
                per_article.get(a.id, 0),
                a.near_duplicate_of,
            )
            for a in articles
        ),
    )
    _fill(
        book.create_sheet("annotations"),
        ANNOTATION_COLUMNS,
        (
            (
                n.id,
                n.article_id,
                titles.get(n.article_id, ""),
                n.coder,
                names.get(n.category_id, n.category_id),
                parents.get(n.category_id, ""),
                n.text,
                n.start,
                n.end,
                _attributes_by_name(n.attributes, codebook) if n.attributes else "",
                n.memo,
                n.created,
                n.modified,
            )
            for n in annotations
        ),
    )
    _fill(
        book.create_sheet("quotes"),
        QUOTE_COLUMNS,
        (
            (
                article_id,
                titles.get(article_id, ""),
                q.kind,
                q.speaker or "",
                q.cue or "",
                q.text,
                q.start,
                q.end,
            )
            for article_id, q in project.all_quotes()
        ),
    )
    _fill(
        book.create_sheet("codebook"),
        CODEBOOK_COLUMNS,
        (
            (
                c.id,
                c.name,
                parents[c.id],
                c.shortcut,
                c.description,
                "; ".join(f"{v.name} ({v.kind})" for v in codebook.unit_variables(c.id)),
            )
            for c in codebook.categories
        ),
    )
    tmp = out.with_name(out.name + ".part")
    book.save(tmp)
    tmp.replace(out)
    return out


def _fill(sheet: Worksheet, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            # A cell that begins like a formula is data, never something Excel runs.
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_PREFIXES):
                cell.data_type = "s"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, name in enumerate(header, start=1):
        width = 60 if name in ("text", "title", "article_title", "description") else 16
        sheet.column_dimensions[get_column_letter(index)].width = width


def _attributes_by_name(values: dict[str, Any], codebook: Codebook) -> str:
    """Unit values as JSON keyed by variable name (they are stored by variable id)."""
    named: dict[str, Any] = {}
    for key, value in values.items():
        variable = codebook.variable(key)
        named[variable.name if variable else key] = value
    return json.dumps(named, ensure_ascii=False)


def _as_date(value: str | None) -> date | str:
    if not value:
        return ""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return value
