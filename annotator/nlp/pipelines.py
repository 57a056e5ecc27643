"""Lazy, thread-safe loading of the spaCy pipelines, one per language and process."""

from __future__ import annotations

import threading

import spacy
from spacy.attrs import SENT_START
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
    starts = [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]
    if starts:
        # Set in one array: each token.is_sent_start = True scans the whole doc (spaCy
        # checks for a parse first), which made 20,000 lines take longer than the parse.
        marks = doc.to_array([SENT_START])
        marks[starts] = 1
        doc.from_array([SENT_START], marks)  # type: ignore[arg-type]  # stub says Ints2d
    return doc


#: Texts longer than this are parsed in paragraph-bounded pieces of at most this many
#: characters, joined again into one Doc. spaCy refuses texts over nlp.max_length (1M
#: characters, E088), and its memory grows with the longest text it parses at once: an
#: 800 KB article took 3.3 GB whole.
PIECE_CHARS = 100_000


def text_pieces(text: str, limit: int | None = None) -> list[str]:
    """Consecutive pieces of text, each at most limit characters, that join back to text.

    A piece ends after a line break where there is one, else after a space, else (one
    word longer than limit) at limit.
    """
    limit = limit or PIECE_CHARS
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = text.rfind("\n", start, start + limit) + 1
        if end <= start:
            end = text.rfind(" ", start, start + limit) + 1
        if end <= start:
            end = start + limit
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse(nlp: Language, text: str) -> Doc:
    """The Doc of text, parsed in pieces when it is long (see PIECE_CHARS); the joined
    Doc has the same text, so character offsets are those of text."""
    if len(text) <= PIECE_CHARS:
        return nlp(text)
    docs = list(nlp.pipe(text_pieces(text), batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text
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
