"""The decisions table: what coders did with the machine's suggestions, to measure them.

One row per decision a coder made on a suggested quote (accepted, corrected, rejected,
or coded by hand in the quote category, ``by_hand``) or on a machine actor: what was
suggested (kind, speaker, span), the decision, what the coder kept (empty when rejected),
the coder and the time. A coder who changes their mind leaves both rows; ``latest`` is 1
on the one that counts. A claim made from a quote and then deleted takes its decision
with it: the quote is undecided again and has no row.

For an actor, ``suggested_kind`` is the actor's type (PERSON, ORG…) and
``suggested_speaker`` its name; ``kept_speaker`` is the name the coder kept. For a code
the machine suggested (target ``code``), ``suggested_kind`` is the variable,
``suggested_text`` the value suggested and ``kept_text`` the value the coder gave (the
``suggestions`` sheet has them with the machine's confidence).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

from annotator.services.exports.tables import Row, Table
from annotator.services.exports.values import as_datetime
from annotator.store import Project, streams

DECISION_COLUMNS = (
    "article_id",
    "article_title",
    "coder",
    "target",
    "decision",
    "latest",
    "by_hand",
    "suggested_kind",
    "suggested_speaker",
    "suggested_text",
    "suggested_start",
    "suggested_end",
    "kept_speaker",
    "kept_text",
    "kept_start",
    "kept_end",
    "unit_id",
    "decided_at",
)


def decisions_table(project: Project) -> Table:
    """Every decision on a suggestion, article by article, each coder's oldest first."""

    def rows() -> Iterator[Row]:
        stream = streams.decision_rows(project)
        for _, group in itertools.groupby(stream, key=lambda r: r[0]):
            decisions = [_read(row) for row in group]
            latest: dict[tuple[Any, ...], int] = {}
            for number, decision in enumerate(decisions):
                latest[_suggestion_key(decision)] = number
            for number, decision in enumerate(decisions):
                yield _row(decision, int(latest[_suggestion_key(decision)] == number))

    return Table("decisions", DECISION_COLUMNS, rows, formats={"decided_at": "yyyy-mm-dd hh:mm:ss"})


def _read(row: tuple[Any, ...]) -> dict[str, Any]:
    article_id, title, coder, target, decision, suggestion, result, unit_id, created = row
    return {
        "article_id": article_id,
        "title": title or "",
        "coder": coder,
        "target": target,
        "decision": decision,
        "suggestion": _json_object(suggestion),
        "result": _json_object(result),
        "unit_id": unit_id or "",
        "created": created,
    }


def _json_object(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _suggestion_key(decision: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two decisions about one suggestion: a quote by its span, an actor by id."""
    s = decision["suggestion"]
    if decision["target"] == "actor":
        return (decision["coder"], "actor", s.get("id"))
    if decision["target"] == "code":
        return (decision["coder"], "code", s.get("variable_id"))
    return (decision["coder"], decision["target"], s.get("start"), s.get("end"))


def _row(decision: dict[str, Any], latest: int) -> Row:
    s, r = decision["suggestion"], decision["result"]
    if decision["target"] == "actor":
        kind, speaker, kept_speaker = s.get("type"), s.get("name"), r.get("name")
        span, kept = _actor_span(s), _actor_span(r)
    elif decision["target"] == "code":
        # A suggested code: the variable as the kind, the values as the texts.
        kind, speaker, kept_speaker = s.get("variable"), None, None
        span, kept = (_text(s.get("value")), None, None), (_text(r.get("value")), None, None)
    else:
        kind, speaker, kept_speaker = s.get("kind"), s.get("speaker"), r.get("speaker")
        span = (s.get("text"), s.get("start"), s.get("end"))
        kept = (r.get("text"), r.get("start"), r.get("end"))
    return (
        decision["article_id"],
        decision["title"],
        decision["coder"],
        decision["target"],
        decision["decision"],
        latest,
        int(bool(r.get("by_hand"))),
        kind or "",
        speaker or "",
        span[0] or "",
        span[1],
        span[2],
        kept_speaker or "",
        kept[0] or "",
        kept[1],
        kept[2],
        decision["unit_id"],
        as_datetime(decision["created"]),
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _actor_span(summary: dict[str, Any]) -> tuple[Any, Any, Any]:
    """An actor's first mention as (text, start, end); empty without mentions."""
    mentions = summary.get("mentions") or []
    first = mentions[0] if mentions and isinstance(mentions[0], list | tuple) else None
    if first is None or len(first) < 3:
        return (None, None, None)
    start, end, text = first[0], first[1], first[2]
    return (text, start, end)
