"""The codebook panel: categories as a tree, with colour and shortcut; a click codes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Category, Codebook
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.legend import swatch

CATEGORY_ID = Qt.ItemDataRole.UserRole
#: After the category that accepted quote suggestions become.
QUOTE_MARK = QT_TRANSLATE_NOOP("CodebookPanel", "  ← quotes")


#: The keys that decide quote (and actor) suggestions wherever one is selected: A accept,
#: E correct, R reject, J/K next/previous. A category cannot take them as its shortcut.
QUOTE_KEYS = ("A", "E", "R", "J", "K")


def category_shortcut(category: Category) -> str:
    """The key that codes with a category; "" when it has none or one the quotes keep."""
    return "" if category.shortcut.upper() in QUOTE_KEYS else category.shortcut


def category_label(category: Category) -> str:
    """What the tree shows, e.g. "Claim  [C]"."""
    key = category_shortcut(category)
    return f"{category.name}  [{key}]" if key else category.name


class CodebookPanel(QWidget):
    """Emits ``category_chosen(category_id)`` when the coder clicks or activates a category,
    and ``quote_category_chosen(category_id)`` when they make a unit category the one that
    accepted quotes become (right-click)."""

    category_chosen = Signal(str)
    quote_category_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(
            self.tr("<b>Codebook</b> — select text, then click a category or press its key")
        )
        title.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("codebookTree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        # Clicking must not steal focus from the reader, where the selection lives.
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self._units: set[str] = set()
        self._quote_category: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(title)
        layout.addWidget(self.tree, 1)

    def set_quote_category(self, category_id: str | None) -> None:
        """Mark the category accepted quotes become ("← quotes")."""
        self._quote_category = category_id
        for category_id_ in self._units:
            item = self.item_for(category_id_)
            if item is not None:
                mark = self.tr(QUOTE_MARK)
                base = item.text(0).removesuffix(mark)
                item.setText(0, base + (mark if category_id_ == category_id else ""))

    def set_codebook(self, codebook: Codebook) -> None:
        self.tree.clear()
        self._units = {c.id for c in codebook.categories if codebook.is_unit(c.id)}
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
                tip = category.description or category.name
                if category.id in self._units:
                    tip += "\n\n" + self.tr(
                        "A unit: each code gets a form of its own (the Unit tab)."
                    )
                item.setToolTip(0, tip)
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
            hint = QTreeWidgetItem([self.tr("(this project has no codebook yet)")])
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(hint)

    def preferred_height(self) -> int:
        """The height that shows every category without scrolling (the title included)."""
        rows = 0
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            rows += 1
            iterator += 1
        row = self.tree.sizeHintForRow(0) if rows else self.fontMetrics().height() + 6
        title = self.layout().itemAt(0).widget().sizeHint().height()  # type: ignore[union-attr]
        return title + max(rows, 3) * row + 24

    def item_for(self, category_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            found = _find(item, category_id) if item is not None else None
            if found is not None:
                return found
        return None

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        category_id = item.data(0, CATEGORY_ID) if item is not None else None
        if not category_id or category_id not in self._units:
            return
        menu = QMenu(self.tree)
        action = menu.addAction(self.tr("Accepted quotes become this category"))
        action.setCheckable(True)
        action.setChecked(category_id == self._quote_category)
        chosen = menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()
        if chosen is action:
            self.quote_category_chosen.emit(str(category_id))

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
