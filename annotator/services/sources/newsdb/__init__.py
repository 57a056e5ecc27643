"""Multi-article exports of news databases (Nexis Uni / LexisNexis, Factiva), split per article."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from annotator.core import Article

ExportFormat = Literal["txt", "docx", "rtf", "html"]


def split_export(path: Path, content: str, fmt: ExportFormat) -> list[Article] | None:
    """The articles of a news-database export, or None when ``content`` is not one.

    ``content`` is the file's text (for "html", its markup).
    """
    return None
