"""Undo commands: every edit a coder makes is one QUndoCommand over annotator.services.coding.

Each command writes to the project file when it is done, undone or redone, so the file
always holds what the window shows. ``CodingActions.run`` does the first write itself
(so a refused edit never reaches the stack); ``redo`` writes again after an undo.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core import Annotation, Decision, Quote, SuggestionDecision
from annotator.services import coding
from annotator.store import Project, ProjectError

#: What a command that fails on undo or redo reports instead of raising into Qt.
EDIT_ERRORS = (coding.CodingError, ValueError, KeyError, ProjectError, sqlite3.Error)


class EditHost(Protocol):
    """What commands need from the window: the project, and a place to report."""

    def current_project(self) -> Project: ...

    def edited(self, command: Edit, undone: bool) -> None: ...

    def edit_failed(self, message: str) -> None: ...


class Edit(QUndoCommand):
    """A command on one article; ``apply`` does it, ``revert`` takes it back."""

    def __init__(self, host: EditHost, text: str, article_id: str) -> None:
        super().__init__(text)
        self.host = host
        self.article_id = article_id
        #: The code to show after the edit (the one made or changed), if any.
        self.annotation_id: str | None = None
        #: What the window reads again afterwards: "codes" (the article's codes and
        #: decisions), "unit" (one code's values or memo), "article" (its answers only).
        self.scope = "codes"
        self._applied = False

    @property
    def project(self) -> Project:
        return self.host.current_project()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def mark_applied(self) -> None:
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # pushed after CodingActions.run applied it
            self._applied = False
            return
        self._run(self.apply, undone=False)

    def undo(self) -> None:
        self._run(self.revert, undone=True)

    def _run(self, step: Any, undone: bool) -> None:
        try:
            step()
        except EDIT_ERRORS as exc:
            self.host.edit_failed(
                (
                    QCoreApplication.translate("commands", "Could not undo “{0}”: {1}")
                    if undone
                    else QCoreApplication.translate("commands", "Could not redo “{0}”: {1}")
                ).format(self.text(), exc)
            )
        self.host.edited(self, undone)


class AddAnnotation(Edit):
    def __init__(self, host: EditHost, annotation: Annotation, category_name: str) -> None:
        super().__init__(
            host,
            QCoreApplication.translate("commands", "code as {0}").format(category_name),
            annotation.article_id,
        )
        self.annotation = annotation
        self.annotation_id = annotation.id
        self.made: coding.UnitCode | None = None

    def apply(self) -> None:
        # A span over an undecided quote in the quote category decides the quote too.
        if self.made is None:
            self.made = coding.add_unit(self.project, self.annotation)
        else:
            coding.restore_unit(self.project, self.made)

    def revert(self) -> None:
        coding.delete_unit(self.project, self.annotation.id)


class DeleteAnnotation(Edit):
    def __init__(self, host: EditHost, annotation: Annotation) -> None:
        super().__init__(
            host, QCoreApplication.translate("commands", "delete code"), annotation.article_id
        )
        self.annotation = annotation
        self.deleted: coding.UnitCode | None = None

    def apply(self) -> None:
        # What the code holds now (its form may have changed since it was listed), and the
        # decision that made it from a quote: that quote is undecided again.
        self.deleted = coding.delete_unit(self.project, self.annotation.id)
        self.annotation = self.deleted.annotation

    def revert(self) -> None:
        coding.restore_unit(self.project, self.deleted or coding.UnitCode(self.annotation))
        self.annotation_id = self.annotation.id


class _ValueEdit(Edit):
    """A change of one value; consecutive changes of the same value merge into one step."""

    MERGE_ID = 0

    def __init__(
        self, host: EditHost, text: str, article_id: str, key: tuple[str, ...], old: Any, new: Any
    ) -> None:
        super().__init__(host, text, article_id)
        self.key = key
        self.old = old
        self.new = new

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(other, type(self)) or other.key != self.key:
            return False
        self.new = other.new
        # Back where it started (Yes, No, back to nothing): no step left to undo.
        self.setObsolete(self.old == self.new)
        return True


class SetUnitValue(_ValueEdit):
    MERGE_ID = 601

    def __init__(
        self,
        host: EditHost,
        annotation: Annotation,
        variable_id: str,
        label: str,
        old: Any,
        new: Any,
    ) -> None:
        super().__init__(
            host,
            QCoreApplication.translate("commands", "set {0}").format(label),
            annotation.article_id,
            (annotation.id, variable_id),
            old,
            new,
        )
        self.annotation_id = annotation.id
        self.scope = "unit"
        self.variable_id = variable_id

    def apply(self) -> None:
        coding.set_unit_value(self.project, self.key[0], self.variable_id, self.new)

    def revert(self) -> None:
        coding.set_unit_value(self.project, self.key[0], self.variable_id, self.old)


class SetArticleValue(_ValueEdit):
    MERGE_ID = 602

    def __init__(
        self,
        host: EditHost,
        article_id: str,
        coder: str,
        variable_id: str,
        label: str,
        old: Any,
        new: Any,
    ) -> None:
        super().__init__(
            host,
            QCoreApplication.translate("commands", "answer {0}").format(label),
            article_id,
            (article_id, coder, variable_id),
            old,
            new,
        )
        self.coder = coder
        self.variable_id = variable_id
        self.scope = "article"
        #: The decision on the machine's suggestion this answer was (undone with it).
        self.decision: Decision | None = None

    def apply(self) -> None:
        coding.set_article_value(
            self.project, self.article_id, self.coder, self.variable_id, self.new
        )
        if self.decision is not None:
            self.project.add_decision(self.decision)

    def revert(self) -> None:
        coding.set_article_value(
            self.project, self.article_id, self.coder, self.variable_id, self.old
        )
        if self.decision is not None:
            self.project.delete_decision(self.decision.id)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        merged = super().mergeWith(other)
        if merged and isinstance(other, SetArticleValue) and other.decision is not None:
            self.decision = other.decision
        return merged


class SetAnnotationMemo(_ValueEdit):
    MERGE_ID = 603

    def __init__(self, host: EditHost, annotation: Annotation, old: str, new: str) -> None:
        super().__init__(
            host,
            QCoreApplication.translate("commands", "edit the code's memo"),
            annotation.article_id,
            (annotation.id,),
            old,
            new,
        )
        self.annotation_id = annotation.id
        self.scope = "unit"

    def apply(self) -> None:
        coding.set_annotation_memo(self.project, self.key[0], self.new)

    def revert(self) -> None:
        coding.set_annotation_memo(self.project, self.key[0], self.old)


class SetArticleMemo(_ValueEdit):
    MERGE_ID = 604

    def __init__(self, host: EditHost, article_id: str, coder: str, old: str, new: str) -> None:
        super().__init__(
            host,
            QCoreApplication.translate("commands", "edit the article's memo"),
            article_id,
            (article_id, coder),
            old,
            new,
        )
        self.coder = coder
        self.scope = "article"

    def apply(self) -> None:
        coding.set_article_memo(self.project, self.article_id, self.coder, self.new)

    def revert(self) -> None:
        coding.set_article_memo(self.project, self.article_id, self.coder, self.old)


class SetArticleDone(Edit):
    def __init__(self, host: EditHost, article_id: str, coder: str, done: bool) -> None:
        text = (
            QCoreApplication.translate("commands", "mark done")
            if done
            else QCoreApplication.translate("commands", "mark not done")
        )
        super().__init__(host, text, article_id)
        self.coder = coder
        self.done = done
        self.scope = "article"

    def apply(self) -> None:
        coding.set_article_done(self.project, self.article_id, self.coder, self.done)

    def revert(self) -> None:
        coding.set_article_done(
            self.project, self.article_id, self.coder, not self.done, check=False
        )


class DecideQuote(Edit):
    """Accept, correct or reject a quote suggestion (accepting codes a unit)."""

    def __init__(
        self,
        host: EditHost,
        article_id: str,
        coder: str,
        quote: Quote,
        decision: SuggestionDecision,
        start: int | None = None,
        end: int | None = None,
        speaker: str | None = None,
    ) -> None:
        text = {
            "accepted": QCoreApplication.translate("commands", "accept quote"),
            "corrected": QCoreApplication.translate("commands", "correct quote"),
            "rejected": QCoreApplication.translate("commands", "reject quote"),
        }[decision]
        super().__init__(host, text, article_id)
        self.coder = coder
        self.quote = quote
        self.decision = decision
        self.span = (start, end)
        self.speaker = speaker
        self.outcome: coding.Outcome | None = None

    def apply(self) -> None:
        if self.outcome is not None:
            coding.redo_outcome(self.project, self.outcome)
        elif self.decision == "accepted":
            self.outcome = coding.accept_quote(
                self.project, self.article_id, self.quote, self.coder
            )
        elif self.decision == "corrected":
            start, end = self.span
            self.outcome = coding.correct_quote(
                self.project, self.article_id, self.quote, self.coder, start, end, self.speaker
            )
        else:
            self.outcome = coding.reject_quote(
                self.project, self.article_id, self.quote, self.coder
            )
        annotation = self.outcome.annotation
        self.annotation_id = annotation.id if annotation is not None else None

    def revert(self) -> None:
        if self.outcome is not None:
            coding.undo_outcome(self.project, self.outcome)
        self.annotation_id = None
