"""Before a spreadsheet import: which column holds the text, the title, the date…"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.i18n import QT_TRANSLATE_NOOP

#: The spreadsheet suffixes that need a column mapping before they can be read.
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx")
#: Article fields offered in the dialog, in the order a researcher thinks of them.
FIELDS = ("text", "title", "date", "outlet", "author", "url", "section")
LABELS = {
    "text": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Text (required)"),
    "title": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Title"),
    "date": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Date"),
    "outlet": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Outlet"),
    "author": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Author"),
    "url": QT_TRANSLATE_NOOP("ColumnMappingDialog", "URL"),
    "section": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Section"),
}
NOT_IMPORTED = QT_TRANSLATE_NOOP("ColumnMappingDialog", "(not imported)")
PREVIEW_ROWS = 5
CELL_CHARS = 80


def import_file_filter() -> str:
    """The file dialog filter: every type the import can read, then each type alone."""
    # Imported here: the readers' libraries are not needed until the researcher imports.
    from annotator.services.sources import supported_suffixes

    suffixes = supported_suffixes()
    patterns = " ".join(f"*{s}" for s in suffixes)
    each = ";;".join(
        QCoreApplication.translate("ColumnMappingDialog", "{0} files (*{1})").format(
            s[1:].upper(), s
        )
        for s in suffixes
    )
    articles = QCoreApplication.translate("ColumnMappingDialog", "Articles ({0})").format(patterns)
    everything = QCoreApplication.translate("ColumnMappingDialog", "All files (*)")
    return f"{articles};;{each};;{everything}"


def table_files(paths: Sequence[Path]) -> list[Path]:
    """The spreadsheets among the chosen files and inside the chosen folders.

    Folders are walked as the import walks them (services.sources.walk): hidden files,
    Office lock files ("~$data.xlsx"), links out of the folder and anything but regular
    files (a named pipe would hang the window) are passed over.
    """
    from annotator.services.sources.walk import walk_paths  # the readers load on first use

    found = walk_paths(paths, TABLE_SUFFIXES).files
    return [p for p in found if p.suffix.lower() in TABLE_SUFFIXES and p.is_file()]


class ColumnMappingDialog(QDialog):
    """The columns and first rows of a spreadsheet, and one combo box per article field."""

    def __init__(
        self,
        path: Path,
        columns: Sequence[str],
        rows: Sequence[Sequence[object]],
        guess: Mapping[str, str],
        others: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("columnMappingDialog")
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.columns = list(columns)
        intro = QLabel(
            self.tr(
                "<b>{0}</b>: one article per row. Choose the column that holds each field."
            ).format(html.escape(path.name))
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if others:
            # One mapping goes to the whole import: say so rather than ask again per file.
            note = QLabel(
                self.tr(
                    "The same columns will be used for the {0} other spreadsheet(s) in this import."
                ).format(others)
            )
            note.setWordWrap(True)
            note.setStyleSheet("color:#555")
            layout.addWidget(note)
        layout.addWidget(self._preview(rows))

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.combos: dict[str, QComboBox] = {}
        half = (len(FIELDS) + 1) // 2
        for i, name in enumerate(FIELDS):
            combo = QComboBox()
            combo.setObjectName(f"map_{name}")
            combo.addItem(self.tr(NOT_IMPORTED), "")
            for column in self.columns:
                combo.addItem(column, column)
            chosen = guess.get(name, "")
            if chosen in self.columns:
                combo.setCurrentIndex(self.columns.index(chosen) + 1)
            combo.currentIndexChanged.connect(self._check)
            label = QLabel(self.tr(LABELS[name]))
            label.setBuddy(combo)
            row, col = (i, 0) if i < half else (i - half, 2)
            grid.addWidget(label, row, col)
            grid.addWidget(combo, row, col + 1)
            self.combos[name] = combo
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)

        self.problem = QLabel()
        self.problem.setObjectName("mappingProblem")
        self.problem.setStyleSheet("color:#b00020")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button: QPushButton = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, 440)
        self._check()

    def _preview(self, rows: Sequence[Sequence[object]]) -> QTableWidget:
        table = QTableWidget(min(len(rows), PREVIEW_ROWS), len(self.columns))
        table.setObjectName("mappingPreview")
        table.setHorizontalHeaderLabels(self.columns)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(22)
        for r, values in enumerate(rows[:PREVIEW_ROWS]):
            for c, value in enumerate(list(values)[: len(self.columns)]):
                full = "" if value is None else str(value)
                flat = " ".join(full.split())
                shown = flat if len(flat) <= CELL_CHARS else flat[: CELL_CHARS - 1] + "…"
                item = QTableWidgetItem(shown)
                item.setToolTip(full[:1000])
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setDefaultSectionSize(140)
        header.setStretchLastSection(True)
        return table

    def mapping(self) -> dict[str, str]:
        """Field -> column for every field that was given a column."""
        return {
            name: combo.currentData() for name, combo in self.combos.items() if combo.currentData()
        }

    def _check(self) -> None:
        ok = bool(self.combos["text"].currentData())
        self.import_button.setEnabled(ok)
        self.problem.setText(
            "" if ok else self.tr("Choose the column that holds the article text.")
        )
