"""Help > About: versions of the app and its parts, and the licences it ships under.

Versions and licences are read from the installed packages' metadata (the bundle carries
it too), so the dialog never imports spaCy or loads a pipeline.
"""

from __future__ import annotations

import html
import platform
import sys
from dataclasses import dataclass
from importlib import metadata

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.nlp.registry import LANGUAGE_NAMES, PIPELINES, pipeline_name
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.icons import app_icon

#: The licence Annotator is distributed under (pyproject.toml, LICENSE).
APP_LICENCE = "Apache-2.0"

QT_NOTE = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "Qt for Python (PySide6) and Qt are used under the GNU Lesser General Public License "
    "version 3 (LGPLv3). Their libraries ship unmodified as separate files in the "
    "application folder and can be replaced by other builds of the same version. "
    "Source code: https://code.qt.io/cgit/pyside/pyside-setup.git and https://code.qt.io "
    "; licence text: https://www.gnu.org/licenses/lgpl-3.0.html",
)


@dataclass(frozen=True, slots=True)
class Component:
    """One part of the app as the About dialog lists it."""

    role: str
    package: str
    version: str
    licence: str


def package_info(distribution: str) -> tuple[str, str]:
    """(version, licence) of an installed distribution, from its metadata; "?" if unknown."""
    try:
        meta = metadata.metadata(distribution).json
    except metadata.PackageNotFoundError:
        return "not installed", "?"
    licence = str(meta.get("license_expression") or meta.get("license") or "")
    if not licence or len(licence) > 80:  # some put the whole licence text there
        classifiers = meta.get("classifier") or []
        names = [
            c.rsplit("::", 1)[-1].strip()
            for c in ([classifiers] if isinstance(classifiers, str) else classifiers)
            if c.startswith("License ::")
        ]
        licence = ", ".join(names) or licence[:80] or "?"
    return str(meta.get("version") or "?"), licence


def components() -> list[Component]:
    """The app, Python, Qt, PySide6, spaCy and the pipeline of each language."""
    _, licence = package_info("annotator")
    rows = [
        Component(
            "Annotator", "annotator", __version__, licence if licence != "?" else APP_LICENCE
        ),
        Component("Python", "python", platform.python_version(), "PSF-2.0"),
        Component("Qt", "Qt", qVersion(), "LGPL-3.0-only"),
    ]
    pyside_version, pyside_licence = package_info("PySide6_Essentials")
    if pyside_version == "not installed":
        pyside_version, pyside_licence = PySide6.__version__, "LGPL-3.0-only"
    rows.append(Component("Qt for Python", "PySide6", pyside_version, pyside_licence))
    rows.append(Component("spaCy", "spacy", *package_info("spacy")))
    for language in PIPELINES:
        name = pipeline_name(language)
        role = f"{LANGUAGE_NAMES.get(language, language)} pipeline"
        rows.append(Component(role, name, *package_info(name)))
    return rows


def report_text(rows: list[Component]) -> str:
    """The versions as plain text, for a bug report."""
    lines = [f"{c.role}: {c.package} {c.version} ({c.licence})" for c in rows]
    lines.append(f"System: {platform.platform()} ({sys.platform})")
    return "\n".join(lines)


class AboutDialog(QDialog):
    """Name, version, icon, the components table and the licences; Copy puts it as text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Annotator"))
        self.setObjectName("aboutDialog")
        self.rows = components()
        heading = QLabel()
        heading.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(
            f"<h2>Annotator {html.escape(__version__)}</h2><p>"
            + self.tr("Coding news articles: quotes, speakers, codebooks, coding-study exports.")
            + "</p>"
        )
        title.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(title, 1)
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(True)
        self.details.setHtml(self._details_html())
        self.details.setMinimumSize(560, 320)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy versions"))
        copy.clicked.connect(self.copy_versions)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def _details_html(self) -> str:
        cells = "".join(
            f"<tr><td>{html.escape(c.role)}</td><td>{html.escape(c.package)}</td>"
            f"<td>{html.escape(c.version)}</td><td>{html.escape(c.licence)}</td></tr>"
            for c in self.rows
        )
        headers = (self.tr("Part"), self.tr("Package"), self.tr("Version"), self.tr("Licence"))
        free = self.tr("Annotator is free software under the {0} licence.").format(APP_LICENCE)
        spacy = self.tr(
            "The spaCy pipelines are trained statistical models distributed by their "
            "authors under the licences listed above (for example fr_core_news_md under "
            "LGPL-LR, the Lesser General Public License For Linguistic Resources); see each "
            "package's meta.json for its training data and sources."
        )
        return (
            "<table cellspacing='0' cellpadding='3'><tr>"
            + "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)
            + f"</tr>{cells}</table>"
            f"<p>{html.escape(free)}</p>"
            f"<p>{html.escape(self.tr(QT_NOTE))}</p>"
            f"<p>{html.escape(spacy)}</p>"
        )

    def copy_versions(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(report_text(self.rows))


def show_about(parent: QWidget) -> AboutDialog:
    """Open the About dialog (window-modal, not blocking the caller)."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def add_help_menu(window: QMainWindow) -> QAction:
    """The Help menu with About (on macOS Qt moves About into the application menu)."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("AboutDialog", "&Help"))
    about = QAction(QCoreApplication.translate("AboutDialog", "&About Annotator"), window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda _checked=False: show_about(window))
    menu.addAction(about)
    return about
