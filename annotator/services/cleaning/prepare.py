"""One article made ready for the project: its date in ISO 8601, its boilerplate cut."""

from __future__ import annotations

import re

from annotator import nlp
from annotator.core import Article
from annotator.services.cleaning.boilerplate import clean_text
from annotator.services.cleaning.dates import parse_date

# How spreadsheets and news databases name the two languages.
_LANGUAGE_NAMES = {
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "fre": "fr",
    "fra": "fr",
    "english": "en",
    "anglais": "en",
    "eng": "en",
}


def language_code(value: str) -> str:
    """ "French", "fr-FR" or "fr_FR" as "fr"; a value it does not know is kept as written."""
    code = value.strip().lower().replace("_", "-")
    code = _LANGUAGE_NAMES.get(code, code)
    if re.fullmatch(r"[a-z]{2}(?:-[a-z]{2,4})?", code):
        return code[:2]
    return value.strip()


def prepare_article(article: Article, language: str = "auto") -> list[str]:
    """Normalize the date and language and cut boilerplate, in place; returns notes for the report.

    ``language`` is the one the researcher chose for the import ("auto" to detect); a
    language the source gave is kept, and an empty one is filled by detection. The
    text as read goes to ``article.original_text`` when cleaning changed it.
    """
    notes: list[str] = []
    if article.date and article.date.strip():
        parsed = parse_date(article.date)
        if parsed:
            article.date = parsed
        else:
            article.date = article.date.strip()
            notes.append(f"date '{article.date}' not understood, kept as written")
    article.language = language_code(article.language) if article.language else ""

    if language in nlp.SUPPORTED_LANGUAGES:
        rules = language
    elif article.language in nlp.SUPPORTED_LANGUAGES:
        rules = article.language
    else:
        rules = nlp.detect_language(article.text)
        if not article.language:
            # Detected once here, so that pre-annotation does not detect it again.
            article.language = rules
    result = clean_text(article.text, rules)
    if result.changed:
        if result.text.strip():
            article.original_text = article.original_text or article.text
            article.text = result.text
        else:
            notes.append("the text looks like boilerplate only; kept as read")
    return notes
