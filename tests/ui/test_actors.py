"""The Actors tab: listing, highlighting mentions and quotes, rename/merge/split with undo."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.core import Actor, Analysis, Article, Mention, Quote
from annotator.services.settings import Settings
from annotator.store import Project
from tests.ui.test_main_window import open_window

TEXT = (
    "Mayor Anna Berg opened the line. “It is a great day,” said Berg.\n\n"
    "Berg, the transport union's leader Tom Berg said, was wrong."
)


def make(tmp_path: Path) -> Path:
    path = tmp_path / "actors.annotator"

    def at(word: str, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(word, start + 1)
        return Mention(start, start + len(word), word)

    anna = Actor(
        "Anna Berg", mentions=[at("Anna Berg"), at("Berg", 1), at("Berg", 2)], gender="female"
    )
    tom = Actor("Tom Berg", mentions=[at("Tom Berg")])
    union = Actor("transport union", "ORG", mentions=[at("transport union")])
    q = TEXT.index("It is")
    said_berg = at("Berg", 1)
    quote = Quote(
        q,
        q + 15,
        TEXT[q : q + 15],
        "direct",
        "Berg",
        said_berg.start,
        said_berg.end,
        "said",
        anna.id,
    )
    with Project.create(path) as project:
        project.add_article(
            Article(text=TEXT, title="Tram"),
            Analysis("en", quotes=[quote], actors=[anna, tom, union]),
        )
    return path


def test_actors_are_listed_and_a_click_highlights_mentions_and_quotes(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, make(tmp_path), settings)
    panel = window.actors.panel
    model = panel.model
    rows = [[model.data(model.index(r, c)) for c in range(5)] for r in range(model.rowCount())]
    assert rows[0] == ["Anna Berg", "person", "female", "3", "1"]
    assert ["Tom Berg", "person", "unknown", "1", "0"] in rows
    assert ["transport union", "organisation", "", "1", "0"] in rows
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "Actors (3)"
    panel.view.selectRow(0)
    # Three mentions and one quote drawn over the text.
    assert len(window.reader.text.extraSelections()) == 4
    panel.view.clearSelection()
    assert window.reader.text.extraSelections() == []


def test_rename_merge_split_are_saved_and_undone(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = make(tmp_path)
    window = open_window(qtbot, path, settings)
    actions = window.actors
    article_id = window.reader.article.id
    by_name = {a.name: a for a in window.project.actors(article_id)}
    anna, tom = by_name["Anna Berg"], by_name["Tom Berg"]

    assert actions.rename_to(anna.id, "Anna Berg (mayor)")
    assert window.project.actors(article_id)[0].name == "Anna Berg (mayor)"
    assert window.project.actors(article_id)[0].source == "coder"

    assert actions.merge_into(anna.id, [tom.id], "Berg family")
    merged = window.project.actors(article_id)
    assert [a.name for a in merged] == ["Berg family", "transport union"]
    assert len(merged[0].mentions) == 4

    window.coding.stack.undo()
    assert {a.name for a in window.project.actors(article_id)} == {
        "Anna Berg (mayor)",
        "Tom Berg",
        "transport union",
    }
    window.coding.stack.undo()
    assert window.project.actors(article_id)[0].name == "Anna Berg"
    assert window.actors.panel.model.actors[0].name == "Anna Berg"

    # The second "Berg" (the speaker of the quote) is someone else: the quote goes along.
    speaker = anna.mentions[1]
    assert actions.split_off(anna.id, [speaker], "Another Berg")
    names = {a.name: a for a in window.project.actors(article_id)}
    assert [m.text for m in names["Another Berg"].mentions] == ["Berg"]
    assert window.project.quotes(article_id)[0].actor_id == names["Another Berg"].id
    window.coding.stack.undo()
    assert window.project.quotes(article_id)[0].actor_id == anna.id
    window.close()
    with Project.open(path) as project:
        assert len(project.actors(article_id)[0].mentions) == 3


def test_keys_accept_and_reject_suggested_actors_and_record_the_decisions(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    from PySide6.QtCore import Qt

    window = open_window(qtbot, make(tmp_path), settings, active=True)
    panel = window.actors.panel
    article_id = window.reader.article.id
    names = [a.name for a in panel.model.actors]
    panel.view.setFocus()
    panel.view.selectRow(names.index("transport union"))
    qtbot.keyClick(panel.view, Qt.Key.Key_R)
    assert "transport union" not in {a.name for a in window.project.actors(article_id)}
    panel.view.selectRow(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_A)
    anna = window.project.actors(article_id)[0]
    assert anna.name == "Anna Berg" and anna.source == "coder"
    decisions = window.project.decisions(article_id)
    assert [(d.target, d.decision, d.suggestion["name"]) for d in decisions] == [
        ("actor", "rejected", "transport union"),
        ("actor", "accepted", "Anna Berg"),
    ]
    # No code was made by the keys (the codebook has no category on A or R here, and the
    # list took them first anyway); undo takes the acceptance back with its record.
    window.coding.stack.undo()
    assert window.project.actors(article_id)[0].source == "machine"
    assert len(window.project.decisions(article_id)) == 1


def test_a_coder_sets_a_persons_gender_saved_recorded_and_undone(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = make(tmp_path)
    window = open_window(qtbot, path, settings)
    panel = window.actors.panel
    names = [a.name for a in panel.model.actors]
    panel.view.selectRow(names.index("transport union"))
    assert not panel.gender_button.isEnabled()  # organisations have no gender
    panel.view.selectRow(names.index("Tom Berg"))
    assert panel.gender_button.isEnabled()
    male = next(a for a in panel.gender_menu.actions() if a.data() == "male")
    male.trigger()

    with Project.open(path) as project:
        article_id = project.articles()[0].id
        tom = next(a for a in project.actors(article_id) if a.name == "Tom Berg")
        assert (tom.gender, tom.source) == ("male", "coder")
        [decision] = project.decisions(article_id)
        assert decision.suggestion["gender"] == "unknown"
        assert decision.result["gender"] == "male"
    row = [a.name for a in panel.model.actors].index("Tom Berg")
    assert panel.model.index(row, 2).data() == "male"

    window.coding.stack.undo()
    with Project.open(path) as project:
        tom = next(a for a in project.actors(article_id) if a.name == "Tom Berg")
        assert tom.gender == "unknown"
