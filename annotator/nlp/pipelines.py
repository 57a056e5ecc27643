"""Lazy, thread-safe loading of the spaCy pipelines, one per language and process."""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .language import SUPPORTED_LANGUAGES
from .registry import LOADED as _loaded
from .registry import PIPELINES, PipelineMissing

NEWLINE_COMPONENT = "annotator_newline_sentences"

_lock = threading.Lock()


@Language.component(NEWLINE_COMPONENT)
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every whitespace token holding a line break."""
    # The parser keeps preset boundaries, so paragraphs never share a sentence.
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_pipeline(language: str) -> Language:
    """Return the cached pipeline for "fr" or "en", loading it on first use."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"Unsupported language {language!r}; expected one of {SUPPORTED_LANGUAGES}"
        )
    nlp = _loaded.get(language)
    if nlp is not None:
        return nlp
    with _lock:
        nlp = _loaded.get(language)
        if nlp is None:
            nlp = _load(language)
            _loaded[language] = nlp
        return nlp


def _load(language: str) -> Language:
    name = PIPELINES[language]
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise PipelineMissing(
            f"The {language!r} language pipeline {name!r} is not installed. "
            f"Install the Python package {name.replace('_', '-')!r} "
            f"(for example: pip install {name.replace('_', '-')}) and restart the application."
        ) from exc
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe(NEWLINE_COMPONENT, before=before)
    else:
        nlp.add_pipe(NEWLINE_COMPONENT, first=True)
    return nlp
