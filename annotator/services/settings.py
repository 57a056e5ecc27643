"""The user's settings: last project and coder name, in a JSON file in the user data folder."""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from annotator.paths import user_data_dir


@dataclass(slots=True)
class Settings:
    last_project: str = ""
    coder: str = ""
    #: Most recent first; the File menu lists them.
    recent_projects: list[str] = field(default_factory=list)
    #: spaCy pipeline per language code ("fr": "fr_core_news_md"); missing means the default.
    pipelines: dict[str, str] = field(default_factory=dict)
    #: Interface language ("" follows the system, "en", "fr").
    ui_language: str = ""
    #: Reader text size in points (0: the system's size).
    text_size: int = 0
    #: Blind coding: show a coder only their own codes.
    blind: bool = False
    #: The window's panel sizes in pixels, by splitter ("main", "right"), as the coder left them.
    panel_sizes: dict[str, list[int]] = field(default_factory=dict)
    #: The folder a file dialog last opened a file in or saved one to.
    last_folder: str = ""


def settings_path() -> Path:
    return user_data_dir() / "settings.json"


def load_settings() -> Settings:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
        settings = Settings(**{k: v for k, v in data.items() if k in Settings.__slots__})
    except (OSError, ValueError, TypeError):
        settings = Settings()
    if not settings.coder:
        settings.coder = _default_coder()
    return settings


def save_settings(settings: Settings) -> None:
    path = settings_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    os.replace(tmp, path)


def _default_coder() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "coder"
