"""The reliability report as a plain-text table, as JSON, and as an Excel sheet."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from annotator.services.agreement.report import AgreementRow
from annotator.services.sheet_cells import append_row, save_book

TABLE_COLUMNS = ("variable", "level", "alpha", "95% CI", "agreement", "kappa", "units", "coders")
SHEET_COLUMNS = (
    "variable",
    "unit",
    "level",
    "alpha",
    "ci_low",
    "ci_high",
    "percent_agreement",
    "kappa",
    "kappa_kind",
    "units",
    "coders",
    "articles",
    "coders_entered",
    "note",
)


def _number(value: float | None, digits: int = 3) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def format_table(rows: Sequence[AgreementRow]) -> str:
    """Aligned plain-text columns, one line per variable, reasons for missing figures below."""
    lines: list[list[str]] = [list(TABLE_COLUMNS)]
    for row in rows:
        kappa = "" if row.kappa is None else f"{row.kappa:.3f} ({row.kappa_kind})"
        ci = "" if row.ci is None else f"[{row.ci[0]:.3f}, {row.ci[1]:.3f}]"
        agreement = "" if row.percent_agreement is None else f"{row.percent_agreement:.1%}"
        alpha = "-" if row.alpha is None else _number(row.alpha)
        units = {"character": f"{row.units} chars", "unit": f"{row.units} units"}.get(
            row.unit, str(row.units)
        )
        lines.append([row.name, row.level, alpha, ci, agreement, kappa, units, str(row.coders)])
    widths = [max(len(line[i]) for line in lines) for i in range(len(TABLE_COLUMNS))]
    numeric = {2, 3, 4, 5, 6, 7}
    text = [
        "  ".join(
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(line)
        ).rstrip()
        for line in lines
    ]
    notes = [f"{row.name}: {row.reason}" for row in rows if row.reason]
    notes += [
        f"{row.name}: {count(len(row.entered), 'article')} entered; coders counted on them"
        f" ({_by_coder(row)}) are those given the article, who marked it done or coded it,"
        " with no span where they made none"
        for row in rows
        if row.unit == "character"
    ]
    return "\n".join(text + ([""] + notes if notes else [])) + "\n"


def count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _by_coder(row: AgreementRow) -> str:
    """``alice 12, bob 11``: on how many of the articles that entered each coder counted."""
    return ", ".join(f"{coder} {n}" for coder, n in row.entered_by_coder().items())


def report_json(rows: Sequence[AgreementRow]) -> dict[str, Any]:
    """``{"variables": [{"name", "level", "alpha", "ci", "percent_agreement", ...}]}``."""
    return {"variables": [row.as_dict() for row in rows]}


def format_json(rows: Sequence[AgreementRow]) -> str:
    """The report as indented JSON text (``null`` for missing figures)."""
    return json.dumps(report_json(rows), ensure_ascii=False, indent=2) + "\n"


def write_reliability_sheet(
    workbook: Workbook, rows: Sequence[AgreementRow], title: str = "reliability"
) -> Worksheet:
    """Add (or replace) a sheet with one row per variable; returns it.

    Figures are numbers (alpha to four decimals shown, percent agreement as a percentage);
    a missing figure is an empty cell and ``note`` says why.
    """
    if title in workbook.sheetnames:
        workbook.remove(workbook[title])
    sheet = workbook.create_sheet(title)
    append_row(sheet, SHEET_COLUMNS)
    for row in rows:
        low, high = row.ci if row.ci is not None else (None, None)
        append_row(
            sheet,
            [
                row.name,
                row.unit,
                row.level,
                row.alpha,
                low,
                high,
                row.percent_agreement,
                row.kappa,
                row.kappa_kind or "",
                row.units,
                row.coders,
                len(row.entered) if row.unit == "character" else None,
                _by_coder(row),
                row.reason,
            ],
        )
    formats = {4: "0.0000", 5: "0.0000", 6: "0.0000", 7: "0.0%", 8: "0.0000"}
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if cell.column in formats and cell.value is not None:
                cell.number_format = formats[cell.column]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, name in enumerate(SHEET_COLUMNS, start=1):
        width = {"variable": 28, "note": 50, "coders_entered": 30}.get(name, 12)
        sheet.column_dimensions[get_column_letter(index)].width = width
    return sheet


def save_reliability_workbook(rows: Sequence[AgreementRow], path: str | Path) -> Path:
    """Write a workbook whose only sheet is the reliability sheet; returns its path."""
    workbook = Workbook()
    default = workbook.active
    write_reliability_sheet(workbook, rows)
    if default is not None:
        workbook.remove(default)
    save_book(workbook, Path(path))
    return Path(path)
