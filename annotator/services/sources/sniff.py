"""What a file really is, from its first bytes, for messages like "it looks like a PDF"."""

from __future__ import annotations

from pathlib import Path

# Checked in order: the first prefix that matches names the kind of file.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office 97-2003 file (.doc/.xls)"),
    (b"{\\rtf", "an RTF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)
_ZIP = b"PK\x03\x04"


def head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of a file (OSError propagates to the caller's message)."""
    with path.open("rb") as handle:
        return handle.read(size)


def looks_like(data: bytes) -> str | None:
    """ "a PDF", "a zip archive"… for known binary formats, else None."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(_ZIP):
        return _zip_kind(start)
    for magic, kind in _MAGIC:
        if start.startswith(magic):
            return kind
    lowered = start[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "a web page (HTML)"
    return None


def _zip_kind(data: bytes) -> str:
    # Office and OpenDocument files are zips; the names of their first members,
    # stored in the clear in the local headers, tell them apart.
    if data[30:38] == b"mimetype" and b"opendocument.text" in data[:100]:
        return "an OpenDocument text file (.odt)"
    for marker, kind in ((b"word/", "a Word file"), (b"xl/", "an Excel workbook")):
        if marker in data:
            return kind
    if b"[Content_Types].xml" in data:
        return "an Office file"
    return "a zip archive"


def is_zip(data: bytes) -> bool:
    return data.startswith(_ZIP)
