"""The "Quotes" tab: what pre-annotation found; a click selects the quote in the reader."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.core import Quote
from annotator.ui.table_model import RowsModel, rows_view


class QuotePanel(QWidget):
    """Lists quotes (kind, speaker, cue, text); emits ``quote_clicked(quote)``."""

    quote_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowsModel[Quote] = RowsModel(
            ("Kind", "Speaker", "Cue", "Text"),
            lambda q: (q.kind, q.speaker or "?", q.cue or "", " ".join(q.text.split())),
            self,
        )
        self.view = rows_view(self.model, stretch_column=3, widths={0: 58, 1: 110, 2: 64})
        self.view.setObjectName("quoteList")
        self.view.clicked.connect(
            lambda index: self.quote_clicked.emit(self.model.row(index.row()))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)

    def set_quotes(self, quotes: Sequence[Quote]) -> None:
        self.model.set_rows(quotes)
