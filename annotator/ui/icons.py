"""The app's icon, from the PNG sizes in resources/icons (made from annotator.svg)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from annotator.paths import resource_dir

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@cache
def app_icon() -> QIcon:
    """The window and About icon; an empty icon if the resources are missing."""
    icon = QIcon()
    folder = resource_dir() / "icons"
    for size in ICON_SIZES:
        path = folder / f"annotator-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon
