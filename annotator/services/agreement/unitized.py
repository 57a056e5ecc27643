"""Agreement on span coding, as a character-level alpha.

Every character of an article is a unit. For one category, each coder who coded the
article gives each character the value 1 when one of their spans of that category covers
it and 0 otherwise; alpha is the nominal (binary) alpha over those values, and the
bootstrap resamples whole articles, since neighbouring characters are not independent.

Why this rather than Krippendorff's unitized alpha (u-alpha): it answers the question
coders ask ("did we mark the same text with this category?") with the same alpha, percent
agreement and kappa as the article-level variables, it handles a category applied to
overlapping spans and several categories on the same text (each category is judged on its
own), and it needs no further choices. What it does not do, which u-alpha does, is
treat each coded span as a unit with boundaries: here a span that two coders mark with
different ends costs exactly the characters they disagree on, whatever its length.
Character agreement is dominated by the long stretches nobody coded, so percent agreement
runs high; alpha corrects for that, and is the figure to report.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence

import numpy as np

from annotator.services.agreement.stats import ReliabilityData

#: (article id, coder, start, end): a span coded with the category, end exclusive.
Span = tuple[Hashable, str, int, int]


def coders_per_article(spans: Iterable[Span]) -> dict[Hashable, list[str]]:
    """The coders who made at least one span in each article."""
    coders: dict[Hashable, dict[str, None]] = {}
    for article, coder, _start, _end in spans:
        coders.setdefault(article, {})[coder] = None
    return {article: list(names) for article, names in coders.items()}


def character_data(
    spans: Iterable[Span],
    lengths: Mapping[Hashable, int],
    coders_by_article: Mapping[Hashable, Iterable[str]] | None = None,
) -> ReliabilityData:
    """Reliability data of one category over the characters of the articles.

    ``coders_by_article`` names who coded each article: a coder who coded an article but
    made no span of this category there gives it 0 everywhere. By default it is who made
    spans of this category, which overstates agreement; pass who coded the article at all
    (for instance, who made any span there in any category). Articles coded by fewer than
    two coders are left out. Spans are clipped to the article; an article coded by two
    coders or more without a length is an error that names the article.

    Identical characters (same values from the same coders in one article) are pooled
    into one weighted unit, so a project of a million characters stays a few hundred
    units.
    """
    by_article: dict[Hashable, list[tuple[str, int, int]]] = {}
    for article, coder, start, end in spans:
        by_article.setdefault(article, []).append((coder, start, end))
    if coders_by_article is None:
        coders_by_article = {a: [c for c, _, _ in s] for a, s in by_article.items()}
    coders_in = {a: list(dict.fromkeys(names)) for a, names in coders_by_article.items()}
    for article, coded in by_article.items():
        missing = {c for c, _, _ in coded} - set(coders_in.get(article, ()))
        if missing:
            coders_in.setdefault(article, []).extend(sorted(missing))

    all_coders = list(dict.fromkeys(c for names in coders_in.values() for c in names))
    row = {c: i for i, c in enumerate(all_coders)}
    blocks: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    clusters: list[np.ndarray] = []
    for cluster, (article, names) in enumerate(coders_in.items()):
        if len(names) < 2:
            continue
        if article not in lengths:
            raise ValueError(
                f"article {article}: coded by {len(names)} coders but its length is unknown"
            )
        length = int(lengths[article])
        if length <= 0:
            continue
        patterns, counts = _patterns(by_article.get(article, []), names, length)
        block = np.full((len(all_coders), len(counts)), -1, dtype=np.int64)
        block[[row[c] for c in names]] = patterns
        blocks.append(block)
        weights.append(counts.astype(float))
        clusters.append(np.full(len(counts), cluster, dtype=np.int64))
    if not blocks:
        return ReliabilityData(
            coders=tuple(all_coders),
            values=(0, 1),
            codes=np.full((len(all_coders), 0), -1, dtype=np.int64),
            weights=np.zeros(0),
            clusters=np.zeros(0, dtype=np.int64),
        )
    return ReliabilityData(
        coders=tuple(all_coders),
        values=(0, 1),
        codes=np.concatenate(blocks, axis=1),
        weights=np.concatenate(weights),
        clusters=np.concatenate(clusters),
    )


def _patterns(
    spans: Sequence[tuple[str, int, int]], names: Sequence[str], length: int
) -> tuple[np.ndarray, np.ndarray]:
    """The distinct columns of the coders x characters 0/1 matrix, and how often each occurs."""
    index = {c: i for i, c in enumerate(names)}
    edges = np.zeros((len(names), length + 1), dtype=np.int32)
    for coder, start, end in spans:
        start, end = max(0, int(start)), min(length, int(end))
        if start < end:
            edges[index[coder], start] += 1
            edges[index[coder], end] -= 1
    covered = np.cumsum(edges[:, :length], axis=1) > 0
    if len(names) > 62:
        patterns, counts = np.unique(covered, axis=1, return_counts=True)
        return patterns.astype(np.int64), counts
    # Each character's column as the bits of one integer: counting integers is much faster
    # than finding unique columns.
    bits = np.left_shift(np.int64(1), np.arange(len(names), dtype=np.int64))
    keys, counts = np.unique(bits @ covered, return_counts=True)
    return (keys[None, :] >> np.arange(len(names))[:, None]) & 1, counts
