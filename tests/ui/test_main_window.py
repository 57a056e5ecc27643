"""Coding in the real window: select, press a category key, find it on disk and on screen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from pytestqt.qtbot import QtBot

from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui.highlight import pastel
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import CLAIM


def open_window(qtbot: QtBot, path: Path, settings: Settings, active: bool = False) -> MainWindow:
    """A shown window on ``path``; ``active`` for tests that press shortcut keys."""
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    assert window.open_project(path)
    window.show()
    qtbot.waitExposed(window)
    if active:
        # Category shortcuts are window shortcuts: they fire only in the active window.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    return window


def select_text(window: MainWindow, start: int, end: int) -> None:
    text = window.reader.text
    cursor = text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    text.setFocus()


def background_at(window: MainWindow, position: int) -> QColor:
    cursor = QTextCursor(window.reader.text.document())
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat().background().color()


def test_shortcut_codes_the_selection_and_it_survives_reopening(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings, active=True)
    article = window.reader.article
    assert article is not None
    start = article.text.index("mayor of Lyon")
    # Surrounding spaces are part of the selection but not of the code.
    select_text(window, start - 1, start + len("mayor of Lyon") + 1)

    qtbot.keyClick(window.reader.text, Qt.Key.Key_C)

    with Project.open(project_path) as other:
        saved = other.annotations(article.id)
    assert [(a.category_id, a.text, a.coder) for a in saved] == [
        (CLAIM.id, "mayor of Lyon", "alice")
    ]
    with sqlite3.connect(project_path) as conn:
        rows = conn.execute("select start, end, text from annotations").fetchall()
    assert rows == [(start, start + len("mayor of Lyon"), "mayor of Lyon")]
    assert window.annotation_panel.model.rowCount() == 1
    assert background_at(window, start) == pastel(CLAIM.color)
    assert window.progress_label.text() == "coded 1 of 2 articles"
    window.close()

    again = open_window(qtbot, project_path, settings)
    assert again.reader.article is not None and again.reader.article.id == article.id
    assert again.annotation_panel.model.rowCount() == 1
    assert again.annotation_panel.model.row(0).text == "mayor of Lyon"
    assert background_at(again, start + 3) == pastel(CLAIM.color)
    assert again.article_list.articles.summary(0).annotation_count == 1
    again.close()


def test_clicking_a_category_without_a_selection_explains_what_to_do(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings)
    window.reader.clear_selection()
    assert window.code_selection(CLAIM.id) is None
    assert "Select some text" in window.statusBar().currentMessage()
    item = window.codebook_panel.item_for(CLAIM.id)
    assert item is not None and item.text(0) == "Claim  [C]"


def test_delete_a_code_from_the_list(qtbot: QtBot, project_path: Path, settings: Settings) -> None:
    window = open_window(qtbot, project_path, settings, active=True)
    article = window.reader.article
    assert article is not None
    start = article.text.index("tram")
    select_text(window, start, start + 4)
    assert window.code_selection(CLAIM.id) is not None
    select_text(window, 0, 8)
    assert window.code_selection(CLAIM.id) is not None
    assert window.annotation_panel.model.rowCount() == 2

    panel = window.annotation_panel
    panel.view.setFocus()
    panel.select_row(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.model.rowCount() == 1
    panel.select_row(0)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 0
    with Project.open(project_path) as other:
        assert other.annotations(article.id) == []
    assert background_at(window, start) != pastel(CLAIM.color)
    assert window.article_list.articles.summary(0).annotation_count == 0


def test_layer_toggles_change_the_format_at_an_entity(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings)
    article = window.reader.article
    assert article is not None
    lyon = article.text.index("Lyon")
    shown = background_at(window, lyon)
    assert shown == QColor("#ecdcf8")

    window.legend.toggle("PLACE").setChecked(False)
    assert background_at(window, lyon) != shown
    assert background_at(window, article.text.index("Jane")).isValid()  # persons still on
    window.legend.toggle("PLACE").setChecked(True)
    assert background_at(window, lyon) == shown


def test_quotes_are_listed_and_a_click_selects_one_in_the_reader(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings)
    panel = window.quote_panel
    assert panel.model.rowCount() == 2
    quote = panel.model.row(0)
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Jane Smith", "said")
    rect = panel.view.visualRect(panel.model.index(0, 3))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.selected_span() == (quote.start, quote.end)
    assert "Jane Smith" in window.reader.tooltip_at(quote.start + 1)
    assert "said" in window.reader.tooltip_at(quote.start + 1)


def test_coding_a_formatted_span_does_not_spread_its_format(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    # Seen under Xvfb: coding the bold speaker of a quote turned the whole article bold
    # and blue, because the redraw inherited the caret's character format.
    window = open_window(qtbot, project_path, settings, active=True)
    article = window.reader.article
    assert article is not None
    speaker = article.text.index("Jane Smith", 20)
    select_text(window, speaker, speaker + len("Jane Smith"))

    qtbot.keyClick(window.reader.text, Qt.Key.Key_C)

    assert window.annotation_panel.model.rowCount() == 1
    plain = article.text.index("met the mayor")
    cursor = QTextCursor(window.reader.text.document())
    cursor.setPosition(plain + 1)
    assert cursor.charFormat().fontWeight() != 700
    assert cursor.charFormat().background().style() == Qt.BrushStyle.NoBrush
    window.close()
