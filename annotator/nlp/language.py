"""Language detection restricted to the supported languages."""

from __future__ import annotations

import threading
from typing import Any

SUPPORTED_LANGUAGES: tuple[str, ...] = ("fr", "en")

_lock = threading.Lock()
_identifier: Any = None

# langid is accurate enough on the first few thousand characters of an article.
_MAX_CHARS = 5000


def _get_identifier() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
            identifier.set_languages(list(SUPPORTED_LANGUAGES))
            _identifier = identifier
        return _identifier


def detect_language(text: str) -> str:
    """Return "fr" or "en" for the text; "en" when it has no letters."""
    sample = text[:_MAX_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "en"
    lang, _score = _get_identifier().classify(sample)
    return lang if lang in SUPPORTED_LANGUAGES else "en"


def resolve_language(text: str, language: str) -> str:
    """Return the language to use for text given a requested "auto", "fr" or "en"."""
    if language == "auto":
        return detect_language(text)
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"Unsupported language {language!r}; expected 'auto' or one of {SUPPORTED_LANGUAGES}"
        )
    return language
