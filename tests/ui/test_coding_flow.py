"""The whole coding flow in the real window, keys only: accept a quote, fill the claim
form, answer the article questions, reject a quote, undo, redo, reopen the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from annotator.services import coding
from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui.quote_panel import DIMMED
from tests.ui.coding_project import (
    ADDRESSEE,
    CLAIM,
    CLAIMANT,
    CONFLICT_1,
    CONFLICT_2,
    ISSUE,
    POSITION,
    SOURCES,
    TONE,
    make_coding_project,
    open_window,
)


def focused() -> object:
    return QApplication.focusWidget()


def test_accept_fill_answer_undo_redo_reopen(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    article_id = make_coding_project(path)[0]
    window = open_window(qtbot, path, settings)
    assert window.reader.article is not None and window.reader.article.id == article_id

    # Ctrl+Shift+Q: the Quotes tab, focused on the first suggestion; A accepts it.
    qtbot.keyClick(
        window.reader.text,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.quote_panel
    assert window.tabs.currentWidget() is panel and focused() is panel.view
    quote = panel.current_quote()
    assert quote is not None and quote.speaker == "Jane Smith"
    qtbot.keyClick(panel.view, Qt.Key.Key_A)

    # A claim with the claimant prefilled, its form open on the first empty field.
    with Project.open(path) as other:
        [claim] = other.annotations(article_id)
        [decision] = other.decisions(article_id)
    assert (claim.category_id, claim.text, claim.attributes) == (
        CLAIM.id,
        quote.text,
        {CLAIMANT.id: "Jane Smith"},
    )
    assert (decision.decision, decision.annotation_id) == ("accepted", claim.id)
    form = window.unit_form
    assert window.tabs.currentWidget() is form
    assert form.annotation is not None and form.annotation.id == claim.id
    claimant = form.fields[CLAIMANT.id].widget
    assert isinstance(claimant, QComboBox) and claimant.currentText() == "Jane Smith"
    addressee = form.fields[ADDRESSEE.id].widget
    assert focused() in (addressee, addressee.lineEdit())
    assert panel.model.data(panel.model.index(0, 0)) == "✓"

    # Fill the claim form with the keyboard: type-ahead actor, Enter, +, Enter, text, Enter.
    qtbot.keyClicks(addressee.lineEdit(), "Transport Agency")
    qtbot.keyClick(addressee.lineEdit(), Qt.Key.Key_Return)
    position = form.fields[POSITION.id].widget
    assert focused() is position
    qtbot.keyClicks(position, "+")
    qtbot.keyClick(position, Qt.Key.Key_Return)
    issue = form.fields[ISSUE.id].widget
    assert focused() is issue
    qtbot.keyClicks(issue, "public transport")
    qtbot.keyClick(issue, Qt.Key.Key_Return)
    assert focused() is form.memo
    qtbot.keyClicks(form.memo, "the minister's first promise")
    qtbot.keyClick(form.memo, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    with Project.open(path) as other:
        saved = other.annotation(claim.id)
    assert saved is not None and saved.attributes == {
        CLAIMANT.id: "Jane Smith",
        ADDRESSEE.id: "Transport Agency",
        POSITION.id: "+1",
        ISSUE.id: "public transport",
    }
    assert saved.memo == "the minister's first promise"

    # The article form (Ctrl+Shift+F): Y, Enter, N, Enter, 3, Enter, then the tone.
    qtbot.keyClick(
        form.memo,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    article_form = window.article_form
    assert window.tabs.currentWidget() is article_form
    first = article_form.fields[CONFLICT_1.id].widget
    assert focused() is first
    assert "2 required (*) missing" in article_form.summary.text()
    qtbot.keyClicks(first, "Y")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    second = article_form.fields[CONFLICT_2.id].widget
    qtbot.keyClicks(second, "N")
    qtbot.keyClick(second, Qt.Key.Key_Return)
    sources = article_form.fields[SOURCES.id].widget
    assert focused() is sources
    qtbot.keyClick(sources, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(sources, "3")
    qtbot.keyClick(sources, Qt.Key.Key_Return)
    tone = article_form.fields[TONE.id].widget
    qtbot.keyClicks(tone, "2")
    assert "required" not in article_form.summary.text()
    # Ctrl+D: done (every required answer is given).
    qtbot.keyClick(tone, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert article_form.done.isChecked()

    with Project.open(path) as other:
        values = {c.variable_id: c.value for c in other.codings(article_id, "alice")}
        assert other.article_status(article_id, "alice").done
    assert values == {CONFLICT_1.id: "1", CONFLICT_2.id: "0", SOURCES.id: 3, TONE.id: "2"}

    # Undo three steps (done, tone, sources), then redo one.
    for _ in range(3):
        qtbot.keyClick(window.reader.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with Project.open(path) as other:
        values = {c.variable_id: c.value for c in other.codings(article_id, "alice")}
        assert not other.article_status(article_id, "alice").done
    assert values == {CONFLICT_1.id: "1", CONFLICT_2.id: "0"}
    assert not article_form.done.isChecked()
    assert article_form.fields[TONE.id].value() is None
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert article_form.fields[SOURCES.id].value() == 3
    with Project.open(path) as other:
        assert coding.article_value(other, article_id, "alice", SOURCES.id) == 3

    # R rejects the second suggestion: marked, dimmed, drawn without its quote colour.
    window.coding.focus_quotes()
    qtbot.keyClick(panel.view, Qt.Key.Key_J)
    rejected = panel.current_quote()
    assert rejected is not None and rejected != quote
    qtbot.keyClick(panel.view, Qt.Key.Key_R)
    row = panel.model.rows().index(rejected)
    assert panel.model.data(panel.model.index(row, 0)) == "✗"
    assert panel.model.data(panel.model.index(row, 4), Qt.ItemDataRole.ForegroundRole) == DIMMED
    cursor = QTextCursor(window.reader.text.document())
    cursor.setPosition(rejected.start + 2)
    assert cursor.charFormat().background().style() == Qt.BrushStyle.NoBrush
    assert "Rejected by you" in window.reader.tooltip_at(rejected.start + 1)
    panel.hide_rejected.setChecked(True)
    assert rejected not in panel.model.rows()
    window.close()

    # Reopen the file: all there, in the window too.
    with Project.open(path) as other:
        [claim] = other.annotations(article_id)
        latest = coding.quote_decisions(other.decisions(article_id, "alice"))
        values = {c.variable_id: c.value for c in other.codings(article_id, "alice")}
    assert claim.attributes[POSITION.id] == "+1"
    assert sorted(d.decision for d in latest.values()) == ["accepted", "rejected"]
    assert values == {CONFLICT_1.id: "1", CONFLICT_2.id: "0", SOURCES.id: 3}
    again = open_window(qtbot, path, settings)
    again.annotation_panel.select_row(0)
    assert again.unit_form.fields[POSITION.id].value() == "+1"
    assert again.unit_form.memo.memo() == "the minister's first promise"
    assert again.article_form.fields[CONFLICT_2.id].value() == "0"
    again.close()
