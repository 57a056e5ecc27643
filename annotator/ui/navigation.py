"""Moving through the articles: the filter bar, the Navigate menu and the article list's rows."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.store import ArticleFilter
from annotator.ui.article_filter import ArticleFilterBar

if TYPE_CHECKING:
    from annotator.ui.host import WindowHost


class Navigator(QObject):
    """Keeps the article list in step with the filter bar; next/previous/next-uncoded."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.bar = ArticleFilterBar()
        self.panel = QWidget()
        column = QVBoxLayout(self.panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.bar)
        column.addWidget(window.article_list, 1)
        #: Words of the current full-text search (the reader highlights them).
        self.terms: list[str] = []
        self.bar.changed.connect(self._filter_changed)

    def build_menu(self) -> None:
        """Add the Navigate menu (called once the menus before it exist)."""
        menu = self.window.menuBar().addMenu(self.tr("&Navigate"))
        self.menu = menu
        items = [
            (
                self.tr("&Next article"),
                QKeySequence("Alt+Down"),
                lambda: self.window.article_list.step(1),
            ),
            (
                self.tr("&Previous article"),
                QKeySequence("Alt+Up"),
                lambda: self.window.article_list.step(-1),
            ),
            (self.tr("Next &uncoded article"), QKeySequence("Ctrl+U"), self.next_uncoded),
            (
                self.tr("&Find in all articles…"),
                QKeySequence(QKeySequence.StandardKey.Find),
                self.focus_search,
            ),
            (
                self.tr("&To do list"),
                QKeySequence("Ctrl+Shift+D"),
                lambda: self.bar.set_state("todo"),
            ),
            (self.tr("Show &all articles"), QKeySequence("Ctrl+Shift+A"), self.show_all),
        ]
        for text, key, slot in items:
            action = QAction(text, self.window)
            action.setShortcut(key)
            action.triggered.connect(slot)
            menu.addAction(action)

    def current_filter(self) -> ArticleFilter:
        """The filter bar's filter, with the full-text search turned into article ids."""
        where = self.bar.filter()
        query = self.bar.query()
        project = self.window.project
        if not query or project is None:
            self.terms = []
            return where
        self.terms = [word.strip('"') for word in query.split() if word.strip('"')]
        hits = project.search(query, limit=10_000)
        return replace(where, ids=tuple(hit[0] for hit in hits))

    def _filter_changed(self) -> None:
        self.window.refresh_articles(select_first=True)
        # The article shown may have stayed: its search hits change all the same.
        self.window.actors.show_article()

    def next_uncoded(self) -> None:
        if not self.window.article_list.next_uncoded():
            self.window.statusBar().showMessage(self.tr("No uncoded article after this one"), 5000)

    def focus_search(self) -> None:
        self.bar.search.setFocus()
        self.bar.search.selectAll()

    def show_all(self) -> None:
        self.bar.clear()
        self.window.refresh_articles(select_first=True)

    def project_changed(self) -> None:
        project = self.window.project
        self.bar.clear()
        if project is not None:
            self.bar.set_choices(project.outlets(), project.languages())
