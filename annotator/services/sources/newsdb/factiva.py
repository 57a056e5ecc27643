"""Factiva exports: the article format of .rtf/.txt saves, and the .html "Format for Saving" page.

Text form (.rtf as plain text, or .txt), per article, one field per line::

    Section                                <- optional
    Headline
    By Byline                              <- optional, then optional credit lines
    523 words                              <- "mots", "Wörter"... (the anchor of each article)
    15 August 2025                         <- date, then an optional time line
    Source Name
    SRCE                                   <- optional: source code, edition, page
    English                                <- language
    Copyright 2025 ...                     <- optional
    body paragraphs, one per line
    Document SRCE000020250815el8f0005x     <- accession number: ends each article

HTML form: one ``<div class="article xxArticle">`` per article (xx = language
of the interface) holding plain ``<div>``s for the section and the fields above,
``<span class="xxHeadline">``, ``<div class="author">``,
``<p class="articleParagraph ...">`` per paragraph and a last ``<p>Document AN</p>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core import Article
from annotator.services.sources.newsdb import fields
from annotator.services.sources.newsdb.fields import ExportDocument, ExportSplit, clean

if TYPE_CHECKING:
    import lxml.html

#: Fields between the word count and the text are few; past this many lines it is text.
_MAX_META_LINES = 9


@cache
def _words_re() -> re.Pattern[str]:
    words = fields.alternation(fields.all_labels("factiva", "words"))
    return re.compile(rf"^\d[\d,.\u00a0\u202f ]*\s(?:{words})$", re.I)


@cache
def _document_re() -> re.Pattern[str]:
    document = fields.alternation(fields.all_labels("factiva", "document"))
    return re.compile(rf"^(?:{document})\s+[A-Za-z0-9]{{16,40}}$")


@cache
def _byline_re() -> re.Pattern[str]:
    prefixes = fields.alternation(fields.all_labels("factiva", "byline_prefix"))
    return re.compile(rf"^(?:{prefixes})\s+\S", re.I)


_TIME = re.compile(r"^\d{1,2}[:.h]\d{2}(?:\s*(?:AM|PM|GMT|UTC|[A-Z]{2,4}))*$", re.I)


def looks_like_text(head: str) -> bool:
    """A "523 words" line near the top of the file."""
    return any(_words_re().match(clean(line)) for line in head.split("\n")[:400])


def looks_like_html(head: str) -> bool:
    return "factiva" in head.casefold() or bool(re.search(r"class=\"article [a-z]{2}Article", head))


@dataclass(slots=True)
class _Meta:
    date: str | None = None
    outlet: str = ""
    language: str = ""
    words: int | None = None
    #: Index of the first line of text after the fields.
    text_at: int = 0


def _fields_after_words(lines: list[str], words_at: int) -> _Meta:
    """Date, source and language from the lines below the word count."""
    meta = _Meta(words=fields.stated_word_count(lines[words_at]))
    last = words_at  # the last line that is a field
    end = min(len(lines), words_at + 1 + _MAX_META_LINES)
    i = words_at + 1
    if i < end and (date := fields.parse_date(lines[i])):
        meta.date, last, i = date, i, i + 1
        if i < end and _TIME.match(lines[i]):
            last, i = i, i + 1
    for j in range(i, end):
        if not meta.outlet:
            meta.outlet, last = lines[j], j
        elif code := fields.language_code(lines[j]):
            meta.language, last = code, j
            if j + 1 < end and fields.is_copyright(lines[j + 1]):
                last = j + 1
            break
        elif fields.is_copyright(lines[j]):
            last = j
            break
    meta.text_at = last + 1
    return meta


def _head(lines: list[str]) -> tuple[str, str, str]:
    """Section, headline and byline from the lines above the word count."""
    byline_at = next((i for i in range(1, len(lines)) if _byline_re().match(lines[i])), None)
    author = fields.strip_byline(lines[byline_at]) if byline_at is not None else ""
    above = lines[:byline_at] if byline_at is not None else lines
    title = above[-1] if above else ""
    section = fields.strip_page(above[-2]) if len(above) >= 2 else ""
    return section, title, author


def _chunks(lines: list[str]) -> Iterator[tuple[list[str], bool]]:
    """Each article's lines, and whether its closing "Document ..." line was there."""
    chunk: list[str] = []
    for line in lines:
        if _document_re().match(line):
            yield chunk, True
            chunk = []
        elif line:
            chunk.append(line)
    yield chunk, False


def split_text(path: Path, content: str) -> ExportSplit:
    """The articles of a Factiva .rtf (as text) or .txt export."""
    split = ExportSplit("Factiva")
    for chunk, closed in _chunks([clean(line) for line in content.split("\n")]):
        words_at = next((i for i, line in enumerate(chunk) if _words_re().match(line)), None)
        if words_at is None:
            continue  # the search summary after the last article, or a stray page header
        n = len(split.documents) + len(split.skipped) + 1
        if not closed:
            split.skipped.append(f"document {n} is cut off (no closing 'Document' line)")
            continue
        meta = _fields_after_words(chunk, words_at)
        section, title, author = _head(chunk[:words_at])
        document = _document(path, n, title, section, author, meta, chunk[meta.text_at :])
        if isinstance(document, str):
            split.skipped.append(f"document {n} {document}")
        else:
            split.documents.append(document)
    return split


def _document(
    path: Path,
    n: int,
    title: str,
    section: str,
    author: str,
    meta: _Meta,
    paragraphs: list[str],
) -> ExportDocument | str:
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return "has no text"
    article = Article(
        text="\n\n".join(paragraphs),
        title=title,
        outlet=meta.outlet,
        author=author,
        date=meta.date,
        language=meta.language,
        source_file=f"{path}#{n}",
        section=section,
    )
    return ExportDocument(article, meta.words)


def split_html(path: Path, content: str) -> ExportSplit:
    """The articles of a Factiva HTML page ("Format for Saving", article format)."""
    import lxml.html  # only HTML exports need it

    split = ExportSplit("Factiva")
    try:
        root = lxml.html.document_fromstring(content)
    except (ValueError, lxml.etree.ParserError):
        return split
    for container in root.iter("div"):
        classes = (container.get("class") or "").split()
        if not any(re.fullmatch(r"[a-z]{2}Article", c) for c in classes):
            continue
        n = len(split.documents) + len(split.skipped) + 1
        document = _html_document(path, n, container)
        if isinstance(document, str):
            split.skipped.append(f"document {n} {document}")
        else:
            split.documents.append(document)
    return split


def _html_document(path: Path, n: int, container: lxml.html.HtmlElement) -> ExportDocument | str:
    before: list[str] = []  # plain <div>s above the headline: the section
    after: list[str] = []  # plain <div>s below it: credit, word count, date, source...
    title = author = ""
    paragraphs: list[str] = []
    closed = False
    for child in container:
        text = clean(child.text_content())
        classes = (child.get("class") or "").split()
        headline = child.xpath(".//span[contains(@class, 'Headline')]")
        if headline:
            title = clean(headline[0].text_content())
        elif "author" in classes:
            author = fields.strip_byline(text)
        elif child.tag == "p" and any("articleParagraph" in c for c in classes):
            if text:
                paragraphs.append(text)
        elif _document_re().match(text):
            closed = True
        elif child.tag == "div" and not child.attrib and text:
            (after if title else before).append(text)
    if not closed:
        return "is cut off (no closing 'Document' line)"
    words_at = next((i for i, line in enumerate(after) if _words_re().match(line)), None)
    meta = _fields_after_words(after, words_at) if words_at is not None else _Meta()
    section = fields.strip_page(before[-1]) if before else ""
    return _document(path, n, title, section, author, meta, paragraphs)
