"""The codebook editor: categories as a tree, and the variables of each level.

Every change is saved at once through Project methods (no SQL here); deleting a
category or a variable that has codes says how many go and asks first. Reading and
writing codebook files runs in a background thread; merging an imported codebook
into the project is a handful of rows, done on the window's thread like any edit.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Category, Codebook, Variable
from annotator.services.codebooks import ordered_categories
from annotator.store import Project
from annotator.ui.codebook_files import CodebookFiles
from annotator.ui.codebook_panel import CATEGORY_ID, QUOTE_KEYS, category_label
from annotator.ui.legend import swatch
from annotator.ui.variable_form import VariableEditor


class CodebookEditor(QDialog):
    """Edits the project's codebook; ``codebook_changed`` follows every saved change."""

    codebook_changed = Signal()

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.codebook = project.codebook()
        self.files = CodebookFiles(self)
        self.setWindowTitle(self.tr("Codebook"))
        self.resize(1200, 700)

        self.tree = QTreeWidget()
        self.tree.setObjectName("categoryTree")
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._category_selected)
        self.add_button = QPushButton(self.tr("Add category"))
        self.add_child_button = QPushButton(self.tr("Add child"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.add_button.clicked.connect(lambda: self.add_category(child=False))
        self.add_child_button.clicked.connect(lambda: self.add_category(child=True))
        self.delete_button.clicked.connect(self.delete_category)
        self.up_button.clicked.connect(lambda: self.move_category(-1))
        self.down_button.clicked.connect(lambda: self.move_category(1))

        self.name = QLineEdit()
        self.colour_button = QPushButton(self.tr("Colour…"))
        self.colour_button.clicked.connect(self._pick_colour)
        self.shortcut = QLineEdit()
        self.shortcut.setPlaceholderText(self.tr("a key, e.g. C or 1"))
        self.shortcut.setMaxLength(20)
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(90)
        self.category_problem = QLabel()
        self.category_problem.setObjectName("categoryProblem")
        self.category_problem.setStyleSheet("color: #c62828")
        self.category_problem.setWordWrap(True)
        self.name.editingFinished.connect(self._save_category_form)
        self.shortcut.editingFinished.connect(self._save_category_form)
        self.description.setTabChangesFocus(True)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(600)
        self._typing.timeout.connect(self._save_category_form)
        self.description.textChanged.connect(self._typing.start)

        self.article_variables = VariableEditor(self.project.save_variable, self._delete_variable)
        self.unit_variables = VariableEditor(self.project.save_variable, self._delete_variable)
        for editor in (self.article_variables, self.unit_variables):
            editor.changed.connect(self._variables_changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.unit_variables, self.tr("Unit variables"))
        self.tabs.addTab(self.article_variables, self.tr("Article variables"))
        self.status = QLabel()
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        self._build()
        # Enter confirms a field; it must not press "Add category" (a dialog's default).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.reload()

    def _build(self) -> None:
        tree_buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.add_child_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            tree_buttons.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Colour"), self.colour_button)
        form.addRow(self.tr("Shortcut"), self.shortcut)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.category_problem)
        self.category_form = QWidget()
        self.category_form.setLayout(form)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("<b>Categories</b> (span level; nested)")))
        column.addWidget(self.tree, 1)
        column.addLayout(tree_buttons)
        column.addWidget(self.category_form)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "A category with unit variables codes units: each span coded with it gets its"
                " own form (a claim: claimant, addressee, position). Article variables are"
                " answered once per article (the frame questions, the main topic)."
            )
        )
        hint.setWordWrap(True)
        column.addWidget(hint)
        column.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 800])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = buttons.addButton(
            self.tr("Import…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button = buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setMenu(self.files.import_menu(self.import_button))
        self.export_button.clicked.connect(self.files.choose_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    # -- what is shown ---------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        """Read the codebook again and show it, keeping the selected category."""
        keep = keep or self.current_category_id()
        self.codebook = self.project.codebook()
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for category in ordered_categories(self.codebook):
            item = QTreeWidgetItem([_tree_label(self.codebook, category)])
            item.setIcon(0, swatch(category.color))
            item.setData(0, CATEGORY_ID, category.id)
            parent = items.get(category.parent_id or "")
            if parent is not None:
                parent.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            items[category.id] = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if keep in items:
            self.tree.setCurrentItem(items[keep])
        elif items:
            self.tree.setCurrentItem(next(iter(items.values())))
        self._show_category()
        current = self.article_variables.current()
        self.article_variables.set_variables(
            self.codebook.article_variables(),
            lambda position: Variable(name="new_variable", level="article", position=position),
            keep=current.id if current else "",
        )

    def current_category_id(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, CATEGORY_ID)) if item is not None else None

    def current_category(self) -> Category | None:
        category_id = self.current_category_id()
        return self.codebook.by_id(category_id) if category_id else None

    def select_category(self, category_id: str) -> None:
        item = self._item(category_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _item(self, category_id: str) -> QTreeWidgetItem | None:
        for item in self.tree.findItems(
            "", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
        ):
            if item.data(0, CATEGORY_ID) == category_id:
                return item
        return None

    def _category_selected(
        self, _current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None
    ) -> None:
        # What was typed for the category being left is saved to that category.
        if previous is not None and self.codebook.by_id(str(previous.data(0, CATEGORY_ID))):
            self._save_category_form(str(previous.data(0, CATEGORY_ID)), reload=False)
        self._show_category()

    def _show_category(self) -> None:
        self._typing.stop()
        category = self.current_category()
        for button in (self.add_child_button, self.delete_button, self.up_button, self.down_button):
            button.setEnabled(category is not None)
        self.category_form.setEnabled(category is not None)
        self.category_problem.clear()
        for widget in (self.name, self.shortcut, self.description):
            widget.blockSignals(True)
        self.name.setText(category.name if category else "")
        self.shortcut.setText(category.shortcut if category else "")
        self.description.setPlainText(category.description if category else "")
        for widget in (self.name, self.shortcut, self.description):
            widget.blockSignals(False)
        self.colour_button.setIcon(swatch(category.color if category else "#ffffff", 16))
        self.colour_button.setText(category.color if category else self.tr("Colour…"))
        if category is None:
            self.unit_variables.set_variables([], None)
            self.tabs.setTabText(0, self.tr("Unit variables"))
            return
        self.tabs.setTabText(0, self.tr("Unit variables of {0}").format(category.name))
        self.unit_variables.set_variables(
            self.codebook.unit_variables(category.id),
            lambda position: Variable(
                name="new_variable", level="unit", category_id=category.id, position=position
            ),
        )

    # -- categories ------------------------------------------------------------------------

    def add_category(self, child: bool = False) -> Category:
        """Add a category at the top level, or under the selected one; it is saved at once."""
        self._save_category_form()
        parent = self.current_category() if child else None
        siblings = self.codebook.children(parent.id if parent else None)
        names = {c.name for c in siblings}
        name, n = self.tr("New category"), 1
        while name in names:
            n += 1
            name = self.tr("New category {0}").format(n)
        category = Category(
            name=name,
            color=parent.color if parent else "#90caf9",
            parent_id=parent.id if parent else None,
            position=max((c.position for c in siblings), default=-1) + 1,
        )
        self.project.save_category(category)
        self.after_change(keep=category.id)
        self.name.setFocus()
        self.name.selectAll()
        return category

    def rename_category(self, name: str) -> None:
        self.name.setText(name)
        self._save_category_form()

    def set_colour(self, colour: str) -> None:
        category = self.current_category()
        if category is not None and QColor(colour).isValid():
            self._save_category(replace(category, color=QColor(colour).name()))

    def set_shortcut(self, key: str) -> None:
        self.shortcut.setText(key)
        self._save_category_form()

    def _pick_colour(self) -> None:
        category = self.current_category()
        if category is None:
            return
        colour = QColorDialog.getColor(
            QColor(category.color), self, self.tr("Colour of {0}").format(category.name)
        )
        if colour.isValid():
            self.set_colour(colour.name())

    def _save_category_form(self, category_id: str | None = None, reload: bool = True) -> None:
        """Save the category form into the selected category (or ``category_id``)."""
        self._typing.stop()
        category = self.codebook.by_id(category_id) if category_id else self.current_category()
        if category is None:
            return
        name = " ".join(self.name.text().split())
        shortcut = self.shortcut.text().strip()
        problem = None
        if not name:
            problem = self.tr("a category needs a name")
        elif shortcut and QKeySequence(shortcut).isEmpty():
            problem = self.tr("'{0}' is not a key").format(shortcut)
        elif shortcut:
            shortcut = QKeySequence(shortcut).toString()
            other = next(
                (
                    c
                    for c in self.codebook.categories
                    if c.id != category.id and c.shortcut.upper() == shortcut.upper()
                ),
                None,
            )
            if other is not None:
                problem = self.tr("the shortcut {0} is already used by {1}").format(
                    shortcut, other.name
                )
            elif shortcut.upper() in QUOTE_KEYS:
                problem = self.tr(
                    "{0} decides suggestions (A accept, E correct, R reject, J/K next/previous):"
                    " choose another key"
                ).format(shortcut)
        self.category_problem.setText(problem or "")
        if problem:
            return
        description = self.description.toPlainText().strip()
        edited = replace(category, name=name, shortcut=shortcut, description=description)
        if edited == category:
            return
        self.project.save_category(edited)
        if reload:
            self.after_change(keep=category.id)
        else:
            self.codebook = self.project.codebook()
            self.codebook_changed.emit()

    def _save_category(self, category: Category) -> None:
        if category == self.codebook.by_id(category.id):
            return
        self.project.save_category(category)
        self.after_change(keep=category.id)

    def delete_category(self) -> int | None:
        """Delete the selected category and its children, asking first when codes would go."""
        category = self.current_category()
        if category is None:
            return None
        codes = self.project.category_usage(category.id)
        children = len(_descendants(self.codebook, category.id))
        if codes or children:
            parts = []
            if children:
                parts.append(
                    (
                        self.tr("its {0} sub-category")
                        if children == 1
                        else self.tr("its {0} sub-categories")
                    ).format(children)
                )
            if self.codebook.is_unit(category.id):
                parts.append(self.tr("its unit variables"))
            also = self.tr(" with {0}").format(self.tr(" and ").join(parts)) if parts else ""
            text = self.tr(
                "Delete “{0}”{1}?\n\n{2} code(s) will be deleted"
                " from the project file. This cannot be undone."
            ).format(category.name, also, codes)
            if not self.confirm(self.tr("Delete category"), text):
                return None
        deleted = self.project.delete_category(category.id)
        self.after_change()
        self.status.setText(
            self.tr("Deleted “{0}” and {1} code(s).").format(category.name, deleted)
        )
        return deleted

    def move_category(self, step: int) -> None:
        category = self.current_category()
        if category is None:
            return
        siblings = sorted(self.codebook.children(category.parent_id), key=lambda c: c.position)
        row = siblings.index(category)
        if not 0 <= row + step < len(siblings):
            return
        siblings[row], siblings[row + step] = siblings[row + step], siblings[row]
        for position, sibling in enumerate(siblings):
            if sibling.position != position:
                self.project.save_category(replace(sibling, position=position))
        self.after_change(keep=category.id)

    # -- variables -------------------------------------------------------------------------

    def _delete_variable(self, variable: Variable) -> bool:
        values = self.project.variable_usage(variable.id)
        if values and not self.confirm(
            self.tr("Delete variable"),
            self.tr(
                "Delete the variable “{0}”?\n\n{1} coded value(s) will be"
                " deleted from the project file. This cannot be undone."
            ).format(variable.name, values),
        ):
            return False
        self.project.delete_variable(variable.id)
        self.status.setText(
            self.tr("Deleted the variable “{0}” and {1} value(s).").format(variable.name, values)
        )
        return True

    def _variables_changed(self) -> None:
        self.codebook = self.project.codebook()
        self.codebook_changed.emit()

    def after_change(self, keep: str | None = None) -> None:
        """Show the codebook as saved, and tell the main window."""
        self.reload(keep)
        self.codebook_changed.emit()

    def confirm(self, title: str, text: str) -> bool:
        """Ask before something is lost; the default button keeps it."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setObjectName("confirmDelete")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def commit_forms(self) -> None:
        """Save what is being typed in the forms."""
        self._save_category_form()
        self.article_variables.commit()
        self.unit_variables.commit()

    def done(self, result: int) -> None:  # noqa: D102 (Qt API)
        self.commit_forms()
        self.files.wait()
        super().done(result)


def _tree_label(codebook: Codebook, category: Category) -> str:
    units = len(codebook.unit_variables(category.id))
    if units == 1:
        suffix = QCoreApplication.translate("CodebookEditor", "  ({0} unit variable)").format(units)
    elif units:
        suffix = QCoreApplication.translate("CodebookEditor", "  ({0} unit variables)").format(
            units
        )
    else:
        suffix = ""
    return category_label(category) + suffix


def _descendants(codebook: Codebook, category_id: str) -> list[Category]:
    out: list[Category] = []
    for child in codebook.children(category_id):
        out += [child, *_descendants(codebook, child.id)]
    return out
