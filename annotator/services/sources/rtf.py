"""Rich Text Format files (.rtf): one article, or a news-database export (Nexis, Factiva)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from striprtf.striprtf import rtf_to_text

from annotator.core import Article
from annotator.services.errors import FileProblem, library_errors
from annotator.services.sources import sniff
from annotator.services.sources.text import article_from_text, news_export_articles, read_bytes

if TYPE_CHECKING:
    from annotator.services.sources import ReadOptions

# Exports of a hundred articles are a few MB; embedded pictures make files larger.
MAX_BYTES = 50 * 1024 * 1024

# The code page that \'xx escapes are written in, e.g. \ansicpg1252.
_CODE_PAGE = re.compile(rb"\\ansicpg(\d+)")


def read_rtf(path: Path, options: ReadOptions) -> Iterator[Article]:
    """The plain text of an RTF file, paragraphs separated by blank lines."""
    text = rtf_text(path, read_bytes(path, MAX_BYTES))
    articles = news_export_articles(path, text, "rtf")
    if articles is not None:
        yield from articles
        return
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if not paragraphs:
        raise FileProblem(path, "empty file (no text in the document)")
    yield article_from_text(path, "\n\n".join(paragraphs))


def rtf_text(path: Path, raw: bytes) -> str:
    """The plain text of RTF bytes, one line a paragraph."""
    start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start.strip():
        raise FileProblem(path, "empty file")
    if not start.startswith(b"{\\rtf"):
        looks = sniff.looks_like(raw[:4096])
        if looks:
            raise FileProblem(path, f"not an RTF file (it looks like {looks})")
        if b"\x00" in raw[:4096]:
            raise FileProblem(path, "not an RTF file (binary data)")
        raise FileProblem(path, "not an RTF file (it does not start with {\\rtf)")
    encoding = _encoding(start)
    with library_errors(path, "damaged RTF file"):
        # RTF is 7-bit ASCII with escapes; a stray 8-bit byte is read in the
        # document's own code page.
        text = rtf_to_text(start.decode(encoding, "replace"), encoding=encoding, errors="replace")
    if not text.strip():
        raise FileProblem(path, "empty file (no text in the document)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _encoding(start: bytes) -> str:
    match = _CODE_PAGE.search(start[:4096])
    if match:
        candidate = f"cp{int(match.group(1))}"
        try:
            "".encode(candidate)
        except LookupError:
            return "cp1252"
        return candidate
    return "cp1252"
