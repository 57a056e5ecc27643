"""Adjudication: the coders' disagreements, settled into a gold version (coder "adjudicated").

A disagreement is one of, per article that two coders or more coded (gave a value or made
a span there):

- ``article``: an article-level variable the coders answered differently (a coder who
  left it unanswered differs from one who answered);
- ``span``: a unit of a category (spans matched across coders as in
  ``agreement.units``: they share at least half of the longer span's characters) that
  some of the article's coders coded and others did not, or whose boundaries differ;
- ``unit``: a unit variable (a claim's claimant, position) to which the coders of a
  matched unit gave different values.

Settling writes the chosen version as coder ``adjudicated`` through the store's ordinary
writes (``set_coding``, ``add_annotation``, ``update_annotation``): an article value, or
one adjudicated span per unit, carrying its unit values. An adjudicated span belongs to
the unit whose spans it overlaps best (same rule). A unit created by settling starts with
the values all its coders agree on. Choosing "no value" or "not a unit" is remembered in
the project file (setting ``adjudication_empty``), so that it counts as settled.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from annotator.core import ADJUDICATED, Annotation, Codebook, Coding, Variable, new_id, now_iso
from annotator.core.answers import yes_no_value
from annotator.services.agreement.report import comparable_value
from annotator.services.agreement.units import MATCH_THRESHOLD, match_units, overlap
from annotator.store import Project

#: The project setting listing disagreements settled as "no value" or "not a unit".
EMPTY_SETTING = "adjudication_empty"

Kind = Literal["article", "span", "unit"]


@dataclass(frozen=True)
class Disagreement:
    """One thing the coders of an article did not code alike, and its adjudicated version.

    ``versions`` maps each coder of the article to their version: a value (``article``
    and ``unit``; ``None`` when unanswered or when the coder has no span in the unit) or
    their ``Annotation`` (``span``; ``None`` when they did not code the unit).
    ``adjudicated`` is the settled version in the same form, and ``settled`` says whether
    one was chosen (``None`` is a possible choice).
    """

    key: str
    kind: Kind
    article_id: str
    article_title: str
    #: The variable's name, or the category's for ``span``.
    name: str
    variable: Variable | None
    category_id: str | None
    versions: dict[str, Any]
    adjudicated: Any
    settled: bool
    #: ``span`` and ``unit``: the coders' spans of the unit, and the adjudicated span.
    spans: dict[str, Annotation] = field(default_factory=dict)
    gold_span: Annotation | None = None


# -- listing -------------------------------------------------------------------------------


def disagreements(project: Project, article_ids: Iterable[str] | None = None) -> list[Disagreement]:
    """Every disagreement, article by article in list order (or of the given articles).

    Per article: article-level variables in codebook order, then units in text order,
    each unit's ``span`` disagreement before its ``unit`` ones.
    """
    wanted = set(article_ids) if article_ids is not None else None
    codebook = project.codebook()
    empty = _empty_keys(project)
    codings: dict[str, list[Coding]] = {}
    annotations: dict[str, list[Annotation]] = {}
    if wanted is not None and len(wanted) == 1:
        # One article (after each choice in the dialog): read only what it needs.
        (only,) = wanted
        codings[only] = project.codings(only)
        annotations[only] = project.annotations(only)
        titles = [(only, project.article(only).title)]
    else:
        for coding in project.codings():
            codings.setdefault(coding.article_id, []).append(coding)
        for annotation in project.annotations():
            annotations.setdefault(annotation.article_id, []).append(annotation)
        titles = [(a.id, a.title) for a in project.articles() if wanted is None or a.id in wanted]
    found: list[Disagreement] = []
    for article_id, title in titles:
        article_codings = codings.get(article_id, [])
        article_spans = annotations.get(article_id, [])
        everyone = [c.coder for c in article_codings] + [a.coder for a in article_spans]
        coders = [c for c in dict.fromkeys(everyone) if c != ADJUDICATED]
        if len(coders) < 2:
            continue
        context = _Article(project, article_id, title, codebook, coders, empty)
        found += context.article_disagreements(article_codings)
        found += context.unit_disagreements(article_spans)
    return found


def article_disagreements(project: Project, article_id: str) -> list[Disagreement]:
    """The disagreements of one article."""
    return disagreements(project, [article_id])


def progress(items: Sequence[Disagreement]) -> tuple[int, int]:
    """(settled, total)."""
    return sum(d.settled for d in items), len(items)


@dataclass
class _Article:
    project: Project
    article_id: str
    title: str
    codebook: Codebook
    coders: list[str]
    empty: set[str]
    _actors: dict[str, str] | None = None

    def comparable(self, variable: Variable, value: Any) -> Any:
        if variable.kind == "actor" and isinstance(value, str):
            if self._actors is None:
                self._actors = {a.id: a.name for a in self.project.actors(self.article_id)}
            value = self._actors.get(value, value)
        if variable.kind == "yesno":
            value = yes_no_value(value, variable.values)
        return comparable_value(value, variable.kind)

    def make(self, key: str, kind: Kind, name: str, **fields: Any) -> Disagreement:
        return Disagreement(
            key=key,
            kind=kind,
            article_id=self.article_id,
            article_title=self.title,
            name=name,
            **fields,
        )

    def article_disagreements(self, codings: list[Coding]) -> list[Disagreement]:
        values: dict[tuple[str, str], Any] = {(c.variable_id, c.coder): c.value for c in codings}
        found = []
        for variable in self.codebook.article_variables():
            versions = {coder: values.get((variable.id, coder)) for coder in self.coders}
            compared = {self.comparable(variable, v) for v in versions.values()}
            if len(compared) < 2:
                continue
            key = f"article|{self.article_id}|{variable.id}"
            gold = values.get((variable.id, ADJUDICATED))
            found.append(
                self.make(
                    key,
                    "article",
                    variable.name,
                    variable=variable,
                    category_id=None,
                    versions=versions,
                    adjudicated=gold,
                    settled=gold is not None or key in self.empty,
                )
            )
        return found

    def unit_disagreements(self, annotations: list[Annotation]) -> list[Disagreement]:
        found = []
        by_category: dict[str, list[Annotation]] = {}
        for annotation in annotations:
            by_category.setdefault(annotation.category_id, []).append(annotation)
        for category in self.codebook.categories:
            spans = by_category.get(category.id, [])
            coded = [s for s in spans if s.coder != ADJUDICATED]
            if not coded:
                continue
            units = match_units(coded)
            gold = _attach([s for s in spans if s.coder == ADJUDICATED], units)
            variables = self.codebook.unit_variables(category.id)
            for number, unit in enumerate(units):
                found += self._unit(category.id, category.name, unit, gold.get(number), variables)
        found.sort(key=lambda d: _unit_start(d))
        return found

    def _unit(
        self,
        category_id: str,
        category_name: str,
        unit: list[Annotation],
        gold: Annotation | None,
        variables: list[Variable],
    ) -> list[Disagreement]:
        spans = {s.coder: s for s in unit}
        ids = ",".join(sorted(s.id for s in unit))
        found = []
        bounds = {(s.start, s.end) for s in unit}
        if set(spans) != set(self.coders) or len(bounds) > 1:
            key = f"span|{self.article_id}|{category_id}|{ids}"
            found.append(
                self.make(
                    key,
                    "span",
                    category_name,
                    variable=None,
                    category_id=category_id,
                    versions={c: spans.get(c) for c in self.coders},
                    adjudicated=gold,
                    settled=gold is not None or key in self.empty,
                    spans=spans,
                    gold_span=gold,
                )
            )
        if len(unit) < 2:
            return found
        for variable in variables:
            versions = {
                c: spans[c].attributes.get(variable.id) if c in spans else None for c in self.coders
            }
            compared = {self.comparable(variable, versions[s.coder]) for s in unit}
            if len(compared) < 2:
                continue
            key = f"unit|{self.article_id}|{variable.id}|{ids}"
            value = gold.attributes.get(variable.id) if gold is not None else None
            found.append(
                self.make(
                    key,
                    "unit",
                    variable.name,
                    variable=variable,
                    category_id=category_id,
                    versions=versions,
                    adjudicated=value,
                    settled=value not in (None, "") or key in self.empty,
                    spans=spans,
                    gold_span=gold,
                )
            )
        return found


def _unit_start(disagreement: Disagreement) -> tuple[int, int]:
    starts = [s.start for s in disagreement.spans.values()]
    return (min(starts) if starts else 0, 0 if disagreement.kind == "span" else 1)


def _attach(gold: list[Annotation], units: list[list[Annotation]]) -> dict[int, Annotation]:
    """Each adjudicated span to the unit it overlaps best (at most one per unit)."""
    pairs = []
    for g, span in enumerate(gold):
        for number, unit in enumerate(units):
            best = max(overlap(span, member) for member in unit)
            if best >= MATCH_THRESHOLD:
                pairs.append((-best, number, g))
    attached: dict[int, Annotation] = {}
    used: set[int] = set()
    for _best, number, g in sorted(pairs):
        if number not in attached and g not in used:
            attached[number] = gold[g]
            used.add(g)
    return attached


# -- settling ------------------------------------------------------------------------------


def choose(project: Project, disagreement: Disagreement, coder: str) -> Disagreement:
    """Settle on one coder's version; returns the disagreement as it now stands."""
    if coder not in disagreement.versions:
        raise ValueError(f"{coder}: not a coder of this article")
    if disagreement.kind == "span":
        return _settle_span(project, disagreement, disagreement.versions[coder])
    return settle_value(project, disagreement, disagreement.versions[coder], source=coder)


def settle_value(
    project: Project, disagreement: Disagreement, value: Any, source: str | None = None
) -> Disagreement:
    """Settle an article or unit value on ``value`` (a coder's, or edited; ``None``: no
    value). A unit that has no adjudicated span yet gets one, with the span of ``source``
    (or of the unit's first coder)."""
    d = disagreement
    if d.kind == "span" or d.variable is None:
        raise ValueError("a span is settled by choosing a coder's version")
    if d.variable.kind == "yesno":
        value = yes_no_value(value, d.variable.values)  # the gold answer in canonical form
    empty = value is None or value == ""
    _mark_empty(project, d.key, empty)
    if d.kind == "article":
        project.set_coding(
            Coding(d.article_id, d.variable.id, ADJUDICATED, None if empty else value)
        )
        return replace(d, adjudicated=None if empty else value, settled=True)
    gold = d.gold_span
    if gold is None:
        template = d.spans.get(source or "") or next(iter(d.spans.values()))
        gold = _new_gold(project, template, d.spans.values())
    if empty:
        gold.attributes.pop(d.variable.id, None)
    else:
        gold.attributes[d.variable.id] = value
    project.update_annotation(gold)
    return replace(d, adjudicated=None if empty else value, settled=True, gold_span=gold)


def _settle_span(project: Project, d: Disagreement, chosen: Annotation | None) -> Disagreement:
    _mark_empty(project, d.key, chosen is None)
    gold = d.gold_span
    if chosen is None:
        if gold is not None:
            project.delete_annotation(gold.id)
        return replace(d, adjudicated=None, settled=True, gold_span=None)
    if gold is None:
        gold = _new_gold(project, chosen, d.spans.values())
    else:
        gold.start, gold.end, gold.text = chosen.start, chosen.end, chosen.text
        project.update_annotation(gold)
    return replace(d, adjudicated=gold, settled=True, gold_span=gold)


def _new_gold(
    project: Project,
    template: Annotation,
    unit: Iterable[Annotation],
    codebook: Codebook | None = None,
) -> Annotation:
    """An adjudicated span like ``template``, with the unit values every coder of the unit
    agrees on (compared as agreement compares them; the template's spelling is kept)."""
    members = list(unit)
    kinds = {v.id: v.kind for v in (codebook or project.codebook()).variables}
    agreed: dict[str, Any] = {}
    for variable_id, value in template.attributes.items():
        kind = kinds.get(variable_id, "nominal")
        mine = comparable_value(value, kind)
        if mine is not None and all(
            comparable_value(m.attributes.get(variable_id), kind) == mine for m in members
        ):
            agreed[variable_id] = value
    gold = Annotation(
        article_id=template.article_id,
        category_id=template.category_id,
        start=template.start,
        end=template.end,
        text=template.text,
        coder=ADJUDICATED,
        attributes=agreed,
        id=new_id(),
        created=now_iso(),
    )
    project.add_annotation(gold)
    return gold


def _empty_keys(project: Project) -> set[str]:
    raw = project.project_setting(EMPTY_SETTING)
    try:
        keys = json.loads(raw) if raw else []
    except ValueError:
        keys = []
    return {str(k) for k in keys} if isinstance(keys, list) else set()


def _mark_empty(project: Project, key: str, empty: bool) -> None:
    keys = _empty_keys(project)
    if empty == (key in keys):
        return
    keys = keys | {key} if empty else keys - {key}
    project.set_project_setting(EMPTY_SETTING, json.dumps(sorted(keys)) if keys else None)


# -- what the coders agree on --------------------------------------------------------------


def copy_agreements(project: Project) -> int:
    """Write into the adjudicated version what every coder of an article coded alike: the
    article values they all gave, and the units they all coded with the same boundaries
    (with the unit values they all gave). Nothing adjudicated already is changed; returns
    how many values and spans were written."""
    codebook = project.codebook()
    written = 0
    by_article: dict[str, list[Coding]] = {}
    for coding in project.codings():
        by_article.setdefault(coding.article_id, []).append(coding)
    spans: dict[str, list[Annotation]] = {}
    for annotation in project.annotations():
        spans.setdefault(annotation.article_id, []).append(annotation)
    for article_id in by_article.keys() | spans.keys():
        codings, annotations = by_article.get(article_id, []), spans.get(article_id, [])
        coders = {c.coder for c in codings} | {a.coder for a in annotations}
        coders.discard(ADJUDICATED)
        if len(coders) < 2:
            continue
        values: dict[str, dict[str, Any]] = {}
        for coding in codings:
            values.setdefault(coding.variable_id, {})[coding.coder] = coding.value
        for variable in codebook.article_variables():
            given = values.get(variable.id, {})
            if ADJUDICATED in given or set(given) - {ADJUDICATED} != coders:
                continue
            compared = {comparable_value(given[c], variable.kind) for c in coders}
            if len(compared) == 1 and None not in compared:
                first = given[sorted(coders)[0]]
                project.set_coding(Coding(article_id, variable.id, ADJUDICATED, first))
                written += 1
        for category in codebook.categories:
            of_category = [a for a in annotations if a.category_id == category.id]
            coded = [a for a in of_category if a.coder != ADJUDICATED]
            units = match_units(coded)
            gold = _attach([a for a in of_category if a.coder == ADJUDICATED], units)
            for number, unit in enumerate(units):
                bounds = {(s.start, s.end) for s in unit}
                if number in gold or {s.coder for s in unit} != coders or len(bounds) > 1:
                    continue
                _new_gold(project, unit[0], unit, codebook)
                written += 1
    return written
