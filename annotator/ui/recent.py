"""File > Open recent: the projects last opened, newest first (Settings.recent_projects)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from annotator.services.settings import Settings
from annotator.ui.texts import escape_mnemonic

#: How many projects the menu lists.
MAX_RECENT = 10


def remember(settings: Settings, path: Path) -> None:
    """Put ``path`` first in the settings' recent projects (the caller saves the settings)."""
    entry = str(path.resolve())
    rest = [p for p in settings.recent_projects if p != entry]
    settings.recent_projects = [entry, *rest][:MAX_RECENT]


class RecentMenu(QMenu):
    """Rebuilt each time it opens; a project no longer on disk is listed greyed out."""

    def __init__(
        self,
        settings: Settings,
        open_project: Callable[[Path], object],
        clear: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("RecentMenu", "Open &recent"), parent)
        self.settings = settings
        self._open = open_project
        self._clear = clear
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        paths = [Path(p) for p in self.settings.recent_projects]
        for number, path in enumerate(paths, 1):
            prefix = f"&{number} " if number < 10 else ""
            action = self.addAction(prefix + escape_mnemonic(f"{path.name}  —  {path.parent}"))
            action.setToolTip(str(path))
            action.setData(str(path))
            if path.is_file():
                action.triggered.connect(lambda _checked=False, path=path: self._open(path))
            else:
                action.setEnabled(False)
                action.setText(
                    self.tr("{0} (not found)  —  {1}").format(
                        escape_mnemonic(path.name), escape_mnemonic(str(path.parent))
                    )
                )
        if not paths:
            none = self.addAction(self.tr("No recent projects"))
            none.setEnabled(False)
            return
        self.addSeparator()
        self.addAction(self.tr("Clear the list"), self._clear)

    def project_actions(self) -> list[str]:
        """The paths listed, in menu order (for tests and accessibility checks)."""
        return [str(a.data()) for a in self.actions() if a.data()]
