"""The sampling sheet: how each wave of articles was drawn from a corpus, for the methods
section (``annotator corpus sample`` records the waves in the project)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from annotator.services.exports.tables import Table
from annotator.store import Project

#: The project key under which every wave drawn from a corpus is recorded (JSON list).
SAMPLES_KEY = "corpus_samples"

SAMPLING_COLUMNS = (
    "wave",
    "made",
    "corpus",
    "corpus_articles",
    "seed",
    "n",
    "stratify",
    "where",
    "from",
    "to",
    "constructed_weeks",
    "days",
    "frame",
    "already_in_project",
    "stratum",
    "stratum_frame",
    "stratum_drawn",
    "stratum_weight",
    "weights",
    "method",
)


def sample_waves(project: Project) -> list[dict[str, Any]]:
    """The waves recorded in the project, oldest first (none for a project not sampled)."""
    try:
        waves = json.loads(project.meta(SAMPLES_KEY) or "[]")
    except ValueError:
        return []
    return [w for w in waves if isinstance(w, dict)] if isinstance(waves, list) else []


def sampling_table(project: Project) -> Table:
    """One row per wave and stratum: the frame, the parameters and what was drawn."""

    def rows() -> Iterator[tuple[Any, ...]]:
        for wave in sample_waves(project):
            common = (
                wave.get("wave"),
                wave.get("made"),
                wave.get("corpus"),
                wave.get("corpus_articles"),
                wave.get("seed"),
                wave.get("n"),
                ",".join(wave.get("stratify") or []),
                wave.get("where"),
                wave.get("from"),
                wave.get("to"),
                wave.get("constructed_weeks"),
                " ".join(wave.get("days") or []),
                wave.get("frame"),
                wave.get("excluded_already_in_project"),
            )
            for stratum in wave.get("strata") or [{}]:
                label = " / ".join(str(v) for v in (stratum.get("stratum") or {}).values())
                yield (
                    *common,
                    label or "all",
                    stratum.get("frame"),
                    stratum.get("drawn"),
                    stratum.get("weight"),
                    wave.get("weights"),
                    wave.get("method"),
                )

    return Table("sampling", SAMPLING_COLUMNS, rows)
