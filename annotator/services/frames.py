"""Generic news frame scores (Semetko & Valkenburg 2000) from the yes/no frame questions.

A frame's score for one article and one coder is the mean of its questions' answers,
yes = 1 and no = 0, when every one of its questions was answered yes or no; otherwise it
is ``None`` (empty in the exports): a mean over the questions answered would put a frame
with one "yes" out of four questions asked on a par with four "yes" (``score_rule``). Questions are
found by name, as in the ``frames`` template: article-level yes/no variables named
``conflict_1`` ... ``conflict_4``, ``human_interest_1`` ..., ``economic_1`` ...,
``morality_1`` ... and ``responsibility_1`` ...; a codebook of one's own that names its
questions this way gets scores too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator.core import Codebook, Coding, Variable
from annotator.core.answers import yes_no
from annotator.services.messages import Message

__all__ = ["FRAMES", "Scores", "frame_items", "frame_scores", "score_rule", "yes_no"]

#: The five generic frames, as score names for statistics software, with their labels.
FRAMES: dict[str, str] = {
    "conflict": "Conflict",
    "human_interest": "Human interest",
    "economic": "Economic consequences",
    "morality": "Morality",
    "responsibility": "Attribution of responsibility",
}
_ITEM = re.compile(r"(?P<frame>" + "|".join(FRAMES) + r")_\d+")

Scores = dict[str, float | None]


def score_rule(variables: Iterable[Variable]) -> Message:
    """The rule of one frame's score, naming its questions (translatable)."""
    names = [v.name for v in variables]
    return Message(
        "mean of {0} (yes = 1, no = 0); empty unless all {1} are answered yes or no",
        ", ".join(names),
        len(names),
    )


def frame_items(codebook: Codebook) -> dict[str, list[Variable]]:
    """Each frame's yes/no questions in the codebook (frames without questions left out)."""
    items: dict[str, list[Variable]] = {}
    for variable in codebook.article_variables():
        match = _ITEM.fullmatch(variable.name)
        if match and variable.kind == "yesno":
            items.setdefault(match["frame"], []).append(variable)
    return {frame: items[frame] for frame in FRAMES if frame in items}


def frame_scores(codebook: Codebook, codings: Iterable[Coding]) -> dict[tuple[str, str], Scores]:
    """Frame scores per (article id, coder), for every pair with at least one coded value.

    Each pair gets every frame the codebook has questions for; a frame with a question
    not answered yes or no scores ``None``.
    """
    items = frame_items(codebook)
    frame_of = {v.id: frame for frame, variables in items.items() for v in variables}
    labels = {v.id: v.values for variables in items.values() for v in variables}
    answers: dict[tuple[str, str], dict[str, list[int]]] = {}
    for coding in codings:
        key = (coding.article_id, coding.coder)
        per_frame = answers.setdefault(key, {})
        frame = frame_of.get(coding.variable_id)
        answer = yes_no(coding.value, labels[coding.variable_id]) if frame else None
        if frame is not None and answer is not None:
            per_frame.setdefault(frame, []).append(answer)
    return {
        key: {
            frame: (
                sum(got[frame]) / len(got[frame])
                if len(got.get(frame, ())) == len(items[frame])
                else None
            )
            for frame in items
        }
        for key, got in answers.items()
    }
