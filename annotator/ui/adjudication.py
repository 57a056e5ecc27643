"""The adjudication dialog: the coders' disagreements side by side, settled into a gold version.

A thin view over ``annotator.services.adjudication``: one table per article (variable |
each coder | adjudicated), a click on a coder's cell chooses that version, the editor
below sets another value; every choice is written at once through the service. The list
of disagreements is read in a worker, since it reads the whole project.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Annotation, Variable
from annotator.core.answers import yes_no_code, yes_no_value
from annotator.core.text import shorten
from annotator.services.adjudication import (
    Disagreement,
    article_disagreements,
    choose,
    copy_agreements,
    disagreements,
    progress,
    settle_value,
)
from annotator.services.agreement.report import comparable_value
from annotator.store import Project
from annotator.ui.errors import user_message
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.variable_fields import NOT_ANSWERED, YES_NO, VariableField, value_text

if TYPE_CHECKING:
    pass

UNSETTLED = QColor("#fde2e1")
SETTLED = QColor("#e3f4e1")
CHOSEN = QColor("#c8e6c9")
ABSENT = QColor("#eeeeee")
HINT = QT_TRANSLATE_NOOP(
    "AdjudicationDialog", "Click a coder's version to make it the adjudicated one."
)


class _Task(QThread):
    """Runs ``work(project)`` on its own connection to the project file."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(
        self, path: Path, work: Callable[[Project], Any], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.work = work

    def run(self) -> None:
        try:
            with Project.open(self.path) as project:
                result = self.work(project)
            self.done.emit(result)
        except Exception as exc:  # shown in the dialog; the window must survive it
            self.failed.emit(user_message(exc))


def shown(disagreement: Disagreement, version: Any) -> str:
    """A version as the table shows it."""
    if disagreement.kind == "span":
        if not isinstance(version, Annotation):
            return QCoreApplication.translate("AdjudicationDialog", "not coded")
        return f"«{shorten(version.text, 60)}»  {version.start}–{version.end}"
    return shown_value(disagreement.variable, version)


def shown_value(variable: Variable | None, value: Any) -> str:
    if value is None or value == "":
        return NOT_ANSWERED
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if variable is not None and variable.kind == "yesno":
        code = yes_no_code(value, variable.values)
        if code is None:
            return str(value)
        label = next((v.label for v in variable.values if v.code == code and v.label), None)
        if label is None:  # the usual Yes / No, in the interface's language
            label = QCoreApplication.translate("VariableField", YES_NO[code != "1"].label)
        return value_text(label, code)
    if variable is not None and variable.values:
        return value_text(variable.value_label(value), str(value))
    return str(value)


def _same(disagreement: Disagreement, version: Any, gold: Any) -> bool:
    """Whether a coder's version is the adjudicated one."""
    if not disagreement.settled:
        return False
    if disagreement.kind == "span":
        if version is None or gold is None:
            return version is None and gold is None
        return bool((version.start, version.end) == (gold.start, gold.end))
    kind = disagreement.variable.kind if disagreement.variable else "nominal"
    return bool(comparable_value(version, kind) == comparable_value(gold, kind))


class AdjudicationDialog(QDialog):
    """Per article, each disagreement with every coder's version and the adjudicated one."""

    #: Emitted after each change written to the project (the window refreshes its views).
    changed = Signal()

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.items: list[Disagreement] = []
        self.coders: list[str] = []
        self.current = -1
        self.field: VariableField | None = None
        self.task: _Task | None = None
        self.setWindowTitle(self.tr("Adjudicate disagreements"))
        self.resize(1000, 560)

        self.article_label = QLabel(self.tr("Reading the coders' disagreements…"))
        self.article_label.setObjectName("adjudicationArticle")
        self.article_label.setWordWrap(True)
        font = self.article_label.font()
        font.setBold(True)
        self.article_label.setFont(font)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(200)
        top = QHBoxLayout()
        top.addWidget(self.article_label, 1)
        top.addWidget(self.progress_label)
        top.addWidget(self.progress_bar)

        self.table = QTableWidget(0, 0)
        self.table.setObjectName("disagreements")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.cellClicked.connect(self._clicked)
        self.table.currentCellChanged.connect(lambda row, *_: self._row_changed(row))
        self.hint = QLabel(self.tr(HINT))
        self.hint.setObjectName("adjudicationHint")

        self.editor_label = QLabel(self.tr("Another value:"))
        self.editor_box = QHBoxLayout()
        self.editor_box.addWidget(self.editor_label)
        self.editor_holder = QWidget()
        self.editor_layout = QHBoxLayout(self.editor_holder)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        self.editor_box.addWidget(self.editor_holder, 1)

        self.previous_button = QPushButton(self.tr("◀ &Previous"))
        self.next_button = QPushButton(self.tr("&Next ▶"))
        self.next_open_button = QPushButton(self.tr("Next &unsettled"))
        self.copy_button = QPushButton(self.tr("&Copy what all coders agree on"))
        self.copy_button.setToolTip(
            self.tr(
                "Write into the adjudicated version the values and spans every coder of an "
                "article coded alike (nothing adjudicated already is changed)."
            )
        )
        self.previous_button.clicked.connect(lambda: self.go(self.current - 1))
        self.next_button.clicked.connect(lambda: self.go(self.current + 1))
        self.next_open_button.clicked.connect(self.next_unsettled)
        self.copy_button.clicked.connect(self.copy_agreed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.next_open_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(self.editor_box)
        layout.addLayout(row)
        self._enable()
        self.reload()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read every disagreement again, in the background."""
        self._run(disagreements, self._loaded)

    def _run(self, work: Callable[[Project], Any], then: Callable[[Any], None]) -> None:
        """Run ``work`` in the background, then ``then(result)`` here once the task is over
        (so that ``then`` may start another)."""
        if self.task is not None:
            return
        task = _Task(self.project.path, work, self)
        results: list[Any] = []
        task.done.connect(results.append)
        task.failed.connect(self._failed)
        task.finished.connect(lambda: self._task_finished(task, then, results))
        self.task = task
        self._enable()
        task.start()

    def _task_finished(self, task: _Task, then: Callable[[Any], None], results: list[Any]) -> None:
        task.deleteLater()
        self.task = None
        self._enable()
        if results:
            then(results[0])

    def _failed(self, message: str) -> None:
        self.article_label.setText(message)

    def _loaded(self, items: list[Disagreement]) -> None:
        key = self.items[self.current].key if 0 <= self.current < len(self.items) else None
        self.items = items
        self.coders = sorted({c for d in items for c in d.versions})
        keys = [d.key for d in items]
        if not items:
            self.article_label.setText(
                self.tr(
                    "No disagreements: every article coded by two coders or more was coded alike."
                )
            )
        self.current = -1
        self.go(keys.index(key) if key in keys else 0)

    # -- navigation ------------------------------------------------------------------------

    def go(self, index: int) -> None:
        """Show the disagreement at ``index`` (with the rest of its article)."""
        if not self.items:
            self.table.setRowCount(0)
            self._show_progress()
            self._enable()
            return
        index = max(0, min(index, len(self.items) - 1))
        previous = (
            self.items[self.current].article_id if 0 <= self.current < len(self.items) else None
        )
        self.current = index
        article_id = self.items[index].article_id
        if article_id != previous or self.table.rowCount() == 0:
            self._fill(article_id)
        self.table.blockSignals(True)
        self.table.setCurrentCell(self._row_of(index), 0)
        self.table.blockSignals(False)
        self._show_editor(self.items[index])
        self._show_progress()
        self._enable()

    def next_unsettled(self) -> None:
        count = len(self.items)
        for step in range(1, count + 1):
            index = (self.current + step) % count
            if not self.items[index].settled:
                self.go(index)
                return

    def _article_rows(self, article_id: str) -> list[int]:
        return [i for i, d in enumerate(self.items) if d.article_id == article_id]

    def _row_of(self, index: int) -> int:
        return self._article_rows(self.items[index].article_id).index(index)

    # -- the table -------------------------------------------------------------------------

    def _fill(self, article_id: str) -> None:
        indices = self._article_rows(article_id)
        articles = list(dict.fromkeys(d.article_id for d in self.items))
        first = self.items[indices[0]]
        self.article_label.setText(
            self.tr("Article {0} of {1}: {2}").format(
                articles.index(article_id) + 1, len(articles), first.article_title or article_id
            )
        )
        headers = [self.tr("Variable"), *self.coders, self.tr("Adjudicated")]
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(indices))
        for row, index in enumerate(indices):
            self._fill_row(row, self.items[index])
        self.table.blockSignals(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()

    def _fill_row(self, row: int, d: Disagreement) -> None:
        name = d.name
        if d.kind == "unit":
            span = next(iter(d.spans.values()), None)
            category = f"«{shorten(span.text, 30)}»" if span is not None else ""
            name = f"{category} › {d.name}"
        elif d.kind == "span":
            name = self.tr("{0} (span)").format(d.name)
        title = QTableWidgetItem(("✓ " if d.settled else "") + name)
        title.setToolTip(d.variable.label if d.variable and d.variable.label else d.name)
        self.table.setItem(row, 0, title)
        for column, coder in enumerate(self.coders, start=1):
            if coder not in d.versions:
                item = QTableWidgetItem("")
                item.setBackground(QBrush(ABSENT))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                version = d.versions[coder]
                item = QTableWidgetItem(shown(d, version))
                item.setToolTip(self.tr("Choose {0}'s version").format(coder))
                if _same(d, version, d.adjudicated):
                    item.setBackground(QBrush(CHOSEN))
            self.table.setItem(row, column, item)
        gold = QTableWidgetItem(shown(d, d.adjudicated) if d.settled else "")
        gold.setBackground(QBrush(SETTLED if d.settled else UNSETTLED))
        if d.settled:
            bold = QFont(gold.font())
            bold.setBold(True)
            gold.setFont(bold)
        self.table.setItem(row, len(self.coders) + 1, gold)

    def _clicked(self, row: int, column: int) -> None:
        indices = self._article_rows(self.items[self.current].article_id) if self.items else []
        if not 0 <= row < len(indices) or not 1 <= column <= len(self.coders):
            return
        index = indices[row]
        coder = self.coders[column - 1]
        if coder not in self.items[index].versions:
            return
        self._write(index, lambda d: choose(self.project, d, coder))

    def _write(self, index: int, change: Callable[[Disagreement], Any]) -> None:
        """Apply one change through the service, then read its article again."""
        d = self.items[index]
        try:
            change(d)
            fresh = article_disagreements(self.project, d.article_id)
        except Exception as exc:  # a message for the researcher, the dialog stays usable
            self._failed(user_message(exc))
            return
        self._replace_article(d.article_id, fresh)
        keys = [x.key for x in self.items]
        self.current = -1
        self.table.setRowCount(0)
        self.go(keys.index(d.key) if d.key in keys else min(index, len(self.items) - 1))
        self.changed.emit()

    def _replace_article(self, article_id: str, fresh: list[Disagreement]) -> None:
        indices = self._article_rows(article_id)
        at = indices[0] if indices else len(self.items)
        rest = [d for d in self.items if d.article_id != article_id]
        self.items = rest[:at] + fresh + rest[at:]

    # -- the editor ------------------------------------------------------------------------

    def _row_changed(self, row: int) -> None:
        if not self.items or row < 0:
            return
        indices = self._article_rows(self.items[self.current].article_id)
        if row < len(indices):
            self.current = indices[row]
            self._show_editor(self.items[self.current])
            self._enable()

    def _show_editor(self, d: Disagreement) -> None:
        if self.field is not None:
            # Out of the layout now, not at the next event loop turn: one editor at a time.
            self.field.committed.disconnect()
            self.editor_layout.removeWidget(self.field.widget)
            self.field.widget.hide()
            self.field.widget.deleteLater()
            self.field.deleteLater()
            self.field = None
        if d.kind == "span" or d.variable is None:
            self.editor_label.setText(
                self.tr("A span: choose a coder's version (“not coded” drops the unit).")
            )
            self.editor_holder.hide()
            return
        self.editor_holder.show()
        self.editor_label.setText(self.tr("Another value for {0}:").format(d.name))
        actors: list[str] = []
        if d.variable.kind == "actor":
            actors = sorted({a.name for a in self.project.actors(d.article_id)})
        self.field = VariableField(d.variable, actors, self)
        value = d.adjudicated if d.settled else None
        if d.variable.kind == "yesno":
            # The editor's codes for yes and no, whatever spelling the coders' files use.
            value = yes_no_value(value, d.variable.values)
        self.field.set_value(value)
        self.field.committed.connect(lambda _vid, _old, new: self._edited(d.key, new))
        self.editor_layout.addWidget(self.field.widget)

    def _edited(self, key: str, value: Any) -> None:
        index = next((i for i, d in enumerate(self.items) if d.key == key), None)
        if index is not None:
            self._write(index, lambda d: settle_value(self.project, d, value))

    # -- the rest --------------------------------------------------------------------------

    def copy_agreed(self) -> None:
        self._run(copy_agreements, self._copied)

    def _copied(self, written: int) -> None:
        self.changed.emit()
        self.hint.setText(
            self.tr("{0} agreed values and spans copied.").format(written) + " " + self.tr(HINT)
        )
        self.reload()

    def _show_progress(self) -> None:
        settled, total = progress(self.items)
        self.progress_label.setText(self.tr("{0} of {1} settled").format(settled, total))
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(settled)

    def _enable(self) -> None:
        busy = self.task is not None
        has = bool(self.items)
        self.previous_button.setEnabled(has and self.current > 0)
        self.next_button.setEnabled(has and self.current < len(self.items) - 1)
        self.next_open_button.setEnabled(has and not all(d.settled for d in self.items))
        self.copy_button.setEnabled(not busy)
        self.table.setEnabled(not busy)

    def done(self, result: int) -> None:
        if self.task is not None:
            self.task.wait()
        super().done(result)
