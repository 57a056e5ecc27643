"""The "Unit" tab: the selected code's unit variables (a claim's claimant, position…) and memo."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from annotator.core import Annotation, Codebook
from annotator.ui.memo import MemoEdit
from annotator.ui.variable_fields import VariableField, field_label


class FieldStack(QWidget):
    """Fields in a form layout, Enter moving from one to the next (shared by both forms)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, VariableField] = {}
        self._order: list[VariableField] = []

    def add_field(
        self, form: QFormLayout | QGridLayout | QVBoxLayout, field: VariableField
    ) -> None:
        """A row "label: field"; in a grid, a question wrapping at the left of a short answer;
        in a column, the label above its field."""
        if isinstance(form, QFormLayout):
            form.addRow(field_label(field.variable), field.widget)
        elif isinstance(form, QGridLayout):
            row = form.rowCount()
            form.addWidget(field_label(field.variable), row, 0)
            form.addWidget(field.widget, row, 1, Qt.AlignmentFlag.AlignVCenter)
            form.setColumnStretch(0, 1)
        else:
            form.addWidget(field_label(field.variable))
            form.addWidget(field.widget)
            form.addSpacing(6)
        self.fields[field.variable.id] = field
        self._order.append(field)
        field.confirmed.connect(lambda f=field: self._next(f))

    def clear_fields(self) -> None:
        for field in self._order:
            field.deleteLater()
        self.fields = {}
        self._order = []

    def _next(self, field: VariableField) -> None:
        index = self._order.index(field)
        if index + 1 < len(self._order):
            self._order[index + 1].widget.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.after_last()

    def after_last(self) -> None:
        """Where Enter in the last field goes (the memo)."""

    def focus_first(self, empty_first: bool = True) -> bool:
        """Put the focus in the first unanswered field (or the first field); False if none."""
        if not self._order:
            return False
        target = self._order[0]
        if empty_first:
            target = next((f for f in self._order if f.value() is None), target)
        target.widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True


class UnitForm(FieldStack):
    """Emits ``value_committed(annotation_id, variable_id, old, new)`` and
    ``memo_committed(annotation_id, old, new)``; the window turns them into undo commands."""

    value_committed = Signal(str, str, object, object)
    memo_committed = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitForm")
        self.annotation: Annotation | None = None
        self._shape: tuple[Any, ...] | None = None
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self._body = QWidget()
        self._form = QFormLayout(self._body)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.memo = MemoEdit(self.tr("Memo on this code…"))
        self.memo.setObjectName("unitMemo")
        self.memo.memo_committed.connect(self._memo_committed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(scroll, 1)
        layout.addWidget(QLabel(self.tr("Memo")))
        layout.addWidget(self.memo)
        self.set_unit(None, Codebook(), ())

    def set_unit(
        self, annotation: Annotation | None, codebook: Codebook, actors: Sequence[str]
    ) -> None:
        """Show a code's form; the same code again (after an undo) keeps the widgets."""
        self.commit_pending()
        self.annotation = annotation
        if annotation is None:
            self._rebuild(None, codebook, actors)
            self.header.setText(
                "<span style='color:#666'>"
                + self.tr("Select a code in the Codes tab or accept a quote to fill in its form.")
                + "</span>"
            )
            self.memo.set_memo("")
            self.memo.setEnabled(False)
            return
        category = codebook.by_id(annotation.category_id)
        shape = (annotation.id, annotation.category_id, id(codebook), tuple(actors))
        if shape != self._shape:
            self._rebuild(annotation, codebook, actors)
            self._shape = shape
        for variable_id, field in self.fields.items():
            field.set_value(annotation.attributes.get(variable_id))
        name = html.escape(category.name if category else "?")
        text = html.escape(" ".join(annotation.text.split()))
        if len(text) > 160:
            text = text[:159] + "…"
        hint = (
            ""
            if self.fields
            else "<br><i>" + self.tr("This category has no unit variables.") + "</i>"
        )
        self.header.setText(
            f"<b>{name}</b> — “{text}” <span style='color:#666'>"
            f"({html.escape(annotation.coder)})</span>{hint}"
        )
        self.memo.setEnabled(True)
        self.memo.set_memo(annotation.memo)

    def commit_pending(self) -> None:
        """Save a field or memo still being edited (it belongs to the code being left)."""
        if self.annotation is not None:
            for field in self.fields.values():
                field.commit()
            self.memo.commit()

    def _rebuild(
        self, annotation: Annotation | None, codebook: Codebook, actors: Sequence[str]
    ) -> None:
        self._shape = None
        while self._form.rowCount():
            self._form.removeRow(0)
        self.clear_fields()
        if annotation is None:
            return
        for variable in codebook.unit_variables(annotation.category_id):
            field = VariableField(variable, actors, self)
            field.committed.connect(
                lambda variable_id, old, new, aid=annotation.id: self.value_committed.emit(
                    aid, variable_id, old, new
                )
            )
            self.add_field(self._form, field)
        previous: QWidget | None = None
        for field in self.fields.values():
            if previous is not None:
                QWidget.setTabOrder(previous, field.widget)
            previous = field.widget
        if previous is not None:
            QWidget.setTabOrder(previous, self.memo)

    def after_last(self) -> None:
        self.memo.setFocus(Qt.FocusReason.TabFocusReason)

    def _memo_committed(self, old: str, new: str) -> None:
        if self.annotation is not None:
            self.memo_committed.emit(self.annotation.id, old, new)
