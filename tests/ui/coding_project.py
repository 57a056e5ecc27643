"""A project with a unit codebook (claims with a claimant) and article variables (frames)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.core import Actor, Article, Category, Codebook, Mention, ValueLabel, Variable
from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import TEXT, analysis_for

CLAIM = Category(name="Claim", color="#f06292", shortcut="C", id="claim")
TOPIC = Category(name="Topic", color="#64b5f6", shortcut="T", id="topic")
CLAIMANT = Variable("claimant", "Claimant", "actor", "unit", "claim", required=True, id="claimant")
ADDRESSEE = Variable("addressee", "Addressee", "actor", "unit", "claim", position=1, id="addressee")
POSITION = Variable(
    "position",
    "Position",
    "ordinal",
    "unit",
    "claim",
    values=(ValueLabel("-1", "against"), ValueLabel("0", "neutral"), ValueLabel("+1", "for")),
    required=True,
    position=2,
    id="position",
)
ISSUE = Variable("issue", "Issue", "text", "unit", "claim", position=3, id="issue")
CONFLICT_1 = Variable("conflict_1", "Disagreement?", "yesno", required=True, id="conflict_1")
CONFLICT_2 = Variable(
    "conflict_2", "Reproach?", "yesno", required=True, position=1, id="conflict_2"
)
SOURCES = Variable("sources", "Number of sources", "number", position=2, id="sources")
TONE = Variable(
    "tone",
    "Tone",
    "nominal",
    values=(ValueLabel("1", "positive"), ValueLabel("2", "negative")),
    position=3,
    id="tone",
)
CODEBOOK = Codebook(
    [CLAIM, TOPIC],
    [CLAIMANT, ADDRESSEE, POSITION, ISSUE, CONFLICT_1, CONFLICT_2, SOURCES, TONE],
    name="Claims and frames",
)


def make_coding_project(path: Path, n: int = 2) -> list[str]:
    """Write the project; returns the article ids in list order."""
    ids = []
    with Project.create(path) as project:
        project.install_codebook(CODEBOOK)
        for i in range(n):
            text = TEXT + f"\n\nArticle {i + 1}."
            analysis = analysis_for(text)
            jane = text.index("Jane Smith")
            agency = text.index("Transport Agency")
            analysis.actors = [
                Actor("Jane Smith", mentions=[Mention(jane, jane + 10, "Jane Smith")]),
                Actor(
                    "Transport Agency", "ORG", [Mention(agency, agency + 16, "Transport Agency")]
                ),
            ]
            quote = analysis.quotes[0]
            analysis.quotes[0] = type(quote)(
                *[getattr(quote, f) for f in ("start", "end", "text", "kind", "speaker")],
                quote.speaker_start,
                quote.speaker_end,
                quote.cue,
                analysis.actors[0].id,
            )
            article = Article(text=text, title=f"Tram plan {i + 1}", date=f"2024-05-0{i + 1}")
            project.add_article(article, analysis)
            ids.append(article.id)
    return ids


def open_window(qtbot: QtBot, path: Path, settings: Settings) -> MainWindow:
    """A shown, active window (shortcuts only fire in the active window)."""
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    assert window.open_project(path)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window
