"""File > Export…: the format, the file, and the options the command line has.

The format follows the file's extension, as in ``annotator export``: choosing a format
gives the file that extension, typing a file with a known extension chooses its format.
``--exact`` (CSV exactly as coded, for R, Stata and SPSS), ``--bom`` and ``--sheet`` are
offered where they apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.i18n import QT_TRANSLATE_NOOP

#: Export formats offered, as file-dialog filters; the extension picks the format
#: (the same as services.exports.FORMATS, which a test checks).
EXPORT_FILTERS = (
    QT_TRANSLATE_NOOP("FileMenu", "Excel workbook (*.xlsx)"),
    QT_TRANSLATE_NOOP("FileMenu", "CSV tables for SPSS, R, Stata, in a zip (*.zip)"),
    QT_TRANSLATE_NOOP("FileMenu", "CSV, one table (*.csv)"),
    QT_TRANSLATE_NOOP("FileMenu", "SPSS data file, labelled (*.sav)"),
    QT_TRANSLATE_NOOP("FileMenu", "Stata data file, labelled (*.dta)"),
    QT_TRANSLATE_NOOP("FileMenu", "JSON Lines (*.jsonl)"),
    QT_TRANSLATE_NOOP("FileMenu", "REFI-QDA project for MAXQDA, ATLAS.ti, NVivo (*.qdpx)"),
    QT_TRANSLATE_NOOP("FileMenu", "R script loading the coding tables, with their CSV files (*.R)"),
)
SUFFIXES = tuple(f[f.rindex("*") + 1 : -1] for f in EXPORT_FILTERS)
#: The same, as compared: an extension in any case (.R or .r) names its format.
_LOWER = tuple(s.lower() for s in SUFFIXES)
_CSV = (".csv", ".zip")
_ONE_TABLE = (".csv", ".sav", ".dta")


def with_export_suffix(path: Path, chosen_filter: str) -> Path:
    """The path with the extension of the chosen format, unless it names a known one."""
    if path.suffix.lower() in _LOWER:
        return path
    wanted = next(
        (
            k
            for f, k in zip(EXPORT_FILTERS, SUFFIXES, strict=True)
            if chosen_filter in (f, QCoreApplication.translate("FileMenu", f))
        ),
        ".xlsx",
    )
    return path.with_name(path.name + wanted)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the dialog asks ``export_project`` for."""

    out: Path
    exact: bool = False
    bom: bool = False
    sheet: str | None = None


class ExportDialog(QDialog):
    """Asks for the export's file, format and options; ``choice()`` once accepted."""

    def __init__(self, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from annotator.services.exports import SHEETS
        from annotator.services.exports.stats_files import TABLES

        self._sheets, self._stats_tables = SHEETS, TABLES
        self.setWindowTitle(self.tr("Export"))
        self.format = QComboBox()
        for label in EXPORT_FILTERS:
            self.format.addItem(QCoreApplication.translate("FileMenu", label))
        self.path = QLineEdit(str(suggested))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.sheet = QComboBox()
        self.exact = QCheckBox(self.tr("Exactly as coded, for R, Stata or SPSS"))
        self.exact.setToolTip(
            self.tr(
                "No ' before text that starts with = + - @. Do not open this file in Excel or "
                "LibreOffice: such text could run as a formula there."
            )
        )
        self.bom = QCheckBox(self.tr("Byte-order mark, for Excel on Windows"))
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("File"), where)
        form.addRow(self.tr("Table"), self.sheet)
        form.addRow("", self.exact)
        form.addRow("", self.bom)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        suffix = suggested.suffix.lower()
        self.format.setCurrentIndex(_LOWER.index(suffix) if suffix in _LOWER else 0)
        self.format.currentIndexChanged.connect(self._format_chosen)
        self.path.textEdited.connect(self._path_edited)
        self._format_chosen()

    def suffix(self) -> str:
        return SUFFIXES[self.format.currentIndex()]

    def choose_format(self, suffix: str) -> None:
        self.format.setCurrentIndex(_LOWER.index(suffix.lower()))

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export"),
            self.path.text(),
            QCoreApplication.translate("FileMenu", EXPORT_FILTERS[self.format.currentIndex()]),
        )
        if name:
            self.path.setText(name)
            self._path_edited(name)

    def accept(self) -> None:
        """Refused without a file name (the note says so)."""
        if not Path(self.path.text().strip()).name:
            self.note.setText(self.tr("Name the file to export to."))
            return
        super().accept()

    def choice(self) -> ExportChoice:
        out = with_export_suffix(Path(self.path.text().strip()), self._filter())
        suffix = out.suffix.lower()
        sheet = self.sheet.currentData() if suffix in _ONE_TABLE else None
        return ExportChoice(
            out,
            exact=self.exact.isChecked() and suffix in _CSV,
            bom=self.bom.isChecked() and suffix in _CSV,
            sheet=sheet,
        )

    def _filter(self) -> str:
        return EXPORT_FILTERS[self.format.currentIndex()]

    def _path_edited(self, text: str) -> None:
        """A file typed with a known extension chooses its format."""
        suffix = Path(text.strip()).suffix.lower()
        if suffix in _LOWER and suffix != self.suffix().lower():
            self.format.blockSignals(True)
            self.choose_format(suffix)
            self.format.blockSignals(False)
            self._options_for(self.suffix())

    def _format_chosen(self) -> None:
        """The file takes the chosen format's extension; the options follow."""
        suffix = self.suffix()
        text = self.path.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower() in _LOWER and path.suffix.lower() != suffix.lower():
                path = path.with_suffix(suffix)
            self.path.setText(str(with_export_suffix(path, self._filter())))
        self._options_for(suffix)

    def _options_for(self, suffix: str) -> None:
        tables = self._stats_tables if suffix in (".sav", ".dta") else self._sheets
        current = self.sheet.currentData() or "coding"
        self.sheet.clear()
        for name in tables if suffix in _ONE_TABLE else ():
            self.sheet.addItem(name, name)
        self.sheet.setCurrentIndex(max(self.sheet.findData(current), self.sheet.findData("coding")))
        self.sheet.setEnabled(suffix in _ONE_TABLE)
        self.exact.setEnabled(suffix in _CSV)
        self.bom.setEnabled(suffix in _CSV)
        notes = {
            ".xlsx": self.tr("Every table, one sheet each, for Excel, LibreOffice or R (readxl)."),
            ".zip": self.tr("Every table as a CSV file (coding.csv, units.csv…)."),
            ".csv": self.tr("One table as a CSV file."),
            ".sav": self.tr("The coding or units table for SPSS, labelled from the codebook."),
            ".dta": self.tr("The coding or units table for Stata, labelled from the codebook."),
            ".jsonl": self.tr("One JSON object per coded value and annotation."),
            ".qdpx": self.tr("A REFI-QDA project for MAXQDA, ATLAS.ti, NVivo or QualCoder."),
            ".R": self.tr(
                "An R script and, beside it, the coding and units tables as CSV exactly as "
                "coded: source() it for labelled data frames."
            ),
        }
        self.note.setText(notes[suffix])
