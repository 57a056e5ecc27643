"""The codebook panel: categories as a tree, with colour and shortcut; a click codes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from annotator.core import Category, Codebook
from annotator.ui.legend import swatch

CATEGORY_ID = Qt.ItemDataRole.UserRole


def category_label(category: Category) -> str:
    """What the tree shows, e.g. "Claim  [C]"."""
    return f"{category.name}  [{category.shortcut}]" if category.shortcut else category.name


class CodebookPanel(QWidget):
    """Emits ``category_chosen(category_id)`` when the coder clicks or activates a category."""

    category_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("<b>Codebook</b> — select text, then click a category or press its key")
        title.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("codebookTree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        # Clicking must not steal focus from the reader, where the selection lives.
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.itemClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(title)
        layout.addWidget(self.tree, 1)

    def set_codebook(self, codebook: Codebook) -> None:
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        # Parents come before their children in a stored codebook, but do not rely on it.
        pending = list(codebook.categories)
        while pending:
            rest = []
            for category in pending:
                parent = items.get(category.parent_id or "")
                if category.parent_id and parent is None and codebook.by_id(category.parent_id):
                    rest.append(category)
                    continue
                item = QTreeWidgetItem([category_label(category)])
                item.setIcon(0, swatch(category.color))
                item.setData(0, CATEGORY_ID, category.id)
                item.setToolTip(0, category.description or category.name)
                if parent is not None:
                    parent.addChild(item)
                else:
                    self.tree.addTopLevelItem(item)
                items[category.id] = item
            if len(rest) == len(pending):  # a parent cycle: show the rest at the top level
                for category in rest:
                    category.parent_id = None
            pending = rest
        self.tree.expandAll()
        if not codebook.categories:
            hint = QTreeWidgetItem(["(this project has no codebook yet)"])
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(hint)

    def item_for(self, category_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            found = _find(item, category_id) if item is not None else None
            if found is not None:
                return found
        return None

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        category_id = item.data(0, CATEGORY_ID)
        if category_id:
            self.category_chosen.emit(str(category_id))


def _find(item: QTreeWidgetItem, category_id: str) -> QTreeWidgetItem | None:
    if item.data(0, CATEGORY_ID) == category_id:
        return item
    for i in range(item.childCount()):
        child = item.child(i)
        found = _find(child, category_id) if child is not None else None
        if found is not None:
            return found
    return None
