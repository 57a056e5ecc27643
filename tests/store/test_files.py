"""Whole-file SQLite work kept in the store: snapshots, restores, counts, and rolling back
what an error left open."""

from __future__ import annotations

import sqlite3

from annotator.core import Article
from annotator.store import Project
from annotator.store.files import (
    copy_database,
    count_articles_and_annotations,
    restore_database,
)


def test_a_snapshot_is_self_contained_and_restores_over_later_changes(tmp_path):
    # A name SQLite's URIs would misread without escaping.
    path = tmp_path / "study #1 ?.annotator"
    with Project.create(path) as project:
        project.add_article(Article(text="First story.", id="a1"))
        copy = tmp_path / "copy.annotator"
        copy_database(path, copy)
        project.add_article(Article(text="Second story.", id="a2"))
    assert not (tmp_path / "copy.annotator-wal").exists()
    assert count_articles_and_annotations(copy) == (1, 0)
    assert count_articles_and_annotations(path) == (2, 0)
    restore_database(copy, path)
    with Project.open(path) as project:
        assert [a.id for a in project.articles()] == ["a1"]


def test_rolling_back_keeps_committed_rows_and_drops_a_half_written_one(tmp_path):
    path = tmp_path / "p.annotator"
    with Project.create(path) as project:
        project.add_article(Article(text="Kept.", id="a1"))
        project.db.conn.execute("begin")
        project.db.conn.execute(
            "insert into articles (id, text, text_hash) values ('a2', 'Lost.', 'x')"
        )
        project.roll_back_open_transaction()
        project.roll_back_open_transaction()  # nothing open: nothing happens
    with sqlite3.connect(path) as conn:
        assert conn.execute("select id from articles").fetchall() == [("a1",)]
