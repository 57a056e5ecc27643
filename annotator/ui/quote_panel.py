"""The "Quotes" tab: the quote suggestions, decided with one key each.

A accepts, E (or Enter) corrects, R (or Delete) rejects the selected suggestion; J/K (or
the arrow keys) move to the next/previous one. The letters mean the same in the reader,
on the quote the selection is on (annotator/ui/coding_actions.py), and no category may
take them as its shortcut (QUOTE_KEYS in annotator/ui/codebook_panel.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from annotator.core import Decision, Quote
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.table_model import Index, ListKeys, RowsModel, rows_view

MARKS = {"accepted": "✓", "corrected": "✎", "rejected": "✗"}
#: Shown for a quote's kind and decision, translated when shown.
KINDS = {
    "direct": QT_TRANSLATE_NOOP("QuoteModel", "direct"),
    "partial": QT_TRANSLATE_NOOP("QuoteModel", "partial"),
    "indirect": QT_TRANSLATE_NOOP("QuoteModel", "indirect"),
}
#: Who speaks: a named person, an organisation, or an unnamed source as the text describes it.
SPEAKER_TYPES = {
    "person": QT_TRANSLATE_NOOP("QuoteModel", "person"),
    "organisation": QT_TRANSLATE_NOOP("QuoteModel", "organisation"),
    "descriptor": QT_TRANSLATE_NOOP("QuoteModel", "unnamed"),
}
#: The quoted words' column (struck out when rejected, it takes the width left).
TEXT_COLUMN = 5
DECISIONS = {
    "accepted": QT_TRANSLATE_NOOP("QuoteModel", "Accepted"),
    "corrected": QT_TRANSLATE_NOOP("QuoteModel", "Corrected"),
    "rejected": QT_TRANSLATE_NOOP("QuoteModel", "Rejected"),
}
DIMMED = QColor("#9e9e9e")
#: Key -> what it asks for ("accept", "correct", "reject", "next", "previous").
KEYS = {
    Qt.Key.Key_A: "accept",
    Qt.Key.Key_E: "correct",
    Qt.Key.Key_Return: "correct",
    Qt.Key.Key_Enter: "correct",
    Qt.Key.Key_R: "reject",
    Qt.Key.Key_Delete: "reject",
    Qt.Key.Key_Backspace: "reject",
    Qt.Key.Key_J: "next",
    Qt.Key.Key_K: "previous",
}


class QuoteModel(RowsModel[Quote]):
    """Quotes with the coder's decision on each: marked, and rejected ones dimmed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.decisions: dict[tuple[int, int], Decision] = {}
        super().__init__(
            (
                "",
                QCoreApplication.translate("QuoteModel", "Kind"),
                QCoreApplication.translate("QuoteModel", "Speaker"),
                QCoreApplication.translate("QuoteModel", "Type"),
                QCoreApplication.translate("QuoteModel", "Cue"),
                QCoreApplication.translate("QuoteModel", "Text"),
            ),
            lambda q: (
                MARKS.get(self.decision_of(q), ""),
                QCoreApplication.translate("QuoteModel", KINDS[q.kind])
                if q.kind in KINDS
                else q.kind,
                q.speaker or "?",
                QCoreApplication.translate("QuoteModel", SPEAKER_TYPES[q.speaker_type])
                if q.speaker_type in SPEAKER_TYPES
                else "",
                q.cue or "",
                " ".join(q.text.split()),
            ),
            parent,
        )

    def decision_of(self, quote: Quote) -> str:
        decision = self.decisions.get((quote.start, quote.end))
        return decision.decision if decision is not None else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        decision = self.decision_of(self.row(index.row()))
        if role == Qt.ItemDataRole.ForegroundRole and decision == "rejected":
            return DIMMED
        if role == Qt.ItemDataRole.FontRole and decision == "rejected":
            font = QFont()
            font.setStrikeOut(index.column() == TEXT_COLUMN)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            if decision in DECISIONS:
                return QCoreApplication.translate("QuoteModel", DECISIONS[decision])
            return decision.capitalize() if decision else self.tr("Not decided yet")
        return super().data(index, role)


class QuotePanel(QWidget):
    """Emits ``quote_clicked(quote)`` on a click, ``quote_selected(quote)`` when the selection
    moves, and ``decision_requested(quote, "accept"|"correct"|"reject")``."""

    quote_clicked = Signal(object)
    quote_selected = Signal(object)
    decision_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quotes: list[Quote] = []
        self.model = QuoteModel(self)
        # The mark, kind, type and cue are short: as wide as they are; the speaker starts
        # wide enough for a full name, and the text takes the rest.
        self.view = rows_view(self.model, stretch_column=TEXT_COLUMN, widths={2: 130})
        self.view.setObjectName("quoteList")
        self.view.clicked.connect(
            lambda index: self.quote_clicked.emit(self.model.row(index.row()))
        )
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.keys = ListKeys(self.view, KEYS)
        self.keys.pressed.connect(self._key)
        self.hide_rejected = QCheckBox(self.tr("Hide rejected"))
        self.hide_rejected.toggled.connect(lambda _on: self._fill())
        self.counts = QLabel()
        help_text = QLabel(self.tr("A accept · E correct · R reject · J/K next/previous"))
        help_text.setStyleSheet("color:#666")
        bar = QHBoxLayout()
        bar.addWidget(self.counts)
        bar.addStretch(1)
        bar.addWidget(self.hide_rejected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(help_text)

    def set_quotes(
        self, quotes: Sequence[Quote], decisions: Mapping[tuple[int, int], Decision] | None = None
    ) -> None:
        self._quotes = list(quotes)
        self.model.decisions = dict(decisions or {})
        self._fill(keep=None)

    def set_decisions(self, decisions: Mapping[tuple[int, int], Decision]) -> None:
        """New decisions on the same quotes: the selected quote stays selected."""
        self.model.decisions = dict(decisions)
        self._fill()

    def current_quote(self) -> Quote | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select_quote(self, quote: Quote | None) -> None:
        rows = self.model.rows()
        if quote is None or quote not in rows:
            return
        self.view.setCurrentIndex(self.model.index(rows.index(quote), 1))

    def step(self, offset: int) -> bool:
        """Select the next (+1) or previous (-1) suggestion; False at either end."""
        count = self.model.rowCount()
        if not count:
            return False
        row = self.view.currentIndex().row()
        target = (0 if offset > 0 else count - 1) if row < 0 else row + offset
        if not 0 <= target < count:
            return False
        self.view.setCurrentIndex(self.model.index(target, 1))
        return True

    def next_undecided(self) -> bool:
        """Select the first suggestion after the current one that has no decision yet."""
        rows = self.model.rows()
        row = self.view.currentIndex().row()
        for index in [*range(row + 1, len(rows)), *range(0, max(row, 0))]:
            if not self.model.decision_of(rows[index]):
                self.view.setCurrentIndex(self.model.index(index, 1))
                return True
        return False

    def select_next_undecided(self) -> bool:
        """Select the next undecided suggestion in the list only (the reader stays where it is)."""
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        try:
            found = self.next_undecided()
        finally:
            selection.blockSignals(False)
        self.view.viewport().update()
        return found

    def show_current(self) -> None:
        """Show the selected suggestion in the text (after ``select_next_undecided``)."""
        quote = self.current_quote()
        if quote is not None:
            self.quote_selected.emit(quote)

    def _fill(self, keep: Quote | None | bool = True) -> None:
        current = self.current_quote() if keep is True else None
        hide = self.hide_rejected.isChecked()
        shown = [q for q in self._quotes if not (hide and self.model.decision_of(q) == "rejected")]
        self.model.set_rows(shown)
        if current is not None:
            self.select_quote(current)
        decided = [self.model.decision_of(q) for q in self._quotes]
        done = sum(1 for d in decided if d)
        self.counts.setText(
            self.tr("{0} of {1} decided").format(done, len(self._quotes))
            if self._quotes
            else self.tr("No quote suggestions")
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.quote_selected.emit(self.model.row(current.row()))

    def _key(self, action: str) -> None:
        if action in ("next", "previous"):
            self.step(1 if action == "next" else -1)
            return
        quote = self.current_quote()
        if quote is not None:
            self.decision_requested.emit(quote, action)
