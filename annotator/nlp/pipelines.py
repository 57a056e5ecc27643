"""Lazy, thread-safe loading of the spaCy pipelines, one per language and process."""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .registry import LOADED as _loaded
from .registry import LOADED_NAMES as _loaded_names
from .registry import PIPELINES as PIPELINES  # the defaults, re-exported
from .registry import PipelineMissing, missing_message, pipeline_name

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
    """Return the cached pipeline for "fr" or "en" (see registry.set_pipeline), loading it
    on first use."""
    name = pipeline_name(language)  # raises ValueError for an unsupported language
    nlp = _loaded.get(language)
    if nlp is not None and _loaded_names.get(language) == name:
        return nlp
    with _lock:
        name = pipeline_name(language)
        nlp = _loaded.get(language)
        if nlp is None or _loaded_names.get(language) != name:
            nlp = _load(language, name)
            _loaded[language] = nlp
            _loaded_names[language] = name
        return nlp


def _load(language: str, name: str | None = None) -> Language:
    name = name or pipeline_name(language)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise PipelineMissing(missing_message(language, name)) from exc
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe(NEWLINE_COMPONENT, before=before)
    else:
        nlp.add_pipe(NEWLINE_COMPONENT, first=True)
    return nlp
