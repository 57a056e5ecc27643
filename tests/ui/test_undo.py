"""Undo and redo of every kind of edit, checked in the project file after each step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.services import coding
from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from tests.ui.coding_project import (
    CLAIM,
    CLAIMANT,
    CONFLICT_1,
    POSITION,
    TOPIC,
    make_coding_project,
    open_window,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def undo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Z, CTRL)


def redo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)


def select(window: MainWindow, start: int, end: int) -> None:
    cursor = window.reader.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    window.reader.text.setTextCursor(cursor)
    window.reader.text.setFocus()


def on_disk(path: Path, article_id: str) -> list[tuple[str, str, dict[str, object], str]]:
    with Project.open(path) as project:
        return [
            (a.category_id, a.text, a.attributes, a.memo) for a in project.annotations(article_id)
        ]


def test_code_delete_and_their_undo(qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "study.annotator"
    article_id = make_coding_project(path)[0]
    window = open_window(qtbot, path, settings)
    text = window.reader.article.text  # type: ignore[union-attr]
    start = text.index("mayor of Lyon")
    select(window, start, start + len("mayor of Lyon"))
    qtbot.keyClick(window.reader.text, Qt.Key.Key_T)  # the Topic shortcut
    assert on_disk(path, article_id) == [(TOPIC.id, "mayor of Lyon", {}, "")]
    assert window.coding.undo_action.text() == "&Undo code as Topic"

    undo(qtbot, window)
    assert on_disk(path, article_id) == []
    assert window.annotation_panel.model.rowCount() == 0
    redo(qtbot, window)
    assert on_disk(path, article_id) == [(TOPIC.id, "mayor of Lyon", {}, "")]
    assert window.annotation_panel.model.rowCount() == 1

    # A claim with a value and a memo, deleted, comes back whole.
    select(window, 0, 8)
    claim = window.code_selection(CLAIM.id)
    assert claim is not None and window.tabs.currentWidget() is window.unit_form
    window.coding.set_unit_value(claim.id, POSITION.id, None, "-1")
    window.coding.set_annotation_memo(claim.id, "", "check")
    window.tabs.setCurrentWidget(window.annotation_panel)
    window.annotation_panel.select_row(0)
    assert window.annotation_panel.current_annotation().id == claim.id  # type: ignore[union-attr]
    window.annotation_panel.view.setFocus()
    qtbot.keyClick(window.annotation_panel.view, Qt.Key.Key_Delete)
    assert [row[1] for row in on_disk(path, article_id)] == ["mayor of Lyon"]
    undo(qtbot, window)
    assert (CLAIM.id, "Minister", {POSITION.id: "-1"}, "check") in on_disk(path, article_id)
    assert window.unit_form.annotation is not None
    assert window.unit_form.annotation.id == claim.id
    undo(qtbot, window)  # the memo
    undo(qtbot, window)  # the position
    assert (CLAIM.id, "Minister", {}, "") in on_disk(path, article_id)
    assert window.unit_form.fields[POSITION.id].value() is None
    window.close()


def test_consecutive_changes_of_one_value_are_one_step(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    article_id = make_coding_project(path)[0]
    window = open_window(qtbot, path, settings)
    field = window.article_form.fields[CONFLICT_1.id]
    window.coding.focus_article_form()
    qtbot.keyClick(field.widget, Qt.Key.Key_Down)  # Yes
    qtbot.keyClick(field.widget, Qt.Key.Key_Down)  # No
    with Project.open(path) as project:
        assert coding.article_value(project, article_id, "alice", CONFLICT_1.id) == "0"
    assert window.coding.stack.count() == 1
    undo(qtbot, window)
    with Project.open(path) as project:
        assert coding.article_value(project, article_id, "alice", CONFLICT_1.id) is None
    assert field.value() is None
    window.close()


def test_undo_goes_back_to_the_article_it_changed(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    first, second = make_coding_project(path)
    window = open_window(qtbot, path, settings)
    window.coding.set_article_memo(first, "", "ask Bob about the date")
    window.article_list.select_article(second)
    assert window.reader.article is not None and window.reader.article.id == second
    assert window.article_form.memo.memo() == ""

    undo(qtbot, window)
    assert window.reader.article.id == first
    with Project.open(path) as project:
        assert project.article_status(first, "alice").memo == ""
    redo(qtbot, window)
    assert window.article_form.memo.memo() == "ask Bob about the date"
    with Project.open(path) as project:
        assert project.article_status(first, "alice").memo == "ask Bob about the date"
    window.close()


def test_accept_and_correct_undo_redo_keep_their_ids(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    article_id = make_coding_project(path)[0]
    window = open_window(qtbot, path, settings)
    panel = window.quote_panel
    window.coding.focus_quotes()
    qtbot.keyClick(panel.view, Qt.Key.Key_A)
    with Project.open(path) as project:
        [accepted] = project.annotations(article_id)
        [decision] = project.decisions(article_id)
    # A second A on the same quote decides nothing new.
    window.coding.focus_quotes()
    panel.select_quote(panel.model.row(0))
    qtbot.keyClick(panel.view, Qt.Key.Key_A)
    assert "accepted already" in window.statusBar().currentMessage()
    undo(qtbot, window)
    assert on_disk(path, article_id) == []
    with Project.open(path) as project:
        assert project.decisions(article_id) == []
    assert panel.model.data(panel.model.index(0, 0)) == ""
    redo(qtbot, window)
    with Project.open(path) as project:
        assert [a.id for a in project.annotations(article_id)] == [accepted.id]
        assert [d.id for d in project.decisions(article_id)] == [decision.id]

    # E on the indirect quote: the coder's selection becomes the span, a speaker is typed.
    quote = panel.model.row(1)
    text = window.reader.article.text  # type: ignore[union-attr]
    wider = text.index("said that the budget")
    select(window, wider + len("said "), quote.end)
    panel.view.setFocus()
    panel.select_quote(quote)
    select(window, wider + len("said "), quote.end)  # selecting a row selects the quote
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_E)
    dialog = window.coding.correct_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.span_label.text() == "“that the budget was too small”"
    dialog.speaker.setEditText("Transport Agency")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    with Project.open(path) as project:
        latest = coding.quote_decisions(project.decisions(article_id))
        corrected = latest[(quote.start, quote.end)]
        unit = project.annotation(corrected.annotation_id or "")
    assert corrected.decision == "corrected"
    assert corrected.result["speaker"] == "Transport Agency"
    assert unit is not None and unit.text == "that the budget was too small"
    assert unit.attributes == {CLAIMANT.id: "Transport Agency"}
    undo(qtbot, window)
    with Project.open(path) as project:
        assert project.annotation(unit.id) is None
        assert len(project.decisions(article_id)) == 1
    window.close()


def test_done_is_refused_while_required_answers_are_missing(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    article_id = make_coding_project(path)[0]
    window = open_window(qtbot, path, settings)
    qtbot.keyClick(window.reader.text, Qt.Key.Key_D, CTRL)
    assert "required answers missing" in window.statusBar().currentMessage()
    assert not window.article_form.done.isChecked()
    assert window.coding.stack.count() == 0
    with Project.open(path) as project:
        assert not project.article_status(article_id, "alice").done
    window.close()


def test_quote_category_and_the_readers_quote_actions(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    article_id = make_coding_project(path)[0]
    window = open_window(qtbot, path, settings)
    item = window.codebook_panel.item_for(CLAIM.id)
    assert item is not None and item.text(0).endswith("← quotes")
    window.codebook_panel.quote_category_chosen.emit(CLAIM.id)
    with Project.open(path) as project:
        assert project.project_setting(coding.QUOTE_CATEGORY_SETTING) == CLAIM.id
    window.codebook_panel.quote_category_chosen.emit(TOPIC.id)  # not a unit: refused
    assert "unit variables" in window.statusBar().currentMessage()

    # The reader's right-click menu asks for the same decisions as the Quotes tab.
    quote = window.quote_panel.model.row(1)
    assert window.reader.quote_at(quote.start + 3) == quote
    window.reader.quote_action.emit(quote, "reject")
    with Project.open(path) as project:
        [decision] = project.decisions(article_id)
    assert decision.decision == "rejected"
    undo(qtbot, window)
    with Project.open(path) as project:
        assert project.decisions(article_id) == []
    window.close()


def test_a_value_changed_and_changed_back_leaves_nothing_to_undo(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    make_coding_project(path)
    window = open_window(qtbot, path, settings)
    window.coding.focus_article_form()
    field = window.article_form.fields[CONFLICT_1.id]
    qtbot.keyClick(field.widget, Qt.Key.Key_Down)
    qtbot.keyClick(field.widget, Qt.Key.Key_Up)
    assert field.value() is None
    assert window.coding.stack.count() == 0
    assert not window.coding.undo_action.isEnabled()
    window.close()
