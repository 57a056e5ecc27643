"""Rows of CSV files and Excel sheets, as lists of strings numbered from 1.

Both are streamed: a CSV file is decoded and parsed record by record, a sheet
is parsed by openpyxl's read-only reader, so a sheet of thousands of articles
is never held in memory whole.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import warnings
from collections.abc import Generator, Iterable
from pathlib import Path
from typing import Any

from annotator.services.errors import FileProblem, raised_in_annotator

Rows = Generator[tuple[int, list[str]], None, None]

_DELIMITERS = ",;\t|"
_SNIFF_CHARS = 16 * 1024  # the sniffer's regular expressions get slow on long samples
# The UTF-8 fast path covers most files; the rest go to charset-normalizer,
# whose ties between single-byte code pages are broken towards the Western
# European defaults of Excel and LibreOffice (cp1250 decodes French text too,
# but turns "à" into "ŕ").
_PREFERRED_ENCODINGS = ("utf_8", "cp1252", "latin_1", "iso8859_15", "utf_16")
_DETECTION_BYTES = 8 * 1024 * 1024
_MAX_FIELD_CHARS = 64 * 1024 * 1024  # the csv module's default (128 KB) cuts long articles
_XXE_REASON = (
    "the workbook declares XML entities, which can make a reader open other files"
    " on this computer; refused (re-save it with Excel or LibreOffice)"
)


def csv_rows(path: Path) -> Rows:
    """Records of a CSV file, numbered from 1, read as they are needed."""
    encoding = _csv_encoding(path)
    if csv.field_size_limit() < _MAX_FIELD_CHARS:
        csv.field_size_limit(_MAX_FIELD_CHARS)
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        sample = handle.read(64 * 1024)
    if "\x00" in sample:
        raise FileProblem(path, "binary data, not a CSV file")
    delimiter = _delimiter(sample)
    return _csv_records(path, encoding, delimiter)


def _csv_records(path: Path, encoding: str, delimiter: str) -> Rows:
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        number = 0
        try:
            # Excel's quoting rules with the sniffed delimiter: the sniffer's
            # guesses about doubled quotes are often wrong on article texts.
            for number, cells in enumerate(csv.reader(handle, delimiter=delimiter), start=1):
                yield number, cells
        except csv.Error as exc:
            raise FileProblem(path, f"not a readable CSV file after row {number} ({exc})") from None


def _csv_encoding(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
            if not head.strip():
                raise FileProblem(path, "empty file")
            if head.startswith(codecs.BOM_UTF8):
                return "utf-8-sig"
            if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
                return "utf-16"
            if b"\x00" not in head and _is_utf8(head, handle):
                return "utf-8"
            handle.seek(0)
            head = handle.read(_DETECTION_BYTES)
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    return _detected_encoding(path, head)


def _is_utf8(head: bytes, rest: Any) -> bool:
    """Whether the whole file decodes as UTF-8, checked a chunk at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head)
        while chunk := rest.read(1024 * 1024):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _detected_encoding(path: Path, head: bytes) -> str:
    import charset_normalizer

    if len(head) == _DETECTION_BYTES:
        head = head[: head.rfind(b"\n") + 1] or head  # do not cut a character in two
    matches = list(charset_normalizer.from_bytes(head))
    if not matches:
        raise FileProblem(path, "binary data, not a CSV file (no text encoding fits)")
    best = matches[0]
    tied = {m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)}
    return next((e for e in _PREFERRED_ENCODINGS if e in tied), best.encoding)


def _delimiter(sample: str) -> str:
    """The delimiter the header line uses most; the sniffer settles a tie or a bare header."""
    sample = sample[: sample.rfind("\n") + 1] or sample  # whole lines only
    header = sample.split("\n", 1)[0]
    counts = {d: header.count(d) for d in _DELIMITERS if d in header}
    ranked = sorted(counts.values(), reverse=True)
    # A header line is short and rarely quoted: it is cheaper and safer to read
    # than rows of long quoted texts, where the sniffer is slow and prefers ","
    # even in "Titre;Texte;Date, heure".
    if ranked and (len(ranked) == 1 or ranked[0] > ranked[1]):
        return max(counts, key=lambda d: counts[d])
    try:
        return csv.Sniffer().sniff(sample[:_SNIFF_CHARS], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return next(iter(counts), ",")


# -- Excel ------------------------------------------------------------------


def open_workbook(path: Path) -> Any:
    """An .xlsx opened for streaming, or a FileProblem saying what the file is instead."""
    import openpyxl

    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    if not head:
        raise FileProblem(path, "empty file")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem(
            path,
            "an old .xls workbook or a password-protected one; save it as an unprotected .xlsx"
            " and import it again",
        )
    if head.startswith(b"%PDF"):
        raise FileProblem(path, "not an Excel workbook (it looks like a PDF)")
    if not head.startswith(b"PK"):
        raise FileProblem(path, "not an Excel .xlsx workbook")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged or foreign zips
        if raised_in_annotator(exc):
            raise  # our bug, not a damaged file
        raise _workbook_problem(path, exc) from None


def uncomputed_rows(path: Path, title: str, numbers: Iterable[int]) -> list[int]:
    """Which of the rows ``numbers`` of sheet ``title``, empty when read for their values,
    hold formulas: saved without computed values (by openpyxl, some scripts and web apps)."""
    import openpyxl

    wanted = set(numbers)
    found: list[int] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        sheet = workbook[title]
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number in wanted and any(v is not None and v != "" for v in values):
                found.append(number)
    finally:
        workbook.close()
    return found


def sheet_rows(path: Path, sheet: Any) -> Rows:
    """Rows of one sheet as strings, streamed from the file."""
    # Some programs write a wrong sheet size ("A1"), which would hide every
    # other row from openpyxl's streaming reader.
    sheet.reset_dimensions()
    try:
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(value) for value in values]
    except Exception as exc:  # damaged sheet XML, surfacing only as it is read
        if raised_in_annotator(exc):
            raise
        raise _workbook_problem(path, exc) from None


def _workbook_problem(path: Path, exc: BaseException) -> FileProblem:
    """The reason behind openpyxl's error, which wraps the parser's in a ValueError."""
    from defusedxml import DefusedXmlException

    while exc.__cause__ is not None and not isinstance(exc, DefusedXmlException):
        exc = exc.__cause__
    if isinstance(exc, DefusedXmlException):
        # defusedxml refuses entity declarations outright, so none was resolved.
        return FileProblem(path, _XXE_REASON)
    message = (str(exc).splitlines() or [""])[0].replace(str(path), path.name)[:120]
    kind = type(exc).__name__
    return FileProblem(path, f"not a readable Excel .xlsx workbook ({kind}: {message})")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores every number as a float: 2025, not 2025.0
    return str(value)
