"""Character-level alpha for span coding, against a character-by-character matrix."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from annotator.services.agreement.stats import (
    ReliabilityData,
    bootstrap_alpha,
    krippendorff_alpha,
    reliability,
)
from annotator.services.agreement.unitized import character_data


def _matrix(spans, lengths, coders_by_article):
    """Coders x characters, one column per character, built the slow obvious way."""
    coders = list(dict.fromkeys(c for names in coders_by_article.values() for c in names))
    columns = []
    for article, names in coders_by_article.items():
        if len(names) < 2:
            continue
        for char in range(lengths[article]):
            column = []
            for coder in coders:
                if coder not in names:
                    column.append(np.nan)
                else:
                    covered = any(
                        a == article and c == coder and s <= char < e for a, c, s, e in spans
                    )
                    column.append(1.0 if covered else 0.0)
            columns.append(column)
    return np.array(columns, dtype=float).T


def test_character_alpha_equals_alpha_over_every_character():
    rng = np.random.default_rng(3)
    lengths = {f"art{i}": int(rng.integers(50, 400)) for i in range(6)}
    who = {a: ["ann", "bob", "cy"] if i % 3 else ["ann", "bob"] for i, a in enumerate(lengths)}
    spans = []
    for article, length in lengths.items():
        for _ in range(4):
            start = int(rng.integers(0, length - 20))
            end = start + int(rng.integers(5, 40))  # may run past the end: clipped
            for coder in who[article]:
                if rng.random() < 0.8:
                    jitter = rng.integers(-3, 4, 2)
                    spans.append((article, coder, start + int(jitter[0]), end + int(jitter[1])))
    data = character_data(spans, lengths, who)
    reference = krippendorff.alpha(_matrix(spans, lengths, who), level_of_measurement="nominal")
    assert krippendorff_alpha(data, "nominal") == pytest.approx(reference, abs=1e-9)
    # A few hundred weighted units stand for every character of the six articles.
    assert data.weights.sum() == sum(lengths.values())
    assert data.codes.shape[1] < 100


def test_a_coder_who_coded_the_article_without_this_category_disagrees():
    spans = [("a", "ann", 10, 30), ("a", "bob", 10, 30)]
    agreeing = character_data(spans, {"a": 100}, {"a": ["ann", "bob"]})
    assert krippendorff_alpha(agreeing, "nominal") == 1.0
    with_cy = character_data(spans, {"a": 100}, {"a": ["ann", "bob", "cy"]})
    alpha = krippendorff_alpha(with_cy, "nominal")
    assert alpha is not None and alpha < 0.7
    reference = krippendorff.alpha(
        _matrix(spans, {"a": 100}, {"a": ["ann", "bob", "cy"]}), level_of_measurement="nominal"
    )
    assert alpha == pytest.approx(reference, abs=1e-9)


def test_by_default_the_coders_of_an_article_are_those_with_spans():
    spans = [("a", "ann", 0, 10), ("a", "bob", 0, 12), ("b", "ann", 5, 9)]
    data = character_data(spans, {"a": 50, "b": 50})
    # Article b was coded by ann alone: not pairable, so only a's 50 characters count.
    assert reliability(data).units == 50


def test_overlapping_spans_of_one_coder_count_once():
    spans = [("a", "ann", 0, 10), ("a", "ann", 5, 20), ("a", "bob", 0, 20)]
    data = character_data(spans, {"a": 40}, {"a": ["ann", "bob"]})
    assert krippendorff_alpha(data, "nominal") == 1.0


def test_an_article_without_a_length_is_named():
    with pytest.raises(ValueError, match="article lost-7: .*length is unknown"):
        character_data([("lost-7", "ann", 0, 5), ("lost-7", "bob", 0, 5)], {})


def test_bootstrap_resamples_whole_articles():
    lengths = {"a": 100, "b": 100, "c": 100}
    spans = [
        ("a", "ann", 0, 50), ("a", "bob", 0, 50),
        ("b", "ann", 0, 50), ("b", "bob", 25, 75),
        ("c", "ann", 10, 20), ("c", "bob", 60, 70),
    ]  # fmt: skip
    who = {a: ["ann", "bob"] for a in lengths}
    data = character_data(spans, lengths, who)
    low, high = bootstrap_alpha(data, "nominal", draws=1, seed=9) or (None, None)
    picks = np.random.default_rng(9).integers(0, 3, size=(1, 3))[0]
    articles = list(lengths)
    drawn_spans = [
        (f"{articles[p]}#{i}", coder, s, e)
        for i, p in enumerate(picks)
        for a, coder, s, e in spans
        if a == articles[p]
    ]
    drawn_lengths = {f"{articles[p]}#{i}": 100 for i, p in enumerate(picks)}
    drawn = character_data(drawn_spans, drawn_lengths, {a: ["ann", "bob"] for a in drawn_lengths})
    assert low == high == pytest.approx(krippendorff_alpha(drawn, "nominal"), abs=1e-12)


def test_nothing_pairable_gives_an_empty_data_set():
    data = character_data([("a", "ann", 0, 5)], {"a": 10})
    assert isinstance(data, ReliabilityData) and data.codes.shape[1] == 0
    result = reliability(data)
    assert result.alpha is None and "fewer than 2 coders" in result.reason
