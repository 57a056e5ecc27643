"""Where the shipped resources and the user's data live."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "annotator"


def resource_dir() -> Path:
    """The resources/ folder: inside the installed package, or at the root of a source checkout."""
    packaged = Path(__file__).parent / "_resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def user_data_dir() -> Path:
    """The folder for the demo project and settings (created on demand)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
