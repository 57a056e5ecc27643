"""Correcting a quote suggestion: its span (from the reader's selection) and its speaker."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Quote


class CorrectQuoteDialog(QDialog):
    """Shows the span the corrected quote will have and lets the coder pick its speaker.

    The span is the reader's selection when it overlaps the quote (select the right
    words in the text before pressing E), the suggested span otherwise.
    """

    def __init__(
        self,
        quote: Quote,
        text: str,
        span: tuple[int, int],
        actors: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct the quote"))
        self.setObjectName("correctQuoteDialog")
        self.quote = quote
        self.start, self.end = span
        shown = " ".join(text[self.start : self.end].split())
        where = (
            self.tr("Span from your selection in the text.")
            if span != (quote.start, quote.end)
            else self.tr("Span as suggested — select other words in the text first to change it.")
        )
        self.span_label = QLabel(f"“{shown}”")
        self.span_label.setWordWrap(True)
        self.span_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(where)
        note.setStyleSheet("color:#666")
        note.setWordWrap(True)
        self.speaker = QComboBox()
        self.speaker.setObjectName("correctSpeaker")
        self.speaker.setEditable(True)
        self.speaker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = list(dict.fromkeys([*actors, *([quote.speaker] if quote.speaker else [])]))
        self.speaker.addItems(["", *names])
        completer = QCompleter(names, self.speaker)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker.setCompleter(completer)
        self.speaker.setEditText(quote.speaker or "")
        line = self.speaker.lineEdit()
        if line is not None:
            line.selectAll()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Quote"), self.span_label)
        form.addRow("", note)
        form.addRow(self.tr("Speaker"), self.speaker)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def speaker_name(self) -> str:
        """The speaker typed or chosen ("" for nobody)."""
        return " ".join(self.speaker.currentText().split())
