"""After an import: what happened to each file, as a table the researcher can copy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
Row = tuple[str, str, str]
COLUMNS = (
    QT_TRANSLATE_NOOP("ImportSummaryDialog", "File"),
    QT_TRANSLATE_NOOP("ImportSummaryDialog", "Status"),
    QT_TRANSLATE_NOOP("ImportSummaryDialog", "Detail"),
)
#: Status colours: what did not go in stands out, what went in stays plain.
PROBLEM = QColor("#fde2e1")
FLAGGED = QColor("#fff3cd")


def report_rows(items: Sequence[object]) -> tuple[list[Row], list[str]]:
    """(rows, other lines) from what the import worker sends.

    The worker sends ImportReport.rows() — (file, status, detail) tuples — or, from
    an older worker, ImportReport.lines(): "skipped PATH: reason" lines and a total.
    """
    rows: list[Row] = []
    notes: list[str] = []
    for item in items:
        if isinstance(item, (tuple, list)) and len(item) == 3:
            rows.append((str(item[0]), str(item[1]), str(item[2])))
        elif isinstance(item, str) and item.startswith("skipped ") and ": " in item:
            path, _, reason = item.removeprefix("skipped ").partition(": ")
            rows.append((path, "skipped", reason))
        else:
            notes.append(str(item))
    return rows, notes


def _rank(status: str) -> int:
    """Sort key: problems first, then flagged articles, then what was imported."""
    status = status.lower()
    if status.startswith("imported") and not _flagged(status):
        return 2
    return 1 if _flagged(status) else 0


def _flagged(status: str) -> bool:
    return "flag" in status or "near" in status


def ordered(rows: Sequence[Row]) -> list[Row]:
    """Skipped files first, flagged near-duplicates next, imported last (stable)."""
    return sorted(rows, key=lambda row: _rank(row[1]))


def summary_line(rows: Sequence[Row], notes: Sequence[str]) -> str:
    """One line for the status bar and the dialog's heading."""
    if notes:
        return notes[-1]
    counts = Counter(status for _file, status, _detail in rows)
    return " · ".join(
        f"{n} {status}" for status, n in counts.items()
    ) or QCoreApplication.translate("ImportSummaryDialog", "nothing to import")


def rows_as_tsv(rows: Sequence[Row]) -> str:
    """The table as tab-separated text with a header line (pastes into Excel as cells)."""
    lines = ["\t".join(QCoreApplication.translate("ImportSummaryDialog", c) for c in COLUMNS)]
    # A tab or line break inside a cell would split it: flatten each cell to one line.
    lines.extend("\t".join(" ".join(cell.split()) for cell in row) for row in rows)
    return "\n".join(lines) + "\n"


class ReportModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[Row], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            rank = _rank(row[1])
            return PROBLEM if rank == 0 else FLAGGED if rank == 1 else None
        return None

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ImportSummaryDialog", COLUMNS[section])
        return None


class ImportSummaryDialog(QDialog):
    """The import report: one row per file or article, problems first, with a Copy button."""

    def __init__(
        self, items: Sequence[object], parent: QWidget | None = None, heading: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle(self.tr("Import finished"))
        rows, notes = report_rows(items)
        self.rows = ordered(rows)
        self.heading = QLabel(heading or summary_line(rows, notes))
        self.heading.setObjectName("importSummaryHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.model = ReportModel(self.rows, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 300)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button: QPushButton = buttons.addButton(
            self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setToolTip(
            self.tr("Copy the table as tab-separated text (pastes into Excel)")
        )
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 460)

    def tsv(self) -> str:
        return rows_as_tsv(self.rows)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.tsv())
