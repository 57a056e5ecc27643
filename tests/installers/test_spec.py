"""The packaging files agree with the app and with each other (nothing is built here).

The bundle itself is built and smoke-tested by installers/linux/build.sh --smoke.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from annotator.nlp.registry import PIPELINES
from annotator.ui.icons import ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
INSTALLERS = ROOT / "installers"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle() -> ModuleType:
    return _load(INSTALLERS / "hooks" / "bundle_filter.py")


def test_spec_uses_the_shared_lists_and_the_entry_script() -> None:
    spec = (INSTALLERS / "annotator.spec").read_text()
    for name in ("EXCLUDES", "PIPELINES", "QT_MODULES", "wanted_file", "DATA_PACKAGES"):
        assert name in spec
    assert 'HERE / "entry.py"' in spec and 'hookspath=[str(HERE / "hooks")]' in spec
    assert "annotator/_resources" in spec  # where annotator.paths.resource_dir looks
    assert (INSTALLERS / "hooks" / "hook-spacy.py").is_file()


def test_bundle_ships_the_pipelines_the_app_loads(bundle: ModuleType) -> None:
    assert set(bundle.PIPELINES) == set(PIPELINES.values())
    assert set(bundle.KEEP_LANGUAGES) == set(PIPELINES)


def test_every_qt_module_the_app_imports_is_kept(bundle: ModuleType) -> None:
    used = set()
    for path in (ROOT / "annotator").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used and used <= set(bundle.QT_MODULES)
    for module in used:
        assert f"PySide6.{module}" not in bundle.EXCLUDES


def test_no_package_the_app_imports_is_excluded(bundle: ModuleType) -> None:
    imported = set()
    for path in (ROOT / "annotator").rglob("*.py"):
        imported |= set(
            re.findall(r"^\s*(?:from|import) (\w+)", path.read_text(encoding="utf-8"), re.M)
        )
    excluded = {name for name in bundle.EXCLUDES if "." not in name}
    assert not imported & excluded


@pytest.mark.parametrize(
    ("module", "kept"),
    [
        ("spacy.lang.fr", True),
        ("spacy.lang.fr.stop_words", True),
        ("spacy.lang.en.lemmatizer", True),
        ("spacy.lang.punctuation", True),
        ("spacy.lang.de", False),
        ("spacy.lang.zh.examples", False),
        ("spacy.tests.test_language", False),
        ("thinc.tests.layers", False),
        ("spacy.pipeline.ner", True),
        ("annotator.ui.app", True),
    ],
)
def test_module_filter(bundle: ModuleType, module: str, kept: bool) -> None:
    assert bundle.wanted_module(module) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt6Svg.dll", False),
        ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("PySide6/Qt/translations/qtwebengine_de.qm", False),
        ("babel/locale-data/fr_CA.dat", True),
        ("babel/locale-data/de.dat", False),
        ("spacy/lang/fr/lemmatizer.json", True),
    ],
)
def test_file_filter(bundle: ModuleType, dest: str, kept: bool) -> None:
    assert bundle.wanted_file(dest) is kept


def test_spacy_data_filter(bundle: ModuleType) -> None:
    base = os.path.join("site-packages", "spacy", "lang")
    assert bundle.wanted_spacy_data(os.path.join(base, "fr", "x.json"))
    assert not bundle.wanted_spacy_data(os.path.join(base, "ja", "x.json"))
    assert not bundle.wanted_spacy_data(os.path.join("site-packages", "spacy", "tests", "a.txt"))


def test_data_packages_are_installed(bundle: ModuleType) -> None:
    for name in bundle.DATA_PACKAGES:
        assert importlib.util.find_spec(name) is not None, name


def test_frozen_entry_point_freezes_and_opens_a_double_clicked_project(tmp_path: Path) -> None:
    entry = _load(INSTALLERS / "entry.py")
    text = (INSTALLERS / "entry.py").read_text()
    assert text.index("freeze_support()") < text.index("from annotator.cli import main")
    project = tmp_path / "study.annotator"
    project.write_bytes(b"")
    assert entry.arguments([str(project)]) == ["open", str(project)]
    assert entry.arguments(["analyze", str(project)]) == ["analyze", str(project)]
    assert entry.arguments([str(tmp_path / "missing.annotator")]) == [
        str(tmp_path / "missing.annotator")
    ]


def test_build_scripts_exist_and_run_the_spec() -> None:
    for script in ("linux/build.sh", "linux/smoke_test.sh", "linux/install.sh", "macos/build.sh"):
        path = INSTALLERS / script
        assert path.is_file() and os.access(path, os.X_OK), script
        assert path.read_text().startswith("#!/usr/bin/env bash\n")
    for script in ("linux/build.sh", "macos/build.sh", "windows/build.ps1"):
        assert "installers/annotator.spec" in (INSTALLERS / script).read_text().replace("\\", "/")
    assert "smoke_test.sh" in (INSTALLERS / "linux/build.sh").read_text()


def test_icons_exist_in_every_size_the_app_and_installers_use() -> None:
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        assert (icons / f"annotator-{size}.png").is_file()
    for name in ("annotator.svg", "annotator.ico", "annotator.icns"):
        assert (icons / name).stat().st_size > 0
    assert (icons / "annotator.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (icons / "annotator.icns").read_bytes()[:4] == b"icns"
    ET.parse(icons / "annotator.svg")


def test_file_association_is_the_same_on_every_platform() -> None:
    macos = _load(INSTALLERS / "macos" / "info_plist.py")
    plist = macos.info_plist()
    [document] = plist["CFBundleDocumentTypes"]
    [exported] = plist["UTExportedTypeDeclarations"]
    tags = exported["UTTypeTagSpecification"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert tags["public.filename-extension"] == ["annotator"]
    mime = tags["public.mime-type"][0]

    desktop = configparser.ConfigParser(interpolation=None)
    desktop.read(INSTALLERS / "linux" / "annotator.desktop")
    entry = desktop["Desktop Entry"]
    assert entry["MimeType"].rstrip(";") == mime
    assert entry["Exec"].split()[0] == "annotator" and "%f" in entry["Exec"]
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    xml = ET.parse(INSTALLERS / "linux" / "annotator-mime.xml").getroot()
    mime_type = xml.find("m:mime-type", ns)
    assert mime_type is not None and mime_type.get("type") == mime
    globs = [g.get("pattern") for g in mime_type.findall("m:glob", ns)]
    assert globs == ["*.annotator"]

    iss = (INSTALLERS / "windows" / "annotator.iss").read_text()
    assert r'Subkey: "Software\Classes\.annotator"' in iss
    assert f'ValueData: "{mime}"' in iss
    assert 'open ""%1""' in iss
    assert "PrivilegesRequired=lowest" in iss
    # The Windows icon and the macOS document icon are the ones in resources/icons.
    assert r"resources\icons\annotator.ico" in iss
    assert document["CFBundleTypeIconFile"] == "annotator.icns"
    assert macos.app_version() == __import__("annotator").__version__


def test_workflow_builds_the_three_installers_on_a_tag() -> None:
    workflow = (ROOT / ".github" / "workflows" / "installers.yml").read_text()
    assert re.search(r"on:\n  push:\n    tags: \[\"v\*\"\]", workflow)
    for job, script in (
        ("linux", "installers/linux/build.sh --smoke"),
        ("windows", "installers/windows/build.ps1"),
        ("macos", "installers/macos/build.sh"),
    ):
        assert re.search(rf"^  {job}:\n", workflow, re.M), job
        assert script in workflow
    assert "needs: [linux, windows, macos]" in workflow


def test_installers_extra_is_separate_from_the_app_dependencies() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extra = project["optional-dependencies"]["installers"]
    assert any(req.startswith("pyinstaller") for req in extra)
    assert not any(req.lower().startswith("pyinstaller") for req in project["dependencies"])


def test_lgpl_notice_ships_with_every_bundle() -> None:
    notice = (INSTALLERS / "THIRD_PARTY.md").read_text()
    assert "LGPL" in notice and "code.qt.io" in notice
    for script in ("linux/build.sh", "macos/build.sh"):
        assert "THIRD_PARTY.md" in (INSTALLERS / script).read_text()
    assert "THIRD_PARTY.md" in (INSTALLERS / "windows" / "annotator.iss").read_text()
