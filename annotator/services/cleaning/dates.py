"""Dates as researchers find them in articles, turned into ISO 8601 ("YYYY-MM-DD").

dateparser knows the month and weekday names of both languages; this module
only makes it strict: a date needs a day, a month and a year, and relative
expressions ("hier", "3 days ago") are never turned into a guessed date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

# Day first, as in France and the UK; dateparser still reads "08/15/2025" as
# August 15 because 15 cannot be a month, which is the US reading we accept.
_SETTINGS: dict[str, Any] = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
    "DATE_ORDER": "DMY",
    "PREFER_LOCALE_DATE_ORDER": False,
    "RETURN_AS_TIMEZONE_AWARE": False,
}

_ISO = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ]\d)")
_MAX_CHARS = 200

# Where a date sits inside a longer label ("Mis à jour le 15 août 2025 à 10h",
# "Updated: Aug. 15, 2025 at 3 p.m. ET"): only a window to hand to dateparser,
# which decides whether the words in it are a month.
_WINDOWS = (
    re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"\b\d{1,2}(?:er|st|nd|rd|th)?\.?\s+[^\W\d_]{3,}\.?,?\s+\d{4}\b"),
    re.compile(r"\b[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"),
)


def parse_date(text: str, languages: Sequence[str] = ("fr", "en")) -> str | None:
    """The date in ``text`` as "YYYY-MM-DD", or None when it is not a full, absolute date."""
    if not text or not text.strip() or len(text) > _MAX_CHARS:
        return None
    return _parse(text.strip(), tuple(languages))


@lru_cache(maxsize=4096)
def _parse(text: str, languages: tuple[str, ...]) -> str | None:
    iso = _ISO.match(text)
    if iso:
        try:
            return date.fromisoformat(iso.group(1)).isoformat()
        except ValueError:
            return None
    found = _dateparser(text, languages)
    if found:
        return found
    for window in _WINDOWS:
        for match in window.finditer(text):
            found = _dateparser(match.group(0), languages)
            if found:
                return found
    return None


def _dateparser(text: str, languages: tuple[str, ...]) -> str | None:
    import dateparser  # loads its language data on first use: keep it off import time

    try:
        parsed = dateparser.parse(text, languages=list(languages), settings=_SETTINGS)
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat() if parsed else None
