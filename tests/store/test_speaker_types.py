"""Whether a speaker is a person, an organisation or an unnamed source is kept with the quote
(issue 13, item 2), and a person's gender with the actor (item 5): stored, read back, copied
between files and upgraded from older files."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from annotator.core import Analysis, Article, Quote
from annotator.store import Project
from annotator.store.schema import migrate, text_hash

TEXT = "« Nous agirons », estime Matignon. « C'est trop tard », glisse un proche du ministre."


def _analysis() -> Analysis:
    matignon = TEXT.index("Matignon")
    proche = TEXT.index("un proche")
    return Analysis(
        "fr",
        quotes=[
            Quote(
                2,
                15,
                "Nous agirons",
                "direct",
                "Matignon",
                matignon,
                matignon + 8,
                "estime",
                speaker_type="organisation",
            ),
            Quote(
                37,
                53,
                "C'est trop tard",
                "direct",
                "un proche du ministre",
                proche,
                len(TEXT) - 1,
                "glisse",
                speaker_type="descriptor",
            ),
        ],
    )


def test_speaker_types_are_stored_and_read_back(tmp_path):
    path = tmp_path / "p.annotator"
    with Project.create(path) as project:
        project.add_article(Article(text=TEXT, id="a1"), _analysis())
    with Project.open(path) as project:
        types = [(q.speaker, q.speaker_type) for q in project.quotes("a1")]
    assert types == [("Matignon", "organisation"), ("un proche du ministre", "descriptor")]


def test_speaker_types_travel_with_an_article_copied_to_another_file(tmp_path):
    with Project.create(tmp_path / "a.annotator") as source:
        source.add_article(Article(text=TEXT, id="a1"), _analysis())
        suggestions = source.article_suggestions("a1")
    with Project.create(tmp_path / "b.annotator") as target:
        target.add_article(Article(text=TEXT, id="a1"))
        target.copy_suggestions(suggestions)
        assert [q.speaker_type for q in target.quotes("a1")] == ["organisation", "descriptor"]


def test_a_version_6_file_takes_its_quotes_speaker_types_from_their_actors(tmp_path):
    path = tmp_path / "v6.annotator"
    old = sqlite_utils.Database(sqlite3.connect(path))
    migrate(old, target=6)
    old.table("articles").insert({"id": "a1", "text": TEXT, "text_hash": text_hash(TEXT)})
    old.table("actors").insert_all(
        [
            {"id": "p1", "article_id": "a1", "name": "Ann Lee", "type": "PERSON"},
            {"id": "o1", "article_id": "a1", "name": "Matignon", "type": "ORG"},
        ]
    )
    quote = {"article_id": "a1", "text": "x", "kind": "direct", "start": 0}
    old.table("quotes").insert_all(
        [
            {**quote, "start": 0, "speaker": "Ann Lee", "actor_id": "p1"},
            {**quote, "start": 5, "speaker": "Matignon", "actor_id": "o1"},
            {**quote, "start": 9, "speaker": "un proche", "actor_id": None},
            {**quote, "start": 12, "speaker": None, "actor_id": None},
        ]
    )
    old.close()
    with Project.open(path) as project:
        types = [q.speaker_type for q in project.quotes("a1")]
    # Without an actor, nothing says what the speaker is: left unknown rather than guessed.
    assert types == ["person", "organisation", None, None]


def test_a_version_7_file_gives_its_actors_an_unknown_gender_and_keeps_a_coders(tmp_path):
    path = tmp_path / "v7.annotator"
    old = sqlite_utils.Database(sqlite3.connect(path))
    migrate(old, target=7)
    old.table("articles").insert({"id": "a1", "text": TEXT, "text_hash": text_hash(TEXT)})
    old.table("actors").insert(
        {"id": "p1", "article_id": "a1", "name": "Ann Lee", "type": "PERSON", "source": "coder"}
    )
    old.close()
    with Project.open(path) as project:
        [actor] = project.actors("a1")
        assert actor.gender == "unknown"
        actor.gender = "female"
        project.save_actor(actor)
    with Project.open(path) as project:
        assert [a.gender for a in project.actors("a1")] == ["female"]
