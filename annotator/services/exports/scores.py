"""Frame scores in the coding table, when the codebook asks the generic frame questions."""

from __future__ import annotations

from typing import Any

from annotator.core import Codebook, Coding
from annotator.services import frames
from annotator.services.exports.tables import FrameScores


def frame_scores(codebook: Codebook) -> FrameScores | None:
    """Score columns (one per frame, named as in ``frames.FRAMES``), or None without questions."""
    names = list(frames.frame_items(codebook))
    if not names:
        return None

    def compute(article_id: str, coder: str, values: dict[str, Any]) -> list[Any]:
        codings = [Coding(article_id, key, coder, value) for key, value in values.items()]
        scores = frames.frame_scores(codebook, codings).get((article_id, coder), {})
        return [scores.get(name) for name in names]

    return FrameScores(names, compute)
