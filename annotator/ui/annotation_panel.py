"""The "Codes" tab: the annotations of the current article, with Delete."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from annotator.core import Annotation
from annotator.ui.table_model import RowsModel, rows_view


class AnnotationPanel(QWidget):
    """Lists codes; emits ``delete_requested(id)``, ``annotation_clicked(annotation)`` and
    ``annotation_selected(annotation or None)`` when the current code changes."""

    delete_requested = Signal(str)
    annotation_clicked = Signal(object)
    annotation_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}
        self.model: RowsModel[Annotation] = RowsModel(
            (self.tr("Category"), self.tr("Text"), self.tr("Coder")),
            lambda a: (
                self._names.get(a.category_id, "?"),
                _one_line(a.text),
                a.coder + ("  ✎" if a.memo else ""),
            ),
            self,
        )
        self.view = rows_view(self.model, stretch_column=1, widths={0: 120, 2: 60})
        self.view.setObjectName("annotationList")
        self.view.clicked.connect(
            lambda index: self.annotation_clicked.emit(self.model.row(index.row()))
        )
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.annotation_selected.emit(
                self.model.row(current.row()) if current.isValid() else None
            )
        )
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected code (Del)"))
        self.delete_button.clicked.connect(self.delete_selected)
        delete = QAction(self.tr("Delete code"), self)
        delete.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")]
        )
        # Only while the list has focus: Del in the reader must not delete a code.
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.triggered.connect(self.delete_selected)
        self.view.addAction(delete)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def set_category_names(self, names: Mapping[str, str]) -> None:
        self._names = dict(names)

    def set_annotations(self, annotations: Sequence[Annotation], select: str | None = None) -> None:
        """Show codes; ``select`` (an id) or else the code selected before stays selected."""
        current = self.current_annotation()
        wanted = select or (current.id if current is not None else None)
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows(annotations)
        ids = [a.id for a in annotations]
        if wanted in ids:
            self.view.setCurrentIndex(self.model.index(ids.index(wanted), 1))
        selection.blockSignals(False)
        now = self.current_annotation()
        self.annotation_selected.emit(now)

    def rows(self) -> list[Annotation]:
        return self.model.rows()

    def current_annotation(self) -> Annotation | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def delete_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.delete_requested.emit(self.model.row(index.row()).id)


def _one_line(text: str) -> str:
    return " ".join(text.split())
