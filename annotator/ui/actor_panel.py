"""The Actors tab: the people and organisations of the article, with their mentions and quotes.

A click highlights every mention and quote of an actor in the reader. Coders rename,
merge and split actors; each edit is one undoable command that saves the article's
actors before and after, so undo puts back exactly what was there.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Actor, Decision, Gender, Mention, SuggestionDecision, new_id
from annotator.ui.commands import Edit, EditHost
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.table_model import ListKeys, RowsModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("ActorModel", "Actor"),
    QT_TRANSLATE_NOOP("ActorModel", "Type"),
    QT_TRANSLATE_NOOP("ActorModel", "Gender"),
    QT_TRANSLATE_NOOP("ActorModel", "Mentions"),
    QT_TRANSLATE_NOOP("ActorModel", "Quotes"),
)


GENDER_LABELS = {
    "female": QT_TRANSLATE_NOOP("ActorModel", "female"),
    "male": QT_TRANSLATE_NOOP("ActorModel", "male"),
    "unknown": QT_TRANSLATE_NOOP("ActorModel", "unknown"),
}


class ActorModel(RowsModel[Actor]):
    """One row per actor: name, type, gender (persons), number of mentions and of quotes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.quotes: dict[str, int] = {}
        columns = [QCoreApplication.translate("ActorModel", c) for c in COLUMNS]
        super().__init__(columns, self._cells, parent)

    @property
    def actors(self) -> list[Actor]:
        return self.rows()

    def set_actors(self, actors: Sequence[Actor], quote_counts: dict[str, int]) -> None:
        self.quotes = quote_counts
        self.set_rows(actors)

    def _cells(self, actor: Actor) -> tuple[str, str, str, str, str]:
        person = actor.type == "PERSON"
        kind = self.tr("person") if person else self.tr("organisation")
        gender = (
            QCoreApplication.translate("ActorModel", GENDER_LABELS[actor.gender]) if person else ""
        )
        return (
            actor.name,
            kind,
            gender,
            str(len(actor.mentions)),
            str(self.quotes.get(actor.id, 0)),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        actor = self.row(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            forms = sorted({m.text for m in actor.mentions})
            edited = self.tr(" (edited by a coder)") if actor.source == "coder" else ""
            return (
                actor.name + edited + "\n" + self.tr("Mentioned as: {0}").format(", ".join(forms))
            )
        if role == Qt.ItemDataRole.FontRole and actor.source == "coder" and index.column() == 0:
            font = QFont()
            font.setBold(True)  # confirmed or corrected by a coder
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return Qt.AlignmentFlag.AlignCenter
        return super().data(index, role)


_KEYS = {Qt.Key.Key_A: "accept", Qt.Key.Key_R: "reject", Qt.Key.Key_Delete: "reject"}


class ActorPanel(QWidget):
    """Lists the actors; emits ``highlight`` with the actors picked and ``edit`` with a command."""

    highlight = Signal(list)
    #: Something may have changed the actors (an edit, an undo): read them again.
    stale = Signal()
    #: A key the list handles itself: "accept" (A) or "reject" (R, Delete).
    key_action = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ActorModel(self)
        self.view = QTableView()
        self.view.setObjectName("actorList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for number in (1, 2, 3, 4):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.ResizeToContents)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.accept_button.setToolTip(self.tr("Confirm the selected suggested actors (A)"))
        self.reject_button.setToolTip(self.tr("Remove the selected actors: not actors (R)"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.merge_button = QPushButton(self.tr("Merge"))
        self.split_button = QPushButton(self.tr("Split…"))
        # A person's gender as the coder reads it, for source-diversity figures.
        self.gender_button = QPushButton(self.tr("Gender"))
        self.gender_button.setToolTip(
            self.tr("Set the gender of the selected persons (female, male or unknown)")
        )
        self.gender_menu = QMenu(self.gender_button)
        for gender, label in GENDER_LABELS.items():
            action = self.gender_menu.addAction(QCoreApplication.translate("ActorModel", label))
            action.setData(gender)
        self.gender_button.setMenu(self.gender_menu)
        self.rename_button.setToolTip(self.tr("Give the selected actor another name (F2)"))
        self.merge_button.setToolTip(self.tr("Make the selected actors one (Ctrl+M)"))
        self.split_button.setToolTip(
            self.tr("Move some mentions of the selected actor to a new actor")
        )
        buttons = QHBoxLayout()
        for button in (
            self.accept_button,
            self.reject_button,
            self.rename_button,
            self.merge_button,
            self.split_button,
            self.gender_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        column.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.keys = ListKeys(self.view, _KEYS)
        self.keys.pressed.connect(self.key_action)
        self._update_buttons()

    def set_actors(self, actors: Sequence[Actor], quote_counts: dict[str, int]) -> None:
        chosen = {a.id for a in self.selected()}
        self.model.set_actors(actors, quote_counts)
        for row, actor in enumerate(self.model.actors):
            if actor.id in chosen:
                self.view.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._update_buttons()

    def mark_stale(self, *_args: object) -> None:
        """Connected to the undo stack; a slot of the panel, so it dies with the panel."""
        self.stale.emit()

    def selected(self) -> list[Actor]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.actors[r] for r in rows if r < len(self.model.actors)]

    def _selection_changed(self, *_args: object) -> None:
        self._update_buttons()
        self.highlight.emit(self.selected())

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.accept_button.setEnabled(any(a.source == "machine" for a in chosen))
        self.reject_button.setEnabled(bool(chosen))
        self.rename_button.setEnabled(len(chosen) == 1)
        self.merge_button.setEnabled(len(chosen) >= 2)
        self.split_button.setEnabled(len(chosen) == 1 and len(chosen[0].mentions) >= 2)
        self.gender_button.setEnabled(any(a.type == "PERSON" for a in chosen))


# -- edits -----------------------------------------------------------------------------------


def renamed(actors: list[Actor], actor_id: str, name: str) -> list[Actor]:
    out = copy.deepcopy(actors)
    for actor in out:
        if actor.id == actor_id:
            actor.name, actor.source = name, "coder"
    return out


def with_gender(actors: list[Actor], ids: set[str], gender: Gender) -> list[Actor]:
    """The persons among ``ids`` given ``gender`` by a coder."""
    out = copy.deepcopy(actors)
    for actor in out:
        if actor.id in ids and actor.type == "PERSON":
            actor.gender, actor.source = gender, "coder"
    return out


def merged(actors: list[Actor], keep_id: str, others: Sequence[str], name: str) -> list[Actor]:
    """``others`` folded into ``keep_id`` under ``name``; their quotes follow (see ActorEdit)."""
    out = copy.deepcopy(actors)
    keep = next(a for a in out if a.id == keep_id)
    for actor in out:
        if actor.id in others and actor.id != keep_id:
            keep.mentions.extend(actor.mentions)
    keep.mentions.sort(key=lambda m: m.start)
    keep.name, keep.source = name, "coder"
    return [a for a in out if a.id == keep_id or a.id not in others]


def split(
    actors: list[Actor], actor_id: str, moved: Sequence[Mention], name: str
) -> tuple[list[Actor], Actor]:
    """The mentions ``moved`` leave ``actor_id`` for a new actor called ``name``."""
    out = copy.deepcopy(actors)
    source = next(a for a in out if a.id == actor_id)
    spans = {(m.start, m.end) for m in moved}
    source.mentions = [m for m in source.mentions if (m.start, m.end) not in spans]
    source.source = "coder"
    new = Actor(
        name=name,
        type=source.type,
        mentions=sorted(moved, key=lambda m: m.start),
        article_id=source.article_id,
        source="coder",
        id=new_id(),
    )
    out.insert(out.index(source) + 1, new)
    return out, new


class ActorEdit(Edit):
    """Replaces the article's actors (and which actor each quote belongs to) as a whole."""

    def __init__(
        self,
        host: EditHost,
        text: str,
        article_id: str,
        after: list[Actor],
        relink: Callable[[str | None], str | None] = lambda actor_id: actor_id,
        decisions: Sequence[Decision] = (),
    ) -> None:
        super().__init__(host, text, article_id)
        self.after = after
        self.relink = relink
        #: What the coder did to the machine's suggestions, kept to measure their quality.
        self.decisions = list(decisions)
        self.before: list[Actor] = []
        self.links_before: dict[tuple[int, int], str | None] = {}
        self.links_after: dict[tuple[int, int], str | None] = {}

    def apply(self) -> None:
        project = self.project
        if not self.links_before:
            self.before = project.actors(self.article_id)
            self.links_before = project.quote_links(self.article_id)
            self.links_after = {span: self.relink(a) for span, a in self.links_before.items()}
        project.replace_actors(self.article_id, self.after, self.links_after)
        for decision in self.decisions:
            project.add_decision(decision)

    def revert(self) -> None:
        self.project.replace_actors(self.article_id, self.before, self.links_before)
        for decision in self.decisions:
            self.project.delete_decision(decision.id)


def actor_decision(
    actor: Actor, coder: str, decision: SuggestionDecision, result: Actor | None = None
) -> Decision | None:
    """The record of a coder's decision on a machine actor (None for the coder's own)."""
    if actor.source != "machine":
        return None
    return Decision(
        article_id=actor.article_id,
        coder=coder,
        target="actor",
        decision=decision,
        suggestion=_actor_summary(actor),
        result=_actor_summary(result) if result is not None else {},
    )


def _actor_summary(actor: Actor) -> dict[str, object]:
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "gender": actor.gender,
        "mentions": [[m.start, m.end, m.text] for m in actor.mentions],
    }


class SplitDialog(QDialog):
    """Tick the mentions that belong to someone else, and name that someone."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split “{0}”").format(actor.name))
        self.mentions = QListWidget()
        for mention in actor.mentions:
            item = QListWidgetItem(self.tr("{0}  (at {1})").format(mention.text, mention.start))
            item.setData(Qt.ItemDataRole.UserRole, mention)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.mentions.addItem(item)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of the new actor"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Mentions that refer to another actor:")))
        layout.addWidget(self.mentions)
        layout.addWidget(self.name)
        layout.addWidget(buttons)

    def moved(self) -> list[Mention]:
        items = (self.mentions.item(i) for i in range(self.mentions.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]


def ask_name(parent: QWidget, title: str, current: str) -> str | None:
    name, ok = QInputDialog.getText(
        parent, title, QCoreApplication.translate("ActorPanel", "Name:"), text=current
    )
    name = name.strip()
    return name if ok and name else None
