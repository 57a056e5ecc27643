"""The variables of one level (article, or one unit category): a list and a form.

Every edit is saved at once through the ``save`` callback (a Project method behind
the codebook editor); a name statistics software would refuse, a name already used,
or a value without a code is shown in red and not saved until it is fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import VARIABLE_KINDS, ValueLabel, Variable
from annotator.services.codebooks import variable_name_problem

VARIABLE_ID = Qt.ItemDataRole.UserRole
KIND_LABELS = {
    "nominal": "nominal (categories)",
    "ordinal": "ordinal (ordered values)",
    "yesno": "yes / no",
    "number": "number",
    "text": "free text",
    "actor": "actor (from the article)",
}
_TYPING_PAUSE_MS = 600


class VariableEditor(QWidget):
    """Edits a list of variables; asks ``save`` to store one, ``delete`` to remove one."""

    changed = Signal()

    def __init__(
        self,
        save: Callable[[Variable], None],
        delete: Callable[[Variable], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._delete = delete
        self.variables: list[Variable] = []
        self._new: Callable[[int], Variable] | None = None
        #: The id of the variable the form shows (commit saves into it).
        self._shown: str | None = None
        self.list = QListWidget()
        self.list.setObjectName("variableList")
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._show_current)
        self.add_button = QPushButton(self.tr("Add variable"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.add_button.clicked.connect(self.add_variable)
        self.delete_button.clicked.connect(self.delete_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("short, for SPSS / Stata / R: claimant, conflict_1"))
        # Plain text: a frame question runs over two lines.
        self.label = QPlainTextEdit()
        self.label.setPlaceholderText(self.tr("what coders read: the question or the attribute"))
        self.label.setMaximumHeight(52)
        self.label.setTabChangesFocus(True)
        self.kind = QComboBox()
        for kind in VARIABLE_KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.required = QCheckBox(self.tr("Coders must answer it"))
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("instructions for coders"))
        self.examples = QPlainTextEdit()
        self.examples.setPlaceholderText(self.tr("one example a line"))
        for box in (self.description, self.examples):
            box.setMaximumHeight(70)
            box.setTabChangesFocus(True)
        self.values = QTableWidget(0, 2)
        self.values.setObjectName("valueTable")
        self.values.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Label")])
        header = self.values.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.values.verticalHeader().setVisible(False)
        self.add_value_button = QPushButton(self.tr("Add value"))
        self.remove_value_button = QPushButton(self.tr("Remove value"))
        self.add_value_button.clicked.connect(self.add_value)
        self.remove_value_button.clicked.connect(self.remove_value)
        self.problem = QLabel()
        self.problem.setObjectName("variableProblem")
        self.problem.setStyleSheet("color: #c62828")
        self.problem.setWordWrap(True)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(_TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.commit)
        self._build()
        self.name.editingFinished.connect(self.commit)
        self.label.textChanged.connect(self._typing.start)
        self.kind.activated.connect(self._kind_chosen)
        self.required.toggled.connect(lambda _on: self.commit())
        self.description.textChanged.connect(self._typing.start)
        self.examples.textChanged.connect(self._typing.start)
        self.values.itemChanged.connect(lambda _item: self.commit())
        self._show_current(-1)

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Label"), self.label)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Required"), self.required)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Examples"), self.examples)
        value_buttons = QHBoxLayout()
        value_buttons.addWidget(self.add_value_button)
        value_buttons.addWidget(self.remove_value_button)
        value_buttons.addStretch(1)
        values = QVBoxLayout()
        values.addWidget(self.values)
        values.addLayout(value_buttons)
        form.addRow(self.tr("Values"), values)
        form.addRow(self.problem)
        self.form = QWidget()
        self.form.setLayout(form)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addWidget(self.form, 3)

    # -- what is shown ---------------------------------------------------------------------

    def set_variables(
        self,
        variables: list[Variable],
        new: Callable[[int], Variable] | None,
        keep: str = "",
        commit: bool = True,
    ) -> None:
        """Show ``variables``; ``new(position)`` makes a variable for Add (None: no adding).

        The form's pending edit is saved first, unless ``commit`` is False (its variable
        was just deleted).
        """
        if commit:
            self.commit()
        self._typing.stop()
        self._shown = None
        self.variables = sorted(variables, key=lambda v: v.position)
        self._new = new
        self.add_button.setEnabled(new is not None)
        self.list.blockSignals(True)
        self.list.clear()
        for variable in self.variables:
            item = QListWidgetItem(_list_text(variable))
            item.setData(VARIABLE_ID, variable.id)
            item.setToolTip(variable.label)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, v in enumerate(self.variables) if v.id == keep), 0)
        self.list.setCurrentRow(row if self.variables else -1)
        self._show_current(self.list.currentRow())

    def current(self) -> Variable | None:
        row = self.list.currentRow()
        return self.variables[row] if 0 <= row < len(self.variables) else None

    def select(self, variable_id: str) -> None:
        for row, variable in enumerate(self.variables):
            if variable.id == variable_id:
                self.list.setCurrentRow(row)

    def _show_current(self, _row: int) -> None:
        # What was typed for the variable being left is saved to that variable.
        self.commit()
        variable = self.current()
        self._shown = variable.id if variable else None
        self.form.setEnabled(variable is not None)
        self.delete_button.setEnabled(variable is not None)
        self.problem.clear()
        widgets = (self.name, self.label, self.kind, self.required, self.description)
        for widget in (*widgets, self.examples, self.values):
            widget.blockSignals(True)
        self.name.setText(variable.name if variable else "")
        self.label.setPlainText(variable.label if variable else "")
        self.kind.setCurrentIndex(VARIABLE_KINDS.index(variable.kind) if variable else 0)
        self.required.setChecked(bool(variable and variable.required))
        self.description.setPlainText(variable.description if variable else "")
        self.examples.setPlainText("\n".join(variable.examples) if variable else "")
        self.values.setRowCount(0)
        for value in variable.values if variable else ():
            self._append_value_row(value.code, value.label)
        for widget in (*widgets, self.examples, self.values):
            widget.blockSignals(False)

    def _kind_chosen(self, _index: int) -> None:
        # A yes/no question gets its two values, which coders and exports need.
        if self.kind.currentData() == "yesno" and self.values.rowCount() == 0:
            self.values.blockSignals(True)
            self._append_value_row("1", self.tr("Yes"))
            self._append_value_row("0", self.tr("No"))
            self.values.blockSignals(False)
        self.commit()

    def _append_value_row(self, code: str, label: str) -> int:
        row = self.values.rowCount()
        self.values.insertRow(row)
        self.values.setItem(row, 0, QTableWidgetItem(code))
        self.values.setItem(row, 1, QTableWidgetItem(label))
        return row

    # -- edits -----------------------------------------------------------------------------

    def commit(self) -> bool:
        """Save the form into the variable it shows, if it changed and is valid."""
        self._typing.stop()
        variable = next((v for v in self.variables if v.id == self._shown), None)
        if variable is None:
            return True
        edited, problem = self._from_form(variable)
        if problem is None:
            problem = self._name_clash(edited)
        self.problem.setText(problem or "")
        if problem is not None or edited == variable:
            return problem is None
        self._store(edited)
        return True

    def _from_form(self, variable: Variable) -> tuple[Variable, str | None]:
        name = self.name.text().strip()
        problem = variable_name_problem(name)
        values: list[ValueLabel] = []
        for row in range(self.values.rowCount()):
            code_item, label_item = self.values.item(row, 0), self.values.item(row, 1)
            code = code_item.text().strip() if code_item else ""
            label = label_item.text().strip() if label_item else ""
            if not code and not label:
                continue
            if not code:
                problem = problem or self.tr("value '{0}' needs a code").format(label)
            elif any(v.code == code for v in values):
                problem = problem or self.tr("the code '{0}' is used twice").format(code)
            values.append(ValueLabel(code, label))
        examples = tuple(e.strip() for e in self.examples.toPlainText().splitlines() if e.strip())
        edited = replace(
            variable,
            name=name,
            label=" ".join(self.label.toPlainText().split()),
            kind=self.kind.currentData(),
            required=self.required.isChecked(),
            description=self.description.toPlainText().strip(),
            examples=examples,
            values=tuple(values),
        )
        return edited, problem

    def _name_clash(self, edited: Variable) -> str | None:
        taken = {v.name.casefold() for v in self.variables if v.id != edited.id}
        if edited.name.casefold() in taken:
            return self.tr("another variable here is already named '{0}'").format(edited.name)
        return None

    def _store(self, variable: Variable) -> None:
        self._save(variable)
        row = self.variables.index(next(v for v in self.variables if v.id == variable.id))
        self.variables[row] = variable
        item = self.list.item(row)
        if item is not None:
            item.setText(_list_text(variable))
            item.setToolTip(variable.label)
        self.changed.emit()

    def add_variable(self) -> Variable | None:
        if self._new is None or not self.commit():
            return None
        variable = self._new(len(self.variables))
        taken = {v.name for v in self.variables}
        name, n = variable.name, 1
        while name in taken:
            n += 1
            name = f"{variable.name}_{n}"
        variable = replace(variable, name=name)
        self._save(variable)
        self.set_variables([*self.variables, variable], self._new, keep=variable.id)
        self.name.setFocus()
        self.name.selectAll()
        self.changed.emit()
        return variable

    def delete_current(self) -> None:
        variable = self.current()
        if variable is None or not self._delete(variable):
            return
        rest = [v for v in self.variables if v.id != variable.id]
        self.set_variables(rest, self._new, commit=False)
        self.changed.emit()

    def move_current(self, step: int) -> None:
        variable = self.current()
        if variable is None or not self.commit():
            return
        row = self.variables.index(variable)
        target = row + step
        if not 0 <= target < len(self.variables):
            return
        order = list(self.variables)
        order[row], order[target] = order[target], order[row]
        moved = [replace(v, position=i) for i, v in enumerate(order)]
        for before, after in zip(order, moved, strict=True):
            if before.position != after.position:
                self._save(after)
        self.set_variables(moved, self._new, keep=variable.id)
        self.changed.emit()

    def add_value(self) -> None:
        numbers = []
        for row in range(self.values.rowCount()):
            item = self.values.item(row, 0)
            text = item.text().strip() if item else ""
            if text.lstrip("+-").isdigit():
                numbers.append(int(text))
        self.values.blockSignals(True)
        row = self._append_value_row(str(max(numbers) + 1) if numbers else "1", "")
        self.values.blockSignals(False)
        self.commit()
        self.values.setCurrentCell(row, 1)
        item = self.values.item(row, 1)
        if item is not None:
            self.values.editItem(item)

    def remove_value(self) -> None:
        row = self.values.currentRow()
        if row < 0:
            return
        self.values.removeRow(row)
        self.commit()


def _list_text(variable: Variable) -> str:
    flag = " *" if variable.required else ""
    label = f" — {variable.label}" if variable.label and variable.label != variable.name else ""
    return f"{variable.name}{flag}{label}"
