"""The article list model: one row per article, four columns, codes counted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.store import Project
from annotator.ui.article_list import COLUMNS, ArticleList


def test_rows_and_columns_follow_the_project(
    qtbot: QtBot, make_project: Callable[..., Path]
) -> None:
    path = make_project(3)
    view = ArticleList()
    qtbot.addWidget(view)
    with Project.open(path) as project:
        summaries = project.articles()
    model = view.articles
    model.set_articles(summaries)

    assert model.rowCount() == 3
    assert model.columnCount() == len(COLUMNS) == 4
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Title", "Outlet", "Date", "Codes"]
    first = [model.data(model.index(0, c)) for c in range(4)]
    assert first == ["Tram plan 1", "Daily Test", "2024-05-01", "–"]

    model.set_annotation_count(summaries[1].id, 3)
    assert model.data(model.index(1, 3)) == "✓ 3"
    assert model.coded_count() == 1

    with qtbot.waitSignal(view.article_selected) as picked:
        view.select_row(2)
    assert picked.args == [summaries[2].id]
    assert view.current_article_id() == summaries[2].id
