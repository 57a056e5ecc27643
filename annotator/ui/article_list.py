"""The article list: a lazily filled table model over the project's article summaries.

The summaries of every article matching the filter are read at once (one query, a few
milliseconds for 10,000 articles); the view asks for rows in pages through ``fetchMore``,
so it never lays out more rows than the coder scrolls to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
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
from annotator.ui.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("ArticleList", "Title"),
    QT_TRANSLATE_NOOP("ArticleList", "Outlet"),
    QT_TRANSLATE_NOOP("ArticleList", "Date"),
    QT_TRANSLATE_NOOP("ArticleList", "Codes"),
)
TITLE, OUTLET, DATE, CODES = range(len(COLUMNS))
#: Rows handed to the view at a time.
PAGE = 500


class ArticleTableModel(QAbstractTableModel):
    """One row per article; the Codes column says whether it is coded and how often."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []
        self._row_of: dict[str, int] = {}
        self._shown = 0

    def set_articles(self, articles: Sequence[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(articles)
        self._row_of = {a.id: i for i, a in enumerate(self._rows)}
        self._shown = min(PAGE, len(self._rows))
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 (Qt API)
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802 (Qt API)
        self.show_up_to(self._shown + PAGE - 1)

    def show_up_to(self, row: int) -> None:
        """Make rows up to ``row`` visible to the view (to select an article further down)."""
        last = min(row + 1, len(self._rows))
        if last <= self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, last - 1)
        self._shown = last
        self.endInsertRows()

    def total(self) -> int:
        """Articles matching the filter, shown to the view or not yet."""
        return len(self._rows)

    def summaries(self) -> list[ArticleSummary]:
        return list(self._rows)

    def summary(self, row: int) -> ArticleSummary:
        return self._rows[row]

    def row_of(self, article_id: str) -> int | None:
        """The row of an article (made visible to the view if it was not yet)."""
        row = self._row_of.get(article_id)
        if row is not None:
            self.show_up_to(row)
        return row

    def set_annotation_count(self, article_id: str, count: int) -> None:
        """Update one row after coding, without reading the whole list again."""
        row = self._row_of.get(article_id)
        if row is None:
            return
        self._rows[row] = replace(self._rows[row], annotation_count=count)
        self._row_changed(row)

    def set_progress(self, summary: ArticleSummary) -> None:
        """Replace one row's counts and state after the coder changed them."""
        row = self._row_of.get(summary.id)
        if row is not None:
            self._rows[row] = summary
            self._row_changed(row)

    def _row_changed(self, row: int) -> None:
        if row < self._shown:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_metadata(self, article: Article) -> None:
        """Update one row after its metadata was edited."""
        row = self._row_of.get(article.id)
        if row is None:
            return
        self._rows[row] = replace(
            self._rows[row],
            title=article.title,
            outlet=article.outlet,
            date=article.date,
            language=article.language,
            source_file=article.source_file,
        )
        self._row_changed(row)

    def coded_count(self) -> int:
        return sum(1 for a in self._rows if a.coded)

    def done_count(self) -> int:
        return sum(1 for a in self._rows if a.done)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        article = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return article.title or QCoreApplication.translate("ArticleList", "(untitled)")
            if column == OUTLET:
                return article.outlet
            if column == DATE:
                return (article.date or "")[:10]
            return _state_text(article)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{article.title}\n{article.outlet} {article.date or ''}\n{_state_tip(article)}"
        if role == Qt.ItemDataRole.ForegroundRole and column == CODES:
            if article.incomplete:
                return QColor("#c62828")
            return QColor("#2e7d32") if article.coded else QColor("#888888")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CODES:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ArticleList", COLUMNS[section])
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
        header.resizeSection(OUTLET, 84)
        # Fixed widths from the font: sizing to contents would read every row of a
        # 10,000-article list on each reset.
        metrics = self.fontMetrics()
        for column, sample in ((DATE, "2024-12-31"), (CODES, _done_text())):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 14)
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

    def step(self, offset: int) -> bool:
        """Go to the next (1) or previous (-1) article; False at either end."""
        row = self.currentIndex().row() + offset if self.currentIndex().isValid() else 0
        if not 0 <= row < self.articles.total():
            return False
        self.articles.show_up_to(row)
        self.select_row(row)
        return True

    def next_uncoded(self) -> bool:
        """Go to the next article after the current one that the coder has not finished."""
        start = self.currentIndex().row() + 1 if self.currentIndex().isValid() else 0
        rows = self.articles.summaries()
        for row in range(start, len(rows)):
            if not rows[row].done and (not rows[row].coded or rows[row].incomplete):
                self.articles.show_up_to(row)
                self.select_row(row)
                return True
        return False

    def current_article_id(self) -> str | None:
        index = self.currentIndex()
        return self.articles.summary(index.row()).id if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.article_selected.emit(self.articles.summary(current.row()).id)


def _done_text() -> str:
    return QCoreApplication.translate("ArticleList", "✔ done")


def _state_text(article: ArticleSummary) -> str:
    if article.done:
        return _done_text()
    if article.incomplete:
        return f"! {article.annotation_count + article.coding_count}"
    count = article.annotation_count + article.coding_count
    return f"✓ {count}" if count else "–"


def _state_tip(article: ArticleSummary) -> str:
    parts = []
    if article.annotation_count:
        parts.append(
            QCoreApplication.translate("ArticleList", "{0} code(s)").format(
                article.annotation_count
            )
        )
    if article.coding_count:
        parts.append(
            QCoreApplication.translate("ArticleList", "{0} article variable(s) answered").format(
                article.coding_count
            )
        )
    if article.missing and article.coded:
        parts.append(
            QCoreApplication.translate("ArticleList", "{0} required variable(s) missing").format(
                article.missing
            )
        )
    if article.done:
        parts.append(QCoreApplication.translate("ArticleList", "marked as done"))
    return ", ".join(parts) or QCoreApplication.translate("ArticleList", "not coded")
