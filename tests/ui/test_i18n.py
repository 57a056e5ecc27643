"""The interface in French: our catalogue and Qt's, installed from the settings' choice."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.paths import resource_dir
from annotator.services.settings import Settings
from annotator.ui.i18n import install_translations
from tests.ui.test_main_window import open_window

CATALOGUE = resource_dir() / "i18n" / "annotator_fr.ts"
COMPILED = resource_dir() / "i18n" / "annotator_fr.qm"


@pytest.fixture
def french(qapp: QApplication) -> Iterator[QApplication]:
    """The French translators installed for one test; English again afterwards."""
    assert install_translations(qapp, "fr") == "fr"
    yield qapp
    install_translations(qapp, "en")  # removes every translator it installed


def menu_titles(window: object) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]  # type: ignore[attr-defined]


def test_main_window_in_french(
    french: QApplication, qtbot: QtBot, make_project: Callable[..., Path], settings: Settings
) -> None:
    window = open_window(qtbot, make_project(1), settings)
    titles = menu_titles(window)
    for title in ("&Fichier", "É&dition", "&Affichage", "&Navigation", "&Grille de codage"):
        assert title in titles
    assert "&Edit" not in titles
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[0] == "Codes" and tabs[1].startswith("Citations (")
    assert "Unité" in tabs and "Détails" in tabs
    assert window.legend.toggle("PERSON").text() == "Personnes"
    assert window.progress_label.text().startswith("0 articles codés sur 1")
    assert window.coding.undo_action.text().startswith("Annu&ler")
    # Qt's own catalogue: the standard buttons of our dialogs.
    dialog = window.view_menu.show_preferences()
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "Annuler"
    assert dialog.windowTitle() == "Préférences"


def test_english_again_once_the_translators_are_removed(
    qapp: QApplication, qtbot: QtBot, make_project: Callable[..., Path], settings: Settings
) -> None:
    install_translations(qapp, "fr")
    install_translations(qapp, "en")
    window = open_window(qtbot, make_project(1), settings)
    titles = menu_titles(window)
    assert "&Edit" in titles and "É&dition" not in titles
    assert window.legend.toggle("PERSON").text() == "Persons"


def catalogue_messages() -> list[tuple[str, str, str, list[str] | None]]:
    """(context, source, comment, translations) per message; None while unfinished.

    A plural message (``numerus``) has one translation per French form (one, many)."""
    rows = []
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            if message.get("numerus") != "yes":
                forms = [translation.text or ""]
            finished = translation.get("type") is None
            rows.append(
                (
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    forms if finished else None,
                )
            )
    return rows


def test_every_message_of_the_catalogue_is_translated() -> None:
    messages = catalogue_messages()
    assert len(messages) > 400
    unfinished = [(c, s) for c, s, _comment, forms in messages if not forms or not all(forms)]
    assert unfinished == []
    accelerators = re.compile(r"(?<!&)&(?!&)")
    for context, source, _comment, forms in messages:
        assert context, f"{source!r} has no context (an alias of tr or translate?)"
        for fr in forms or []:
            # Placeholders and menu accelerators survive translation.
            placeholders = re.compile(r"\{[^{}]*\}|%n")
            assert set(placeholders.findall(source)) == set(placeholders.findall(fr)), source
            assert len(accelerators.findall(source)) == len(accelerators.findall(fr)), source


def test_the_catalogue_holds_every_string_of_the_interface(tmp_path: Path) -> None:
    """Every tr() string of annotator/ui is in annotator_fr.ts (make translations was run
    after the last new string): lupdate on a copy of the catalogue finds nothing new."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip(f"{lupdate} is not installed")
    copy = tmp_path / "annotator_fr.ts"
    shutil.copyfile(CATALOGUE, copy)
    ui = sorted(str(p) for p in (Path(__file__).parents[2] / "annotator" / "ui").glob("*.py"))
    done = subprocess.run(
        [str(lupdate), "-no-obsolete", "-source-language", "en", "-target-language", "fr"]
        + ui
        + ["-ts", str(copy)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Found (\d+) source text\(s\) \((\d+) new", done.stdout + done.stderr)
    assert found is not None, done.stdout + done.stderr
    assert found.group(2) == "0", "run `make translations` and translate the new strings"


def test_compiled_catalogue_matches_the_source() -> None:
    """annotator_fr.qm was compiled from the annotator_fr.ts as it is (make translations)."""
    translator = QTranslator()
    assert translator.load(str(COMPILED))
    stale = []
    for context, source, comment, forms in catalogue_messages():
        # French plural forms: 1 takes the first, 2 the second.
        counts = [1, 2] if forms is not None and len(forms) == 2 else [-1]
        compiled = [translator.translate(context, source, comment or None, n) for n in counts]
        if compiled != (forms or [""]):
            stale.append((context, source))
    assert stale == []
