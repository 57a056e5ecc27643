"""Every kind of file researchers import, turned into Articles.

``read_path`` is the one entry point: it picks a reader by file type, and a
reader yields Articles, or FileProblems for the parts it cannot use (a bad row
of a spreadsheet, a broken member of a zip) so that the rest still imports.
A problem with the whole file is raised as a FileProblem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import Article
from annotator.services.errors import FileProblem
from annotator.services.sources import archive, html, office, pdf, rtf, table, text


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What the researcher told the import: e.g. which spreadsheet column holds what."""

    column_map: Mapping[str, str] = field(default_factory=dict)


#: Article fields a spreadsheet column can be mapped to.
MAPPABLE_FIELDS = ("text", "title", "date", "outlet", "author", "url", "section", "language")


def parse_column_map(spec: str) -> dict[str, str]:
    """Parse "text=Body,title=Headline" into {"text": "Body", "title": "Headline"}."""
    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        field_name, sep, column = part.partition("=")
        field_name, column = field_name.strip().lower(), column.strip()
        if not sep or not column:
            raise ValueError(f"'{part}' is not FIELD=COLUMN")
        if field_name not in MAPPABLE_FIELDS:
            raise ValueError(f"unknown field '{field_name}' (use {', '.join(MAPPABLE_FIELDS)})")
        mapping[field_name] = column
    return mapping


Reader = Callable[[Path, ReadOptions], Iterator[Article | FileProblem]]

#: file suffix -> reader; format modules register themselves here.
READERS: dict[str, Reader] = {
    ".txt": text.read_txt,
    ".html": html.read_html,
    ".htm": html.read_html,
    ".docx": office.read_docx,
    ".odt": office.read_odt,
    ".pdf": pdf.read_pdf,
    ".rtf": rtf.read_rtf,
    ".csv": table.read_csv,
    ".tsv": table.read_csv,
    ".xlsx": table.read_xlsx,
    ".zip": archive.read_zip,
}


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(READERS))


def read_path(path: Path, options: ReadOptions | None = None) -> Iterator[Article | FileProblem]:
    """Articles in one file (several for spreadsheets, archives and news-database exports)."""
    options = options or ReadOptions()
    if not path.exists():
        yield FileProblem(path, "file not found")
        return
    if path.is_dir():
        yield FileProblem(path, "is a folder")
        return
    if not path.is_file():  # a named pipe would be waited on for ever
        yield FileProblem(path, "not a regular file (a pipe, a device or a socket); not read")
        return
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(supported_suffixes())
        yield FileProblem(
            path, f"unsupported file type '{path.suffix}' (Annotator imports {kinds})"
        )
        return
    try:
        yield from reader(path, options)
    except FileProblem as problem:
        yield problem


def read_article(path: Path) -> Article:
    """The one article in a file, or the FileProblem that stops it (analyze, tests)."""
    for item in read_path(path):
        if isinstance(item, FileProblem):
            raise item
        return item
    raise FileProblem(path, "no article found in the file")
