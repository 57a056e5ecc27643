"""File > Open corpus: a corpus folder's counts as charts with their tables, and a search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.services.corpus.browse import Hit, chart_tables, search_corpus
from annotator.services.corpus.layout import CorpusError
from annotator.services.corpus.stats import CorpusStats, corpus_stats
from annotator.services.overview import Table, write_tables_xlsx
from annotator.ui.chart import ChartWidget
from annotator.ui.errors import show_message
from annotator.ui.file_task import FileTask
from annotator.ui.overview import table_widget


def _compute(corpus: Path) -> tuple[CorpusStats, list[Table]]:
    stats = corpus_stats(corpus)
    return stats, chart_tables(stats)


class CorpusDialog(QDialog):
    """One tab per count (chart above, table below) and a Search tab; computed off the
    window's thread, as the overview is."""

    def __init__(self, corpus: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self.setWindowTitle(self.tr("Corpus — {0}").format(corpus.name))
        self.resize(940, 700)
        self.summary = QLabel(self.tr("Counting…"))
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr('Words in the title or text; "a phrase" in quotes'))
        self.query.returnPressed.connect(self.search)
        self.hits = QTableWidget(0, 4)
        self.hits.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Outlet"), self.tr("Date"), self.tr("Text")]
        )
        self.hits.verticalHeader().setVisible(False)
        self.hits.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.hit_count = QLabel("")
        search_page = QWidget()
        search_layout = QVBoxLayout(search_page)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        button = QPushButton(self.tr("Search"))
        button.clicked.connect(lambda _checked=False: self.search())
        row.addWidget(button)
        search_layout.addLayout(row)
        search_layout.addWidget(self.hits, 1)
        search_layout.addWidget(self.hit_count)
        self.search_page = search_page
        self.save_button = QPushButton(self.tr("Save tables…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda _checked=False: self.save_tables())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.stats: CorpusStats | None = None
        self.found: list[Hit] = []
        self.tasks: list[FileTask] = []
        self._run(lambda: _compute(corpus), self._counted)

    def computing(self) -> bool:
        return bool(self.tasks)

    def _run(self, job: Any, done: Any) -> None:
        task = FileTask(job, self, expected=(CorpusError,))

        def succeeded(result: Any) -> None:
            if self._ended(task):
                done(result)

        def failed(message: str) -> None:
            if self._ended(task):
                self._failed(message)

        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        self.tasks.append(task)
        task.start()

    def _ended(self, task: FileTask) -> bool:
        if task not in self.tasks:
            return False
        self.tasks.remove(task)
        task.wait()
        task.deleteLater()
        return True

    def _failed(self, message: str) -> None:
        self.summary.setText(message)
        show_message(self, self.tr("Corpus"), message, error=True)

    def _counted(self, result: tuple[CorpusStats, list[Table]]) -> None:
        self.stats, charts = result
        self.summary.setText(
            self.tr("{0}: {1} articles, {2} quotes, {3} entities, {4} actors").format(
                str(self.corpus),
                self.stats.articles,
                self.stats.quotes,
                self.stats.entities,
                self.stats.actors,
            )
        )
        for table, chart in zip(self.stats.tables, charts, strict=True):
            split = QSplitter(Qt.Orientation.Vertical)
            split.addWidget(ChartWidget(chart))
            split.addWidget(table_widget(table))
            split.setSizes([400, 200])
            self.tabs.addTab(split, table.title)
        self.tabs.addTab(self.search_page, self.tr("Search"))
        self.save_button.setEnabled(True)

    def search(self, query: str | None = None) -> None:
        """Search the corpus's articles (in the background); ``query`` fills the box."""
        if query is not None:
            self.query.setText(query)
        text, corpus = self.query.text(), self.corpus
        self.hit_count.setText(self.tr("Searching…"))
        self._run(lambda: search_corpus(corpus, text), self._searched)

    def _searched(self, hits: list[Hit]) -> None:
        self.found = hits
        self.hits.setRowCount(len(hits))
        for r, hit in enumerate(hits):
            for c, value in enumerate((hit.title, hit.outlet, hit.date, hit.snippet)):
                self.hits.setItem(r, c, QTableWidgetItem(value))
        self.hits.resizeColumnsToContents()
        self.hit_count.setText(self.tr("{0} article(s) found").format(len(hits)))

    def save_tables(self, path: str = "") -> None:
        """Every table as .xlsx; without ``path``, ask where."""
        if self.stats is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save tables"),
                self.tr("{0} corpus.xlsx").format(self.corpus.name),
                self.tr("Excel workbook (*.xlsx)"),
            )
        if not path:
            return
        try:
            write_tables_xlsx(self.stats.tables, path)
        except OSError as exc:
            show_message(
                self,
                self.tr("Not saved"),
                self.tr("{0}: not saved ({1})").format(path, exc.strerror or exc),
                True,
            )

    def done(self, result: int) -> None:
        """Closing while counting or searching: the workers end on their own."""
        for task in self.tasks:
            task.orphan()
        self.tasks = []
        super().done(result)


def open_corpus_dialog(parent: QWidget, folder: Path | None = None) -> CorpusDialog | None:
    """Ask for a corpus folder (unless given) and show it."""
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(parent, parent.tr("Open corpus folder"))
        if not chosen:
            return None
        folder = Path(chosen)
    dialog = CorpusDialog(folder, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
