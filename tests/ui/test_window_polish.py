"""What a coder saw cut, hidden or doubled in the window (issue 12, item 9), and quotes
coded by hand (item 5): real widgets on real project files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from annotator.core import Category, Codebook, Quote
from annotator.services.codebooks import starter_codebook
from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui.article_list import TITLE
from annotator.ui.chart import axis_ticks
from annotator.ui.codebook_editor import CodebookEditor
from annotator.ui.codebook_panel import category_label
from annotator.ui.legend import LAYERS, Legend
from annotator.ui.main_window import MainWindow
from annotator.ui.quote_panel import QuotePanel
from annotator.ui.texts import StatusBar
from tests.ui.coding_project import CLAIM, CLAIMANT, POSITION, make_coding_project, open_window


def test_template_names_keep_their_ampersand(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "study.annotator"
    make_coding_project(path)
    with Project.open(path) as project:
        editor = CodebookEditor(project)
        qtbot.addWidget(editor)
        texts = [a.text() for a in editor.files.import_menu(editor).actions()]
        editor.done(0)
    # "&&" is how a menu shows one "&"; a lone "&" underlines the next letter instead.
    assert any("Koopmans && Statham" in t for t in texts)
    assert not any("& " in t.replace("&&", "") for t in texts)


def test_the_demo_codebook_has_article_questions_and_labelled_positions() -> None:
    book = starter_codebook()
    questions = [v.name for v in book.article_variables()]
    assert len(questions) == 20 and questions[0] == "conflict_1"
    claim = next(c for c in book.categories if c.name == "Claim")
    position = next(v for v in book.unit_variables(claim.id) if v.name == "position")
    assert [(v.code, v.label) for v in position.values] == [
        ("-1", "Against"),
        ("0", "Neutral"),
        ("+1", "In favour"),
    ]


def test_values_show_one_way_label_then_code(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    make_coding_project(path)
    window = open_window(qtbot, path, settings)
    window.coding.decide(window.quote_panel.model.row(0), "accept")
    combo = window.unit_form.fields[POSITION.id].widget
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(1, combo.count())] == [
        "against (-1)",
        "neutral (0)",
        "for (+1)",
    ]
    yes_no = next(f for f in window.article_form.fields.values() if f.variable.kind == "yesno")
    assert isinstance(yes_no.widget, QComboBox) and yes_no.widget.itemText(1) == "Yes (1)"


def test_long_status_messages_end_in_an_ellipsis_with_the_whole_in_the_tooltip(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings)
    long = "This quote is accepted already — " + "and more words " * 30
    window.statusBar().showMessage(long, 5000)
    bar = window.statusBar()
    assert isinstance(bar, StatusBar)
    shown = bar.shown_message()
    assert shown.endswith("…") and len(shown) < len(long)
    assert bar.toolTip() == long and bar.currentMessage() == long
    bar.showMessage("Short", 5000)
    assert bar.shown_message() == "Short"
    assert window.statusBar().toolTip() == ""


def test_panels_share_the_width_and_are_remembered(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings)
    qtbot.waitUntil(lambda: window._sized and sum(window.splitter.sizes()) > 0)
    qtbot.wait(50)
    articles, _reader, right = window.splitter.sizes()
    total = sum(window.splitter.sizes())
    assert articles >= total * 0.2 and right >= total * 0.3
    # The codebook tree gets what its three categories need, the forms the rest.
    tree, forms = window.right_splitter.sizes()
    assert forms > 2 * tree
    window.splitter.setSizes([400, 600, 400])
    window.shutdown()
    assert settings.panel_sizes["main"][0] == window.splitter.sizes()[0]

    again = MainWindow(settings, interactive=False)
    qtbot.addWidget(again)
    again.open_project(project_path)
    again.show()
    qtbot.waitUntil(lambda: again._sized)
    qtbot.waitUntil(lambda: again.splitter.sizes() == settings.panel_sizes["main"])


def test_article_titles_are_readable_at_the_default_size(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings)
    qtbot.waitUntil(lambda: window._sized and sum(window.splitter.sizes()) > 0)
    qtbot.wait(50)
    view = window.article_list
    # Was about ten characters: the legend's single row held the reader column wide.
    width = view.columnWidth(TITLE)
    assert width >= 25 * view.fontMetrics().averageCharWidth()
    assert window.legend.minimumSizeHint().width() < 300


def test_the_legend_wraps_onto_rows_when_narrow(qtbot: QtBot) -> None:
    legend = Legend()
    qtbot.addWidget(legend)
    wide = legend.layout().sizeHint().width()
    one_row = legend.heightForWidth(wide + 20)
    assert legend.heightForWidth(wide // 2) > one_row
    legend.resize(wide // 2, legend.heightForWidth(wide // 2))
    legend.show()
    qtbot.waitExposed(legend)
    boxes = [legend.toggle(layer.key) for layer in LAYERS]
    # Every toggle is inside the widget, none overlaps the next, and some start a new row.
    assert all(legend.rect().contains(box.geometry()) for box in boxes)
    assert len({box.y() for box in boxes}) > 1
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert not left.geometry().intersects(right.geometry())


def test_count_axes_step_in_whole_numbers() -> None:
    assert axis_ticks(5, counts=True) == [0, 2, 4, 6]
    assert axis_ticks(3, counts=True) == [0, 1, 2, 3]
    assert axis_ticks(37, counts=True) == [0, 10, 20, 30, 40]
    assert all(t == int(t) for t in axis_ticks(13, counts=True))
    assert axis_ticks(0.8, counts=False) == [0, 0.25, 0.5, 0.75, 1.0]


def test_a_category_asking_for_a_quote_key_does_not_get_it(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, project_path, settings)
    # conftest's "Actor" category asks for A: the quotes keep it, the tree shows no key.
    actor = window.codebook.by_id("cat-actor")
    assert actor is not None and category_label(actor) == "Actor"
    assert window.project is not None and window.reader.article is not None
    quote = window.reader._quotes[0]
    window.reader.select_span(quote.start, quote.end)
    window.reader.text.setFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_A)
    codes = window.project.annotations(window.reader.article.id)
    assert "cat-actor" not in [a.category_id for a in codes]


def test_a_means_accept_in_the_reader_too(qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "study.annotator"
    make_coding_project(path)
    window = open_window(qtbot, path, settings)
    quote = window.reader._quotes[0]
    window.reader.select_span(quote.start + 3, quote.end - 3)
    window.reader.text.setFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_A)
    assert window.project is not None and window.reader.article is not None
    annotations = window.project.annotations(window.reader.article.id)
    assert [(a.category_id, a.start) for a in annotations] == [(CLAIM.id, quote.start)]
    [decision] = window.project.decisions(window.reader.article.id)
    assert decision.decision == "accepted"


def test_no_template_category_takes_a_quote_key() -> None:
    from annotator.services.codebooks import TEMPLATES, template_codebook, template_languages
    from annotator.ui.codebook_panel import QUOTE_KEYS

    for name in TEMPLATES:
        for language in template_languages(name):
            keys = {c.shortcut.upper() for c in template_codebook(name, language).categories}
            assert not keys & set(QUOTE_KEYS), (name, language)


def test_the_editor_refuses_a_quote_key_as_a_shortcut(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.install_codebook(Codebook([Category("Claim", id="c1")]))
    with Project.open(path) as project:
        editor = CodebookEditor(project)
        qtbot.addWidget(editor)
        editor.select_category("c1")
        editor.set_shortcut("a")
        assert "A decides suggestions" in editor.category_problem.text()
        assert project.codebook().by_id("c1").shortcut == ""  # type: ignore[union-attr]
        editor.done(0)


def test_after_accepting_the_next_undecided_quote_is_selected(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    make_coding_project(path)
    window = open_window(qtbot, path, settings)
    panel = window.quote_panel
    first, second = panel.model.row(0), panel.model.row(1)
    panel.select_quote(first)
    window.coding.decide(first, "accept")
    assert window.tabs.currentWidget() is window.unit_form  # the claim's form to fill in
    assert panel.current_quote() == second
    # One key brings the focus back to the list, on that quote, to decide it.
    window.coding.focus_quotes()
    assert panel.current_quote() == second
    assert window.reader.selected_span() == (second.start, second.end)


def test_a_quote_coded_by_hand_is_decided_and_undecided_again_when_its_code_goes(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "study.annotator"
    make_coding_project(path)
    window = open_window(qtbot, path, settings)
    quote = window.quote_panel.model.row(0)
    window.reader.select_span(quote.start, quote.end - 1)
    made = window.code_selection(CLAIM.id)
    assert made is not None
    assert window.quote_panel.model.decision_of(quote) == "corrected"
    assert made.attributes.get(CLAIMANT.id) in (None, quote.speaker)
    # A on the same quote now says it is decided: no second claim.
    assert not window.coding.decide(quote, "accept")
    assert window.project is not None
    assert len(window.project.annotations(made.article_id)) == 1

    window.delete_annotation(made.id)
    assert window.quote_panel.model.decision_of(quote) == ""
    assert window.project.decisions(made.article_id) == []
    window.coding.stack.undo()  # the code and its decision come back
    assert window.quote_panel.model.decision_of(quote) == "corrected"


def test_file_dialogs_start_in_documents_or_the_last_folder_never_the_data_folder(
    tmp_path: Path, settings: Settings
) -> None:
    from annotator.paths import user_data_dir
    from annotator.ui.folders import documents_folder, remember_folder, start_folder

    settings.last_folder = str(user_data_dir())  # the demo project's hidden folder
    assert start_folder(settings) == str(documents_folder())
    chosen = tmp_path / "articles"
    chosen.mkdir()
    remember_folder(settings, chosen / "story.txt")
    assert start_folder(settings, "out.xlsx") == str(chosen / "out.xlsx")


def test_the_quotes_tab_says_what_kind_of_speaker_speaks(qtbot: QtBot) -> None:
    panel = QuotePanel()
    qtbot.addWidget(panel)
    kinds = ("person", "organisation", "descriptor", None)
    panel.set_quotes(
        [
            Quote(
                10 * n,
                10 * n + 5,
                "words",
                "direct",
                "someone" if kind else None,
                speaker_type=kind,
            )
            for n, kind in enumerate(kinds)
        ]
    )
    header = panel.model.headerData(3, Qt.Orientation.Horizontal)
    shown = [panel.model.index(row, 3).data() for row in range(4)]
    assert header == "Type"
    assert shown == ["person", "organisation", "unnamed", ""]
