"""A quote found in a text before its speaker is resolved, and the speaker filters
shared by the rules that find quotes between marks and reported speech."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.models import QuoteKind
from .entities import Mention
from .marks import MarkedSpan
from .speaker_names import SPEAKER_LABELS

# A reporting verb may stand this many tokens before "que"/"that" ("a indiqué à la presse que").
_COMPLEMENTIZER_WINDOW = 8
_CLAUSE_OPENERS = set("\n.!?:…—–-")
_TRAILING = " \t\r\n\u00a0\u202f,;:"
_DASHES = "—–-"


def _no_speaker() -> Mention | None:
    return None


def person_only(find: Callable[[], Mention | None]) -> Mention | None:
    """A person, for marks inside an interviewee's answer: they quote someone else."""
    found = find()
    return found if found is not None and found.entity.label == "PERSON" else None


def speaker_only(find: Callable[[], Mention | None]) -> Mention | None:
    """A speaker is a person, an organisation or an unnamed source, never a place nor a
    dateline's agency tag ("PARIS (AFP) -")."""
    found = find()
    if found is None or found.dateline or found.entity.label not in SPEAKER_LABELS:
        return None
    return found


def _first_found(*finders: Callable[[], Mention | None]) -> Mention | None:
    for find in finders:
        found = find()
        if found is not None:
            return found
    return None


def _const(found: Mention | None) -> Mention | None:
    return found


def _within_any(pos: int, quotes: list[_Candidate]) -> bool:
    return any(q.start <= pos < q.end for q in quotes)


def _within(span: MarkedSpan, reported: list[tuple[int, int]]) -> bool:
    """Whether a quotation starts inside a reported clause (« a estimé que X « … » »)."""
    return any(start <= span.open_pos + 1 and span.start < end for start, end in reported)


@dataclass
class _Candidate:
    anchor: int
    kind: QuoteKind
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: Callable[[], Mention | None]
    # For quotes between marks: the end of the closing mark.
    mark_end: int | None = None
    # Whether the opening mark starts a clause (after a full stop, a colon, a line break).
    opens_clause: bool = False
    # Whether, with no speaker of its own, it takes whoever was quoted or named just
    # before (not marks inside an interviewee's answer: they quote someone else).
    carries_speaker: bool = True
