"""Codes suggested by a classifier trained on the coders' own codes, offline.

One classifier per article-level variable (yes/no, nominal, ordinal), trained on the
articles coded for it: the adjudicated value where there is one, else the value of the coder
named (``--from``). The model (``services.learn_model``) is scikit-learn's TF-IDF features
of the title and text, words and character n-grams within the words of the title and lead,
and a linear classifier trained by stochastic gradient descent on the logistic loss with
balanced class weights, which also learns from the codebook's value labels ("Health",
"Agriculture") as one short example each: it trains in seconds on hundreds of articles, on
a laptop, with nothing downloaded, and gives each suggestion a probability. How good it is
on news no one on the team coded is measured by ``python -m bench learn`` (New York Times
headlines coded with the 27 Policy Agendas topics), against the majority class and TF-IDF
with a logistic regression at its defaults.

``learn`` evaluates it by stratified k-fold cross-validation (every item is predicted by a
model that never saw it) and reports, per variable, accuracy, macro F1, Krippendorff's alpha
between the machine and the human codes (as if the machine were one more coder), and the
macro F1 of always answering the most frequent value (the baseline to beat). The report is
kept with the project. ``suggest`` trains on every coded item and predicts the articles not
coded yet; predictions are stored as suggestions, never as codes. Models are not stored (a
pickled model in a shared project file would run code when loaded): they are trained again,
in seconds, when suggestions are asked for.
"""

from __future__ import annotations

import json
import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from annotator.core import ADJUDICATED, Codebook, Coding, Variable, now_iso
from annotator.services.agreement.stats import Level, ReliabilityData, krippendorff_alpha
from annotator.store import Project

#: Variable kinds a classifier can learn (numbers, free text and actors are not classes).
LEARNABLE = ("yesno", "nominal", "ordinal")
#: Coded items needed per value: every fold must see each value at least once.
MIN_PER_VALUE = 2


@dataclass(slots=True)
class VariableReport:
    """How well the machine codes one variable, cross-validated."""

    name: str
    items: int
    classes: int
    #: "article", or "unit" for a unit category's variable (a claim's position).
    level: str = "article"
    accuracy: float | None = None
    macro_f1: float | None = None
    alpha: float | None = None
    baseline_macro_f1: float | None = None
    #: Empty when evaluated; otherwise why not and what is needed.
    note: str = ""
    #: Values coded too rarely to be learned well (the others were evaluated with them).
    rare: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    #: Item id -> the cross-validated prediction (by a model that never saw the item).
    predictions: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Suggestion:
    article: str
    source: str
    title: str
    variable: str
    value: str
    confidence: float


def learnable_variables(codebook: Codebook, names: Sequence[str] | None = None) -> list[Variable]:
    """The article-level variables to learn (all learnable ones, or those named)."""
    variables = [v for v in codebook.article_variables() if v.kind in LEARNABLE]
    if names is None:
        return variables
    by_name = {v.name: v for v in codebook.article_variables()}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise ValueError(f"no article-level variable named {', '.join(unknown)}")
    refused = [n for n in names if by_name[n].kind not in LEARNABLE]
    if refused:
        raise ValueError(
            f"{', '.join(refused)}: only yes/no, nominal and ordinal variables can be learned"
        )
    return [by_name[n] for n in names]


def training_labels(
    codings: Sequence[Coding], variable: Variable, coder: str | None = None
) -> dict[str, str]:
    """Article id -> the value it was coded with: adjudicated, else ``coder``'s."""
    labels: dict[str, str] = {}
    adjudicated: dict[str, str] = {}
    for coding in codings:
        if coding.variable_id != variable.id or coding.value in (None, ""):
            continue
        value = str(coding.value)
        if coding.coder == ADJUDICATED:
            adjudicated[coding.article_id] = value
        elif coder is not None and coding.coder == coder:
            labels[coding.article_id] = value
    labels.update(adjudicated)
    return labels


def _texts(project: Project) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Article id -> text to learn from (title and text); id -> (source file, title)."""
    texts: dict[str, str] = {}
    info: dict[str, tuple[str, str]] = {}
    for article in project.iter_articles():
        texts[article.id] = f"{article.title}\n{article.text}"
        info[article.id] = (article.source_file, article.title)
    return texts, info


def _model(seed: int, variable: Variable | None = None) -> Any:
    """The classifier for an article-level variable (``services.learn_model``)."""
    from annotator.services.learn_model import article_model

    return article_model(seed, variable)


def _too_few(counts: Counter[str], folds: int, noun: str = "articles") -> str:
    """Why a variable cannot be learned yet ("" when it can): two of its values at least
    must each be coded ``folds`` times (every fold then sees both). Rarer values do not
    hold the others back: they are learned with them, and named by ``_rare``."""
    needed = max(MIN_PER_VALUE, folds)
    if len(counts) < 2:
        return (
            f"needs coded {noun} with at least two different values "
            f"(has {sum(counts.values())} coded, all {next(iter(counts), 'none')})"
        )
    if sum(1 for n in counts.values() if n >= needed) >= 2:
        return ""
    short = {value: needed - n for value, n in counts.items() if n < needed}
    more = ", ".join(f"{n} more coded {value!r}" for value, n in sorted(short.items()))
    return (
        f"too few coded {noun}: needs {more} (each value at least {needed} times; "
        f"two values so coded are enough to start)"
    )


def _rare(counts: Counter[str], folds: int) -> str:
    needed = max(MIN_PER_VALUE, folds)
    rare = sorted(value for value, n in counts.items() if n < needed)
    if not rare:
        return ""
    return f"coded fewer than {needed} times, rarely suggested until coded more: " + ", ".join(
        f"{value!r} ({counts[value]})" for value in rare
    )


def evaluate_variable(
    variable: Variable,
    labels: dict[str, str],
    texts: Mapping[str, Any],
    folds: int = 5,
    seed: int = 0,
    model: Callable[[int], Any] | None = None,
    noun: str = "articles",
) -> VariableReport:
    """Cross-validated figures for one variable: ``labels`` maps item ids to the values
    coded, ``texts`` item ids to what ``model`` (built with a seed; by default the
    article-level classifier for ``variable``) learns from."""
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    ids = [a for a in labels if a in texts]
    y = [labels[a] for a in ids]
    counts = Counter(y)
    report = VariableReport(variable.name, len(ids), len(counts), counts=dict(counts))
    report.note = _too_few(counts, folds, noun)
    if report.note:
        return report
    report.rare = _rare(counts, folds)
    splits = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        # A rare value missing from some folds is what ``rare`` reports.
        warnings.simplefilter("ignore", UserWarning)
        estimator = model(seed) if model is not None else _model(seed, variable)
        predicted = list(cross_val_predict(estimator, [texts[a] for a in ids], y, cv=splits))
    majority = counts.most_common(1)[0][0]
    report.accuracy = round(float(accuracy_score(y, predicted)), 3)
    report.macro_f1 = round(float(f1_score(y, predicted, average="macro", zero_division=0)), 3)
    report.baseline_macro_f1 = round(
        float(f1_score(y, [majority] * len(y), average="macro", zero_division=0)), 3
    )
    level: Level = "ordinal" if variable.kind == "ordinal" else "nominal"
    order = [v.code for v in variable.values] or None
    coded: dict[tuple[Any, str], Any] = {}
    for article, human, machine in zip(ids, y, predicted, strict=True):
        coded[(article, "human")] = human
        coded[(article, "machine")] = machine
    if order is not None and not set(y) <= set(order):  # a value the codebook lost
        order = None
    alpha = krippendorff_alpha(ReliabilityData.from_mapping(coded, level, order), level)
    report.alpha = None if alpha is None else round(alpha, 3)
    report.predictions = {a: str(p) for a, p in zip(ids, predicted, strict=True)}
    return report


def learn(
    project: Project,
    names: Sequence[str] | None = None,
    coder: str | None = None,
    folds: int = 5,
    seed: int = 0,
) -> list[VariableReport]:
    """Evaluate a classifier per variable and keep the report with the project."""
    if folds < 2:
        raise ValueError("--folds: give 2 or more")
    codebook = project.codebook()
    texts, _info = _texts(project)
    codings = project.codings()
    reports = [
        evaluate_variable(v, training_labels(codings, v, coder), texts, folds, seed)
        for v in learnable_variables(codebook, names)
    ]
    project.set_meta(
        "learn_report",
        json.dumps(
            {
                "made": now_iso(),
                "from": coder or ADJUDICATED,
                "folds": folds,
                "variables": [report_dict(r) for r in reports],
                # The machine as a coder (services.machine_coder): its value per article.
                "predictions": {r.name: r.predictions for r in reports if r.predictions},
            }
        ),
    )
    return reports


def report_dict(report: VariableReport) -> dict[str, Any]:
    out = asdict(report)
    out.pop("counts")
    out.pop("predictions")
    for optional in ("note", "rare"):
        if not out[optional]:
            out.pop(optional)
    return out


def suggest(
    project: Project,
    names: Sequence[str] | None = None,
    coder: str | None = None,
    seed: int = 0,
) -> list[Suggestion]:
    """Predict every learnable variable for the articles it is not coded for yet, store the
    predictions as suggestions (replacing earlier ones) and return them."""
    codebook = project.codebook()
    texts, info = _texts(project)
    codings = project.codings()  # read once: the loop below writes only suggestions
    out: list[Suggestion] = []
    for variable in learnable_variables(codebook, names):
        labels = training_labels(codings, variable, coder)
        counts = Counter(labels.values())
        if _too_few(counts, MIN_PER_VALUE):
            continue
        coded = {c.article_id for c in codings if c.variable_id == variable.id}
        todo = [a for a in texts if a not in coded]
        if not todo:
            continue
        model = _model(seed, variable)
        ids = list(labels)
        model.fit([texts[a] for a in ids], [labels[a] for a in ids])
        probabilities = model.predict_proba([texts[a] for a in todo])
        classes = [str(c) for c in model.classes_]
        for article, row in zip(todo, probabilities, strict=True):
            best = int(row.argmax())
            source, title = info[article]
            out.append(
                Suggestion(
                    article, source, title, variable.name, classes[best], round(float(row[best]), 3)
                )
            )
        project.replace_code_suggestions(
            variable.id,
            [(s.article, s.value, s.confidence) for s in out if s.variable == variable.name],
        )
    return out
