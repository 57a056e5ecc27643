"""NLP layer: language detection, named entities and quotes with their speakers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from ..core.models import Analysis
from .analysis import build_analysis
from .language import SUPPORTED_LANGUAGES, detect_language, resolve_language
from .normalize import normalize_for_model
from .pipelines import PIPELINES, PipelineMissing, is_loaded, load_pipeline

__all__ = [
    "PIPELINES",
    "SUPPORTED_LANGUAGES",
    "PipelineMissing",
    "analyze",
    "analyze_many",
    "detect_language",
    "is_loaded",
    "load_pipeline",
]

# Texts are grouped by language within chunks of this many, to bound memory.
_CHUNK = 2048


def analyze(text: str, language: str = "auto") -> Analysis:
    """Return the entities and quotes of text, sorted by start offset."""
    lang = resolve_language(text, language)
    doc = load_pipeline(lang)(normalize_for_model(text))
    return build_analysis(doc, text, lang)


def analyze_many(
    texts: Iterable[str], language: str = "auto", batch_size: int = 32, n_process: int = 1
) -> Iterator[Analysis]:
    """Analyze many texts through nlp.pipe, yielding results in input order."""
    iterator = iter(texts)
    while chunk := list(islice(iterator, _CHUNK)):
        langs = [resolve_language(t, language) for t in chunk]
        results: list[Analysis | None] = [None] * len(chunk)
        for lang in SUPPORTED_LANGUAGES:
            idx = [i for i, lg in enumerate(langs) if lg == lang]
            if not idx:
                continue
            nlp = load_pipeline(lang)
            docs = nlp.pipe(
                (normalize_for_model(chunk[i]) for i in idx),
                batch_size=batch_size,
                n_process=n_process,
            )
            for i, doc in zip(idx, docs, strict=True):
                results[i] = build_analysis(doc, chunk[i], lang)
        for result in results:
            assert result is not None
            yield result
