"""Adjudication on a real project file: disagreements listed, settled, kept on reopening."""

from __future__ import annotations

import pytest

from annotator.core import (
    Annotation,
    Article,
    Category,
    Codebook,
    Coding,
    ValueLabel,
    Variable,
)
from annotator.services.adjudication import (
    ADJUDICATED,
    article_disagreements,
    choose,
    copy_agreements,
    disagreements,
    progress,
    settle_value,
)
from annotator.services.agreement import project_agreement
from annotator.store import Project

TEXT = "The minister said the reform would go ahead. Unions say they will strike. The end."
CONFLICT = Variable("conflict", kind="yesno", id="v-conflict")
TOPIC = Variable("topic", values=(ValueLabel("economy"), ValueLabel("health")), id="v-topic")
POSITION = Variable(
    "position",
    kind="ordinal",
    level="unit",
    category_id="claim",
    values=(ValueLabel("-1"), ValueLabel("0"), ValueLabel("+1")),
    id="v-position",
)
CLAIMANT = Variable("claimant", kind="actor", level="unit", category_id="claim", id="v-claimant")
CODEBOOK = Codebook(
    [Category("Claim", id="claim"), Category("Frame", id="frame")],
    [CONFLICT, TOPIC, POSITION, CLAIMANT],
)
FIRST = (0, 44)  # "The minister said the reform would go ahead."
SECOND = (45, 73)  # "Unions say they will strike."


@pytest.fixture
def path(tmp_path):
    return make_study(tmp_path / "study.annotator")


def make_study(path):
    """Two coders on three articles; five disagreements in a0 and a1 (see the first test)."""
    with Project.create(path) as project:
        project.install_codebook(CODEBOOK)
        for i in range(3):
            project.add_article(Article(text=TEXT + f" {i}", title=f"Story {i}", id=f"a{i}"))
        # a0: ann and bob disagree on conflict and on the first claim's position.
        code(project, "a0", "ann", conflict="yes", topic="economy")
        code(project, "a0", "bob", conflict=False, topic="economy")
        span(project, "a0", "ann", FIRST, position="+1", claimant="The minister")
        span(project, "a0", "bob", FIRST, position="-1", claimant="the  minister")
        # a1: bob left topic unanswered; ann coded a second claim bob did not see; the
        # first claim's boundaries differ a little.
        code(project, "a1", "ann", conflict=True, topic="health")
        code(project, "a1", "bob", conflict="yes")
        span(project, "a1", "ann", FIRST, position="0", claimant="Unions")
        span(project, "a1", "bob", (4, 44), position="0", claimant="Unions")
        span(project, "a1", "ann", SECOND, position="-1")
        # a2: one coder only: nothing to compare.
        code(project, "a2", "ann", conflict="no")
    return path


def code(project, article, coder, **values):
    for name, value in values.items():
        project.set_coding(Coding(article, f"v-{name}", coder, value))


def span(project, article, coder, bounds, category="claim", **values):
    start, end = bounds
    text = project.article(article).text[start:end]
    attributes = {f"v-{name}": value for name, value in values.items()}
    annotation = Annotation(article, category, start, end, text, coder, attributes)
    project.add_annotation(annotation)
    return annotation


def listed(project):
    return [(d.article_id, d.kind, d.name) for d in disagreements(project)]


def test_disagreements_are_listed_per_article_and_variable(path):
    with Project.open(path) as project:
        found = disagreements(project)
    assert [(d.article_id, d.kind, d.name) for d in found] == [
        ("a0", "article", "conflict"),  # yes / no
        ("a0", "unit", "position"),  # +1 / -1; claimants agree (case and spaces ignored)
        ("a1", "article", "topic"),  # health / unanswered; True and "yes" agree
        ("a1", "span", "Claim"),  # boundaries 0-44 / 4-44
        ("a1", "span", "Claim"),  # coded by ann only
    ]
    conflict, position, topic, bounds, missed = found
    # Yes/no answers are kept as the canonical codes, whatever spelling was given.
    assert conflict.versions == {"ann": "1", "bob": "0"}
    assert position.versions == {"ann": "+1", "bob": "-1"}
    assert topic.versions == {"ann": "health", "bob": None}
    assert {c: (a.start, a.end) for c, a in bounds.versions.items()} == {
        "ann": FIRST,
        "bob": (4, 44),
    }
    assert missed.versions["bob"] is None and missed.versions["ann"].start == SECOND[0]
    assert progress(found) == (0, 5)
    assert not any(d.settled for d in found)


def test_choosing_a_version_stores_it_as_adjudicated_and_it_stays_settled(path):
    with Project.open(path) as project:
        conflict, position, topic, bounds, missed = disagreements(project)
        assert choose(project, conflict, "ann").settled
        choose(project, topic, "bob")  # bob's "no answer" is a choice too
        choose(project, bounds, "bob")
        choose(project, missed, "bob")  # bob did not code it: not a unit
        settle_value(project, position, "0")  # an edited value

    with Project.open(path) as project:
        found = disagreements(project)
        assert progress(found) == (5, 5)
        gold = {(d.article_id, d.name, d.kind): d.adjudicated for d in found}
        assert gold[("a0", "conflict", "article")] == "1"
        assert gold[("a1", "topic", "article")] is None
        assert gold[("a0", "position", "unit")] == "0"
        chosen = [d for d in found if d.kind == "span"]
        assert (chosen[0].adjudicated.start, chosen[0].adjudicated.end) == (4, 44)
        assert chosen[1].adjudicated is None
        assert project.codings("a0", ADJUDICATED)[0].value == "1"
        assert project.codings("a1", ADJUDICATED) == []
        spans = project.annotations(coder=ADJUDICATED)
        # a0's claim (made when its position was settled) and a1's first claim.
        assert sorted((s.article_id, s.start, s.end) for s in spans) == [
            ("a0", 0, 44),
            ("a1", 4, 44),
        ]
        a0 = next(s for s in spans if s.article_id == "a0")
        # The value settled, and the claimant both gave (spelled as ann did).
        assert a0.attributes == {"v-claimant": "The minister", "v-position": "0"}
        a1 = next(s for s in spans if s.article_id == "a1")
        assert a1.attributes == {"v-position": "0", "v-claimant": "Unions"}
        # The gold version is not a coder: the figures are the coders' alone.
        rows = {r.name: r for r in project_agreement(project, draws=10)}
        assert rows["conflict"].coders == 2


def test_one_article_is_listed_alone(path):
    with Project.open(path) as project:
        everything = disagreements(project)
        alone = article_disagreements(project, "a1")
        assert alone == [d for d in everything if d.article_id == "a1"]
        assert article_disagreements(project, "a2") == []


def test_changing_a_choice_updates_the_same_adjudicated_span(path):
    with Project.open(path) as project:
        bounds = [d for d in disagreements(project) if d.kind == "span"][0]
        bounds = choose(project, bounds, "ann")
        first_id = bounds.gold_span.id
        bounds = choose(project, bounds, "bob")
        assert bounds.gold_span.id == first_id
        spans = project.annotations(coder=ADJUDICATED)
        assert [(s.id, s.start) for s in spans] == [(first_id, 4)]
        # Not a unit after all: the adjudicated span goes, and that is settled too.
        missing = choose(project, bounds, "ann")
        assert missing.settled
        with pytest.raises(ValueError, match="not a coder"):
            choose(project, bounds, "zoe")


def test_a_value_settled_then_changed_back_to_a_coders(path):
    with Project.open(path) as project:
        topic = [d for d in disagreements(project) if d.name == "topic"][0]
        choose(project, topic, "bob")
        choose(project, topic, "ann")
        topic = [d for d in disagreements(project) if d.name == "topic"][0]
        assert topic.settled and topic.adjudicated == "health"


def test_what_every_coder_agrees_on_is_copied_once(path):
    with Project.open(path) as project:
        written = copy_agreements(project)
        # a0: topic (economy) and the first claim (same boundaries); a1: conflict.
        assert written == 3
        assert project.codings("a0", ADJUDICATED)[0].value == "economy"
        assert project.codings("a1", ADJUDICATED)[0].value == "1"
        (claim,) = project.annotations(coder=ADJUDICATED)
        # Positions differ: only the claimant is copied (case and spaces do not count).
        assert (claim.article_id, claim.start, claim.end) == ("a0", 0, 44)
        assert claim.attributes == {"v-claimant": "The minister"}
        assert copy_agreements(project) == 0
        # The copied claim is the adjudicated span of the unit whose position differs.
        position = [d for d in disagreements(project) if d.name == "position"][0]
        assert position.gold_span is not None and position.gold_span.id == claim.id
        assert not position.settled
