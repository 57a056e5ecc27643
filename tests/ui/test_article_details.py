"""The Details tab: metadata edited in the window is on disk at once, and shown everywhere."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui.article_details import local_time
from annotator.ui.article_list import DATE, OUTLET
from annotator.ui.main_window import MainWindow


def open_window(qtbot: QtBot, path: Path, settings: Settings) -> MainWindow:
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    assert window.open_project(path)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.details)
    return window


def type_into(qtbot: QtBot, window: MainWindow, field: str, text: str) -> None:
    """Replace a field's text as a coder would, and press Enter."""
    edit = window.details.fields[field]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_edited_outlet_and_date_are_saved_and_shown(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings)
    article = window.reader.article
    assert article is not None
    assert window.details.fields["title"].text() == article.title
    assert window.details.source.text() == article.source_file

    type_into(qtbot, window, "outlet", "Le Monde")
    type_into(qtbot, window, "date", "2025-08-15")
    window.details.language.setCurrentIndex(window.details.language.findData("fr"))
    window.details.language.activated.emit(window.details.language.currentIndex())

    model = window.article_list.articles
    assert model.index(0, OUTLET).data() == "Le Monde"
    assert model.index(0, DATE).data() == "2025-08-15"
    assert "Le Monde" in window.reader.header.text()
    assert "2025-08-15" in window.reader.header.text()
    window.shutdown()

    with Project.open(project_path) as reopened:
        saved = reopened.article(article.id)
    assert (saved.outlet, saved.date, saved.language) == ("Le Monde", "2025-08-15", "fr")
    assert (saved.title, saved.text) == (article.title, article.text)


def test_an_invalid_date_is_shown_inline_and_not_saved(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings)
    article = window.reader.article
    assert article is not None

    for bad in ("15/08/2025", "2025-02-30", "soon"):
        type_into(qtbot, window, "date", bad)
        assert window.details.date_problem.isVisible()
        assert "YYYY-MM-DD" in window.details.date_problem.text()
    type_into(qtbot, window, "outlet", "Le Temps")  # other fields still save meanwhile…

    with Project.open(project_path) as other:
        assert other.article(article.id).date == article.date  # …but not the bad date
    type_into(qtbot, window, "date", "")
    assert not window.details.date_problem.isVisible()
    with Project.open(project_path) as other:
        saved = other.article(article.id)
    assert (saved.date, saved.outlet) == (None, "Le Temps")


def test_details_follow_the_selected_article(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings)
    window.article_list.select_row(1)
    second = window.reader.article
    assert second is not None
    assert window.details.article == second
    assert window.details.fields["title"].text() == "Tram plan 2"
    assert window.details.fields["date"].text() == "2024-05-02"


def test_an_edit_is_saved_to_its_article_when_the_coder_clicks_another(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = window.reader.article
    assert first is not None
    edit = window.details.fields["author"]
    edit.setFocus()
    qtbot.keyClicks(edit, "Marie Curie")  # no Enter: the click elsewhere ends the edit
    view = window.article_list
    second_row = view.visualRect(view.articles.index(1, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=second_row)

    second = window.reader.article
    assert second is not None and second.id != first.id
    assert window.details.fields["author"].text() == ""
    with Project.open(project_path) as other:
        assert other.article(first.id).author == "Marie Curie"
        assert other.article(second.id).author == ""


def test_imported_at_is_shown_in_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        assert local_time("2025-08-15T12:03:09+00:00") == "2025-08-15 14:03"
        assert local_time("not a time") == "not a time"
    finally:
        monkeypatch.undo()
        time.tzset()
