import pytest

from annotator.core import Coding, Variable
from annotator.services.codebooks import template_codebook
from annotator.services.frames import FRAMES, frame_items, frame_scores, yes_no


def _codings(book, article, coder, answers):
    by_name = {v.name: v.id for v in book.variables}
    return [Coding(article, by_name[name], coder, value) for name, value in answers.items()]


def test_the_frames_template_gives_every_frame_its_questions():
    items = frame_items(template_codebook("frames"))
    assert list(items) == list(FRAMES)
    assert {frame: len(questions) for frame, questions in items.items()} == {
        "conflict": 4,
        "human_interest": 5,
        "economic": 3,
        "morality": 3,
        "responsibility": 5,
    }


def test_scores_are_the_mean_of_yes_one_no_zero_when_every_question_is_answered():
    book = template_codebook("frames")
    codings = _codings(
        book,
        "a1",
        "ana",
        {
            "conflict_1": "1",
            "conflict_2": "1",
            "conflict_3": "0",
            "conflict_4": "0",
            "economic_1": True,
            "economic_2": "yes",
            "economic_3": "non",
            "morality_1": "99",  # "don't know": not an answer
        },
    )
    codings += _codings(book, "a1", "ben", {"conflict_1": 0, "responsibility_5": "oui"})
    scores = frame_scores(book, codings)
    assert set(scores) == {("a1", "ana"), ("a1", "ben")}
    ana = scores[("a1", "ana")]
    assert ana["conflict"] == 0.5
    assert ana["economic"] == pytest.approx(2 / 3)
    assert ana["morality"] is None  # "don't know" is no answer
    assert ana["human_interest"] is None
    # One question of four (or five) answered: no score, never the mean of one answer.
    assert scores[("a1", "ben")] == {
        "conflict": None,
        "human_interest": None,
        "economic": None,
        "morality": None,
        "responsibility": None,
    }


def test_frames_in_a_codebook_of_ones_own_are_found_by_name_and_type():
    book = template_codebook("pca")
    book.variables += [
        Variable(name="conflict_1", kind="yesno"),
        Variable(name="conflict_2", kind="nominal"),  # not a yes/no question
        Variable(name="conflicts", kind="yesno"),
        Variable(name="morality_1", kind="yesno", level="unit", category_id="x"),
    ]
    items = frame_items(book)
    assert {f: [v.name for v in vs] for f, vs in items.items()} == {"conflict": ["conflict_1"]}
    other = [Coding("a", book.variables[0].id, "ana", "1")]  # a claim variable only
    assert frame_scores(book, other) == {("a", "ana"): {"conflict": None}}


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, 1), (False, 0), (1, 1), (0, 0), ("Yes", 1), (" no ", 0), ("Oui", 1), (None, None)],
)
def test_yes_no_reads_the_ways_answers_are_stored(value, expected):
    assert yes_no(value) == expected
