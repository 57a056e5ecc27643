"""View > Overview: the charts of a project with the table behind each, both exportable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.services.machine_coder import learning_curve_table
from annotator.services.overview import Table, overview_tables, write_tables_xlsx
from annotator.store import Project
from annotator.ui.chart import ChartWidget
from annotator.ui.errors import show_message
from annotator.ui.file_task import FileTask
from annotator.ui.i18n import service_text


def _compute(path: Path, coder: str | None) -> list[Table]:
    """The tables, read through the worker's own connection (one ``Project`` per thread);
    the learning curve last (it trains the machine again at each size: the slowest)."""
    with Project.open(path) as project:
        return [*overview_tables(project, coder), learning_curve_table(project)]


class OverviewDialog(QDialog):
    """One tab per chart; the table below it holds the figures drawn.

    The tables are computed in a worker (a large project takes a while): "Computing…" shows
    until they are drawn.
    """

    def __init__(self, project: Project, coder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Overview — {0}").format(project.name))
        self.resize(900, 680)
        self.project = project
        self.coder = coder
        self.mine = QCheckBox(self.tr("Only {0}'s codes").format(coder))
        self.mine.toggled.connect(self.refresh)
        self.tabs = QTabWidget()
        self.status = QLabel(self.tr("Computing…"))
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.status)
        self.pages.addWidget(self.tabs)
        save_png = self.save_png_button = QPushButton(self.tr("Save chart as PNG…"))
        save_png.clicked.connect(lambda _checked=False: self.save_png())
        save_table = self.save_tables_button = QPushButton(self.tr("Save tables…"))
        save_table.setToolTip(
            self.tr("The figures behind the charts, as .xlsx (all) or .csv (this one)")
        )
        save_table.clicked.connect(lambda _checked=False: self.save_tables())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mine)
        buttons.addStretch(1)
        buttons.addWidget(save_png)
        buttons.addWidget(save_table)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.tables: list[Table] = []
        self.task: FileTask | None = None
        self.refresh()

    def computing(self) -> bool:
        return self.task is not None

    def refresh(self) -> None:
        """Compute the tables again in a worker (for all coders or only this one)."""
        if self.task is not None:  # the choice changed meanwhile: that result is not wanted
            self.task.orphan()
            self.task = None
        path, coder = self.project.path, self.coder if self.mine.isChecked() else None
        task = FileTask(lambda: _compute(path, coder), self)
        task.succeeded.connect(lambda tables: self._computed(task, tables))
        task.failed.connect(lambda message: self._failed(task, message))
        self.task = task
        self._set_busy(True)
        self.status.setText(self.tr("Computing…"))
        self.pages.setCurrentWidget(self.status)
        task.start()

    def _set_busy(self, busy: bool) -> None:
        self.save_png_button.setEnabled(not busy and bool(self.tables))
        self.save_tables_button.setEnabled(not busy and bool(self.tables))

    def _ended(self, task: FileTask) -> bool:
        if self.task is not task:
            return False  # left to end on its own when the dialog closed
        self.task = None
        task.wait()  # it has emitted its result: only its thread's last steps are left
        task.deleteLater()
        return True

    def _failed(self, task: FileTask, message: str) -> None:
        if not self._ended(task):
            return
        self.status.setText(message)
        self._set_busy(False)
        show_message(self, self.tr("Overview"), message, error=True)

    def _computed(self, task: FileTask, tables: list[Table]) -> None:
        if not self._ended(task):
            return
        current = self.tabs.currentIndex()
        self.tables = tables
        self.tabs.clear()
        for table in self.tables:
            split = QSplitter(Qt.Orientation.Vertical)
            split.addWidget(ChartWidget(table))
            split.addWidget(table_widget(table))
            split.setSizes([420, 180])
            self.tabs.addTab(split, service_text(table.title))
        self.tabs.setCurrentIndex(max(current, 0))
        self.pages.setCurrentWidget(self.tabs)
        self._set_busy(False)

    def done(self, result: int) -> None:
        """Closing while computing: the worker ends on its own, its result unused."""
        if self.task is not None:
            self.task.orphan()
            self.task = None
        super().done(result)

    def chart(self) -> ChartWidget:
        split = self.tabs.currentWidget()
        assert isinstance(split, QSplitter)
        widget = split.widget(0)
        assert isinstance(widget, ChartWidget)
        return widget

    def save_png(self, path: str = "") -> None:
        """Save the chart shown; without ``path``, ask where."""
        chart = self.chart()
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save chart"),
                f"{service_text(chart.table.title)}.png",
                self.tr("PNG image (*.png)"),
            )
        if not path:
            return
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        chart.image().save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes
        buffer.close()
        try:
            Path(path).write_bytes(data.data())
        except OSError as exc:
            self._not_saved(path, exc.strerror or str(exc))

    def _not_saved(self, path: str, reason: str) -> None:
        show_message(
            self, self.tr("Not saved"), self.tr("{0}: not saved ({1})").format(path, reason), True
        )

    def save_tables(self, path: str = "") -> None:
        """Every table as .xlsx, or the one shown as .csv; without ``path``, ask where."""
        table = self.chart().table
        chosen = ""
        if not path:
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
        try:
            if path.endswith(".csv") or chosen.endswith("(*.csv)"):
                table.write_csv(path)
            else:
                write_tables_xlsx(self.tables, path)
        except OSError as exc:
            self._not_saved(path, exc.strerror or str(exc))


def table_widget(table: Table) -> QTableWidget:
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
