"""Finding articles: full-text search, filters, next/previous/next uncoded, the to-do list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from annotator.core import Annotation, Article, ArticleStatus
from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui.article_list import PAGE
from tests.ui.test_main_window import open_window


def titles(window) -> list[str]:
    model = window.article_list.articles
    return [model.summary(row).title for row in range(model.total())]


def test_search_and_filters_narrow_the_list_and_the_status_bar_counts(
    qtbot: QtBot, make_project: Callable[..., Path], settings: Settings
) -> None:
    path = make_project(3)
    with Project.open(path) as project:
        project.add_article(
            Article(
                text="Le conseil a voté le budget du métro.",
                title="Métro",
                outlet="Le Matin",
                date="2024-06-10",
                language="fr",
            )
        )
        first = project.articles()[0]
        project.add_annotation(Annotation(first.id, "cat-claim", 0, 8, "Minister", "alice"))
    window = open_window(qtbot, path, settings)
    bar = window.navigator.bar
    assert len(titles(window)) == 4
    assert window.progress_label.text() == "coded 1 of 4 articles"

    bar.search.setText("metro")  # accents ignored, prefix match
    qtbot.waitUntil(lambda: titles(window) == ["Métro"])
    assert window.reader.article is not None and window.reader.article.title == "Métro"
    bar.search.clear()
    qtbot.waitUntil(lambda: len(titles(window)) == 4)

    bar.outlet.setCurrentIndex(bar.outlet.findData("Le Matin"))
    assert titles(window) == ["Métro"]
    bar.outlet.setCurrentIndex(0)
    bar.date_from.setDate(QDate(2024, 5, 2))
    bar.date_to.setDate(QDate(2024, 5, 3))
    assert titles(window) == ["Tram plan 2", "Tram plan 3"]
    window.navigator.show_all()
    bar.set_state("uncoded")
    assert titles(window) == ["Tram plan 2", "Tram plan 3", "Métro"]
    bar.set_state("coded")
    assert titles(window) == ["Tram plan 1"]


def test_next_previous_and_next_uncoded(
    qtbot: QtBot, make_project: Callable[..., Path], settings: Settings
) -> None:
    path = make_project(4)
    with Project.open(path) as project:
        ids = [a.id for a in project.articles()]
        project.add_annotation(Annotation(ids[1], "cat-claim", 0, 8, "Minister", "alice"))
        project.set_article_status(ArticleStatus(ids[2], "alice", done=True))
    window = open_window(qtbot, path, settings)
    assert window.article_list.current_article_id() == ids[0]
    assert window.article_list.step(1)
    assert window.reader.article is not None and window.reader.article.id == ids[1]
    assert window.article_list.step(-1) and not window.article_list.step(-1)
    window.article_list.select_article(ids[1])
    window.navigator.next_uncoded()  # ids[2] is done: skipped
    assert window.article_list.current_article_id() == ids[3]
    window.navigator.bar.set_state("todo")
    assert [window.article_list.articles.summary(r).id for r in range(3)] == [
        ids[0],
        ids[1],
        ids[3],
    ]


def test_long_lists_are_handed_to_the_view_in_pages(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "big.annotator"
    with Project.create(path) as project:
        project.add_articles(
            (Article(text=f"Article number {i}.", title=f"A{i}"), None) for i in range(PAGE + 20)
        )
        last = project.articles()[-1].id
    window = open_window(qtbot, path, settings)
    model = window.article_list.articles
    assert model.total() == PAGE + 20 and model.rowCount() == PAGE
    window.article_list.select_article(last)
    assert model.rowCount() == PAGE + 20
    assert window.reader.article is not None and window.reader.article.id == last


def test_view_menu_changes_the_text_size_and_remembers_it(
    qtbot: QtBot, make_project: Callable[..., Path], settings: Settings
) -> None:
    window = open_window(qtbot, make_project(1), settings)
    before = window.reader.text.font().pointSize()
    window.view_menu.zoom(1)
    window.view_menu.zoom(1)
    assert window.reader.text.font().pointSize() == before + 2
    assert settings.text_size == before + 2
    window.view_menu.zoom(0)
    assert window.reader.text.font().pointSize() == before and settings.text_size == 0
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus.index("&File") < menus.index("&View") < menus.index("&Navigate")


def test_search_hits_are_highlighted_in_the_reader(
    qtbot: QtBot, make_project: Callable[..., Path], settings: Settings
) -> None:
    window = open_window(qtbot, make_project(2), settings)
    window.navigator.bar.search.setText("tram")
    window.navigator.bar.search.returnPressed.emit()
    text = window.reader.article.text
    hits = window.reader.text.extraSelections()
    # "tram" is found twice in each test article ("Tram plan" is the title, not the text).
    assert len(hits) == text.lower().count("tram") == 1
    assert hits[0].cursor.selectedText().lower() == "tram"
