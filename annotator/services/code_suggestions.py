"""The machine's suggested codes in the coding window: shown, decided, measured, retrained.

``annotator.services.learn`` trains and predicts; this module is what the window does with
it: the stored suggestions of one article, each coder's decision on one (kept like the
decisions on quotes, to measure the suggestions), the line that tells the coder how good
the model is, one training run (``learn`` then ``suggest``) for a background worker, and
"most useful next": the uncoded article the machine is least sure about, with the order
each article was chosen in kept in the project for the methods section.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core import Decision, Variable, now_iso
from annotator.services.learn import learn, suggest
from annotator.services.learn_units import (
    keep_unit_reports,
    learn_units,
    suggest_units,
    unit_variables,
)
from annotator.store import Project


@dataclass(frozen=True, slots=True)
class CodeSuggestion:
    """The machine's value for one variable of one article, and how sure it is (0-1)."""

    variable_id: str
    value: str
    confidence: float


def article_suggestions(project: Project, article_id: str) -> dict[str, CodeSuggestion]:
    """Variable id -> the stored suggestion for this article."""
    return {
        variable_id: CodeSuggestion(variable_id, value, confidence)
        for _article, variable_id, value, confidence in project.code_suggestions(article_id)
    }


def record_code_decision(
    project: Project,
    article_id: str,
    variable: Variable,
    coder: str,
    suggestion: CodeSuggestion,
    kept: Any,
) -> Decision:
    """Keep what the coder did with a suggested code: accepted it as it was, or overrode it
    with another value (the code itself is written by the form's own edit)."""
    decision = Decision(
        article_id,
        coder,
        "code",
        "accepted" if str(kept) == suggestion.value else "corrected",
        suggestion={
            "variable": variable.name,
            "variable_id": variable.id,
            "value": suggestion.value,
            "confidence": suggestion.confidence,
        },
        result={"value": kept},
    )
    project.add_decision(decision)
    return decision


def code_decisions(decisions: list[Decision]) -> dict[tuple[str, str], Decision]:
    """The newest decision on each (article id, variable id) suggested code."""
    latest: dict[tuple[str, str], Decision] = {}
    for decision in decisions:  # oldest first
        if decision.target == "code":
            latest[(decision.article_id, str(decision.suggestion.get("variable_id")))] = decision
    return latest


def learn_report(project: Project) -> dict[str, Any]:
    """The report the last ``learn`` kept in the project ({} before any)."""
    try:
        report = json.loads(project.meta("learn_report") or "{}")
    except ValueError:
        return {}
    return report if isinstance(report, dict) else {}


def quality_lines(project: Project) -> dict[str, str]:
    """Variable name -> how good its suggestions are, in the coder's words:
    "frame: α 0.71, 240 articles, cross-validated" (or why there are none yet)."""
    lines: dict[str, str] = {}
    for row in learn_report(project).get("variables", []):
        name = str(row.get("name", ""))
        if not name or row.get("level", "article") != "article":
            continue  # unit variables are shown with the unit form, not here
        if row.get("note"):
            lines[name] = f"{name}: no suggestions yet, {row['note']}"
            continue
        alpha = row.get("alpha")
        alpha_text = "α n/a" if alpha is None else f"α {alpha:.2f}"
        lines[name] = f"{name}: {alpha_text}, {row.get('items', 0)} articles, cross-validated"
    return lines


def train_and_suggest(project: Project, coder: str) -> int:
    """One training run for the window: the cross-validated report (kept in the project),
    then suggestions for every article not coded yet, and the same for the unit variables
    (a claim's stance) so that the kept report keeps both levels. Returns how many article
    suggestions were stored."""
    learn(project, coder=coder)
    made = len(suggest(project, coder=coder))
    units = unit_variables(project.codebook())
    if units:
        keep_unit_reports(project, learn_units(project, units, coder))
        suggest_units(project, units, coder)
    return made


#: The project meta key where the articles chosen as "most useful next" are listed.
ORDER_KEY = "coding_order"
MOST_USEFUL = "most useful next"


@dataclass(frozen=True, slots=True)
class UsefulNext:
    """The uncoded article the machine is least sure about, and its surest guess there."""

    article_id: str
    variable: str
    value: str
    confidence: float


def most_useful_next(project: Project, coder: str, skip: Collection[str] = ()) -> UsefulNext | None:
    """The article the coder has not coded (nor marked done) whose suggestion the machine
    is least sure of (uncertainty sampling): coding it teaches the machine the most."""
    variables = {v.id: v.name for v in project.codebook().article_variables()}
    coded = {c.article_id for c in project.codings(coder=coder)}
    done = {s.article_id for s in project.statuses(coder) if s.done}
    best: UsefulNext | None = None
    for article_id, variable_id, value, confidence in project.code_suggestions():
        if article_id in coded or article_id in done or article_id in skip:
            continue
        if variable_id not in variables:
            continue
        if best is None or confidence < best.confidence:
            best = UsefulNext(article_id, variables[variable_id], value, confidence)
    return best


def record_order(project: Project, coder: str, chosen: UsefulNext) -> None:
    """Keep in the project that ``coder`` coded this article because the machine chose it,
    for the methods section: such articles are not part of the study's sample order."""
    order = coding_order(project)
    order.setdefault("chosen", []).append(
        {
            "article": chosen.article_id,
            "coder": coder,
            "order": MOST_USEFUL,
            "variable": chosen.variable,
            "confidence": chosen.confidence,
            "at": now_iso(),
        }
    )
    order["rule"] = (
        "most useful next: the uncoded article whose suggested code the machine, trained "
        "on the codes given so far, was least sure of (uncertainty sampling); every other "
        "article was coded in the study's own order"
    )
    project.set_meta(ORDER_KEY, json.dumps(order, ensure_ascii=False))


def coding_order(project: Project) -> dict[str, Any]:
    """What ``record_order`` kept ({} when every article was coded in the study's order)."""
    try:
        order = json.loads(project.meta(ORDER_KEY) or "{}")
    except ValueError:
        return {}
    return order if isinstance(order, dict) else {}


def train_file(path: Path, coder: str) -> int:
    """``train_and_suggest`` on the project file at ``path`` (for a child process)."""
    with Project.open(path) as project:
        return train_and_suggest(project, coder)
