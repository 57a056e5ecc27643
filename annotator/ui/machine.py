"""The machine as a coder in the window: decisions on its suggested codes, and its training.

Every accepted or overridden suggestion in the article form is recorded as a decision
(like decisions on quotes). After every ``every`` new answers to learnable variables the
model is trained again in the background, in a child process with its own connection to
the project file (never in the window's thread, nor holding its interpreter): the
cross-validated report, then suggestions for the articles not coded yet; the form then shows
them and how good they are.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from annotator.services.code_suggestions import (
    CodeSuggestion,
    article_suggestions,
    most_useful_next,
    quality_lines,
    record_code_decision,
    record_order,
    train_file,
)
from annotator.services.learn import LEARNABLE
from annotator.ui.commands import SetArticleValue
from annotator.ui.errors import user_message

if TYPE_CHECKING:
    from annotator.ui.host import WindowHost

#: New answers to learnable variables between two trainings.
TRAIN_EVERY = 10
STATUS_MS = 5000


class LearnWorker(QThread):
    """Runs services.code_suggestions.train_and_suggest in a child process on its own
    connection to the file; this thread only waits for it. In a thread of the window's
    process, the training's Python work took the interpreter from the window for up to
    tens of milliseconds at a time (``python -m bench learn`` measures the event loop)."""

    succeeded = Signal(int)  # suggestions stored
    failed = Signal(str)

    def __init__(self, project_path: Path, coder: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project_path = project_path
        self.coder = coder

    def run(self) -> None:
        try:
            # spawn, not fork: a forked copy of a process running Qt threads can deadlock.
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
                stored = pool.submit(train_file, self.project_path, self.coder).result()
            self.succeeded.emit(stored)
        except Exception as exc:  # shown to the researcher; the window must survive it
            self.failed.emit(user_message(exc))


class MachineCoder(QObject):
    """Records decisions on suggested codes and retrains after every ``every`` new codes."""

    trained = Signal(int)

    def __init__(self, window: WindowHost, every: int = TRAIN_EVERY) -> None:
        super().__init__(window)
        self.window = window
        self.every = every
        self.new_codes = 0
        self.worker: LearnWorker | None = None
        self._again = False
        window.article_form.value_committed.connect(self._counted)
        window.article_form.suggestion_decided.connect(self._decided)

    def add_actions(self, menu: QMenu) -> None:
        """Navigate › Most useful next and Navigate › Train the machine now."""
        menu.addSeparator()
        self.next_action = QAction(self.tr("Most useful &next (machine's choice)"), self.window)
        self.next_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.next_action.setStatusTip(
            self.tr(
                "The uncoded article the machine is least sure about: coding it teaches the "
                "machine most, but it breaks a random sample (the order is recorded)"
            )
        )
        self.next_action.triggered.connect(lambda _checked=False: self.go_most_useful())
        self.train_action = QAction(self.tr("&Train the machine now"), self.window)
        self.train_action.triggered.connect(lambda _checked=False: self.train())
        for action in (self.next_action, self.train_action):
            menu.addAction(action)
            self.window.addAction(action)

    def go_most_useful(self) -> str | None:
        """Show the uncoded article the machine is least sure about, clearly marked as
        chosen out of the study's order, and record that it was; its id, or None."""
        project = self.window.project
        if project is None:
            return None
        coder = self.window.settings.coder
        chosen = most_useful_next(project, coder)
        if chosen is None:
            self.window.statusBar().showMessage(
                self.tr(
                    "No uncoded article has a suggestion yet: code some articles and let "
                    "the machine learn (Navigate › Train the machine now)"
                ),
                STATUS_MS,
            )
            return None
        record_order(project, coder, chosen)
        window = self.window
        window.article_list.select_article(chosen.article_id)
        if window.article_form.article_id != chosen.article_id:
            window.load_article(chosen.article_id)  # filtered out of the list
        window.tabs.setCurrentWidget(window.article_form)
        window.article_form.set_order_note(
            self.tr(
                "Most useful next: chosen by the machine, {0:.0%} sure of {1} here. Not the "
                "study's order: it breaks a random sample (recorded for the methods section)."
            ).format(chosen.confidence, chosen.variable)
        )
        return chosen.article_id

    def project_opened(self) -> None:
        self.new_codes = 0
        self.show_quality()

    def show_quality(self) -> None:
        project = self.window.project
        lines = quality_lines(project) if project is not None else {}
        names = {v.name for v in self.window.codebook.article_variables()}
        self.window.article_form.set_quality([t for n, t in lines.items() if n in names])

    def _decided(self, article_id: str, variable_id: str, suggestion: Any, kept: Any) -> None:
        project = self.window.project
        variable = self.window.codebook.variable(variable_id)
        if project is None or variable is None or not isinstance(suggestion, CodeSuggestion):
            return
        decision = record_code_decision(
            project, article_id, variable, self.window.settings.coder, suggestion, kept
        )
        # The answer's undo step takes the decision back with it (and redo brings it back).
        stack = self.window.coding.stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if (
            isinstance(top, SetArticleValue)
            and top.article_id == article_id
            and top.variable_id == variable_id
        ):
            top.decision = decision

    def _counted(self, _article_id: str, variable_id: str, _old: Any, new: Any) -> None:
        variable = self.window.codebook.variable(variable_id)
        if variable is None or variable.kind not in LEARNABLE or new is None:
            return
        self.new_codes += 1
        if self.new_codes >= self.every:
            self.train()

    def train(self) -> bool:
        """Start a training run in the background (again once done, if one is running)."""
        project = self.window.project
        if project is None:
            return False
        if self.worker is not None and self.worker.isRunning():
            self._again = True
            return False
        self.new_codes = 0
        self._again = False
        self.worker = LearnWorker(project.path, self.window.settings.coder, self)
        self.worker.succeeded.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.start()
        return True

    def _finished(self, stored: int) -> None:
        project = self.window.project
        self.show_quality()
        form = self.window.article_form
        if project is not None and form.article_id is not None:
            form.set_suggestions(article_suggestions(project, form.article_id))
        self.window.statusBar().showMessage(
            self.tr("The machine learned from your codes: {0} suggestions").format(stored),
            STATUS_MS,
        )
        self.trained.emit(stored)
        if self._again:
            self.train()

    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("The machine could not learn: {0}").format(message), STATUS_MS
        )

    def wait(self) -> None:
        """Let a running training finish (the window is closing)."""
        if self.worker is not None:
            self.worker.wait()
