"""PDF files: the text layer, one paragraph per text block; scans without text are reported."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core import Article
from annotator.services.errors import FileProblem, raised_in_annotator
from annotator.services.sources import sniff
from annotator.services.sources.text import article_from_text, check_file

if TYPE_CHECKING:
    from annotator.services.sources import ReadOptions

MAX_BYTES = 200 * 1024 * 1024

# Page numbers stand alone as blocks; they are page furniture, not article text.
_PAGE_NUMBER = re.compile(r"^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|sur|/)\s*\d{1,4})?$", re.I)
# pdfminer writes "(cid:12)" for a glyph whose font has no map back to characters.
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
_NO_TEXT = "no text layer (a scanned PDF? run OCR first)"


def read_pdf(path: Path, options: ReadOptions) -> Iterator[Article]:
    """One article from the text layer of a PDF."""
    check_file(path, MAX_BYTES)
    try:
        head = sniff.head(path)
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    if b"%PDF-" not in head:
        looks = sniff.looks_like(head)
        raise FileProblem(path, f"not a PDF (it looks like {looks})" if looks else "not a PDF")
    paragraphs = _paragraphs(path)
    text = "\n\n".join(paragraphs)
    if not text.strip():
        raise FileProblem(path, _NO_TEXT)
    if len(_UNMAPPED_GLYPH.findall(text)) * 8 > len(text) / 2:
        raise FileProblem(path, "no usable text layer (its fonts do not map to letters; run OCR)")
    yield article_from_text(path, text)


def _paragraphs(path: Path) -> list[str]:
    # Imported here: pdfminer takes a noticeable time to import.
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    paragraphs: list[str] = []
    try:
        # pdfminer groups lines into blocks by their spacing: a block is a paragraph.
        for page in extract_pages(path, laparams=LAParams()):
            for element in page:
                if isinstance(element, LTTextContainer):
                    paragraph = _join_lines(element.get_text())
                    if paragraph and not _PAGE_NUMBER.match(paragraph):
                        paragraphs.append(paragraph)
    except PDFPasswordIncorrect:
        raise FileProblem(
            path, "password-protected PDF (open it, then save or print an unprotected copy)"
        ) from None
    except PDFEncryptionError as exc:
        raise FileProblem(path, f"encrypted PDF that cannot be opened ({exc})") from None
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        if raised_in_annotator(exc):
            raise  # our bug, not a damaged file
        raise FileProblem(path, f"damaged PDF ({type(exc).__name__}: {exc})") from None
    return paragraphs


def _join_lines(block: str) -> str:
    """The lines of a text block as one paragraph: the PDF's line wraps are not breaks."""
    joined = ""
    for line in (part.strip() for part in block.split("\n")):
        if not line:
            continue
        if not joined:
            joined = line
        elif joined.endswith("-") and joined[-2:-1].isalpha():
            # Keep the hyphen: it may belong to the word ("peut-être").
            joined += line
        else:
            joined += " " + line
    return joined
