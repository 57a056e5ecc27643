"""Streamed .xlsx writing: openpyxl's write-only mode, text never a formula.

Write-only sheets are written to disk row by row, so memory stays flat however many
rows there are. Their frozen header and column widths go at the top of the sheet's XML,
before the rows: widths are fitted to the header and the first rows (``SAMPLE_ROWS``),
capped at ``MAX_WIDTH``; the autofilter goes at the end, once the last row is known.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from annotator.services.exports.tables import Table
from annotator.services.sheet_cells import cell_text, save_book
from annotator.store.scratch import replacing

SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 8, 60


def write_workbook(tables: Iterable[Table], out: Path) -> None:
    """Write one sheet per table to ``out`` (through a temporary file, so a failed export
    never leaves half a workbook under the name asked for)."""
    book = Workbook(write_only=True)
    with replacing(out) as tmp:
        try:
            for table in tables:
                sheet = book.create_sheet(table.name[:31])
                assert isinstance(sheet, WriteOnlyWorksheet)
                write_sheet(sheet, table.columns, table.rows(), table.formats)
            save_book(book, tmp)
        except BaseException:
            _discard(book)
            raise


def _discard(book: Workbook) -> None:
    """Close the sheets of an export that failed and delete their temporary files.

    openpyxl streams each write-only sheet to a temporary file and deletes it on saving
    only; this reaches into its writer (``_writer``) to do the same after a failure.
    """
    for sheet in book.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
        with contextlib.suppress(OSError, ValueError):
            writer.cleanup()


def write_sheet(
    sheet: WriteOnlyWorksheet,
    columns: Sequence[str],
    rows: Iterator[Sequence[Any]],
    formats: dict[str, str] | None = None,
) -> int:
    """Stream a header and rows into a write-only sheet; returns the number of rows."""
    sample = list(islice(rows, SAMPLE_ROWS))
    for index, width in enumerate(_widths(columns, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    # Frozen header and column widths are written before the first row.
    sheet.freeze_panes = "A2"
    sheet.append([_cell(sheet, name, None) for name in columns])
    styles = [(formats or {}).get(name) for name in columns]
    count = 0
    for row in chain(sample, rows):
        sheet.append([_cell(sheet, value, style) for value, style in zip(row, styles, strict=True)])
        count += 1
    last = get_column_letter(max(1, len(columns)))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    return count


def _cell(sheet: WriteOnlyWorksheet, value: Any, number_format: str | None) -> Any:
    """A value as openpyxl should store it: plain when plain, a typed cell otherwise."""
    if isinstance(value, str):
        value = cell_text(value)
        if value.startswith("="):
            # openpyxl turns a string that starts with "=" into a formula; an inline
            # string is text to Excel whatever it starts with (+, -, @, tab, CR too).
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            return cell
        return value
    # Dates and datetimes need nothing: openpyxl gives them yyyy-mm-dd (h:mm:ss) formats.
    if number_format and value is not None:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell
    return value


def _widths(columns: Sequence[str], sample: Sequence[Sequence[Any]]) -> list[float]:
    widths = []
    for index, name in enumerate(columns):
        longest = len(name)
        for row in sample:
            value = row[index]
            if value is None:
                continue
            if isinstance(value, datetime):
                size = 19
            elif isinstance(value, date):
                size = 10
            elif isinstance(value, float):
                size = min(len(f"{value:.4f}"), 12)
            else:
                size = max((len(line) for line in str(value).splitlines()), default=0)
            longest = max(longest, size)
        widths.append(float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))))
    return widths
