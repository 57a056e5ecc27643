"""The classifier ``annotator.services.learn`` trains for an article-level variable.

TF-IDF features of the title and text: words, and character n-grams within the words of
the title and lead (which carry a word's family, "strike", "strikers", across the few
hundred articles a team codes); a linear classifier trained by stochastic gradient descent
on the logistic loss with balanced class weights, so that each suggestion has a
probability. The codebook's value labels ("Health", "Agriculture") are added to what it
trains on, one short example per value: with a few coded items per value they are much of
what the model knows of a value, and a value no one has coded yet can still be suggested.

Imported by ``learn`` when it trains (scikit-learn loads then, not when the window starts).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.pipeline import make_pipeline, make_union

from annotator.core import Variable

#: Character n-grams are read in the title and lead only: they matter most in short texts,
#: and over whole articles they would cost minutes for 10,000 of them.
LEAD_CHARS = 600
#: The classifier's regularisation, chosen on headlines no benchmark item is among.
ALPHA = 3e-4


def _lead(text: str) -> str:
    return text[:LEAD_CHARS].lower()


def value_examples(variable: Variable) -> list[tuple[str, str]]:
    """(text, value) pairs the codebook gives for free: each value's label."""
    return [
        (value.label, value.code)
        for value in variable.values
        if value.label.strip() and value.label.strip() != value.code
    ]


def text_model(seed: int) -> Any:
    """TF-IDF words and lead character n-grams, then a logistic-loss linear classifier."""
    return make_pipeline(
        make_union(
            TfidfVectorizer(sublinear_tf=True, max_features=50_000),
            TfidfVectorizer(
                sublinear_tf=True,
                analyzer="char_wb",
                ngram_range=(2, 5),
                max_features=200_000,
                preprocessor=_lead,
            ),
        ),
        SGDClassifier(loss="log_loss", class_weight="balanced", alpha=ALPHA, random_state=seed),
    )


def article_model(seed: int, variable: Variable | None = None) -> Any:
    """The model for ``variable``: ``text_model`` that also learns the value labels."""
    return WithExamples(text_model(seed), value_examples(variable) if variable else [])


class WithExamples(ClassifierMixin, BaseEstimator):
    """A text classifier that trains on ``examples`` (text, value) besides the items given:
    cross-validation clones it, so the examples join every fold's training items, never
    its test items."""

    def __init__(self, model: Any, examples: Sequence[tuple[str, str]] = ()) -> None:
        self.model = model
        self.examples = examples

    def fit(self, texts: Sequence[str], values: Sequence[str]) -> WithExamples:
        self.fitted_ = clone(self.model).fit(
            [*texts, *(t for t, _ in self.examples)], [*values, *(v for _, v in self.examples)]
        )
        self.classes_ = self.fitted_.classes_
        return self

    def predict(self, texts: Sequence[str]) -> Any:
        return self.fitted_.predict(texts)

    def predict_proba(self, texts: Sequence[str]) -> Any:
        return self.fitted_.predict_proba(texts)
