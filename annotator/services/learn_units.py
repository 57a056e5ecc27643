"""Unit-level suggestions: a claim's position or a quote's stance, learned from the coded units.

A unit is a span coded with a unit category (a claim, a stance); its yes/no, nominal and
ordinal variables are learned the way ``annotator.services.learn`` learns article-level
ones: the same linear classifier, the same stratified k-fold cross-validation, the same
figures (accuracy, macro F1, alpha between the machine and the coders, the majority
baseline), reported with ``"level": "unit"``. What the classifier reads is the span itself
(words, and character n-grams for a word's family: "oppose", "opposed", "opposition") and,
separately, the sentence around it, which carries the speaker's verb ("criticised",
« a salué ») that a short span often lacks.

The coded units learned from are, per article and category, the adjudicated spans where
the article has some, else the spans of the coder named (``--from``). ``suggest_units``
trains on all of them and predicts every unit (of any coder) whose variable is not
answered yet; predictions are stored as unit suggestions, never as codes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core import ADJUDICATED, Annotation, Codebook, Variable
from annotator.services.learn import (
    LEARNABLE,
    MIN_PER_VALUE,
    VariableReport,
    _too_few,
    evaluate_variable,
    report_dict,
)
from annotator.store import Project

#: The sentence around a span is read at most this far on each side (a paragraph without
#: a full stop must not make the context the whole article).
CONTEXT_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?…]+[\"»”’)]*\s+|\n")


@dataclass(frozen=True, slots=True)
class UnitSuggestion:
    """The machine's value for one variable of one unit (a coded span)."""

    article: str
    source: str
    title: str
    variable: str
    value: str
    confidence: float
    #: The unit: its annotation id, category, coder and span text.
    unit: str
    category: str
    coder: str
    text: str
    level: str = "unit"


def unit_variables(codebook: Codebook) -> list[Variable]:
    """Every learnable unit variable (yes/no, nominal, ordinal) of a unit category."""
    return [
        v
        for v in codebook.variables
        if v.level == "unit" and v.category_id is not None and v.kind in LEARNABLE
    ]


def split_names(
    codebook: Codebook, names: Sequence[str] | None
) -> tuple[list[str] | None, list[Variable]]:
    """The article-level names among ``names`` (None: all of them) and the unit variables
    named (all learnable ones when ``names`` is None); an article-level variable wins a
    name both levels use. A unit variable that cannot be learned is refused."""
    units = unit_variables(codebook)
    if names is None:
        return None, units
    article_names = {v.name for v in codebook.article_variables()}
    unit_names = {v.name for v in codebook.variables if v.level == "unit"} - article_names
    learnable = {v.name for v in units}
    refused = [n for n in names if n in unit_names and n not in learnable]
    if refused:
        raise ValueError(
            f"{', '.join(refused)}: only yes/no, nominal and ordinal variables can be learned"
        )
    chosen = [v for v in units if v.name in names and v.name in unit_names]
    return [n for n in names if n not in unit_names], chosen


def sentence(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) holding ``text[start:end]``: from after the last sentence
    end before the span to the first one after it, within ``CONTEXT_CHARS`` each side.
    Punctuation rules rather than a parser: this runs for every unit at every training."""
    low = max(0, start - CONTEXT_CHARS)
    before = text[low:start]
    cut = low
    for boundary in _SENTENCE_END.finditer(before):
        cut = low + boundary.end()
    after = text[end : end + CONTEXT_CHARS]
    following = _SENTENCE_END.search(after)
    stop = end + (following.end() if following else len(after))
    return text[cut:stop].strip()


def _unit_model(seed: int) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.preprocessing import FunctionTransformer

    return make_pipeline(
        make_union(
            make_pipeline(FunctionTransformer(_spans), TfidfVectorizer(sublinear_tf=True)),
            make_pipeline(
                FunctionTransformer(_spans),
                TfidfVectorizer(sublinear_tf=True, analyzer="char_wb", ngram_range=(2, 5)),
            ),
            make_pipeline(FunctionTransformer(_contexts), TfidfVectorizer(sublinear_tf=True)),
        ),
        SGDClassifier(loss="log_loss", class_weight="balanced", alpha=1e-4, random_state=seed),
    )


def _spans(items: Sequence[tuple[str, str]]) -> list[str]:
    return [span for span, _context in items]


def _contexts(items: Sequence[tuple[str, str]]) -> list[str]:
    return [context for _span, context in items]


def _unit_texts(
    project: Project, annotations: Sequence[Annotation], category_ids: set[str]
) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Annotation id -> (span text, its sentence) for every span of a unit category;
    article id -> (source file, title) of their articles."""
    by_article: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        if annotation.category_id in category_ids:
            by_article.setdefault(annotation.article_id, []).append(annotation)
    texts: dict[str, tuple[str, str]] = {}
    info: dict[str, tuple[str, str]] = {}
    for article_id, spans in by_article.items():
        article = project.article(article_id)
        info[article_id] = (article.source_file, article.title)
        for a in spans:
            texts[a.id] = (a.text, sentence(article.text, a.start, a.end))
    return texts, info


def unit_training_labels(
    annotations: Sequence[Annotation], variable: Variable, coder: str | None = None
) -> dict[str, str]:
    """Annotation id -> the value its unit was coded with, for the units learned from: per
    article, the adjudicated spans of the variable's category where there are some, else
    ``coder``'s (each coder codes a unit with a span of their own: only one version counts)."""
    spans = [a for a in annotations if a.category_id == variable.category_id]
    adjudicated = {a.article_id for a in spans if a.coder == ADJUDICATED}
    labels: dict[str, str] = {}
    for a in spans:
        value = a.attributes.get(variable.id)
        if value in (None, ""):
            continue
        if a.coder == ADJUDICATED or (
            coder is not None and a.coder == coder and a.article_id not in adjudicated
        ):
            labels[a.id] = str(value)
    return labels


def learn_units(
    project: Project,
    variables: Sequence[Variable],
    coder: str | None = None,
    folds: int = 5,
    seed: int = 0,
) -> list[VariableReport]:
    """Cross-validated figures for each unit variable (``level`` "unit")."""
    if folds < 2:
        raise ValueError("--folds: give 2 or more")
    if not variables:
        return []
    annotations = project.annotations()
    texts, _info = _unit_texts(project, annotations, {v.category_id or "" for v in variables})
    reports = []
    for variable in variables:
        labels = unit_training_labels(annotations, variable, coder)
        report = evaluate_variable(
            variable, labels, texts, folds, seed, model=_unit_model, noun="units"
        )
        report.level = "unit"
        reports.append(report)
    return reports


def keep_unit_reports(project: Project, reports: Sequence[VariableReport]) -> None:
    """Add the unit variables' figures to the learn report kept in the project (after the
    article-level ones ``learn`` kept), replacing those of an earlier run."""
    try:
        kept = json.loads(project.meta("learn_report") or "{}")
    except ValueError:
        kept = {}
    if not isinstance(kept, dict):
        kept = {}
    rows = [r for r in kept.get("variables", []) if r.get("level", "article") != "unit"]
    kept["variables"] = rows + [report_dict(r) for r in reports]
    # The machine as a coder of units (services.machine_coder): its value per unit.
    kept["unit_predictions"] = {r.name: r.predictions for r in reports if r.predictions}
    project.set_meta("learn_report", json.dumps(kept))


def suggest_units(
    project: Project,
    variables: Sequence[Variable],
    coder: str | None = None,
    seed: int = 0,
) -> list[UnitSuggestion]:
    """Predict each unit variable for the units whose value is not coded yet, store the
    predictions as unit suggestions (replacing earlier ones) and return them."""
    if not variables:
        return []
    codebook = project.codebook()
    annotations = project.annotations()
    texts, info = _unit_texts(project, annotations, {v.category_id or "" for v in variables})
    by_id = {a.id: a for a in annotations}
    out: list[UnitSuggestion] = []
    for variable in variables:
        labels = unit_training_labels(annotations, variable, coder)
        if _too_few(Counter(labels.values()), MIN_PER_VALUE):
            continue
        todo = [
            a.id
            for a in annotations
            if a.category_id == variable.category_id and a.attributes.get(variable.id) in (None, "")
        ]
        if not todo:
            continue
        model = _unit_model(seed)
        ids = list(labels)
        model.fit([texts[a] for a in ids], [labels[a] for a in ids])
        probabilities = model.predict_proba([texts[a] for a in todo])
        classes = [str(c) for c in model.classes_]
        category = codebook.by_id(variable.category_id or "")
        made = []
        for annotation_id, row in zip(todo, probabilities, strict=True):
            best = int(row.argmax())
            unit = by_id[annotation_id]
            source, title = info[unit.article_id]
            made.append(
                UnitSuggestion(
                    unit.article_id,
                    source,
                    title,
                    variable.name,
                    classes[best],
                    round(float(row[best]), 3),
                    unit=annotation_id,
                    category=category.name if category else "",
                    coder=unit.coder,
                    text=unit.text,
                )
            )
        project.replace_unit_suggestions(
            variable.id, [(s.unit, s.article, s.value, s.confidence) for s in made]
        )
        out.extend(made)
    return out
