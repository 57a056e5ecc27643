"""Preferences: interface language, spaCy pipeline per language, reader text size."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.nlp.registry import available_pipelines, pipeline_name, set_pipelines
from annotator.services.settings import Settings
from annotator.ui.i18n import QT_TRANSLATE_NOOP

#: Language names stay in their own language; "Same as the system" is translated when shown.
UI_LANGUAGES = (
    ("", QT_TRANSLATE_NOOP("SettingsDialog", "Same as the system")),
    ("en", "English"),
    ("fr", "Français"),
)
PIPELINE_LANGUAGES = (
    ("fr", QT_TRANSLATE_NOOP("SettingsDialog", "Pipeline for French articles")),
    ("en", QT_TRANSLATE_NOOP("SettingsDialog", "Pipeline for English articles")),
)


class SettingsDialog(QDialog):
    """Edits a Settings object in place when accepted (the caller saves it)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.ui_language = QComboBox()
        for code, label in UI_LANGUAGES:
            self.ui_language.addItem(self.tr(label) if not code else label, code)
        self.ui_language.setCurrentIndex(max(self.ui_language.findData(settings.ui_language), 0))
        self.pipelines: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("Interface language"), self.ui_language)
        for language, label in PIPELINE_LANGUAGES:
            combo = QComboBox()
            for info in available_pipelines(language):
                combo.addItem(info.label, info.name)
            chosen = settings.pipelines.get(language) or pipeline_name(language)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.setToolTip(
                self.tr(
                    "Small pipelines are fastest; medium ones find more names. "
                    "Install others with pip (e.g. fr-core-news-lg) and they are listed here."
                )
            )
            self.pipelines[language] = combo
            form.addRow(self.tr(label), combo)
        self.text_size = QSpinBox()
        self.text_size.setRange(0, 28)
        self.text_size.setSpecialValueText(self.tr("Default"))
        self.text_size.setSuffix(self.tr(" pt"))
        self.text_size.setValue(settings.text_size)
        form.addRow(self.tr("Reader text size"), self.text_size)
        self.note = QLabel(
            self.tr(
                "The interface language applies at the next start. New pipelines apply to the "
                "next import or pre-annotation."
            )
        )
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def apply(self) -> list[str]:
        """Copy the choices into the settings; returns pipeline problems to show."""
        self.settings.ui_language = self.ui_language.currentData() or ""
        self.settings.text_size = self.text_size.value()
        self.settings.pipelines = {
            language: combo.currentData()
            for language, combo in self.pipelines.items()
            if combo.currentData()
        }
        return set_pipelines(self.settings.pipelines)
