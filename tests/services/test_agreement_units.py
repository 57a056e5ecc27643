"""Unit variables: units matched across coders by span overlap, then alpha on their values."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from annotator.core import Annotation, Article, Category, Codebook, ValueLabel, Variable
from annotator.services.agreement import project_agreement
from annotator.services.agreement.units import match_units, overlap
from annotator.store import Project


def span(coder: str, start: int, end: int, article: str = "a") -> Annotation:
    return Annotation(article, "claim", start, end, "", coder, id=f"{coder}-{start}-{end}")


def test_overlap_is_shared_characters_over_the_longer_span():
    assert overlap(span("ann", 0, 10), span("bob", 0, 10)) == 1.0
    assert overlap(span("ann", 0, 10), span("bob", 5, 10)) == 0.5
    assert overlap(span("ann", 0, 10), span("bob", 5, 25)) == 0.25
    assert overlap(span("ann", 0, 10), span("bob", 10, 20)) == 0.0


def test_spans_sharing_half_their_characters_are_one_unit():
    units = match_units(
        [
            span("ann", 0, 20),
            span("bob", 2, 22),  # 18 of 20 shared: the same claim
            span("ann", 40, 60),
            span("bob", 50, 80),  # 10 of 30 shared: another claim
            span("cy", 41, 59),
        ]
    )
    ids = [[s.id for s in unit] for unit in units]
    assert ids == [["ann-0-20", "bob-2-22"], ["ann-40-60", "cy-41-59"], ["bob-50-80"]]


def test_a_unit_holds_one_span_per_coder_and_every_pair_matches():
    # bob's span matches both of ann's; the better overlap wins, the other stays alone.
    units = match_units([span("ann", 0, 10), span("ann", 8, 20), span("bob", 1, 11)])
    assert [[s.id for s in u] for u in units] == [["ann-0-10", "bob-1-11"], ["ann-8-20"]]
    # a-b and b-c match, a-c does not: c is not pulled into a's unit through b.
    units = match_units([span("a", 0, 10), span("b", 4, 14), span("c", 8, 18)])
    assert sorted(len(u) for u in units) == [1, 2]
    for unit in units:
        for first in unit:
            for second in unit:
                assert overlap(first, second) >= 0.5


TEXT = "The minister said the reform would go ahead. Unions say they will strike. " * 3
POSITION = Variable(
    "position",
    kind="ordinal",
    level="unit",
    category_id="claim",
    values=(ValueLabel("-1"), ValueLabel("0"), ValueLabel("+1")),
    id="v-position",
)
CLAIMANT = Variable("claimant", kind="actor", level="unit", category_id="claim", id="v-claimant")


@pytest.fixture
def project(tmp_path):
    project = Project.create(tmp_path / "units.annotator")
    project.install_codebook(Codebook([Category("Claim", id="claim")], [POSITION, CLAIMANT]))
    for i in range(4):
        project.add_article(Article(text=TEXT + f" Story {i}.", id=f"a{i}"))
    yield project
    project.close()


def code(project, article, coder, start, end, **values):
    text = project.article(article).text
    attributes = {f"v-{k}": v for k, v in values.items()}
    project.add_annotation(
        Annotation(article, "claim", start, end, text[start:end], coder, attributes)
    )


def test_unit_variables_get_alpha_over_the_matched_units(project):
    # Each claim as (start, end); each coder codes it with small boundary differences.
    claims = [(0, 44), (45, 74), (75, 119)]
    positions = {  # per article and claim: ann, bob, cy (None: that coder missed the claim)
        "a0": [("+1", "+1", "+1"), ("-1", "-1", "0"), ("0", "+1", None)],
        "a1": [("+1", "0", "+1"), ("-1", "-1", "-1"), (None, "0", "0")],
        "a2": [("0", "0", "0"), ("-1", "0", "-1"), ("+1", "+1", "+1")],
    }
    matrix = []
    for article, rows in positions.items():
        for (start, end), values in zip(claims, rows, strict=True):
            for shift, coder, value in zip((0, 2, -1), ("ann", "bob", "cy"), values, strict=True):
                if value is not None:
                    code(
                        project, article, coder, start + max(shift, 0), end + shift, position=value
                    )
            matrix.append([np.nan if v is None else float(v) for v in values])
    # A claim only ann saw, and ann's claim in an article nobody else coded: no unit pairs.
    code(project, "a0", "ann", 120, 140, position="+1")
    code(project, "a3", "ann", 0, 44, position="-1")
    # Names compare without case and extra spaces.
    code(project, "a3", "bob", 0, 44, claimant="The  Minister")
    code(project, "a3", "cy", 0, 44, claimant="the minister")

    rows = {r.name: r for r in project_agreement(project, draws=200)}
    position = rows["position"]
    reference = krippendorff.alpha(
        np.array(matrix).T, level_of_measurement="ordinal", value_domain=[-1.0, 0.0, 1.0]
    )
    assert position.unit == "unit" and position.level == "ordinal"
    assert position.alpha == pytest.approx(reference, abs=1e-9)
    assert position.units == 9 and position.coders == 3
    assert position.kappa_kind == "fleiss"
    assert position.ci is not None and position.ci[0] <= position.alpha <= position.ci[1]
    claimant = rows["claimant"]
    assert claimant.percent_agreement == 1.0 and claimant.units == 1


def test_unit_variables_are_picked_by_name(project):
    code(project, "a0", "ann", 0, 44, position="+1")
    code(project, "a0", "bob", 0, 44, position="-1")
    rows = project_agreement(project, ["position"], draws=20)
    assert [r.name for r in rows] == ["position"]
    assert rows[0].percent_agreement == 0.0
