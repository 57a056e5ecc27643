"""Multi-article exports of news databases (Nexis Uni / LexisNexis, Factiva), split per article.

Every imported .txt/.docx/.rtf/.html file passes through ``split_export``, so
it first looks at the top of the file only and returns None at once for
anything that is not an export. Field labels per interface language live in
data/labels.json.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from annotator.core import Article
from annotator.services.sources.newsdb import factiva, nexis
from annotator.services.sources.newsdb.fields import ExportDocument, ExportSplit

__all__ = ["ExportDocument", "ExportFormat", "ExportSplit", "split_export", "split_export_detailed"]

ExportFormat = Literal["txt", "docx", "rtf", "html"]

#: How much of the file the quick check reads. Enough for a Nexis Uni cover page
#: and the first article's fields; an export's markers never start later.
SNIFF_CHARS = 16_384
#: HTML pages carry scripts and navigation before the articles.
SNIFF_HTML_CHARS = 131_072


def split_export(path: Path, content: str, fmt: ExportFormat) -> list[Article] | None:
    """The articles of a news-database export, or None when ``content`` is not one.

    ``content`` is the file's text (for "html", its markup). Only whole documents
    are returned: a document cut off at the end of the file is left out (see
    ``split_export_detailed`` for the list of what was left out and why).
    """
    split = split_export_detailed(path, content, fmt)
    return None if split is None else [d.article for d in split.documents]


def split_export_detailed(path: Path, content: str, fmt: ExportFormat) -> ExportSplit | None:
    """Like ``split_export``, with the stated word counts and the documents left out."""
    if fmt == "html":
        if not factiva.looks_like_html(content[:SNIFF_HTML_CHARS]):
            return None
        return _found(factiva.split_html(path, content))
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    head = content[:SNIFF_CHARS]
    if nexis.looks_like_classic(head):
        return _found(nexis.split_classic(path, content))
    if nexis.looks_like_uni(head) and (found := _found(nexis.split_uni(path, content))):
        return found
    if factiva.looks_like_text(head):
        return _found(factiva.split_text(path, content))
    return None


def _found(split: ExportSplit) -> ExportSplit | None:
    """None without a single whole document: the file is then read as one ordinary article."""
    return split if split.documents else None
