"""The bar above the article list: full-text search and filters (outlet, dates, state, actor)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.store import ArticleFilter, ArticleState
from annotator.ui.i18n import QT_TRANSLATE_NOOP

STATE_LABELS: dict[ArticleState, str] = {
    "all": QT_TRANSLATE_NOOP("ArticleFilterBar", "All articles"),
    "todo": QT_TRANSLATE_NOOP("ArticleFilterBar", "To do (not marked done)"),
    "uncoded": QT_TRANSLATE_NOOP("ArticleFilterBar", "Not coded"),
    "coded": QT_TRANSLATE_NOOP("ArticleFilterBar", "Coded"),
    "incomplete": QT_TRANSLATE_NOOP("ArticleFilterBar", "Incomplete (required missing)"),
    "done": QT_TRANSLATE_NOOP("ArticleFilterBar", "Done"),
}
#: Shown for "no date" in the date boxes (their minimum date).
NO_DATE = QDate(1800, 1, 1)


class ArticleFilterBar(QWidget):
    """Emits ``changed`` when the coder edits the search or a filter (search is debounced)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("articleSearch")
        self.search.setPlaceholderText(self.tr('Search all articles (words, "a phrase")…'))
        self.search.setClearButtonEnabled(True)
        self.state = QComboBox()
        for state, label in STATE_LABELS.items():
            self.state.addItem(self.tr(label), state)
        self.toggle = QToolButton()
        self.toggle.setText(self.tr("Filters"))
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(self.tr("Filter by outlet, language, date and quoted actor"))
        self.outlet = QComboBox()
        self.language = QComboBox()
        self.date_from = _date_edit()
        self.date_to = _date_edit()
        self.actor = QLineEdit()
        self.actor.setPlaceholderText(self.tr("Quoted actor…"))
        self.actor.setClearButtonEnabled(True)

        top = QGridLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 0, 0, 1, 3)
        top.addWidget(self.state, 1, 0, 1, 2)
        top.addWidget(self.toggle, 1, 2)
        self.more = QWidget()
        grid = QGridLayout(self.more)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Outlet")), 0, 0)
        grid.addWidget(self.outlet, 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Language")), 1, 0)
        grid.addWidget(self.language, 1, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("From")), 2, 0)
        grid.addWidget(self.date_from, 2, 1)
        grid.addWidget(QLabel(self.tr("to")), 2, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.date_to, 2, 3)
        grid.addWidget(QLabel(self.tr("Actor")), 3, 0)
        grid.addWidget(self.actor, 3, 1, 1, 3)
        self.more.setVisible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(top)
        column.addWidget(self.more)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(self._debounce.start)
        self.actor.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._now)
        self.toggle.toggled.connect(self.more.setVisible)
        for combo in (self.state, self.outlet, self.language):
            combo.currentIndexChanged.connect(self._now)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._now)

    def set_choices(self, outlets: list[str], languages: list[str]) -> None:
        """Fill the outlet and language boxes from the project, keeping the current choice."""
        for combo, values, everything in (
            (self.outlet, outlets, self.tr("All outlets")),
            (self.language, languages, self.tr("All languages")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for value in values:
                combo.addItem(value, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def query(self) -> str:
        """The full-text search as typed (empty: no search)."""
        return self.search.text().strip()

    def filter(self) -> ArticleFilter:
        return ArticleFilter(
            outlet=self.outlet.currentData() or "",
            language=self.language.currentData() or "",
            date_from=_iso(self.date_from),
            date_to=_iso(self.date_to),
            state=self.state.currentData() or "all",
            quoted_actor=self.actor.text().strip(),
        )

    def set_state(self, state: ArticleState) -> None:
        self.state.setCurrentIndex(max(self.state.findData(state), 0))

    def clear(self) -> None:
        """Back to every article (a new project was opened)."""
        for widget in (self.search, self.actor):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.state, self.outlet, self.language):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.setDate(NO_DATE)
            edit.blockSignals(False)

    def _now(self) -> None:
        self._debounce.stop()
        self.changed.emit()


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(QCoreApplication.translate("ArticleFilterBar", "any"))
    edit.setDate(NO_DATE)
    return edit


def _iso(edit: QDateEdit) -> str:
    date = edit.date()
    return "" if date == NO_DATE else date.toString("yyyy-MM-dd")
