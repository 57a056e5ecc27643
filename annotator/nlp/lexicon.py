"""Per-language cue lexicons (reporting verbs, titles, pronouns...) read from data/*.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Lexicon:
    """The words that signal quotes and speakers in one language."""

    language: str
    reporting_verbs: frozenset[str]
    titles: frozenset[str]
    feminine_titles: frozenset[str]
    pronouns: dict[str, str]
    object_pronouns: dict[str, str]
    honorifics: frozenset[str]
    complementizers: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    agent_markers: frozenset[str]
    euphonic_t: frozenset[str]
    clitics: frozenset[str]

    def is_reporting_verb(self, lower: str, lemma: str) -> bool:
        """Whether a token (lowercase form and lemma) is a reporting verb."""
        return lemma in self.reporting_verbs or lower in self.reporting_verbs


@dataclass(frozen=True)
class DatelineRules:
    """Line patterns for datelines and agency tags."""

    agencies: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]


def _lower_set(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@cache
def get_lexicon(language: str) -> Lexicon:
    """Return the lexicon of language, read once from data/<language>.json."""
    raw = json.loads((DATA_DIR / f"{language}.json").read_text("utf-8"))
    return Lexicon(
        language=language,
        reporting_verbs=_lower_set(raw["reporting_verbs"]),
        titles=_lower_set(raw["titles"]),
        feminine_titles=_lower_set(raw.get("feminine_titles", [])),
        pronouns={k.lower(): v for k, v in raw["pronouns"].items()},
        object_pronouns={k.lower(): v for k, v in raw.get("object_pronouns", {}).items()},
        honorifics=_lower_set(raw.get("honorifics", [])),
        complementizers=_lower_set(raw["complementizers"]),
        according_to=tuple(tuple(w.lower() for w in seq) for seq in raw["according_to"]),
        agent_markers=_lower_set(raw.get("agent_markers", [])),
        euphonic_t=_lower_set(raw.get("euphonic_t", [])),
        clitics=_lower_set(raw.get("clitics", [])),
    )


@cache
def get_dateline_rules() -> DatelineRules:
    """Return the dateline and agency patterns, read once from data/datelines.json."""
    raw = json.loads((DATA_DIR / "datelines.json").read_text("utf-8"))
    return DatelineRules(
        agencies=frozenset(raw["agencies"]),
        patterns=tuple(re.compile(p) for p in raw["patterns"]),
    )
