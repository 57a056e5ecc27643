"""Decisions on quote suggestions, unit and article values, over real project files."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import (
    Actor,
    Analysis,
    Annotation,
    Article,
    Category,
    Codebook,
    Mention,
    Quote,
    ValueLabel,
    Variable,
)
from annotator.services import coding
from annotator.services.codebooks import load_codebook_file, template_path
from annotator.store import Project

TEXT = (
    "“We will build the tram,” said Jane Smith, the transport minister.\n\n"
    "The mayor, Paul Martin, said that the budget was too small."
)
CLAIM = Category(name="Claim", color="#e57373", shortcut="C", id="claim")
TOPIC = Category(name="Topic", color="#64b5f6", id="topic")
ADDRESSEE = Variable(
    "addressee", "Addressee", "actor", "unit", "claim", position=0, id="v-addressee"
)
CLAIMANT = Variable(
    "claimant", "Claimant", "actor", "unit", "claim", required=True, position=1, id="v-claimant"
)
POSITION = Variable(
    "position",
    "Position",
    "ordinal",
    "unit",
    "claim",
    values=(ValueLabel("-1", "against"), ValueLabel("0", "neutral"), ValueLabel("+1", "for")),
    required=True,
    position=2,
    id="v-position",
)
CONFLICT = Variable("conflict_1", "Disagreement?", "yesno", required=True, id="v-conflict")
TONE = Variable("tone", "Tone", "nominal", values=(ValueLabel("1", "positive"),), id="v-tone")
CODEBOOK = Codebook([TOPIC, CLAIM], [ADDRESSEE, CLAIMANT, POSITION, CONFLICT, TONE], "PCA test")


def quote_of(text: str, said: str, speaker: str, actor_id: str) -> Quote:
    start = text.index(said)
    speaker_start = text.index(speaker)
    return Quote(
        start,
        start + len(said),
        said,
        "direct",
        speaker,
        speaker_start,
        speaker_start + len(speaker),
        "said",
        actor_id,
    )


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "study.annotator")
    project.install_codebook(CODEBOOK)
    jane = Actor("Jane Smith", mentions=[Mention(32, 42, "Jane Smith")], id="a-jane")
    paul = Actor("Paul Martin", mentions=[Mention(79, 90, "Paul Martin")], id="a-paul")
    quotes = [
        quote_of(TEXT, "We will build the tram,", "Jane Smith", "a-jane"),
        quote_of(TEXT, "the budget was too small", "Paul Martin", "a-paul"),
    ]
    project.add_article(
        Article(TEXT, title="Tram", id="art"), Analysis("en", [], quotes, [jane, paul])
    )
    return project


def test_accept_makes_a_claim_with_the_claimant_and_records_the_decision(
    project: Project, tmp_path: Path
) -> None:
    quote = project.quotes("art")[0]
    outcome = coding.accept_quote(project, "art", quote, "alice")
    project.close()

    with Project.open(tmp_path / "study.annotator") as again:
        [claim] = again.annotations("art", "alice")
        [decision] = again.decisions("art", "alice")
    assert (claim.category_id, claim.text, claim.attributes) == (
        "claim",
        "We will build the tram,",
        {"v-claimant": "Jane Smith"},  # claimant, not the addressee listed before it
    )
    assert decision.decision == "accepted" and decision.annotation_id == claim.id
    assert decision.suggestion["speaker"] == "Jane Smith"
    assert decision.result["actor_id"] == "a-jane"
    assert outcome.annotation is not None and outcome.annotation.id == claim.id


def test_correct_keeps_the_coders_span_and_speaker(project: Project) -> None:
    quote = project.quotes("art")[1]
    start = TEXT.index("the budget was too small")
    outcome = coding.correct_quote(
        project, "art", quote, "alice", start=start - 5, end=quote.end, speaker="Jane Smith"
    )
    [claim] = project.annotations("art")
    assert claim.text == "that the budget was too small"
    assert claim.attributes == {"v-claimant": "Jane Smith"}
    decision = project.decisions("art")[0]
    assert decision.decision == "corrected"
    assert decision.suggestion["speaker"] == "Paul Martin"
    assert (decision.result["start"], decision.result["speaker"]) == (start - 5, "Jane Smith")
    assert decision.result["actor_id"] == "a-jane"
    assert outcome.decision.id == decision.id


def test_reject_codes_nothing_and_undo_redo_round_trip(project: Project) -> None:
    quote = project.quotes("art")[1]
    rejected = coding.reject_quote(project, "art", quote, "alice")
    assert project.annotations("art") == []
    assert coding.quote_decisions(project.decisions("art"))[(quote.start, quote.end)].decision == (
        "rejected"
    )
    # The coder changes their mind: the newest decision counts, the old one stays on record.
    accepted = coding.accept_quote(project, "art", quote, "alice")
    assert accepted.replaced == [project.decisions("art")[0]]
    latest = coding.quote_decisions(project.decisions("art"))
    assert latest[(quote.start, quote.end)].decision == "accepted"

    coding.undo_outcome(project, accepted)
    assert project.annotations("art") == []
    latest = coding.quote_decisions(project.decisions("art"))
    assert latest[(quote.start, quote.end)].id == rejected.decision.id
    coding.redo_outcome(project, accepted)
    assert [a.id for a in project.annotations("art")] == [accepted.annotation.id]  # type: ignore[union-attr]
    assert len(project.decisions("art")) == 2


def test_the_quote_category_is_a_project_setting(project: Project) -> None:
    assert coding.quote_category(project) == CLAIM
    with pytest.raises(coding.CodingError, match="unit variables"):
        coding.set_quote_category(project, "topic")
    other = Category(name="Statement", id="statement")
    speaker = Variable("speaker", "Speaker", "actor", "unit", "statement", id="v-speaker")
    project.install_codebook(Codebook([other], [speaker]))
    coding.set_quote_category(project, "statement")
    outcome = coding.accept_quote(project, "art", project.quotes("art")[0], "bob")
    assert outcome.annotation is not None
    assert outcome.annotation.category_id == "statement"
    assert outcome.annotation.attributes == {"v-speaker": "Jane Smith"}


def test_accept_without_a_unit_category_says_why(tmp_path: Path) -> None:
    with Project.create(tmp_path / "plain.annotator") as project:
        project.install_codebook(Codebook([TOPIC]))
        project.add_article(
            Article(TEXT, id="art"),
            Analysis("en", [], [quote_of(TEXT, "We will build the tram,", "Jane Smith", "")]),
        )
        with pytest.raises(coding.CodingError, match="no unit category"):
            coding.accept_quote(project, "art", project.quotes("art")[0], "alice")
        assert project.decisions("art") == [] and project.annotations("art") == []


def test_values_memos_and_done(project: Project) -> None:
    outcome = coding.accept_quote(project, "art", project.quotes("art")[0], "alice")
    claim_id = outcome.annotation.id  # type: ignore[union-attr]
    assert coding.set_unit_value(project, claim_id, POSITION.id, "+1") is None
    assert coding.set_annotation_memo(project, claim_id, "irony?") == ""
    with pytest.raises(coding.CodingError, match="1 required answers missing: Disagreement"):
        coding.set_article_done(project, "art", "alice", True)
    assert coding.set_article_value(project, "art", "alice", CONFLICT.id, "1") is None
    assert coding.set_article_memo(project, "art", "alice", "check the headline") == ""
    assert coding.set_article_done(project, "art", "alice", True) is False

    claim = project.annotation(claim_id)
    assert claim is not None and claim.memo == "irony?"
    assert claim.attributes == {"v-claimant": "Jane Smith", "v-position": "+1"}
    status = project.article_status("art", "alice")
    assert (status.done, status.memo) == (True, "check the headline")
    assert coding.article_value(project, "art", "alice", CONFLICT.id) == "1"
    # Clearing a required unit value makes the article incomplete again.
    assert coding.set_unit_value(project, claim_id, CLAIMANT.id, "") == "Jane Smith"
    assert coding.missing_required(project, "art", "alice") == [
        "Claimant (Claim “We will build the tram,”)"
    ]


def test_the_pca_template_takes_the_speaker_as_claimant(project: Project) -> None:
    path = template_path("pca")
    if not path.exists():
        pytest.skip("the PCA template is not in resources/codebooks yet")
    pca = load_codebook_file(path)
    project.install_codebook(pca)
    claim = next(c for c in pca.categories if pca.is_unit(c.id))
    coding.set_quote_category(project, claim.id)
    outcome = coding.accept_quote(project, "art", project.quotes("art")[0], "alice")
    variable = coding.claimant_variable(pca, claim.id)
    assert variable is not None and variable.name == "claimant"
    assert outcome.annotation is not None
    assert outcome.annotation.attributes == {variable.id: "Jane Smith"}
    assert coding.actor_named(project.actors("art"), " jane  smith") is not None


# -- a quote coded by hand -----------------------------------------------------------------


def _claim_over(project: Project, start: int, end: int, **attributes: str) -> Annotation:
    return Annotation("art", "claim", start, end, TEXT[start:end], "alice", attributes=attributes)


def test_coding_a_quote_by_hand_decides_it(project: Project) -> None:
    quote = project.quotes("art")[0]
    # The coder selects the words between the quotation marks and codes them as a claim.
    made = coding.add_unit(project, _claim_over(project, quote.start, quote.end - 1))
    [decision] = made.decisions
    assert decision.decision == "corrected" and decision.result["by_hand"] is True
    assert decision.annotation_id == made.annotation.id
    # The speaker fills the claimant, as when the quote is accepted.
    assert project.annotation(made.annotation.id).attributes == {  # type: ignore[union-attr]
        "v-claimant": "Jane Smith"
    }
    latest = coding.quote_decisions(project.decisions("art", "alice"))
    assert latest[(quote.start, quote.end)].id == decision.id
    # A second code over the same quote is a code like any other: no second decision.
    again = coding.add_unit(project, _claim_over(project, quote.start, quote.end))
    assert again.decisions == []


def test_the_exact_span_and_speaker_count_as_accepting(project: Project) -> None:
    quote = project.quotes("art")[0]
    made = coding.add_unit(project, _claim_over(project, quote.start, quote.end))
    assert [d.decision for d in made.decisions] == ["accepted"]


def test_codes_that_do_not_cover_a_quote_decide_nothing(project: Project) -> None:
    quote = project.quotes("art")[1]
    # Less than half of the quote, and a span in another category over the whole quote.
    short = coding.add_unit(project, _claim_over(project, quote.start, quote.start + 5))
    topic = Annotation("art", "topic", quote.start, quote.end, quote.text, "alice")
    other = coding.add_unit(project, topic)
    assert short.decisions == other.decisions == []
    assert project.decisions("art") == []


def test_deleting_a_claim_made_from_a_quote_makes_the_quote_undecided(project: Project) -> None:
    first, second = project.quotes("art")
    accepted = coding.accept_quote(project, "art", first, "alice")
    by_hand = coding.add_unit(project, _claim_over(project, second.start, second.end))
    assert accepted.annotation is not None
    deleted = coding.delete_unit(project, accepted.annotation.id)
    assert [d.id for d in deleted.decisions] == [accepted.decision.id]
    latest = coding.quote_decisions(project.decisions("art", "alice"))
    assert (first.start, first.end) not in latest
    coding.delete_unit(project, by_hand.annotation.id)
    assert coding.quote_decisions(project.decisions("art", "alice")) == {}
    # Undoing the deletion brings the code and the decision back, under the same ids.
    coding.restore_unit(project, deleted)
    latest = coding.quote_decisions(project.decisions("art", "alice"))
    assert latest[(first.start, first.end)].annotation_id == accepted.annotation.id


def test_a_rejected_quote_coded_by_hand_counts_as_corrected(project: Project) -> None:
    quote = project.quotes("art")[1]
    coding.reject_quote(project, "art", quote, "alice")
    made = coding.add_unit(project, _claim_over(project, quote.start, quote.end, **{}))
    latest = coding.quote_decisions(project.decisions("art", "alice"))
    assert latest[(quote.start, quote.end)].id == made.decisions[0].id
    # Deleting the code: the rejection counts again.
    coding.delete_unit(project, made.annotation.id)
    latest = coding.quote_decisions(project.decisions("art", "alice"))
    assert latest[(quote.start, quote.end)].decision == "rejected"
