"""Real widgets on the offscreen platform, over real project files in tmp_path."""

from __future__ import annotations

import os

# Before pytest-qt creates the QApplication: no display is needed to run the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from annotator.core import Analysis, Article, Category, Codebook, Entity, Quote  # noqa: E402
from annotator.services.settings import Settings  # noqa: E402
from annotator.store import Project  # noqa: E402

TEXT = (
    "Minister Jane Smith met the mayor of Lyon on Monday.\n\n"
    "“We will build the tram,” said Jane Smith, speaking for the Transport Agency.\n\n"
    "The council said that the budget was too small."
)
CLAIM = Category(name="Claim", color="#e57373", shortcut="C", id="cat-claim")
ACTOR = Category(name="Actor", color="#64b5f6", shortcut="A", id="cat-actor")
CLAIMANT = Category(name="Claimant", color="#81c784", parent_id="cat-claim", id="cat-claimant")


def analysis_for(text: str) -> Analysis:
    """Entities and quotes placed by hand, so that no NLP pipeline is needed."""

    def at(word: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return start, start + len(word)

    quote_start, quote_end = at("We will build the tram,")
    speaker_start, speaker_end = at("Jane Smith", 1)
    return Analysis(
        language="en",
        entities=[
            Entity(*at("Jane Smith"), "Jane Smith", "PERSON"),
            Entity(*at("Lyon"), "Lyon", "PLACE"),
            Entity(*at("Monday"), "Monday", "OTHER"),
            Entity(*at("Transport Agency"), "Transport Agency", "ORG"),
        ],
        quotes=[
            Quote(
                quote_start,
                quote_end,
                text[quote_start:quote_end],
                "direct",
                "Jane Smith",
                speaker_start,
                speaker_end,
                "said",
            ),
            Quote(*at("the budget was too small"), "the budget was too small", "indirect"),
        ],
    )


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and the demo project go to tmp_path, never to the real user folder."""
    data = tmp_path / "userdata"
    data.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data


@pytest.fixture
def settings() -> Settings:
    return Settings(coder="alice")


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """A project file with the test codebook and ``n`` articles; returns its path."""

    def make(n: int = 2, name: str = "study.annotator") -> Path:
        path = tmp_path / name
        with Project.create(path) as project:
            project.install_codebook(Codebook([CLAIM, CLAIMANT, ACTOR]))
            for i in range(n):
                article = Article(
                    text=TEXT,
                    title=f"Tram plan {i + 1}",
                    outlet="Daily Test",
                    date=f"2024-05-0{i + 1}",
                    language="en",
                )
                # Different texts: the store treats equal texts as duplicates.
                article.text = TEXT + f"\n\nArticle {i + 1}."
                project.add_article(article, analysis_for(article.text))
        return path

    return make


@pytest.fixture
def project_path(make_project: Callable[..., Path]) -> Iterator[Path]:
    yield make_project()
