"""Plain-text articles (.txt), in whatever encoding the researcher's files are in."""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import charset_normalizer

from annotator.core import Article
from annotator.services.errors import FileProblem
from annotator.services.sources.sniff import looks_like

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

# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte Western encodings in order of preference. Windows-1252 decodes every
# Latin-1 letter the same way and adds the curly quotes Word writes (0x91-0x94), so
# a Latin-1 file comes out right too.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
# How much more "chaos" (charset-normalizer's measure of implausible text) a
# Western reading may have than the best guess and still win: short French or
# English texts are ambiguous between cp1250/cp1252/mac_latin2 and the like, and
# this tool's researchers work in French and English.
_WESTERN_TOLERANCE = 0.05
# Share of control characters above which decoded "text" is taken for binary data.
_MAX_CONTROL_SHARE = 0.01

ExportFormat = Literal["txt", "docx", "rtf", "html"]


def check_file(path: Path, limit: int) -> int:
    """The size of a file that exists, is a file and is not over ``limit`` bytes."""
    if not path.exists():
        raise FileProblem(path, "file not found")
    if path.is_dir():
        raise FileProblem(path, "is a folder")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    # Checked before reading, so that a huge file is refused at once.
    if size > limit:
        raise FileProblem(
            path, f"too large ({size / 2**20:.1f} MB; the limit is {limit / 2**20:.0f} MB)"
        )
    if size == 0:
        raise FileProblem(path, "empty file (0 bytes)")
    return size


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file, or a FileProblem (missing, folder, unreadable, empty, too large)."""
    check_file(path, limit)
    try:
        raw = path.read_bytes()
    except PermissionError:
        raise FileProblem(path, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    if not raw:
        raise FileProblem(path, "empty file (0 bytes)")
    return raw


def decode_text(path: Path, raw: bytes, encoding: str | None = None) -> str:
    """Text from bytes in UTF-8/16/32, Windows-1252, Latin-1 or another detected encoding.

    ``encoding`` is the one the file declares (a web page's charset), tried first.
    """
    text = None
    if encoding:
        # A wrong declaration is no error: the encoding is detected instead.
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            text = raw.decode(encoding)
    if text is None:
        text = _decode(path, raw)
    if "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
        raise _binary(path, raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise FileProblem(path, "empty file")
    return text


def _decode(path: Path, raw: bytes) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise _binary(path, raw) from None
    try:
        # Most files are UTF-8, and a valid UTF-8 file with accents is never
        # anything else in practice: skip detection.
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(raw)
    best = matches.best()
    if best is None:
        raise _binary(path, raw)
    for match in matches:
        western = [e for e in _WESTERN if e in match.could_be_from_charset]
        if western and match.chaos <= best.chaos + _WESTERN_TOLERANCE:
            for encoding in western:
                try:
                    return raw.decode(encoding)
                except UnicodeDecodeError:
                    continue
    return str(best)


def _control_share(text: str) -> float:
    sample = text[:100_000]
    controls = sum(
        1 for ch in sample if ch not in "\n\r\t\f\v" and unicodedata.category(ch) == "Cc"
    )
    return controls / max(len(sample), 1)


def _binary(path: Path, raw: bytes) -> FileProblem:
    kind = looks_like(raw[:4096])
    return FileProblem(
        path, f"binary data, not text (it looks like {kind})" if kind else "binary data, not text"
    )


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """The text of a file in any common encoding, or a FileProblem saying why it cannot be read."""
    return decode_text(path, read_bytes(path, limit))


def news_export_articles(path: Path, content: str, fmt: ExportFormat) -> list[Article] | None:
    """The articles of a news-database export, or None when the file is a single article."""
    # Imported here, not at the top: the news-database splitters build their
    # articles with this module, which would make the imports circular.
    from annotator.services.sources import newsdb

    return newsdb.split_export(path, content, fmt)


def read_txt(path: Path, options: ReadOptions) -> Iterator[Article]:
    """A .txt file holds one article, or a news-database export of several."""
    text = read_text(path)
    articles = news_export_articles(path, text, "txt")
    if articles is not None:
        yield from articles
        return
    yield article_from_text(path, text)


def article_from_text(path: Path, text: str) -> Article:
    """Line 1 is the title; "Key: value" lines after it are metadata."""
    text = text.strip("\n")
    lines = text.split("\n")
    title = lines[0].strip()
    metadata: dict[str, str] = {}
    index = 1
    while True:
        # Metadata lines may stand one a paragraph (Word, RTF): look past blank lines.
        ahead = index
        while ahead < len(lines) and not lines[ahead].strip():
            ahead += 1
        match = _METADATA_LINE.match(lines[ahead]) if ahead < len(lines) else None
        if not match or match.group(1).lower() not in _METADATA_KEYS:
            break
        metadata.setdefault(_METADATA_KEYS[match.group(1).lower()], match.group(2))
        index = ahead + 1
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
