"""One editor per codebook variable, shared by the unit form and the article form.

Values are what the store keeps: a value code (str) for nominal, ordinal and yes/no
variables, a number (int when whole) for numbers, a string for text, and the actor's
name for actor variables (see annotator.services.coding). ``None`` means not answered.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from annotator.core import ValueLabel, Variable
from annotator.ui.i18n import QT_TRANSLATE_NOOP

NOT_ANSWERED = "—"
YES_NO = (
    ValueLabel("1", QT_TRANSLATE_NOOP("VariableField", "Yes")),
    ValueLabel("0", QT_TRANSLATE_NOOP("VariableField", "No")),
)
_NUMBER_RANGE = 1e12
#: The widest a list of values is made, in characters (longer labels show when it opens).
MAX_CHOICE_CHARS = 30


class NumberBox(QDoubleSpinBox):
    """A spin box for numbers that shows 3 rather than 3.000, and "—" when not answered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(4)
        # The lowest value stands for "not answered" and shows as a dash.
        self.setRange(-_NUMBER_RANGE - 1, _NUMBER_RANGE)
        self.setSpecialValueText(NOT_ANSWERED)
        self.setValue(self.minimum())

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt API)
        return f"{value:.4f}".rstrip("0").rstrip(".")

    def number(self) -> int | float | None:
        value = self.value()
        if value == self.minimum():
            return None
        return int(value) if float(value).is_integer() else value

    def set_number(self, value: Any) -> None:
        try:
            self.setValue(float(value) if value not in (None, "") else self.minimum())
        except (TypeError, ValueError):
            self.setValue(self.minimum())


def value_text(label: str, code: str) -> str:
    """A value as every list and table shows it: "Against (-1)", "Yes (1)", the code alone
    when it has no label. Label first, so that typing its first letter picks it."""
    return f"{label} ({code})" if label and label != code else code


def field_label(variable: Variable) -> QLabel:
    """The variable's label, ``*`` after a required one, description and examples as tooltip."""
    text = html.escape(variable.label or variable.name)
    if variable.required:
        text += " <span style='color:#c62828'>*</span>"
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    tip = [f"<b>{html.escape(variable.name)}</b>"]
    if variable.required:
        tip.append(QCoreApplication.translate("VariableField", "Required"))
    if variable.description:
        tip.append(html.escape(variable.description))
    if variable.examples:
        tip.append(
            QCoreApplication.translate("VariableField", "Examples: {0}").format(
                html.escape("; ".join(variable.examples))
            )
        )
    label.setToolTip("<br>".join(tip))
    return label


class VariableField(QObject):
    """The editor of one variable; emits ``committed(variable_id, old, new)`` on a change."""

    committed = Signal(str, object, object)
    #: Enter pressed in the field: the form moves on to the next one.
    confirmed = Signal()

    def __init__(
        self, variable: Variable, actors: Sequence[str] = (), parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.variable = variable
        self._saved: Any = None
        self._loading = False
        self.widget: QWidget
        kind = variable.kind
        if kind in ("nominal", "ordinal", "yesno"):
            self.widget = self._choice(variable)
        elif kind == "number":
            box = NumberBox()
            box.editingFinished.connect(self.commit)
            self.widget = box
        elif kind == "actor":
            self.widget = self._actor(actors)
        else:
            edit = QLineEdit()
            edit.editingFinished.connect(self.commit)
            self.widget = edit
        if isinstance(self.widget, QComboBox):
            # Long value labels must not widen the form past its panel.
            self.widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            if self.widget.isEditable():
                self.widget.setMinimumContentsLength(16)
        self.widget.setObjectName(f"field_{variable.name}")
        self.widget.setToolTip(variable.description or variable.label or variable.name)
        self.widget.installEventFilter(self)
        line = self.widget.lineEdit() if isinstance(self.widget, QComboBox) else None
        if line is not None:
            line.installEventFilter(self)

    def _choice(self, variable: Variable) -> QComboBox:
        combo = QComboBox()
        combo.addItem(NOT_ANSWERED, None)
        values = variable.values or (YES_NO if variable.kind == "yesno" else ())
        for value in values:
            label = self.tr(value.label) if values is YES_NO else value.label
            combo.addItem(value_text(label, value.code), value.code)
        combo.activated.connect(lambda _index: self.commit())
        # As wide as its values (up to a point: the form must fit its panel); the list
        # that opens shows every label in full.
        longest = max((len(combo.itemText(i)) for i in range(combo.count())), default=4)
        combo.setMinimumContentsLength(min(longest, MAX_CHOICE_CHARS))
        view = combo.view()
        if view is not None:
            view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
        return combo

    def _actor(self, actors: Sequence[str]) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("")
        combo.addItems(list(actors))
        completer = QCompleter(list(actors), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        line = combo.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setPlaceholderText(self.tr("type a name…"))
        line.editingFinished.connect(self.commit)
        # Enter that closes the completion popup reaches the line edit directly, past the
        # event filter: it still moves on to the next field.
        line.returnPressed.connect(self.confirmed.emit)
        combo.activated.connect(lambda _index: self.commit())
        return combo

    # -- value -----------------------------------------------------------------------------

    def value(self) -> Any:
        widget = self.widget
        if isinstance(widget, NumberBox):
            return widget.number()
        if isinstance(widget, QComboBox):
            if widget.isEditable():
                return " ".join(widget.currentText().split()) or None
            return widget.currentData()
        if isinstance(widget, QLineEdit):
            return widget.text().strip() or None
        return None

    def set_value(self, value: Any) -> None:
        """Show a stored value without reporting it as an edit."""
        self._loading = True
        try:
            self._saved = None if value == "" else value
            widget = self.widget
            if isinstance(widget, NumberBox):
                widget.set_number(value)
            elif isinstance(widget, QComboBox) and widget.isEditable():
                widget.setEditText("" if value is None else str(value))
            elif isinstance(widget, QComboBox):
                index = widget.findData(None if value is None else str(value))
                if index < 0 and value is not None:
                    # A code the codebook no longer lists: shown as it is, not lost.
                    widget.addItem(self.tr("{0} (not in the codebook)").format(value), str(value))
                    index = widget.count() - 1
                widget.setCurrentIndex(max(index, 0))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
        finally:
            self._loading = False

    def commit(self) -> None:
        if self._loading:
            return
        value = self.value()
        if value != self._saved:
            old, self._saved = self._saved, value
            self.committed.emit(self.variable.id, old, value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._pick_by_code(event.text())
        ):
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            popup = self._popup_visible()
            if not popup:
                self.commit()
                self.confirmed.emit()
                return True
        return super().eventFilter(watched, event)

    def _pick_by_code(self, typed: str) -> bool:
        """Typing a value's code picks it ("+" picks "For (+1)", "9" "Foreign affairs (9)");
        letters pick by label, as in any list."""
        widget = self.widget
        if not typed or not isinstance(widget, QComboBox) or widget.isEditable():
            return False
        if typed.isalpha():
            return False
        for index in range(1, widget.count()):
            code = widget.itemData(index)
            if isinstance(code, str) and code.startswith(typed):
                widget.setCurrentIndex(index)
                return True
        return False

    def _popup_visible(self) -> bool:
        if isinstance(self.widget, QComboBox):
            completer = self.widget.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None and popup.isVisible():
                return True
            view = self.widget.view()
            return view is not None and view.isVisible()
        return False
