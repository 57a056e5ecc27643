"""The "Article" tab: the codebook's article-level variables, the coder's memo, "done".

Where the machine suggests a value for an unanswered variable (``set_suggestions``), a chip
beside the field shows it, in the machine's colours and with how sure it is; Ctrl+Space
(or a click on the chip) accepts it, any answer the coder gives overrides it, and either way
``suggestion_decided`` tells the window, which records the decision.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.core import ArticleStatus, Codebook, Variable
from annotator.services.code_suggestions import CodeSuggestion
from annotator.services.learn import LEARNABLE
from annotator.ui.memo import MemoEdit
from annotator.ui.unit_form import FieldStack
from annotator.ui.variable_fields import YES_NO, VariableField, value_text

#: The machine's colours: never those of a coder's answer.
SUGGESTION_STYLE = (
    "QPushButton { color: #4a148c; background: #f3e5f5; border: 1px dashed #8e24aa;"
    " border-radius: 3px; padding: 1px 6px; font-style: italic; }"
)
ACCEPT_KEY = "Ctrl+Space"

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
    #: (article id, variable id, the CodeSuggestion, the value kept): a suggestion
    #: accepted or overridden.
    suggestion_decided = Signal(str, str, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleForm")
        self.article_id: str | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        #: How good the machine's suggestions are ("topic: α 0.71, 240 articles, …").
        self.quality = QLabel()
        self.quality.setObjectName("machineQuality")
        self.quality.setWordWrap(True)
        self.quality.setStyleSheet("color: #4a148c; font-style: italic")
        self.quality.hide()
        #: Said while the article shown was chosen by the machine, not the study's order.
        self.order_note = QLabel()
        self.order_note.setObjectName("orderNote")
        self.order_note.setWordWrap(True)
        self.order_note.setStyleSheet(
            "color: #bf360c; background: #fff3e0; border: 1px solid #ffb74d; padding: 3px"
        )
        self.order_note.hide()
        #: Variable id -> the machine's suggestion for the article shown, while undecided.
        self.suggestions: dict[str, CodeSuggestion] = {}
        self.chips: dict[str, QPushButton] = {}
        self.accept_key = QShortcut(QKeySequence(ACCEPT_KEY), self)
        self.accept_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.accept_key.activated.connect(self.accept_suggestion)
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
        layout.addWidget(self.quality)
        layout.addWidget(self.order_note)
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
        self.chips = {}
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
                if variable.kind in LEARNABLE:
                    self._add_chip(form, variable)
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
        self,
        article_id: str | None,
        values: Mapping[str, Any],
        status: ArticleStatus | None,
        suggestions: Mapping[str, CodeSuggestion] | None = None,
    ) -> None:
        """Show one coder's answers for an article (None: no article), and the machine's
        suggestions for the variables not answered yet."""
        if article_id != self.article_id:
            self.commit_pending()
            self.order_note.hide()
        self.article_id = article_id
        for variable_id, field in self.fields.items():
            field.set_value(values.get(variable_id))
            field.widget.setEnabled(article_id is not None)
        self.memo.set_memo(status.memo if status else "")
        self.memo.setEnabled(article_id is not None)
        self.done.setChecked(bool(status and status.done))
        self.done.setEnabled(article_id is not None)
        self.set_suggestions(suggestions or {})
        self._refresh_summary()

    # -- the machine's suggestions ---------------------------------------------------------

    def _add_chip(self, form: QGridLayout | QVBoxLayout, variable: Variable) -> None:
        chip = QPushButton()
        chip.setObjectName(f"suggestion_{variable.name}")
        chip.setStyleSheet(SUGGESTION_STYLE)
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from answer to answer
        chip.clicked.connect(lambda _checked=False, v=variable.id: self.accept_suggestion(v))
        chip.hide()
        if isinstance(form, QGridLayout):
            form.addWidget(chip, form.rowCount() - 1, 2, Qt.AlignmentFlag.AlignVCenter)
        else:
            form.addWidget(chip)
        self.chips[variable.id] = chip

    def set_suggestions(self, suggestions: Mapping[str, CodeSuggestion]) -> None:
        """The machine's suggestions for the article shown; those of answered variables
        stay hidden (the coder's answer stands)."""
        self.suggestions = {
            variable_id: s
            for variable_id, s in suggestions.items()
            if variable_id in self.chips and self.fields[variable_id].value() is None
        }
        for variable_id, chip in self.chips.items():
            suggestion = self.suggestions.get(variable_id)
            chip.setVisible(suggestion is not None and self.article_id is not None)
            if suggestion is None:
                continue
            variable = self.fields[variable_id].variable
            chip.setText(
                self.tr("machine: {0} · {1:.0%}").format(
                    self._value_label(variable, suggestion.value), suggestion.confidence
                )
            )
            chip.setToolTip(
                self.tr(
                    "Suggested by the machine, trained on the codes given so far; {0:.0%} "
                    "sure. {1} or a click accepts it; any answer you give overrides it."
                ).format(suggestion.confidence, ACCEPT_KEY)
            )

    def set_order_note(self, text: str) -> None:
        """Mark the article shown as chosen out of the study's order (until another one)."""
        self.order_note.setText(text)
        self.order_note.setVisible(bool(text))

    def set_quality(self, lines: list[str]) -> None:
        """How good the machine is per variable, from the last cross-validated report."""
        self.quality.setText(self.tr("Machine suggestions — {0}").format("; ".join(lines)))
        self.quality.setVisible(bool(lines))

    def accept_suggestion(self, variable_id: str | None = None) -> bool:
        """Accept a suggestion: the field's own (``variable_id``), else the focused field's,
        else the first one shown. False when there is none."""
        if variable_id is None:
            focused = next((v for v, f in self.fields.items() if f.widget.hasFocus()), None)
            variable_id = focused if focused in self.suggestions else None
        if variable_id is None:
            variable_id = next((v for v in self.fields if v in self.suggestions), None)
        suggestion = self.suggestions.get(variable_id or "")
        if variable_id is None or suggestion is None or self.article_id is None:
            return False
        field = self.fields[variable_id]
        widget = field.widget
        index = widget.findData(suggestion.value) if isinstance(widget, QComboBox) else -1
        if not isinstance(widget, QComboBox) or index < 0:
            return False
        widget.setCurrentIndex(index)
        field.commit()
        return True

    @staticmethod
    def _value_label(variable: Variable, code: str) -> str:
        values = variable.values or (YES_NO if variable.kind == "yesno" else ())
        label = next((v.label for v in values if v.code == code), "")
        return value_text(label, code)

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
        if self.article_id is None:
            return
        article_id = self.article_id
        # Taken before the edit: saving it shows the article again, without the suggestion.
        suggestion = self.suggestions.pop(variable_id, None) if new is not None else None
        self.value_committed.emit(article_id, variable_id, old, new)
        if suggestion is not None:
            self.chips[variable_id].hide()
            self.suggestion_decided.emit(article_id, variable_id, suggestion, new)

    def _memo_committed(self, old: str, new: str) -> None:
        if self.article_id is not None:
            self.memo_committed.emit(self.article_id, old, new)

    def _done_clicked(self, checked: bool) -> None:
        if self.article_id is not None:
            self.done_requested.emit(self.article_id, checked)
