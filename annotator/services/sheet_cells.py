"""What any cell of a workbook we write may hold: one cleaning for every .xlsx.

An .xlsx is XML 1.0, which has no place for C0 control characters other than tab and line
ends, for lone surrogates, nor for U+FFFE and U+FFFF; a text carrying one (pasted from a
PDF, a terminal, a file name) made openpyxl refuse the whole workbook. They are dropped.
A cell also holds at most 32,767 characters, and a text that begins like a formula must
stay text (an actor named =HYPERLINK(...) is a name, not a link).
"""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

#: Characters XML 1.0 cannot carry.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Excel's limit on the characters in one cell.
CELL_LIMIT = 32_767
#: What makes Excel (or LibreOffice) read a typed text as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _NOT_IN_XML.sub("", text) if _NOT_IN_XML.search(text) else text


def cell_text(text: str) -> str:
    """``text`` as a cell can hold it: no character XML forbids, cut at Excel's limit."""
    text = xml_text(text)
    if len(text) > CELL_LIMIT:
        text = text[: CELL_LIMIT - 1] + "…"
    return text


def cell_value(value: Any) -> Any:
    """A value ready for a cell: texts cleaned by ``cell_text``, anything else as it is."""
    return cell_text(value) if isinstance(value, str) else value


def append_row(sheet: Worksheet, values: Iterable[Any]) -> None:
    """Append a row to an ordinary (not write-only) sheet: cleaned, and a text that begins
    like a formula stored as text."""
    sheet.append([cell_value(v) for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
            cell.data_type = "s"


def save_book(book: Workbook, path: Path) -> None:
    """``book.save(path)``, except that when writing fails (a full disk) the half-written
    file is closed here: openpyxl leaves its zip open, and the interpreter's retry at exit
    printed a traceback after the researcher's message."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
    book.properties.modified = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    try:
        ExcelWriter(book, archive).save()
    except BaseException:
        handle, archive.fp = archive.fp, None  # nothing more goes to a file that failed
        if handle is not None:
            with contextlib.suppress(OSError, ValueError):
                handle.close()
        raise
