"""The reliability report of a project file: its codebook, codes and coded spans."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import partial
from typing import Any

from annotator.core import ADJUDICATED, Annotation, Codebook, Variable
from annotator.core.answers import yes_no_value
from annotator.services.agreement.report import (
    AgreementRow,
    agreement_report,
    skipped_row,
    variable_row,
)
from annotator.services.agreement.stats import DEFAULT_DRAWS, DEFAULT_SEED
from annotator.services.agreement.unitized import Span
from annotator.services.agreement.units import unit_values, units_by_article
from annotator.store import Project

#: Coders whose codes are not a coder's judgement: the adjudicated (gold) version.
NOT_CODERS = (ADJUDICATED,)


def project_agreement(
    project: Project,
    variables: Iterable[str] | None = None,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    exclude_coders: Sequence[str] = NOT_CODERS,
) -> list[AgreementRow]:
    """One row per article-level variable, per unit variable and per category that has
    coded spans, in codebook order.

    ``variables`` picks variables and categories by name; a name that is neither is a
    ``ValueError`` naming it. Span agreement counts every character of the articles that
    two coders or more coded, were given by split or marked done; a coder counted on an
    article who made no span of a category there counts as "no span" (each row's
    ``entered`` lists those articles and coders). A unit variable is compared over the
    units that two coders or more coded, matched by overlap of their spans (see
    ``units``). The adjudicated version is not a coder and is left out.
    """
    codebook = project.codebook()
    category_names = _category_names(codebook)
    wanted = _wanted(variables, codebook, category_names)
    excluded = set(exclude_coders)

    codings = [c for c in project.codings() if c.coder not in excluded]
    annotations = [a for a in project.annotations() if a.coder not in excluded]
    coders_by_article: dict[Hashable, dict[str, None]] = {}
    pairs = [(c.article_id, c.coder) for c in codings]
    pairs += [(a.article_id, a.coder) for a in annotations]
    for article_id, coder in pairs:
        coders_by_article.setdefault(article_id, {})[coder] = None

    actor_names: dict[str, dict[str, str]] = {}

    def value_of(variable: Variable, article_id: str, value: Any) -> Any:
        if variable.kind == "yesno":
            return yes_no_value(value, variable.values)
        if variable.kind != "actor" or not isinstance(value, str | dict):
            return value
        if article_id not in actor_names:
            actor_names[article_id] = {a.id: a.name for a in project.actors(article_id)}
        names = actor_names[article_id]
        if isinstance(value, dict):
            return value.get("name") or names.get(str(value.get("id")), None)
        return names.get(value, value)

    article_variables = [
        v for v in codebook.article_variables() if wanted is None or v.name in wanted
    ]
    by_id = {v.id: v for v in article_variables}
    coded: dict[str, dict[tuple[Hashable, str], Any]] = {v.name: {} for v in article_variables}
    for coding in codings:
        variable = by_id.get(coding.variable_id)
        if variable is not None:
            key = (coding.article_id, coding.coder)
            coded[variable.name][key] = value_of(variable, coding.article_id, coding.value)

    spans: dict[str, list[Span]] = {}
    for annotation in annotations:
        name = category_names.get(annotation.category_id)
        if name is not None and (wanted is None or name in wanted):
            spans.setdefault(name, []).append(
                (annotation.article_id, annotation.coder, annotation.start, annotation.end)
            )
    spans = {name: spans[name] for name in category_names.values() if name in spans}
    # A coder given the article (split) or who marked it done, and made no span of a
    # category there, found none: "no span", not missing (leaving them out inflates alpha).
    span_coders = {a: dict(names) for a, names in coders_by_article.items()}
    given = [(a, c) for a, c in project.assignments() if c not in excluded]
    given += [(s.article_id, s.coder) for s in project.statuses() if s.done]
    for article_id, coder in given:
        if coder not in excluded:
            span_coders.setdefault(article_id, {})[coder] = None
    pairable = [a for a, names in span_coders.items() if len(names) >= 2]
    lengths = {a: len(project.article(str(a)).text) for a in pairable} if spans else {}

    rows = agreement_report(
        coded,
        {v.name: v.kind for v in article_variables},
        value_orders={
            v.name: [value.code for value in v.values] for v in article_variables if v.values
        },
        spans=spans,
        lengths=lengths,
        coders_by_article={a: list(names) for a, names in span_coders.items()},
        draws=draws,
        seed=seed,
    )
    units = _unit_rows(codebook, annotations, wanted, value_of, draws, seed)
    split = len(article_variables)
    return rows[:split] + units + rows[split:]


def _unit_rows(
    codebook: Codebook,
    annotations: Sequence[Annotation],
    wanted: set[str] | None,
    value_of: Callable[[Variable, str, Any], Any],
    draws: int,
    seed: int,
) -> list[AgreementRow]:
    """Unit variables: alpha over the values coders gave the units they both coded."""
    variables = [
        v
        for v in codebook.variables
        if v.level == "unit"
        and (wanted is None or v.name in wanted or _unit_name(v, codebook) in wanted)
    ]
    rows = []
    matched: dict[str, dict[str, list[list[Annotation]]]] = {}
    for variable in variables:
        if variable.category_id is None:
            rows.append(
                skipped_row(variable.name, variable.kind, "unit variable without a category")
            )
            continue
        if variable.category_id not in matched:
            matched[variable.category_id] = units_by_article(annotations, variable.category_id)
        coded = unit_values(matched[variable.category_id], variable.id, partial(value_of, variable))
        order = [value.code for value in variable.values] if variable.values else None
        name = _unit_name(variable, codebook)
        rows.append(variable_row(name, coded, variable.kind, order, draws, seed, unit="unit"))
    return rows


def _unit_name(variable: Variable, codebook: Codebook) -> str:
    """A unit variable's name, after its category's when another variable has the name."""
    if sum(v.name == variable.name for v in codebook.variables) < 2:
        return variable.name
    category = codebook.by_id(variable.category_id or "")
    return f"{category.name} / {variable.name}" if category else variable.name


def _category_names(codebook: Codebook) -> dict[str, str]:
    """Category id to the name the report shows (with its parent's when names repeat)."""
    counts: dict[str, int] = {}
    for category in codebook.categories:
        counts[category.name] = counts.get(category.name, 0) + 1
    names = {}
    for category in codebook.categories:
        parent = codebook.by_id(category.parent_id) if category.parent_id else None
        if counts[category.name] > 1 and parent is not None:
            names[category.id] = f"{parent.name} / {category.name}"
        else:
            names[category.id] = category.name
    return names


def _wanted(
    variables: Iterable[str] | None, codebook: Codebook, category_names: dict[str, str]
) -> set[str] | None:
    if variables is None:
        return None
    wanted = set(variables)
    known = {v.name for v in codebook.variables} | set(category_names.values())
    known |= {_unit_name(v, codebook) for v in codebook.variables if v.level == "unit"}
    unknown = sorted(wanted - known)
    if unknown:
        raise ValueError(f"{unknown[0]}: no such variable or category in the codebook")
    return wanted
