"""The coding workflow without a window: decisions on quote suggestions, unit and article values.

The window's undo commands and the command line call these; each operation returns what
undoing it needs, and ``undo_outcome``/``redo_outcome`` write that back.

Which category an accepted quote becomes: the project setting ``quote_category`` (a
category id, see ``set_quote_category``) when it names a unit category, otherwise the
first unit category of the codebook (in codebook order) that has an actor variable. The
variable prefilled with the speaker is that category's first actor variable named like
a claimant (``claimant``, ``actor``, ``speaker``, ``source``, ``acteur``, ``locuteur``),
otherwise its first actor variable.

Actor values are stored as the actor's **name** (a string), not the actor's id: the
machine's actors get new ids whenever pre-annotation runs again and differ between two
coders' files of the same article, while the name is what exports, reliability and
statistics software need. The actor stays resolvable by name among
``project.actors(article_id)`` (``actor_named``); the decision records the actor id too.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.core import (
    Actor,
    Annotation,
    ArticleStatus,
    Category,
    Codebook,
    Coding,
    Decision,
    Quote,
    SuggestionDecision,
    Variable,
)
from annotator.services.messages import Message
from annotator.store import Project

#: The project setting naming the category accepted quotes become.
QUOTE_CATEGORY_SETTING = "quote_category"
_CLAIMANT_NAMES = re.compile(r"claimant|actor|speaker|source|acteur|locuteur|auteur", re.I)


class CodingError(ValueError):
    """An operation the coder cannot do here, with a message for them."""


@dataclass(slots=True)
class Outcome:
    """What a decision wrote: the decision, and the unit annotation it made (if any).

    ``replaced`` holds the coder's earlier decision on the same suggestion, if any (the
    newest decision on a suggestion is the one that counts; earlier ones stay on record).
    """

    decision: Decision
    annotation: Annotation | None = None
    replaced: list[Decision] = field(default_factory=list)


# -- which category and variable ----------------------------------------------------------


def quote_category(project: Project, codebook: Codebook | None = None) -> Category | None:
    """The unit category accepted quotes become (see the module docstring), or None."""
    codebook = codebook or project.codebook()
    chosen = project.project_setting(QUOTE_CATEGORY_SETTING)
    if chosen and codebook.is_unit(chosen):
        return codebook.by_id(chosen)
    for category in codebook.categories:
        if any(v.kind == "actor" for v in codebook.unit_variables(category.id)):
            return category
    return None


def set_quote_category(project: Project, category_id: str | None) -> None:
    """Make accepted quotes become ``category_id`` (None: back to the default choice)."""
    if category_id is not None and not project.codebook().is_unit(category_id):
        raise CodingError(Message("accepted quotes can only become a category with unit variables"))
    project.set_project_setting(QUOTE_CATEGORY_SETTING, category_id)


def claimant_variable(codebook: Codebook, category_id: str) -> Variable | None:
    """The actor variable of a unit category that takes the speaker of an accepted quote."""
    actors = [v for v in codebook.unit_variables(category_id) if v.kind == "actor"]
    named = [v for v in actors if _CLAIMANT_NAMES.search(v.name)]
    return next(iter(named or actors), None)


def actor_named(actors: Iterable[Actor], name: str | None) -> Actor | None:
    """The article's actor with this name (case and spacing ignored), or None."""
    if not name:
        return None
    wanted = " ".join(name.split()).casefold()
    return next((a for a in actors if " ".join(a.name.split()).casefold() == wanted), None)


# -- suggestions -----------------------------------------------------------------------


def quote_suggestion(quote: Quote) -> dict[str, Any]:
    """A quote suggestion as a decision records it."""
    return {
        "kind": quote.kind,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_type": quote.speaker_type,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "cue": quote.cue,
        "actor_id": quote.actor_id,
    }


def quote_decisions(decisions: Iterable[Decision]) -> dict[tuple[int, int], Decision]:
    """The newest decision on each quote suggestion, keyed by the quote's (start, end)."""
    latest: dict[tuple[int, int], Decision] = {}
    for decision in decisions:  # the store gives them oldest first
        if decision.target == "quote":
            key = (int(decision.suggestion["start"]), int(decision.suggestion["end"]))
            latest[key] = decision
    return latest


def accept_quote(
    project: Project,
    article_id: str,
    quote: Quote,
    coder: str,
    codebook: Codebook | None = None,
) -> Outcome:
    """Accept a quote as it was suggested: a unit annotation with the speaker prefilled."""
    return _decide(project, article_id, quote, coder, "accepted", codebook=codebook)


def correct_quote(
    project: Project,
    article_id: str,
    quote: Quote,
    coder: str,
    start: int | None = None,
    end: int | None = None,
    speaker: str | None = None,
    codebook: Codebook | None = None,
) -> Outcome:
    """Accept a quote with another span and/or speaker (``speaker`` "" means nobody)."""
    return _decide(
        project,
        article_id,
        quote,
        coder,
        "corrected",
        start=start,
        end=end,
        speaker=speaker,
        codebook=codebook,
    )


def reject_quote(project: Project, article_id: str, quote: Quote, coder: str) -> Outcome:
    """Record that the quote suggestion is wrong; nothing is coded."""
    return _decide(project, article_id, quote, coder, "rejected")


def _decide(
    project: Project,
    article_id: str,
    quote: Quote,
    coder: str,
    kind: SuggestionDecision,
    start: int | None = None,
    end: int | None = None,
    speaker: str | None = None,
    codebook: Codebook | None = None,
) -> Outcome:
    decision = Decision(
        article_id=article_id,
        coder=coder,
        target="quote",
        decision=kind,
        suggestion=quote_suggestion(quote),
    )
    earlier = quote_decisions(project.decisions(article_id, coder)).get((quote.start, quote.end))
    outcome = Outcome(decision, replaced=[earlier] if earlier else [])
    if kind != "rejected":
        start = quote.start if start is None else start
        end = quote.end if end is None else end
        speaker = quote.speaker if speaker is None else speaker
        outcome.annotation = _unit_for(project, article_id, coder, start, end, speaker, codebook)
        actor = actor_named(project.actors(article_id), speaker)
        decision.annotation_id = outcome.annotation.id
        decision.result = {
            "start": start,
            "end": end,
            "text": outcome.annotation.text,
            "speaker": speaker or None,
            "actor_id": actor.id if actor else None,
            "category_id": outcome.annotation.category_id,
        }
    redo_outcome(project, outcome)
    return outcome


def _unit_for(
    project: Project,
    article_id: str,
    coder: str,
    start: int,
    end: int,
    speaker: str | None,
    codebook: Codebook | None,
) -> Annotation:
    codebook = codebook or project.codebook()
    category = quote_category(project, codebook)
    if category is None:
        raise CodingError(
            Message(
                "the codebook has no unit category with an actor variable (such as a claim"
                " with its claimant) for accepted quotes to become"
            )
        )
    text = project.article(article_id).text
    if not 0 <= start < end <= len(text):
        raise CodingError(f"the span {start}–{end} is outside the article")
    attributes: dict[str, Any] = {}
    variable = claimant_variable(codebook, category.id)
    if variable is not None and speaker:
        attributes[variable.id] = speaker
    return Annotation(
        article_id=article_id,
        category_id=category.id,
        start=start,
        end=end,
        text=text[start:end],
        coder=coder,
        attributes=attributes,
    )


def undo_outcome(project: Project, outcome: Outcome) -> None:
    """Take a decision back: its decision and its unit go; an earlier decision counts again."""
    if outcome.annotation is not None:
        project.delete_annotation(outcome.annotation.id)
    project.delete_decision(outcome.decision.id)


def redo_outcome(project: Project, outcome: Outcome) -> None:
    """Write a decision (again) with its unit, under the same ids."""
    if outcome.annotation is not None:
        project.add_annotation(outcome.annotation)
    project.add_decision(outcome.decision)


# -- codes made by hand ------------------------------------------------------------------


def covers_quote(start: int, end: int, quote: Quote) -> bool:
    """Whether a span is the quote's: it shares at least half of the longer one's characters.

    The rule matched units use in the agreement figures (annotator/services/agreement/units.py).
    """
    shared = min(end, quote.end) - max(start, quote.start)
    return shared > 0 and 2 * shared >= max(end - start, quote.end - quote.start)


@dataclass(slots=True)
class UnitCode:
    """A code and the decisions on quote suggestions that made it (none for most codes)."""

    annotation: Annotation
    decisions: list[Decision] = field(default_factory=list)


def add_unit(
    project: Project, annotation: Annotation, codebook: Codebook | None = None
) -> UnitCode:
    """Save a code made by hand; a span over an undecided quote in the quote category decides it.

    Coding the quote's words in that category is the same choice as correcting the
    suggestion: the decision is recorded as "corrected" (with ``by_hand`` in its result),
    and the speaker fills the claimant when the code has none, as when a quote is accepted.
    ``delete_unit`` takes both back, ``restore_unit`` writes them again.
    """
    codebook = codebook or project.codebook()
    category = quote_category(project, codebook)
    quote = None
    if category is not None and annotation.category_id == category.id:
        quote = _undecided_quote_under(project, annotation)
    if quote is None:
        project.add_annotation(annotation)
        return UnitCode(annotation)
    variable = claimant_variable(codebook, category.id)  # type: ignore[union-attr]
    if variable is not None and quote.speaker and not annotation.attributes.get(variable.id):
        annotation.attributes[variable.id] = quote.speaker
    speaker = annotation.attributes.get(variable.id) if variable is not None else quote.speaker
    actor = actor_named(project.actors(annotation.article_id), speaker)
    exact = (annotation.start, annotation.end) == (quote.start, quote.end)
    decision = Decision(
        article_id=annotation.article_id,
        coder=annotation.coder,
        target="quote",
        decision="accepted" if exact and speaker == quote.speaker else "corrected",
        suggestion=quote_suggestion(quote),
        result={
            "start": annotation.start,
            "end": annotation.end,
            "text": annotation.text,
            "speaker": speaker or None,
            "actor_id": actor.id if actor else None,
            "category_id": annotation.category_id,
            "by_hand": True,
        },
        annotation_id=annotation.id,
    )
    made = UnitCode(annotation, [decision])
    restore_unit(project, made)
    return made


def _undecided_quote_under(project: Project, annotation: Annotation) -> Quote | None:
    """The quote suggestion a span covers that has no live code from a decision yet."""
    decided = quote_decisions(project.decisions(annotation.article_id, annotation.coder))
    live = {a.id for a in project.annotations(annotation.article_id, annotation.coder)}
    for quote in project.quotes(annotation.article_id):
        if not covers_quote(annotation.start, annotation.end, quote):
            continue
        earlier = decided.get((quote.start, quote.end))
        if earlier is None or earlier.decision == "rejected" or earlier.annotation_id not in live:
            return quote
    return None


def delete_unit(project: Project, annotation_id: str) -> UnitCode:
    """Delete a code; one made from a quote takes its decision along: the quote is undecided.

    The earlier decision on that quote, if any (a rejection), counts again.
    """
    annotation = _annotation(project, annotation_id)
    made = [
        d
        for d in project.decisions(annotation.article_id, annotation.coder)
        if d.annotation_id == annotation_id
    ]
    for decision in made:
        project.delete_decision(decision.id)
    project.delete_annotation(annotation_id)
    return UnitCode(annotation, made)


def restore_unit(project: Project, unit: UnitCode) -> None:
    """Write a code and its decisions (again), under the same ids: undoes ``delete_unit``."""
    project.add_annotation(unit.annotation)
    for decision in unit.decisions:
        project.add_decision(decision)


# -- values, memos, status ---------------------------------------------------------------


def set_unit_value(project: Project, annotation_id: str, variable_id: str, value: Any) -> Any:
    """Set one unit variable of an annotation (None or "" clears it); returns the old value."""
    annotation = _annotation(project, annotation_id)
    old = annotation.attributes.get(variable_id)
    if value is None or value == "":
        annotation.attributes.pop(variable_id, None)
    else:
        annotation.attributes[variable_id] = value
    project.update_annotation(annotation)
    return old


def set_annotation_memo(project: Project, annotation_id: str, memo: str) -> str:
    """Replace an annotation's memo; returns the old memo."""
    annotation = _annotation(project, annotation_id)
    old = annotation.memo
    annotation.memo = memo
    project.update_annotation(annotation)
    return old


def _annotation(project: Project, annotation_id: str) -> Annotation:
    annotation = project.annotation(annotation_id)
    if annotation is None:
        raise CodingError(Message("this code no longer exists (it was deleted)"))
    return annotation


def article_value(project: Project, article_id: str, coder: str, variable_id: str) -> Any:
    for coding in project.codings(article_id, coder):
        if coding.variable_id == variable_id:
            return coding.value
    return None


def set_article_value(
    project: Project, article_id: str, coder: str, variable_id: str, value: Any
) -> Any:
    """Set one coder's value of an article variable (None or "" clears it); returns the old."""
    old = article_value(project, article_id, coder, variable_id)
    project.set_coding(Coding(article_id, variable_id, coder, value))
    return old


def set_article_memo(project: Project, article_id: str, coder: str, memo: str) -> str:
    """Replace a coder's memo on an article; returns the old memo."""
    status = project.article_status(article_id, coder)
    old = status.memo
    project.set_article_status(dataclasses.replace(status, memo=memo))
    return old


def missing_required(
    project: Project, article_id: str, coder: str, codebook: Codebook | None = None
) -> list[str]:
    """What a coder still has to answer before an article is complete, in words."""
    codebook = codebook or project.codebook()
    answered = {c.variable_id for c in project.codings(article_id, coder)}
    missing = [
        v.label or v.name
        for v in codebook.article_variables()
        if v.required and v.id not in answered
    ]
    for annotation in project.annotations(article_id, coder):
        category = codebook.by_id(annotation.category_id)
        for variable in codebook.unit_variables(annotation.category_id):
            value = annotation.attributes.get(variable.id)
            if variable.required and (value is None or value == ""):
                where = category.name if category else "unit"
                missing.append(f"{variable.label or variable.name} ({where} “{annotation.text}”)")
    return missing


def set_article_done(
    project: Project,
    article_id: str,
    coder: str,
    done: bool,
    codebook: Codebook | None = None,
    check: bool = True,
) -> bool:
    """Mark an article done (refused while required answers are missing); returns the old."""
    if done and check:
        missing = missing_required(project, article_id, coder, codebook)
        if missing:
            shown = "; ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
            raise CodingError(f"{len(missing)} required answers missing: {shown}")
    status = project.article_status(article_id, coder)
    old = status.done
    project.set_article_status(ArticleStatus(article_id, coder, done, status.memo))
    return old
