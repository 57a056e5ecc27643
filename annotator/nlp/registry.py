"""What can be known about the pipelines without importing spaCy (cheap to import)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"

#: language -> spaCy package name, editable in data/pipelines.json.
PIPELINES: dict[str, str] = {
    lang: name
    for lang, name in json.loads((DATA_DIR / "pipelines.json").read_text("utf-8")).items()
    if not lang.startswith("_")
}

#: Pipelines loaded in this process, by language (filled by pipelines.load_pipeline).
LOADED: dict[str, Any] = {}


class PipelineMissing(RuntimeError):
    """The spaCy pipeline package for a language is not installed."""


def is_loaded(language: str) -> bool:
    """Whether the pipeline for language has been loaded in this process."""
    return language in LOADED
