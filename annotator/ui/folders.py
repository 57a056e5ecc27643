"""Where file dialogs start: the last folder the coder used, else their documents folder.

Never the hidden data folder the demo project lives in (~/.local/share/annotator).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from annotator.paths import user_data_dir
from annotator.services.settings import Settings, save_settings


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder(settings: Settings, name: str = "") -> str:
    """The folder (with ``name`` in it, for a save dialog) a file dialog opens in."""
    last = Path(settings.last_folder) if settings.last_folder else None
    hidden = user_data_dir().resolve()
    if last is None or not last.is_dir() or last.resolve().is_relative_to(hidden):
        last = documents_folder()
    return str(last / name) if name else str(last)


def remember_folder(settings: Settings, chosen: str | Path) -> None:
    """Keep the folder of a chosen file (or a chosen folder) for the next dialog."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    if str(folder) != settings.last_folder:
        settings.last_folder = str(folder)
        with contextlib.suppress(OSError):
            save_settings(settings)
