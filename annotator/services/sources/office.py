"""Word (.docx) and OpenDocument (.odt) files: one article each, or a news-database export."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core import Article
from annotator.services.errors import FileProblem, library_errors
from annotator.services.sources import sniff
from annotator.services.sources.text import article_from_text, check_file, news_export_articles

if TYPE_CHECKING:
    from annotator.services.sources import ReadOptions

MAX_BYTES = 200 * 1024 * 1024
# What the parts of one document may add up to once unpacked: more is a zip bomb.
MAX_UNPACKED = 500 * 1024 * 1024

_WORD_PART = "word/document.xml"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def read_docx(path: Path, options: ReadOptions) -> Iterator[Article]:
    """The text of a Word document: paragraphs and table cells in reading order."""
    with _open_package(path, "a Word file") as package:
        if _WORD_PART not in package.namelist():
            raise FileProblem(path, f"not a Word file ({_what_zip_holds(package)})")
    # Imported here: python-docx takes a noticeable time to import.
    import docx

    with library_errors(path, "damaged Word file"):
        document = docx.Document(str(path))
        blocks = list(_docx_blocks(document))
    paragraphs = [text.strip() for text in blocks if text.strip()]
    if not paragraphs:
        raise FileProblem(path, "empty file (no text in the document)")
    # The splitters see empty paragraphs too: exports use them as separators.
    articles = news_export_articles(path, "\n".join(blocks), "docx")
    if articles is not None:
        yield from articles
        return
    yield article_from_text(path, "\n\n".join(paragraphs))


def _docx_blocks(container: Any) -> Iterator[str]:
    """Paragraph texts of a document or table cell, tables read row by row."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            # A merged cell is returned once per grid column it spans. The set
            # holds the XML elements themselves: lxml reuses a proxy's id once
            # nothing refers to it.
            seen: set[Any] = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc in seen:
                        continue
                    seen.add(cell._tc)
                    yield from _docx_blocks(cell)
        else:
            yield block.text


def read_odt(path: Path, options: ReadOptions) -> Iterator[Article]:
    """The text of an OpenDocument text file (LibreOffice Writer)."""
    with _open_package(path, "an OpenDocument text file") as package:
        names = package.namelist()
        mimetype = package.read("mimetype").strip() if "mimetype" in names else b""
        if mimetype != _ODT_MIMETYPE or "content.xml" not in names:
            raise FileProblem(path, f"not an OpenDocument text file ({_what_zip_holds(package)})")
    # Imported here: odfdo takes a noticeable time to import.
    import odfdo

    with library_errors(path, "damaged OpenDocument file"):
        body = odfdo.Document(str(path)).body
        paragraphs = [
            str(element).strip()
            for element in body.get_elements("descendant::text:h | descendant::text:p")
        ]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise FileProblem(path, "empty file (no text in the document)")
    yield article_from_text(path, "\n\n".join(paragraphs))


def _open_package(path: Path, kind: str) -> zipfile.ZipFile:
    """The zip inside an Office file, once checked for the wrong format, bombs and entities."""
    check_file(path, MAX_BYTES)
    try:
        head = sniff.head(path)
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    if not sniff.is_zip(head):
        looks = sniff.looks_like(head)
        if looks and "Office 97-2003" in looks:
            reason = (
                f"not {kind} but an old Word 97-2003 .doc; save it as .docx and import it again"
            )
        elif looks:
            reason = f"not {kind} (it looks like {looks})"
        else:
            reason = f"not {kind} (damaged, or another kind of file renamed)"
        raise FileProblem(path, reason)
    try:
        package = zipfile.ZipFile(path)
        members = package.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise FileProblem(path, f"damaged file: not a readable zip archive ({exc})") from None
    try:
        unpacked = sum(member.file_size for member in members)
        if unpacked > MAX_UNPACKED:
            raise FileProblem(
                path,
                f"refused: expands to {unpacked // (1024 * 1024)} MB when unpacked"
                f" (the limit is {MAX_UNPACKED // (1024 * 1024)} MB; a zip bomb?)",
            )
        for member in members:
            if member.filename.endswith((".xml", ".rels")) and _declares_entities(package, member):
                raise FileProblem(
                    path,
                    f"refused: {member.filename} declares XML entities (a DOCTYPE), which"
                    " office programs never write; the file may be crafted to read other files",
                )
    except FileProblem:
        package.close()
        raise
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        package.close()
        raise FileProblem(path, f"damaged file ({exc})") from None
    return package


def _declares_entities(package: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether a part declares a DOCTYPE: its prolog, however long (comments and spaces may
    pad it), is parsed up to the root element, in whatever encoding it declares."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DTDForbidden
    from defusedxml.ElementTree import iterparse

    with package.open(member) as handle:
        try:
            for _event in iterparse(handle, events=("start",), forbid_dtd=True):
                return False  # the root element: no DOCTYPE can come after it
        except DTDForbidden:
            return True
        except ParseError:
            return False  # not XML: the library reading it says the file is damaged
    return False


def _what_zip_holds(package: zipfile.ZipFile) -> str:
    names = package.namelist()
    if "mimetype" in names and package.read("mimetype").startswith(b"application/vnd.oasis"):
        return "it is an OpenDocument file"
    if any(name.startswith("xl/") for name in names):
        return "it is an Excel workbook"
    if any(name.startswith("ppt/") for name in names):
        return "it is a PowerPoint file"
    if _WORD_PART in names:
        return "it is a Word file"
    return "a zip archive without a document in it"
