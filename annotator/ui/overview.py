"""View > Overview: the charts of a project with the table behind each, both exportable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.services.overview import Table, overview_tables, write_tables_xlsx
from annotator.store import Project
from annotator.ui.chart import ChartWidget


class OverviewDialog(QDialog):
    """One tab per chart; the table below it holds the figures drawn."""

    def __init__(self, project: Project, coder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Overview — {0}").format(project.name))
        self.resize(900, 680)
        self.project = project
        self.coder = coder
        self.mine = QCheckBox(self.tr("Only {0}'s codes").format(coder))
        self.mine.toggled.connect(self.refresh)
        self.tabs = QTabWidget()
        save_png = QPushButton(self.tr("Save chart as PNG…"))
        save_png.clicked.connect(self.save_png)
        save_table = QPushButton(self.tr("Save tables…"))
        save_table.setToolTip(
            self.tr("The figures behind the charts, as .xlsx (all) or .csv (this one)")
        )
        save_table.clicked.connect(self.save_tables)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mine)
        buttons.addStretch(1)
        buttons.addWidget(save_png)
        buttons.addWidget(save_table)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.tables: list[Table] = []
        self.refresh()

    def refresh(self) -> None:
        current = self.tabs.currentIndex()
        self.tables = overview_tables(self.project, self.coder if self.mine.isChecked() else None)
        self.tabs.clear()
        for table in self.tables:
            split = QSplitter(Qt.Orientation.Vertical)
            split.addWidget(ChartWidget(table))
            split.addWidget(_table_widget(table))
            split.setSizes([420, 180])
            self.tabs.addTab(split, table.title)
        self.tabs.setCurrentIndex(max(current, 0))

    def chart(self) -> ChartWidget:
        split = self.tabs.currentWidget()
        assert isinstance(split, QSplitter)
        widget = split.widget(0)
        assert isinstance(widget, ChartWidget)
        return widget

    def save_png(self) -> None:
        chart = self.chart()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), f"{chart.table.title}.png", self.tr("PNG image (*.png)")
        )
        if path:
            chart.image().save(path)

    def save_tables(self) -> None:
        table = self.chart().table
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save tables"),
            self.tr("{0} overview.xlsx").format(self.project.name),
            self.tr("Excel workbook, every table (*.xlsx)")
            + ";;"
            + self.tr("CSV, this table (*.csv)"),
        )
        if not path:
            return
        if path.endswith(".csv") or chosen.endswith("(*.csv)"):
            table.write_csv(path)
        else:
            write_tables_xlsx(self.tables, path)


def _table_widget(table: Table) -> QTableWidget:
    widget = QTableWidget(len(table.rows), len(table.columns))
    widget.setHorizontalHeaderLabels(table.columns)
    widget.verticalHeader().setVisible(False)
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            if isinstance(value, int | float):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget.setItem(r, c, item)
    widget.resizeColumnsToContents()
    return widget
