"""A small real project for the team tests: articles with suggestions, and a codebook."""

from __future__ import annotations

from pathlib import Path

from annotator.core import (
    Actor,
    Analysis,
    Article,
    Category,
    Codebook,
    Entity,
    Mention,
    Quote,
    ValueLabel,
    Variable,
)
from annotator.store import Project

CLAIM = Category("Claim", color="#f06292", id="cat-claim")
FRAME = Category("Frame", color="#bdbdbd", id="cat-frame")
POSITION = Variable(
    "position",
    "Position",
    "ordinal",
    "unit",
    category_id="cat-claim",
    values=(ValueLabel("-1", "against"), ValueLabel("0"), ValueLabel("+1", "for")),
    id="var-position",
)
CONFLICT = Variable("conflict", "Conflict?", "yesno", "article", id="var-conflict")
TOPIC = Variable(
    "topic",
    "Topic",
    "nominal",
    "article",
    values=(ValueLabel("economy"), ValueLabel("health"), ValueLabel("other")),
    position=1,
    id="var-topic",
)
CODEBOOK = Codebook([CLAIM, FRAME], [POSITION, CONFLICT, TOPIC], name="Team book")


def article_text(number: int) -> str:
    return (
        f"Story {number}\n\nThe minister Claire Dubois said the reform number {number} "
        "would go ahead. Unions disagree."
    )


def make_project(path: Path, articles: int = 20) -> Project:
    """A project file with ``articles`` articles (ids art-000...), each with an entity, a
    quote and an actor; source files story-000.txt..."""
    project = Project.create(path, name="Team study")
    project.install_codebook(CODEBOOK)
    items = []
    for number in range(articles):
        text = article_text(number)
        name_at = text.index("Claire Dubois")
        quote_at = text.index("the reform")
        quote_end = text.index(" would") + len(" would go ahead")
        actor = Actor(
            "Claire Dubois",
            mentions=[Mention(name_at, name_at + 13, "Claire Dubois")],
            id=f"actor-{number:03d}",
        )
        analysis = Analysis(
            "en",
            [Entity(name_at, name_at + 13, "Claire Dubois", "PERSON")],
            [
                Quote(
                    quote_at,
                    quote_end,
                    text[quote_at:quote_end],
                    "indirect",
                    "Claire Dubois",
                    name_at,
                    name_at + 13,
                    "said",
                    actor.id,
                )
            ],
            [actor],
        )
        article = Article(
            text=text,
            title=f"Story {number}",
            source_file=f"story-{number:03d}.txt",
            id=f"art-{number:03d}",
            imported_at=f"2026-01-01T00:00:{number % 60:02d}+00:00",
        )
        items.append((article, analysis))
    project.add_articles(items)
    return project
