"""Nexis Uni / LexisNexis exports: the classic "N of M DOCUMENTS" text and the Uni .docx/.rtf.

Classic text export, per document::

    1 of 25 DOCUMENTS                      <- start marker (centred)
    The Outlet                             <- outlet
    August 15, 2025 Friday                 <- date line, edition lines right below
    Headline, possibly wrapped
    BYLINE: ... / SECTION: ...; Pg. 4 / LENGTH: 523 words
    body paragraphs, hard-wrapped, separated by blank lines
    LOAD-DATE: ... / LANGUAGE: ENGLISH / PUBLICATION-TYPE: ... / Copyright ...

Nexis Uni .docx/.rtf export: a cover page, then per document the title, the
outlet, the date line, "Copyright ...", "Section: ...", "Length: 523 words",
"Byline: ...", a "Body" line, one paragraph per line, an optional
"Classification" block with "Load-Date: ...", and "End of Document".
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from annotator.core import Article
from annotator.services.sources.newsdb import fields
from annotator.services.sources.newsdb.fields import ExportDocument, ExportSplit, clean


@cache
def _start_re() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{'|'.join(fields.all_labels('nexis', 'start'))})\s*$", re.I)


@cache
def _whole_line_re(kind: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{fields.alternation(fields.all_labels('nexis', kind))})$", re.I)


@cache
def _field_re() -> re.Pattern[str]:
    kinds = ("length", "byline", "section", "language", "fields")
    names = [label for kind in kinds for label in fields.all_labels("nexis", kind)]
    return re.compile(rf"^\s*({fields.alternation(names)})\s*:\s*(.*)$", re.I)


@cache
def _length_line_re() -> re.Pattern[str]:
    length = fields.alternation(fields.all_labels("nexis", "length"))
    words = fields.alternation(fields.all_labels("nexis", "words"))
    return re.compile(rf"^\s*(?:{length})\s*:\s*\d[\d,.\s]*(?:{words})\s*$", re.I | re.M)


def _kind_of(label: str) -> str:
    """ "BYLINE" -> "byline"; "LOAD-DATE" -> "fields"."""
    for kind in ("length", "byline", "section", "language"):
        if label.casefold() in (x.casefold() for x in fields.all_labels("nexis", kind)):
            return kind
    return "fields"


def looks_like_classic(head: str) -> bool:
    """A start marker and a LENGTH line near the top of the file."""
    lines = head.split("\n")
    return any(_start_re().match(line) for line in lines) and bool(_length_line_re().search(head))


def looks_like_uni(head: str) -> bool:
    """An "End of Document" line, a "Length: N words" line, or a Nexis Uni cover page."""
    if _length_line_re().search(head):
        return True
    if any(_whole_line_re("end").match(clean(line)) for line in head.split("\n")):
        return True
    return "Job Number:" in head and bool(re.search(r"^Documents \(\d+\)", head, re.M))


class _Fields:
    """The labelled fields of one document."""

    def __init__(self) -> None:
        self.author = ""
        self.section = ""
        self.language = ""
        self.words: int | None = None

    def take(self, label: str, value: str) -> None:
        kind, value = _kind_of(label), clean(value)
        if kind == "length" and self.words is None:
            self.words = fields.stated_word_count(value)
        elif kind == "byline" and not self.author:
            self.author = fields.strip_byline(value)
        elif kind == "section" and not self.section:
            self.section = fields.strip_page(value)
        elif kind == "language" and not self.language:
            self.language = fields.language_code(value)


# --- classic text ---------------------------------------------------------------------------


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Blank-line separated blocks of stripped lines."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _is_field(block: list[str]) -> bool:
    return bool(_field_re().match(block[0]))


def _is_trailer(block: list[str]) -> bool:
    return _is_field(block) or fields.is_copyright(block[0])


def split_classic(path: Path, content: str) -> ExportSplit:
    """The documents of a classic "N of M DOCUMENTS" text export."""
    lines = content.split("\n")
    starts = [i for i, line in enumerate(lines) if _start_re().match(line)]
    split = ExportSplit("Nexis")
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        n = len(split.documents) + len(split.skipped) + 1
        blocks = _paragraphs(lines[start + 1 : end])
        document = _classic_document(path, n, blocks)
        if isinstance(document, str):
            split.skipped.append(f"document {n} {document}")
        else:
            split.documents.append(document)
    return split


def _classic_document(path: Path, n: int, blocks: list[list[str]]) -> ExportDocument | str:
    first_field = next((i for i, b in enumerate(blocks) if _is_field(b)), None)
    if first_field is None:
        return "is cut off (no BYLINE, SECTION or LENGTH line)"
    header, rest = blocks[:first_field], blocks[first_field:]
    found = _Fields()
    while rest and _is_field(rest[0]):
        match = _field_re().match(" ".join(rest.pop(0)))
        assert match is not None
        found.take(match.group(1), match.group(2))
    trailer_start = len(rest)
    while trailer_start > 0 and _is_trailer(rest[trailer_start - 1]):
        trailer_start -= 1
    body, trailer = rest[:trailer_start], rest[trailer_start:]
    if not trailer:
        # Every whole document ends with LOAD-DATE/LANGUAGE/Copyright: without them it was cut.
        return "is cut off (it ends before its LANGUAGE line)"
    if not body:
        return "has no text"
    for block in trailer:
        match = _field_re().match(" ".join(block))
        if match:
            found.take(match.group(1), match.group(2))
    outlet, date, title = _classic_header(header)
    article = Article(
        text="\n\n".join(" ".join(block) for block in body),
        title=title,
        outlet=outlet,
        author=found.author,
        date=date,
        language=found.language,
        source_file=f"{path}#{n}",
        section=found.section,
    )
    return ExportDocument(article, found.words)


def _classic_header(header: list[list[str]]) -> tuple[str, str | None, str]:
    """Outlet, ISO date and headline from the blocks above the first field."""
    if not header:
        return "", None, ""
    outlet = " ".join(header[0])
    for i, block in enumerate(header[1:], start=1):
        date = fields.parse_date(block[0])
        if date:
            # Lines right below the date are the edition ("Final Edition; Scotland").
            return outlet, date, " ".join(line for b in header[i + 1 :] for line in b)
    return outlet, None, " ".join(line for b in header[1:] for line in b)


# --- Nexis Uni (.docx / .rtf) ---------------------------------------------------------------


def split_uni(path: Path, content: str) -> ExportSplit:
    """The documents of a Nexis Uni .docx/.rtf export, as text."""
    split = ExportSplit("Nexis Uni")
    chunk: list[str] = []
    for raw in content.split("\n"):
        line = clean(raw)
        if _whole_line_re("end").match(line):
            _add_uni(path, chunk, split)
            chunk = []
        else:
            chunk.append(line)
    if any(_field_re().match(line) or _whole_line_re("body").match(line) for line in chunk):
        n = len(split.documents) + len(split.skipped) + 1
        split.skipped.append(f"document {n} is cut off (no 'End of Document' line)")
    return split


def _add_uni(path: Path, chunk: list[str], split: ExportSplit) -> None:
    n = len(split.documents) + len(split.skipped) + 1
    document = _uni_document(path, n, chunk)
    if isinstance(document, str):
        split.skipped.append(f"document {n} {document}")
    else:
        split.documents.append(document)


def _body_marker(chunk: list[str]) -> int | None:
    """The "Body" line, looked for after the Length field so a title "Text" is not taken."""
    length = next((i for i, x in enumerate(chunk) if _length_line_re().match(x)), 0)
    for i in range(length, len(chunk)):
        if _whole_line_re("body").match(chunk[i]):
            return i
    return None


def _uni_document(path: Path, n: int, chunk: list[str]) -> ExportDocument | str:
    body_at = _body_marker(chunk)
    if body_at is None:
        return "has no 'Body' line"
    found = _Fields()
    i = body_at - 1
    # Upwards from "Body": the fields, then the date, outlet and title lines.
    while i >= 0 and (not chunk[i] or _field_re().match(chunk[i]) or fields.is_copyright(chunk[i])):
        match = _field_re().match(chunk[i])
        if match:
            found.take(match.group(1), match.group(2))
        i -= 1
    header = [line for line in reversed(chunk[max(0, i - 12) : i + 1]) if line][:8]
    date_at = next((j for j, line in enumerate(header) if fields.parse_date(line)), None)
    if date_at is None:
        outlet, date, title = (header + ["", ""])[0], None, (header + ["", ""])[1]
    else:
        date = fields.parse_date(header[date_at])
        above = header[date_at + 1 :] + ["", ""]
        outlet, title = above[0], above[1]
    body = chunk[body_at + 1 :]
    classification = next(
        (j for j, line in enumerate(body) if _whole_line_re("classification").match(line)), None
    )
    tail = body[classification:] if classification is not None else []
    body = body[:classification] if classification is not None else body
    while body and (not body[-1] or _field_re().match(body[-1])):
        tail.append(body.pop())
    for line in tail:
        match = _field_re().match(line)
        if match:
            found.take(match.group(1), match.group(2))
    paragraphs = [line for line in body if line]
    if not paragraphs:
        return "has no text"
    article = Article(
        text="\n\n".join(paragraphs),
        title=title,
        outlet=outlet,
        author=found.author,
        date=date,
        language=found.language,
        source_file=f"{path}#{n}",
        section=found.section,
    )
    return ExportDocument(article, found.words)
