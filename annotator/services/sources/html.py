"""Saved web pages (.html, .htm): the article body and its metadata, without the page around it."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core import Article
from annotator.services.errors import FileProblem
from annotator.services.sources.text import decode_text, news_export_articles, read_bytes

if TYPE_CHECKING:
    from annotator.services.sources import ReadOptions

# Pages saved "complete" by a browser are mostly markup; single-file savers
# inline images, hence a larger limit than for plain text.
MAX_BYTES = 50 * 1024 * 1024

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_MARKUP = re.compile(r"<\s*(!doctype|html|head|body|div|p|article|main|title|table|span)\b", re.I)
_UNICODE_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Browsers mark a saved page with the address it came from.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)


def read_html(path: Path, options: ReadOptions) -> Iterator[Article]:
    """One article from a saved page, or the articles of a news-database export (Factiva)."""
    markup = _decode_page(path, read_bytes(path, MAX_BYTES))
    if not _MARKUP.search(markup[:200_000]):
        raise FileProblem(path, "not a web page (no HTML markup in it)")
    articles = news_export_articles(path, markup, "html")
    if articles is not None:
        yield from articles
        return
    yield _article_from_page(path, markup)


def _decode_page(path: Path, raw: bytes) -> str:
    """The page's markup, decoded with the charset it declares, else detected."""
    match = _META_CHARSET.search(raw[:8192])
    declared = match.group(1).decode("ascii", "replace") if match else None
    # A BOM or valid UTF-8 beats the declaration (pages re-saved by editors);
    # decode_text checks those first when nothing is declared.
    if declared and (raw.startswith(_UNICODE_BOMS) or _is_utf8(raw)):
        declared = None
    return decode_text(path, raw, declared)


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _article_from_page(path: Path, markup: str) -> Article:
    # Imported here: trafilatura takes most of a second to import, and only
    # imports of web pages need it.
    import trafilatura

    document = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=True
    )
    body = getattr(document, "text", None) or ""
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    if document is None or not paragraphs:
        raise FileProblem(path, "no article text found in the page")
    title = (getattr(document, "title", None) or "").strip()
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    url = getattr(document, "url", None) or ""
    if not url:
        saved_from = _SAVED_FROM.search(markup[:4096])
        url = saved_from.group(1) if saved_from else ""
    return Article(
        text="\n\n".join(paragraphs),
        title=(title or paragraphs[0])[:300],
        author=getattr(document, "author", None) or "",
        date=getattr(document, "date", None) or None,
        outlet=getattr(document, "sitename", None) or "",
        url=url,
        source_file=str(path),
    )
