"""Plain-text articles (.txt)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core import Article
from annotator.services.errors import FileProblem

if TYPE_CHECKING:
    from annotator.services.sources import ReadOptions

MAX_BYTES = 20 * 1024 * 1024

# Optional "Key: value" lines after the headline, as in the demo articles.
_METADATA_KEYS = {
    "outlet": "outlet",
    "source": "outlet",
    "date": "date",
    "author": "author",
    "by": "author",
    "url": "url",
    "section": "section",
    "language": "language",
}
_METADATA_LINE = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.+?)\s*$")


def read_text(path: Path) -> str:
    """The text of a UTF-8 file, or a FileProblem saying why it cannot be read."""
    if not path.exists():
        raise FileProblem(path, "file not found")
    if path.is_dir():
        raise FileProblem(path, "is a folder")
    try:
        raw = path.read_bytes()
    except PermissionError:
        raise FileProblem(path, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise FileProblem(path, f"too large ({len(raw) // (1024 * 1024)} MB; the limit is 20 MB)")
    if not raw.strip():
        raise FileProblem(path, "empty file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(
            path,
            f"not UTF-8 text (undecodable byte 0x{raw[exc.start]:02x} at position {exc.start});"
            " save it as UTF-8 and import it again",
        ) from None
    if "\x00" in text:
        raise FileProblem(path, "binary data, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_txt(path: Path, options: ReadOptions) -> Iterator[Article]:
    """A .txt file holds one article."""
    yield article_from_text(path, read_text(path))


def article_from_text(path: Path, text: str) -> Article:
    """Line 1 is the title; "Key: value" lines after it are metadata."""
    text = text.strip("\n")
    lines = text.split("\n")
    title = lines[0].strip()
    metadata: dict[str, str] = {}
    index = 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines):
        match = _METADATA_LINE.match(lines[index])
        if not match or match.group(1).lower() not in _METADATA_KEYS:
            break
        metadata[_METADATA_KEYS[match.group(1).lower()]] = match.group(2)
        index += 1
    if metadata:
        body_from = index
        while body_from < len(lines) and not lines[body_from].strip():
            body_from += 1
        text = lines[0] + "\n\n" + "\n".join(lines[body_from:])
    if not text.strip():
        raise FileProblem(path, "empty file")
    article = Article(text=text, title=title[:300], source_file=str(path))
    for field_name, value in metadata.items():
        setattr(article, field_name, value)
    return article
