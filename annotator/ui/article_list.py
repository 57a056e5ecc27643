"""The article list: a table model over the project's article summaries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core import Article
from annotator.store import ArticleSummary

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Title", "Outlet", "Date", "Codes")
TITLE, OUTLET, DATE, CODES = range(len(COLUMNS))


class ArticleTableModel(QAbstractTableModel):
    """One row per article; the Codes column says whether it is coded and how often."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []
        self._row_of: dict[str, int] = {}

    def set_articles(self, articles: Sequence[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(articles)
        self._row_of = {a.id: i for i, a in enumerate(self._rows)}
        self.endResetModel()

    def summary(self, row: int) -> ArticleSummary:
        return self._rows[row]

    def row_of(self, article_id: str) -> int | None:
        return self._row_of.get(article_id)

    def set_annotation_count(self, article_id: str, count: int) -> None:
        """Update one row after coding, without reading the whole list again."""
        row = self._row_of.get(article_id)
        if row is None:
            return
        old = self._rows[row]
        self._rows[row] = ArticleSummary(
            old.id, old.title, old.outlet, old.date, old.language, old.source_file, count
        )
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_metadata(self, article: Article) -> None:
        """Update one row after its metadata was edited."""
        row = self._row_of.get(article.id)
        if row is None:
            return
        old = self._rows[row]
        self._rows[row] = ArticleSummary(
            old.id,
            article.title,
            article.outlet,
            article.date,
            article.language,
            article.source_file,
            old.annotation_count,
        )
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def coded_count(self) -> int:
        return sum(1 for a in self._rows if a.annotation_count > 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        article = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return article.title or "(untitled)"
            if column == OUTLET:
                return article.outlet
            if column == DATE:
                return (article.date or "")[:10]
            return f"✓ {article.annotation_count}" if article.annotation_count else "–"
        if role == Qt.ItemDataRole.ToolTipRole:
            coded = (
                f"{article.annotation_count} code(s)" if article.annotation_count else "not coded"
            )
            return f"{article.title}\n{article.outlet} {article.date or ''}\n{coded}"
        if role == Qt.ItemDataRole.ForegroundRole and column == CODES:
            return QColor("#2e7d32") if article.annotation_count else QColor("#888888")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CODES:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None


class ArticleList(QTableView):
    """The table of articles; emits the id of the article the coder picks."""

    article_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.articles = ArticleTableModel(self)
        self.setModel(self.articles)
        self.setObjectName("articleList")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # Outlets can be long; the title is what the coder looks for, so it gets the room.
        header.setSectionResizeMode(OUTLET, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(OUTLET, 110)
        for column in (DATE, CODES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def select_article(self, article_id: str) -> None:
        row = self.articles.row_of(article_id)
        if row is not None:
            self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.articles.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)

    def current_article_id(self) -> str | None:
        index = self.currentIndex()
        return self.articles.summary(index.row()).id if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.article_selected.emit(self.articles.summary(current.row()).id)
