import sqlite3

import sqlite_utils

from annotator.store import SCHEMA_VERSION, Project, text_hash
from annotator.store.schema import migrate


def test_version_1_file_is_upgraded_on_open_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.annotator"
    old = sqlite_utils.Database(sqlite3.connect(path))
    migrate(old, target=1)
    old.table("articles").insert(
        {
            "id": "a1",
            "title": "Old article",
            "outlet": "",
            "author": "",
            "date": "2024-01-02",
            "language": "en",
            "url": "",
            "source_file": "old.txt",
            "text": "An article from an older version.",
            "imported_at": "2024-01-02T10:00:00+00:00",
        }
    )
    old.table("categories").insert({"id": "c1", "name": "Claim", "position": 0, "attributes": "[]"})
    old.table("annotations").insert(
        {
            "id": "n1",
            "article_id": "a1",
            "coder": "alice",
            "category_id": "c1",
            "start": 0,
            "end": 10,
            "text": "An article",
            "attributes": "{}",
            "memo": "",
            "created": "x",
            "modified": "x",
        }
    )
    old.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1

    with Project.open(path) as project:
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        article = project.article("a1")
        assert article.title == "Old article" and article.section == ""
        assert project.annotations("a1")[0].text == "An article"
        stored = project.db.execute("select text_hash from articles").fetchone()[0]
        assert stored == text_hash("An article from an older version.")


def test_migrating_twice_changes_nothing(tmp_path):
    path = tmp_path / "p.annotator"
    Project.create(path).close()
    db = sqlite_utils.Database(sqlite3.connect(path))
    assert migrate(db) == SCHEMA_VERSION
