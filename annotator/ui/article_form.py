"""The "Article" tab: the codebook's article-level variables, the coder's memo, "done"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.core import ArticleStatus, Codebook, Variable
from annotator.ui.memo import MemoEdit
from annotator.ui.unit_form import FieldStack
from annotator.ui.variable_fields import VariableField

# conflict_1 … conflict_4 form the group "conflict" (the frame questions of a template).
_NUMBERED = re.compile(r"^(.+?)[_.\-]?\d+[a-z]?$")


def variable_group(variable: Variable) -> str:
    """The group a variable is shown in: its name without a trailing number ("" for none)."""
    match = _NUMBERED.match(variable.name)
    return match.group(1) if match else ""


class ArticleForm(FieldStack):
    """Emits ``value_committed(article_id, variable_id, old, new)``,
    ``memo_committed(article_id, old, new)`` and ``done_requested(article_id, done)``."""

    value_committed = Signal(str, str, object, object)
    memo_committed = Signal(str, str, str)
    done_requested = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleForm")
        self.article_id: str | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._body = QWidget()
        self._column = QVBoxLayout(self._body)
        self._column.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._body)
        self.memo = MemoEdit(self.tr("Memo on this article…"))
        self.memo.setObjectName("articleMemo")
        self.memo.memo_committed.connect(self._memo_committed)
        self.done = QCheckBox(self.tr("Done — every required answer given (Ctrl+D)"))
        self.done.setObjectName("articleDone")
        self.done.clicked.connect(self._done_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(QLabel(self.tr("Memo")))
        layout.addWidget(self.memo)
        layout.addWidget(self.done)
        self.set_codebook(Codebook())
        self.set_article(None, {}, None)

    def set_codebook(self, codebook: Codebook) -> None:
        self.commit_pending()
        while self._column.count():
            item = self._column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleted later, but gone from view now
                widget.deleteLater()
        self.clear_fields()
        groups: dict[str, list[Variable]] = {}
        for variable in codebook.article_variables():
            groups.setdefault(variable_group(variable), []).append(variable)
        if not groups:
            note = QLabel(self.tr("The codebook has no article-level variables."))
            note.setStyleSheet("color:#666")
            self._column.addWidget(note)
        for name, variables in groups.items():  # in the codebook's order
            box = QGroupBox(name.replace("_", " ").capitalize() if name else "")
            # Compact rows: the question wraps at the left, a short answer (yes/no, a
            # value) sits at its right; long answers (text, actors) go below the question.
            short = all(v.kind in ("yesno", "nominal", "ordinal", "number") for v in variables)
            form: QGridLayout | QVBoxLayout = QGridLayout(box) if short else QVBoxLayout(box)
            form.setContentsMargins(6, 4, 6, 4)
            form.setSpacing(4)
            for variable in variables:
                field = VariableField(variable, (), self)
                field.committed.connect(self._value_committed)
                self.add_field(form, field)
            self._column.addWidget(box)
        self._column.addStretch(1)
        previous: QWidget | None = None
        for field in self.fields.values():
            if previous is not None:
                QWidget.setTabOrder(previous, field.widget)
            previous = field.widget
        if previous is not None:
            QWidget.setTabOrder(previous, self.memo)
            QWidget.setTabOrder(self.memo, self.done)
        self._refresh_summary()

    def set_article(
        self, article_id: str | None, values: Mapping[str, Any], status: ArticleStatus | None
    ) -> None:
        """Show one coder's answers for an article (None: no article)."""
        if article_id != self.article_id:
            self.commit_pending()
        self.article_id = article_id
        for variable_id, field in self.fields.items():
            field.set_value(values.get(variable_id))
            field.widget.setEnabled(article_id is not None)
        self.memo.set_memo(status.memo if status else "")
        self.memo.setEnabled(article_id is not None)
        self.done.setChecked(bool(status and status.done))
        self.done.setEnabled(article_id is not None)
        self._refresh_summary()

    def commit_pending(self) -> None:
        if self.article_id is not None:
            for field in self.fields.values():
                field.commit()
            self.memo.commit()

    def missing(self) -> list[Variable]:
        return [
            f.variable for f in self.fields.values() if f.variable.required and f.value() is None
        ]

    def after_last(self) -> None:
        self.memo.setFocus(Qt.FocusReason.TabFocusReason)

    def _refresh_summary(self) -> None:
        if not self.fields:
            self.summary.setText("")
            return
        answered = sum(f.value() is not None for f in self.fields.values())
        missing = len(self.missing())
        text = self.tr("{0} of {1} answered").format(answered, len(self.fields))
        if missing:
            missing_text = self.tr("{0} required (*) missing").format(missing)
            text += f" — <span style='color:#c62828'>{missing_text}</span>"
        self.summary.setText(text)

    def _value_committed(self, variable_id: str, old: object, new: object) -> None:
        self._refresh_summary()
        if self.article_id is not None:
            self.value_committed.emit(self.article_id, variable_id, old, new)

    def _memo_committed(self, old: str, new: str) -> None:
        if self.article_id is not None:
            self.memo_committed.emit(self.article_id, old, new)

    def _done_clicked(self, checked: bool) -> None:
        if self.article_id is not None:
            self.done_requested.emit(self.article_id, checked)
