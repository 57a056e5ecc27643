"""The reliability report read from a real project file."""

from __future__ import annotations

import pytest

from annotator.core import (
    Actor,
    Annotation,
    Article,
    Category,
    Codebook,
    Coding,
    ValueLabel,
    Variable,
)
from annotator.services.agreement import project_agreement
from annotator.store import Project

#: Krippendorff (2011) example A as yes/no answers of two coders on ten articles:
#: alpha 2/21 (.095), Cohen's kappa 1/11.
ANN = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
BOB = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
TEXT = "Le ministre Jean Dupont a déclaré : « Nous tiendrons bon. » Puis il est parti. "


@pytest.fixture
def project(tmp_path):
    project = Project.create(tmp_path / "study.annotator")
    for i in range(10):
        project.add_article(Article(text=TEXT * (i + 1), title=f"Story {i}", id=f"a{i}"))
    variables = [
        Variable("conflict", kind="yesno", id="v-conflict"),
        Variable(
            "tone",
            kind="ordinal",
            values=(ValueLabel("-1"), ValueLabel("0"), ValueLabel("+1")),
            id="v-tone",
        ),
        Variable("summary", kind="text", id="v-summary"),
        Variable("speaker", kind="actor", id="v-speaker"),
        Variable("claimant", kind="actor", level="unit", category_id="claim", id="v-claimant"),
    ]
    categories = [Category("Quote", id="quote"), Category("Claim", id="claim")]
    project.install_codebook(Codebook(categories, variables, name="study"))
    project.save_actor(Actor("Jean Dupont", article_id="a0", id="actor-dupont"))
    for i, (a, b) in enumerate(zip(ANN, BOB, strict=True)):
        article = f"a{i}"
        project.set_coding(Coding(article, "v-conflict", "ann", "yes" if a else "no"))
        project.set_coding(Coding(article, "v-conflict", "bob", bool(b)))
        project.set_coding(Coding(article, "v-summary", "ann", "about a minister"))
        project.set_coding(Coding(article, "v-summary", "bob", "a minister speaks"))
        # The gold version is not a coder: its answers must change nothing.
        project.set_coding(Coding(article, "v-conflict", "adjudicated", "yes"))
    for i, (a, b) in enumerate([(-1, "-1"), (0, "0"), (1, "+1"), (1, "0")]):
        project.set_coding(Coding(f"a{i}", "v-tone", "ann", a))
        project.set_coding(Coding(f"a{i}", "v-tone", "bob", b))
    project.set_coding(Coding("a0", "v-speaker", "ann", "actor-dupont"))
    project.set_coding(Coding("a0", "v-speaker", "bob", {"name": "Jean  Dupont"}))
    start = TEXT.index("« ")
    end = TEXT.index(" »") + 2
    for coder in ("ann", "bob"):
        project.add_annotation(Annotation("a0", "quote", start, end, TEXT[start:end], coder))
    project.add_annotation(Annotation("a1", "claim", 0, 20, TEXT[:20], "ann"))
    project.add_annotation(Annotation("a1", "quote", 0, 20, TEXT[:20], "adjudicated"))
    yield project
    project.close()


def test_every_variable_and_category_gets_a_row(project):
    rows = project_agreement(project, draws=200)
    assert [r.name for r in rows] == [
        "conflict", "tone", "summary", "speaker", "claimant", "Quote", "Claim",
    ]  # fmt: skip
    by_name = {r.name: r for r in rows}
    conflict = by_name["conflict"]
    assert conflict.alpha == pytest.approx(2 / 21, abs=1e-12)
    assert (conflict.kappa, conflict.kappa_kind) == (pytest.approx(1 / 11), "cohen")
    assert conflict.units == 10 and conflict.coders == 2 and conflict.level == "nominal"
    assert conflict.ci is not None and conflict.ci[0] < conflict.alpha < conflict.ci[1]
    assert by_name["summary"].alpha is None and "free text" in by_name["summary"].reason
    # One coder's claim only: no unit two coders coded.
    claimant = by_name["claimant"]
    assert claimant.unit == "unit" and claimant.alpha is None and claimant.units == 0


def test_codes_and_actor_ids_are_matched_as_the_codebook_says(project):
    by_name = {r.name: r for r in project_agreement(project, draws=50)}
    tone = by_name["tone"]
    # -1/"-1", 0/"0" and 1/"+1" agree; only the last article disagrees.
    assert tone.level == "ordinal" and tone.percent_agreement == pytest.approx(3 / 4)
    speaker = by_name["speaker"]
    assert speaker.percent_agreement == 1.0 and speaker.units == 1


def test_spans_count_the_characters_of_articles_two_coders_coded(project):
    by_name = {r.name: r for r in project_agreement(project, draws=50)}
    total = sum(len(TEXT) * (i + 1) for i in range(10))
    quote, claim = by_name["Quote"], by_name["Claim"]
    assert quote.unit == "character" and quote.units == total and quote.alpha == 1.0
    assert claim.units == total and claim.alpha is not None and claim.alpha < 0


def test_variables_are_picked_by_name_and_unknown_names_are_named(project):
    rows = project_agreement(project, ["tone", "Quote"], draws=10)
    assert [r.name for r in rows] == ["tone", "Quote"]
    with pytest.raises(ValueError, match="tonality: no such variable"):
        project_agreement(project, ["tonality"])
