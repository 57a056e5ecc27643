"""Spreadsheets of articles (.csv, .tsv, .xlsx): one article per row.

Which column holds what comes from ``ReadOptions.column_map`` (field -> column
name) or, when the researcher gave none, from ``guess_mapping``. Rows are
numbered as a spreadsheet program shows them (the header is row 1), so that
``source_file`` ("data.csv#row7") and problems ("data.csv row 7") point at the
row the researcher can find.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core import Article
from annotator.services.cleaning.dates import parse_date
from annotator.services.errors import FileProblem
from annotator.services.sources.rows import (
    Rows,
    csv_rows,
    open_workbook,
    sheet_rows,
    uncomputed_rows,
)

if TYPE_CHECKING:
    from annotator.services.sources import ReadOptions

# Column names seen in researchers' spreadsheets (scrapers, news-database
# exports, hand-made sheets), compared without case, accents or punctuation.
# Earlier names win when a sheet has several candidates for a field.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "body", "content", "article", "full text", "fulltext", "body text",
        "article text", "texte", "contenu", "corps", "texte integral", "corps du texte",
    ),
    "title": ("title", "headline", "titre", "heading", "headline title"),
    "date": (
        "date", "published", "publication date", "date de publication", "pub date",
        "published at", "published date", "publish date", "date published", "pubdate",
        "datetime", "date publication", "parution", "date de parution",
    ),
    "outlet": (
        "outlet", "source", "publication", "media", "journal", "newspaper", "source name",
        "publication name", "medium",
    ),
    "author": ("author", "byline", "auteur", "authors", "auteurs", "signature"),
    "url": ("url", "link", "lien", "web address", "adresse"),
    "section": ("section", "rubrique"),
    "language": ("language", "lang", "langue"),
}  # fmt: skip

_NUMERIC_DATE = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")  # day first, as in Europe


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """Which column holds which article field, judged by the column names alone."""
    keys = [_guess_key(column) for column in columns]
    used: set[int] = set()
    mapping: dict[str, str] = {}
    for field_name, names in _SYNONYMS.items():
        for name in names:
            found = next((i for i, k in enumerate(keys) if k == name and i not in used), None)
            if found is not None:
                mapping[field_name] = columns[found]
                used.add(found)
                break
    return mapping


def preview(path: Path, rows: int = 5) -> tuple[list[str], list[list[str]]]:
    """The columns and the first rows of a spreadsheet, as strings (the mapping dialog)."""
    with closing(_open_table(path, {}, strict=False)) as table:
        shown: list[list[str]] = []
        for _, cells in table.rows:
            if len(shown) >= rows:
                break
            if any(cells):
                shown.append(_fit(cells, len(table.columns)))
        return table.columns, shown


def read_csv(path: Path, options: ReadOptions) -> Iterator[Article | FileProblem]:
    """A .csv or .tsv file in any common encoding and delimiter."""
    yield from _read_table(path, options.column_map)


def read_xlsx(path: Path, options: ReadOptions) -> Iterator[Article | FileProblem]:
    """An Excel .xlsx workbook: the first sheet that has the mapped columns."""
    yield from _read_table(path, options.column_map)


@dataclass(slots=True)
class _Table:
    """The rows below the header of one table, read as they are needed."""

    index: dict[str, int]  # article field -> column
    columns: list[str]
    rows: Rows
    workbook: Any = None
    sheet: str = ""  # the worksheet's title, for a workbook

    def close(self) -> None:
        self.rows.close()
        if self.workbook is not None:
            self.workbook.close()


def _read_table(path: Path, column_map: Mapping[str, str]) -> Iterator[Article | FileProblem]:
    with closing(_open_table(path, column_map)) as table:
        empty = True
        blank: list[int] = []
        for number, cells in table.rows:
            if not any(cells):
                blank.append(number)  # often trailing rows in Excel: no article
                continue
            empty = False
            yield _article(path, number, cells, table.index)
        uncomputed = uncomputed_rows(path, table.sheet, blank) if blank and table.sheet else []
        if uncomputed:
            listed = ", ".join(map(str, uncomputed[:10])) + (", …" if len(uncomputed) > 10 else "")
            problem = FileProblem(
                path,
                f"{len(uncomputed)} row(s) hold formulas without computed values (rows {listed}),"
                " so they read as empty; open the file in Excel or LibreOffice, save it, and"
                " import it again",
            )
            if empty:
                raise problem
            yield problem
        if empty:
            raise FileProblem(path, "no rows below the header")


def _open_table(path: Path, column_map: Mapping[str, str], *, strict: bool = True) -> _Table:
    """The header and the rows below it; ``strict``: with the mapped columns, or a problem."""
    if path.suffix.lower() == ".xlsx":
        return _open_sheet(path, column_map, strict=strict)
    rows = csv_rows(path)
    try:
        columns = _header(path, rows)
        index = _resolve(path, columns, column_map) if strict else {}
    except FileProblem:
        rows.close()
        raise
    return _Table(index, columns, rows)


def _header(path: Path, rows: Rows) -> list[str]:
    for _, cells in rows:
        if any(cells):
            return [cell.strip() for cell in cells]
    raise FileProblem(path, "empty file (no header row)")


def _resolve(path: Path, columns: list[str], column_map: Mapping[str, str]) -> dict[str, int]:
    """Column index per field: the researcher's mapping, else the guess; text is required."""
    keys = [_user_key(column) for column in columns]
    mapping = dict(column_map) if column_map else guess_mapping(columns)
    if "text" not in mapping and "text" in (guessed := guess_mapping(columns)):
        mapping["text"] = guessed["text"]
    if "text" not in mapping:
        raise FileProblem(
            path,
            f"no column for the article text (columns: {_listing(columns)});"
            " name it, e.g. --map text=COLUMN",
        )
    index: dict[str, int] = {}
    for field_name, column in mapping.items():
        try:
            index[field_name] = keys.index(_user_key(column))
        except ValueError:
            listing = _listing(columns)
            raise FileProblem(path, f"no column '{column}' (columns: {listing})") from None
    return index


def _article(
    path: Path, number: int, cells: list[str], index: Mapping[str, int]
) -> Article | FileProblem:
    values = {name: _clean(cells[i]) if i < len(cells) else "" for name, i in index.items()}
    text = values.pop("text")
    if not text:
        return FileProblem(f"{path} row {number}", "empty text")
    title = " ".join(values.pop("title", "").split()) or _first_line(text)
    article = Article(text=text, title=title[:300], source_file=f"{path}#row{number}")
    for field_name, value in values.items():
        value = " ".join(value.split())
        if field_name == "date":
            article.date = _iso_date(value) if value else None
        else:
            setattr(article, field_name, value)
    return article


# -- Excel ------------------------------------------------------------------


def _open_sheet(path: Path, column_map: Mapping[str, str], *, strict: bool) -> _Table:
    """The first sheet that has the mapped columns; for a preview, else the first one."""
    workbook = open_workbook(path)
    problem: FileProblem | None = None
    with_header: list[Any] = []
    try:
        for sheet in workbook.worksheets:
            rows = sheet_rows(path, sheet)
            try:
                columns = _header(path, rows)
                with_header.append(sheet)
                index = _resolve(path, columns, column_map)
                return _Table(index, columns, rows, workbook, sheet.title)
            except FileProblem as sheet_problem:
                rows.close()
                problem = problem or sheet_problem  # the first sheet's is the one to report
        if not strict and with_header:
            rows = sheet_rows(path, with_header[0])
            return _Table({}, _header(path, rows), rows, workbook)
        raise problem or FileProblem(path, "no worksheet in the workbook")
    except BaseException:
        workbook.close()
        raise


def _iso_date(value: str) -> str:
    """ "15/08/2025", "15 août 2025" -> "2025-08-15"; a date it cannot read is kept as written."""
    numeric = _NUMERIC_DATE.match(value)
    if numeric:  # the common case, without dateparser's cost on thousands of rows
        day, month, year = (int(part) for part in numeric.groups())
        with suppress(ValueError):
            return dt.date(year, month, day).isoformat()
    return parse_date(value) or value


# -- helpers ----------------------------------------------------------------


def _guess_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[_\-.:/()]+", " ", plain).split())


def _user_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _clean(cell: str) -> str:
    return cell.replace("\r\n", "\n").replace("\r", "\n").strip()


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


def _fit(cells: list[str], width: int) -> list[str]:
    return (cells + [""] * width)[:width]


def _listing(columns: list[str], limit: int = 20) -> str:
    shown = ", ".join(c or "(unnamed)" for c in columns[:limit])
    return shown + (f", … ({len(columns) - limit} more)" if len(columns) > limit else "")
