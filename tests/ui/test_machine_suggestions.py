"""The machine's suggested codes in the real window (issue 15, item 4): shown in place and
apart from the coder's answers, accepted with one key, overridden by any answer, every
decision recorded, the model's quality shown, training in a background thread."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from annotator.core import Article, Codebook, Coding, ValueLabel, Variable
from annotator.services.code_suggestions import (
    MOST_USEFUL,
    coding_order,
    learn_report,
    most_useful_next,
    train_and_suggest,
)
from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui.article_form import SUGGESTION_STYLE
from tests.ui.coding_project import open_window

TOPIC = Variable(
    "topic",
    "Topic of the story",
    kind="nominal",
    values=(ValueLabel("1", "Sport"), ValueLabel("2", "Economy")),
    id="v-topic",
)
NOTE = Variable("note", "Note", kind="text", id="v-note")
SPORT = ["match", "goal", "league", "coach", "striker", "season", "stadium", "cup"]
MONEY = ["budget", "tax", "inflation", "bank", "deficit", "market", "wages", "bond"]


def make(path: Path, coded: int = 30, uncoded: int = 4) -> list[str]:
    """Articles a0… coded by alice for topic (odd: sport), the last ``uncoded`` not coded;
    the machine trained and its suggestions stored. Returns the uncoded ids."""
    rng = random.Random(3)
    with Project.create(path) as project:
        project.install_codebook(Codebook([], [TOPIC, NOTE]))
        for n in range(coded + uncoded):
            sport = n % 2 == 1
            words = [rng.choice(SPORT if sport else MONEY) for _ in range(30)]
            project.add_article(Article(text=" ".join(words) + f" {n}.", id=f"a{n:02d}"))
            if n < coded:
                project.set_coding(Coding(f"a{n:02d}", TOPIC.id, "alice", "1" if sport else "2"))
        assert train_and_suggest(project, "alice") == uncoded
    return [f"a{n:02d}" for n in range(coded, coded + uncoded)]


def show(qtbot: QtBot, path: Path, settings: Settings, article_id: str):
    window = open_window(qtbot, path, settings)
    window.article_list.select_article(article_id)
    qtbot.waitUntil(lambda: window.article_form.article_id == article_id)
    window.tabs.setCurrentWidget(window.article_form)
    return window


def test_the_suggestion_shows_in_place_as_the_machines_and_one_key_accepts_it(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    uncoded = make(path)
    sport = uncoded[1]  # a31: odd, sport words
    window = show(qtbot, path, settings, sport)
    form = window.article_form
    chip = form.chips[TOPIC.id]
    field = form.fields[TOPIC.id]
    assert chip.isVisible() and chip.styleSheet() == SUGGESTION_STYLE
    assert chip.text().startswith("machine: Sport (1) · ") and chip.text().endswith("%")
    assert field.value() is None  # shown beside the answer, never as the answer
    assert NOTE.id not in form.chips  # free text is not learned
    assert form.quality.isVisible()
    assert "topic: α 1.00, 30 articles, cross-validated" in form.quality.text()

    widget = field.widget
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)

    assert field.value() == "1" and not chip.isVisible()
    with Project.open(path) as other:
        [coding] = [c for c in other.codings(sport) if c.variable_id == TOPIC.id]
        [decision] = other.decisions(sport)
    assert (coding.coder, coding.value) == ("alice", "1")  # a code the coder confirmed
    assert (decision.target, decision.decision, decision.coder) == ("code", "accepted", "alice")
    assert decision.suggestion["variable"] == "topic" and decision.suggestion["value"] == "1"
    assert 0.5 < decision.suggestion["confidence"] <= 1
    assert decision.result == {"value": "1"}
    # Undo takes the code and the decision back; the suggestion is offered again.
    window.coding.stack.undo()
    assert field.value() is None and chip.isVisible()
    with Project.open(path) as other:
        assert other.decisions(sport) == []
        assert [c for c in other.codings(sport) if c.variable_id == TOPIC.id] == []
    window.coding.stack.redo()
    with Project.open(path) as other:
        assert [d.decision for d in other.decisions(sport)] == ["accepted"]


def test_any_other_answer_overrides_the_suggestion_and_is_recorded(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    sport = make(path)[1]
    window = show(qtbot, path, settings, sport)
    form = window.article_form
    widget = form.fields[TOPIC.id].widget
    assert isinstance(widget, QComboBox)
    widget.setFocus()
    qtbot.keyClicks(widget, "2")  # the coder says economy
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert not form.chips[TOPIC.id].isVisible()
    with Project.open(path) as other:
        [decision] = other.decisions(sport)
        [coding] = [c for c in other.codings(sport) if c.variable_id == TOPIC.id]
    assert (decision.decision, decision.suggestion["value"], decision.result) == (
        "corrected",
        "1",
        {"value": "2"},
    )
    assert coding.value == "2"
    # Ctrl+Space with nothing left to accept does nothing.
    assert not form.accept_suggestion()


def test_training_runs_in_the_background_after_every_n_new_codes(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    uncoded = make(path)
    window = show(qtbot, path, settings, uncoded[0])
    machine = window.machine
    machine.every = 2
    threads: list[object] = []
    machine.trained.connect(lambda _n: threads.append(QThread.currentThread()))
    form = window.article_form
    assert form.accept_suggestion()  # one new code: not yet
    assert machine.worker is None
    window.article_list.select_article(uncoded[1])
    qtbot.waitUntil(lambda: form.article_id == uncoded[1])
    with qtbot.waitSignal(machine.trained, timeout=120_000):
        assert form.accept_suggestion()  # the second: training starts, the window goes on
        assert machine.worker is not None and machine.worker.isRunning()
        assert machine.worker is not QThread.currentThread()
    with Project.open(path) as other:
        report = learn_report(other)
        left = other.code_suggestions()
    assert report["variables"][0]["items"] == 32  # the two new codes were learned
    assert {a for a, *_ in left} == set(uncoded[2:])  # suggested: only the uncoded ones
    assert "32 articles" in form.quality.text()


def test_most_useful_next_goes_to_the_least_sure_uncoded_article_marked_and_recorded(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    uncoded = make(path)
    with Project.open(path) as project:
        stored = {a: conf for a, _v, _value, conf in project.code_suggestions()}
    least_sure = min(stored, key=lambda a: stored[a])
    window = show(qtbot, path, settings, "a00")
    form = window.article_form
    assert not form.order_note.isVisible()

    window.machine.next_action.trigger()

    assert form.article_id == least_sure and least_sure in uncoded
    assert form.order_note.isVisible()
    assert "breaks a random sample" in form.order_note.text()
    with Project.open(path) as other:
        order = coding_order(other)
    [chosen] = order["chosen"]
    assert (chosen["article"], chosen["coder"], chosen["order"]) == (
        least_sure,
        "alice",
        MOST_USEFUL,
    )
    assert chosen["confidence"] == stored[least_sure]
    assert "uncertainty sampling" in order["rule"]
    # Another article: the mark goes; coded ones are never chosen again.
    assert form.accept_suggestion()
    window.article_list.select_article("a00")
    qtbot.waitUntil(lambda: form.article_id == "a00")
    assert not form.order_note.isVisible()
    with Project.open(path) as other:
        following = most_useful_next(other, "alice")
    assert following is not None and following.article_id != least_sure
