"""Units matched across coders, for agreement on unit variables (a claim's claimant, position).

Two coders who each coded a claim in the same place have coded the same unit; the
agreement on its claimant or position is then a comparison of their two values. This
module says which spans are "the same unit".

Matching rule. Within one article and one category, a coder's span and another coder's
span *match* when the characters they share are at least half of the longer of the two
(``overlap(a, b) = |a ∩ b| / max(|a|, |b|) >= 0.5``; two identical spans overlap 1.0).
Spans are grouped into units greedily, best overlap first (ties: earlier text first):
two groups join when they hold no coder in common and every span of one matches every
span of the other. So a unit holds at most one span per coder, and all its spans share
at least half of their characters pairwise. A span no other coder's span matches is a
unit of one coder; it counts for nothing in unit-variable agreement (whether the unit
exists at all is what the character-level alpha of the category measures).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from annotator.core import Annotation

#: The least share of the longer span that two spans must share to be the same unit.
MATCH_THRESHOLD = 0.5


def overlap(a: Annotation, b: Annotation) -> float:
    """Characters shared by two spans over the length of the longer one (0.0 to 1.0)."""
    if (a.start, a.end) == (b.start, b.end):
        return 1.0
    longer = max(a.end - a.start, b.end - b.start)
    shared = min(a.end, b.end) - max(a.start, b.start)
    if longer <= 0 or shared <= 0:
        return 0.0
    return shared / longer


def match_units(
    spans: Sequence[Annotation], threshold: float = MATCH_THRESHOLD
) -> list[list[Annotation]]:
    """Group one article's spans of one category into units (see the module docstring).

    Returns the units in text order, each with its spans in coder order of first
    appearance; a span matched with no other is a unit of its own.
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, spans[i].end, i))
    pairs: list[tuple[float, int, int]] = []
    # A sweep over spans sorted by start: only spans that overlap are compared.
    for position, i in enumerate(order):
        for j in order[position + 1 :]:
            if spans[j].start >= spans[i].end:
                break
            if spans[i].coder != spans[j].coder:
                ratio = overlap(spans[i], spans[j])
                if ratio >= threshold:
                    pairs.append((ratio, i, j))
    rank = {i: r for r, i in enumerate(order)}
    pairs.sort(key=lambda p: (-p[0], rank[p[1]], rank[p[2]]))

    group_of = {i: i for i in range(len(spans))}
    members: dict[int, list[int]] = {i: [i] for i in range(len(spans))}
    for _ratio, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        left, right = members[gi], members[gj]
        if {spans[k].coder for k in left} & {spans[k].coder for k in right}:
            continue
        if any(overlap(spans[a], spans[b]) < threshold for a in left for b in right):
            continue
        for k in right:
            group_of[k] = gi
        left.extend(right)
        del members[gj]
    units = [sorted(group, key=lambda k: rank[k]) for group in members.values()]
    units.sort(key=lambda group: rank[group[0]])
    return [[spans[k] for k in group] for group in units]


def units_by_article(
    annotations: Iterable[Annotation], category_id: str, threshold: float = MATCH_THRESHOLD
) -> dict[str, list[list[Annotation]]]:
    """The units of one category in each article, matched as ``match_units`` does."""
    spans: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        if annotation.category_id == category_id:
            spans.setdefault(annotation.article_id, []).append(annotation)
    return {article: match_units(group, threshold) for article, group in spans.items()}


def unit_values(
    units: dict[str, list[list[Annotation]]],
    variable_id: str,
    resolve: Callable[[str, Any], Any] | None = None,
) -> dict[tuple[Hashable, str], Any]:
    """``{((article, unit number), coder): value}`` of one unit variable over the units
    that two coders or more coded, ready for ``ReliabilityData.from_mapping``;
    ``resolve(article_id, value)`` turns a stored value into the one compared."""
    values: dict[tuple[Hashable, str], Any] = {}
    for article, article_units in units.items():
        for number, unit in enumerate(article_units):
            if len(unit) < 2:
                continue
            for span in unit:
                value = span.attributes.get(variable_id)
                if resolve is not None:
                    value = resolve(article, value)
                values[((article, number), span.coder)] = value
    return values
