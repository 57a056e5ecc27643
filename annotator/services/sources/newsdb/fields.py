"""What Nexis and Factiva exports share: labels read from data/labels.json, dates, word counts."""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from annotator.core import Article

DATA_DIR = Path(__file__).parent / "data"


@dataclass(slots=True)
class ExportDocument:
    """One article of an export, with what the database states about it beyond the Article."""

    article: Article
    #: The word count the database gives ("LENGTH: 523 words"), None when it gives none.
    stated_words: int | None = None


@dataclass(slots=True)
class ExportSplit:
    """An export split into whole documents, and why any part of it was left out."""

    database: str
    documents: list[ExportDocument] = field(default_factory=list)
    #: One line per document left out, e.g. "document 2 is cut off (no 'End of Document')".
    skipped: list[str] = field(default_factory=list)


@cache
def labels() -> dict[str, Any]:
    """The label data, read once."""
    data: dict[str, Any] = json.loads((DATA_DIR / "labels.json").read_text("utf-8"))
    return data


def all_labels(database: str, kind: str) -> list[str]:
    """Every interface language's labels of one kind (an export's language is not known)."""
    found: list[str] = []
    for per_language in labels()[database].values():
        for label in per_language.get(kind, []):
            if label not in found:
                found.append(label)
    # Longest first so that "LOAD-DATE" wins over "LOAD" in alternations.
    return sorted(found, key=len, reverse=True)


def alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def language_codes() -> dict[str, str]:
    """Language name as exports print it (any case) -> ISO 639-1 code."""
    codes: dict[str, str] = {}
    for code, names in labels()["language_names"].items():
        for name in names:
            codes[name.casefold()] = code
    return codes


def language_code(name: str) -> str:
    """ "ENGLISH" -> "en"; "" when the name is not one we know."""
    return language_codes().get(name.strip().casefold(), "")


@cache
def _copyright_re() -> re.Pattern[str]:
    words = labels()["copyright"]
    return re.compile(rf"^\s*(?:{alternation(words)})|(?:{alternation(words)})\s*\.?\s*$", re.I)


def is_copyright(line: str) -> bool:
    return bool(_copyright_re().search(line))


def stated_word_count(value: str) -> int | None:
    """ "1,234 words" / "1 234 mots" -> 1234."""
    match = re.search(r"\d[\d,.\u00a0\u202f ]*", value)
    if not match:
        return None
    digits = re.sub(r"\D", "", match.group())
    return int(digits) if digits else None


def clean(line: str) -> str:
    """One line with its spaces normalized (exports are full of non-breaking spaces)."""
    return re.sub(r"\s+", " ", line.replace("\u00a0", " ").replace("\u202f", " ")).strip()


_PARSE_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def _shared_parser() -> Callable[..., str | None] | None:
    # The project-wide date helper, when it exists, keeps dates consistent across readers.
    try:
        module = importlib.import_module("annotator.services.cleaning.dates")
    except ImportError:
        return None
    parser = getattr(module, "parse_date", None)
    return parser if callable(parser) else None


def parse_date(text: str) -> str | None:
    """ "August 15, 2025 Friday" / "15 août 2025" -> "2025-08-15"; None when it is no date."""
    text = clean(text)
    if not _YEAR.search(text) or len(text) > 80:
        return None
    shared = _shared_parser()
    if shared is not None:
        found = shared(text, languages=("fr", "en"))
        if found:
            return found
    import dateparser  # slow to import; only exports need it

    parsed = dateparser.parse(text, languages=["fr", "en", "de"], settings=_PARSE_SETTINGS)
    return parsed.date().isoformat() if parsed else None


def strip_byline(value: str) -> str:
    """ "By ALAN RIDING" -> "ALAN RIDING"."""
    prefixes = [p for per in labels()["factiva"].values() for p in per["byline_prefix"]]
    return re.sub(rf"^(?:{alternation(prefixes)})\s+", "", clean(value), flags=re.I).strip()


def strip_page(section: str) -> str:
    """ "FEATURES; Pg. 6" / "POLITICS; Version:28" / "Foreign Desk; 1" -> the section alone."""
    section = re.split(r";\s*(?:Pg\.|p\.|S\.|Version\s*:)", clean(section), maxsplit=1)[0]
    # Factiva appends the page as "; 1" or "; A".
    section = re.sub(r";\s*[A-Z]?\d{0,3}$", "", section)
    return section.strip(" ;")
