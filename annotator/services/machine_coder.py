"""The machine as one more coder: its cross-validated codes against each coder's.

``learn`` keeps, with its report, the machine's value for every article it learned from,
each predicted by a model that never saw the article (k-fold cross-validation). Set against
a coder's codes on the same articles, these read like one more coder: one reliability row
per variable and coder ("topic: machine ~ alice"), with alpha and its interval, percent
agreement and Cohen's kappa, and one against the adjudicated version. The rows go into
``annotator agreement --machine`` and the export's reliability sheet.

``learning_curve`` says how good the machine would have been with fewer coded articles:
the same cross-validation on the first 25, 50, 100, 200 coded articles of a seeded
shuffle, and on all of them, for the Overview's chart.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from annotator.core import ADJUDICATED, Coding, Variable
from annotator.core.answers import yes_no_value
from annotator.services.agreement.report import AgreementRow, variable_row
from annotator.services.agreement.stats import DEFAULT_DRAWS, DEFAULT_SEED
from annotator.services.agreement.units import units_by_article
from annotator.services.learn import (
    _texts,
    evaluate_variable,
    learnable_variables,
    training_labels,
)
from annotator.services.learn_units import unit_variables
from annotator.services.messages import Message
from annotator.services.overview import Table
from annotator.store import Project

#: The coder name the machine's codes go under in reliability reports.
MACHINE = "machine"
#: The report key holding the cross-validated predictions (variable name -> item -> value).
PREDICTIONS = "predictions"
#: The same for unit variables (variable name -> annotation id -> value).
UNIT_PREDICTIONS = "unit_predictions"
#: Numbers of coded articles the learning curve is drawn at (then "all").
CURVE_SIZES = (25, 50, 100, 200)


def kept_predictions(project: Project, key: str = PREDICTIONS) -> dict[str, dict[str, str]]:
    """Variable name -> article id -> the machine's cross-validated value, from the report
    the last ``learn`` kept ({} before any learn); with ``UNIT_PREDICTIONS``, unit
    variable name -> annotation id -> value."""
    try:
        report = json.loads(project.meta("learn_report") or "{}")
    except ValueError:
        return {}
    kept = report.get(key) if isinstance(report, dict) else None
    if not isinstance(kept, dict):
        return {}
    return {
        str(name): {str(a): str(v) for a, v in values.items()}
        for name, values in kept.items()
        if isinstance(values, dict)
    }


def cross_validated_predictions(
    project: Project, coder: str | None = None, folds: int = 5, seed: int = 0
) -> dict[str, dict[str, str]]:
    """The same predictions as ``learn`` keeps, made now and kept nowhere (for a project
    opened read-only, or one never learned from)."""
    texts, _info = _texts(project)
    codings = project.codings()
    out = {}
    for variable in learnable_variables(project.codebook()):
        report = evaluate_variable(
            variable, training_labels(codings, variable, coder), texts, folds, seed
        )
        if report.predictions:
            out[variable.name] = report.predictions
    return out


def machine_rows(
    project: Project,
    predictions: dict[str, dict[str, str]],
    names: Iterable[str] | None = None,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> list[AgreementRow]:
    """One reliability row per variable and coder the machine can be compared with (each
    coder in name order, then the adjudicated version), over the articles both coded."""
    wanted = None if names is None else set(names)
    by_id = {v.id: v for v in project.codebook().article_variables()}
    codes: dict[str, dict[str, dict[str, Any]]] = {}
    for coding in project.codings():
        variable = by_id.get(coding.variable_id)
        if variable is not None and variable.name in predictions:
            value = _human(variable, coding)
            if value not in (None, ""):
                codes.setdefault(variable.name, {}).setdefault(coding.coder, {})[
                    coding.article_id
                ] = value
    rows = []
    for variable in by_id.values():
        machine = predictions.get(variable.name)
        if machine is None or (wanted is not None and variable.name not in wanted):
            continue
        coded = codes.get(variable.name, {})
        rows += _against_each(variable, variable.name, machine, coded, draws, seed)
    return rows


def _against_each(
    variable: Variable,
    name: str,
    machine: dict[Any, str],
    coders: dict[str, dict[Any, Any]],
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    unit: Literal["article", "unit"] = "article",
) -> list[AgreementRow]:
    """The machine's values (item -> value) against each coder's (coder -> item -> value)
    on the items both coded: one row per coder, in name order, then the adjudicated one."""
    order = [v.code for v in variable.values] or None
    rows = []
    for coder in sorted(c for c in coders if c != ADJUDICATED) + [ADJUDICATED]:
        human = coders.get(coder, {})
        shared = [item for item in machine if item in human]
        if not shared:
            continue
        coded: dict[tuple[Any, str], Any] = {}
        for item in shared:
            coded[(item, MACHINE)] = machine[item]
            coded[(item, coder)] = human[item]
        usable = order if order is not None and set(coded.values()) <= set(order) else None
        row_name = f"{name}: {MACHINE} ~ {coder}"
        rows.append(variable_row(row_name, coded, variable.kind, usable, draws, seed, unit=unit))
    return rows


def machine_unit_rows(
    project: Project,
    predictions: dict[str, dict[str, str]],
    names: Iterable[str] | None = None,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> list[AgreementRow]:
    """The same rows for unit variables (a claim's position): the machine's value for a
    unit it learned from against the value each coder gave their span of the same unit
    (spans matched as in agreement.units: they share half of the longer one)."""
    wanted = None if names is None else set(names)
    codebook = project.codebook()
    annotations = project.annotations()
    rows = []
    for variable in unit_variables(codebook):
        machine = predictions.get(variable.name)
        if machine is None or (wanted is not None and variable.name not in wanted):
            continue
        by_unit: dict[Any, str] = {}
        coders: dict[str, dict[Any, Any]] = {}
        for article, units in units_by_article(annotations, variable.category_id or "").items():
            for number, spans in enumerate(units):
                guess = next((machine[s.id] for s in spans if s.id in machine), None)
                if guess is None:
                    continue
                by_unit[(article, number)] = guess
                for span in spans:
                    value = span.attributes.get(variable.id)
                    if variable.kind == "yesno":
                        value = yes_no_value(value, variable.values)
                    if value not in (None, ""):
                        coders.setdefault(span.coder, {})[(article, number)] = str(value)
        rows += _against_each(variable, variable.name, by_unit, coders, draws, seed, unit="unit")
    return rows


def _human(variable: Variable, coding: Coding) -> Any:
    if variable.kind == "yesno":
        return yes_no_value(coding.value, variable.values)
    return None if coding.value is None else str(coding.value)


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """How good the machine is when trained on ``items`` coded articles, cross-validated."""

    variable: str
    items: int
    alpha: float | None
    macro_f1: float | None
    baseline_macro_f1: float | None
    note: str = ""


def learning_curve(
    project: Project,
    names: Sequence[str] | None = None,
    coder: str | None = None,
    sizes: Sequence[int] = CURVE_SIZES,
    folds: int = 5,
    seed: int = 0,
) -> list[CurvePoint]:
    """Cross-validated alpha and macro F1 per variable at each size below the number of
    coded articles, then with all of them; the articles of each size are the first of one
    seeded shuffle, so a larger size adds articles to a smaller one."""
    texts, _info = _texts(project)
    codings = project.codings()
    points = []
    for variable in learnable_variables(project.codebook(), names):
        labels = training_labels(codings, variable, coder)
        ids = sorted(a for a in labels if a in texts)
        random.Random(seed).shuffle(ids)
        steps = [n for n in sizes if n < len(ids)] + [len(ids)]
        for n in steps:
            subset = {a: labels[a] for a in ids[:n]}
            report = evaluate_variable(variable, subset, texts, folds, seed)
            points.append(
                CurvePoint(
                    variable.name,
                    n,
                    report.alpha,
                    report.macro_f1,
                    report.baseline_macro_f1,
                    report.note,
                )
            )
    return points


def learning_curve_table(project: Project) -> Table:
    """The Overview's learning curve: the machine's cross-validated alpha per variable
    against the number of coded articles, learned as the last kept ``learn`` report was
    (its coder and folds), for the variables it could evaluate."""
    try:
        report = json.loads(project.meta("learn_report") or "{}")
    except ValueError:
        report = {}
    title = Message("The machine's α by coded articles")
    evaluated = (
        [
            str(row.get("name"))
            for row in report.get("variables", [])
            if row.get("level", "article") == "article" and not row.get("note")
        ]
        if isinstance(report, dict)
        else []
    )
    if not evaluated:
        return Table(
            title,
            ["coded articles"],
            chart="line",
            empty_reason=Message(
                "The machine has not learned yet: Navigate › Train the machine now, "
                "or annotator learn."
            ),
        )
    source = report.get("from")
    coder = None if source in (None, ADJUDICATED) else str(source)
    folds = int(report.get("folds") or 5)
    known = {v.name for v in learnable_variables(project.codebook())}
    names = [n for n in evaluated if n in known]
    points = learning_curve(project, names, coder, folds=folds)
    alphas = {(p.variable, p.items): p.alpha for p in points}
    sizes = sorted({p.items for p in points})
    table = Table(title, ["coded articles", *names], chart="line")
    table.rows = [[n, *(alphas.get((name, n)) for name in names)] for n in sizes]
    return table
