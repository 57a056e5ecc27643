"""File › Open corpus…: the counts of a corpus built on a real Dask cluster, as charts and
tables, and a search over its articles."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from annotator.services.settings import Settings
from annotator.ui.chart import ChartWidget
from annotator.ui.corpus_dialog import CorpusDialog
from annotator.ui.main_window import MainWindow
from tests.services.corpus_data import ARTICLES


def test_counts_charts_tables_and_search(qtbot: QtBot, built_corpus: Path, tmp_path: Path) -> None:
    dialog = CorpusDialog(built_corpus)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.computing(), timeout=60_000)
    assert "8 articles" in dialog.summary.text()
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles[0] == "Articles per outlet" and titles[-1] == "Search"
    assert "Women among quoted people, per outlet" in titles
    first = dialog.tabs.widget(0)
    chart, table = first.widget(0), first.widget(1)  # type: ignore[attr-defined]
    assert isinstance(chart, ChartWidget) and not chart.image().isNull()
    outlets = {outlet for _t, outlet, _d, _x in ARTICLES}
    assert table.rowCount() == len(outlets)
    assert {table.item(r, 0).text() for r in range(table.rowCount())} == outlets

    dialog.search('"Claire Dubois"')
    qtbot.waitUntil(lambda: not dialog.computing(), timeout=60_000)
    assert [h.title for h in dialog.found] == ["Le maire défend son budget"]
    assert "Claire Dubois" in dialog.hits.item(0, 3).text()
    assert dialog.hit_count.text() == "1 article(s) found"
    dialog.search("conseil pluie")  # every word, in any order
    qtbot.waitUntil(lambda: not dialog.computing(), timeout=60_000)
    assert [h.title for h in dialog.found] == []
    dialog.search("the")
    qtbot.waitUntil(lambda: not dialog.computing(), timeout=60_000)
    assert len(dialog.found) == 3  # the English articles

    out = tmp_path / "corpus.xlsx"
    dialog.save_tables(str(out))
    assert "Articles per outlet" in load_workbook(out, read_only=True).sheetnames


def test_a_folder_that_is_no_corpus_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = CorpusDialog(tmp_path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.computing(), timeout=60_000)
    assert "not a corpus folder" in dialog.summary.text()
    assert not dialog.save_button.isEnabled()


def test_the_file_menu_opens_a_corpus(qtbot: QtBot, settings: Settings, built_corpus: Path) -> None:
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    assert window.file_menu.actions["open_corpus"].text() == "Open &corpus…"
    dialog = window.file_menu.open_corpus(built_corpus)
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.computing(), timeout=60_000)
    assert dialog.isVisible() and "8 articles" in dialog.summary.text()
    dialog.close()
