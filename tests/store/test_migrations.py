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


def test_version_2_file_gains_original_text_and_near_duplicate_columns(tmp_path):
    path = tmp_path / "v2.annotator"
    old = sqlite_utils.Database(sqlite3.connect(path))
    migrate(old, target=2)
    text = "Un article enregistré par la version 2."
    old.table("articles").insert(
        {
            "id": "a2",
            "title": "Version 2",
            "outlet": "",
            "author": "",
            "date": "2025-08-15",
            "language": "fr",
            "url": "",
            "source_file": "v2.txt",
            "section": "Monde",
            "text": text,
            "text_hash": text_hash(text),
            "imported_at": "2025-08-15T10:00:00+00:00",
        }
    )
    old.close()

    with Project.open(path) as project:
        assert SCHEMA_VERSION >= 3
        columns = {c.name for c in project.db.table("articles").columns}
        assert {"original_text", "near_duplicate_of"} <= columns
        article = project.article("a2")
        assert (article.text, article.section) == (text, "Monde")
        assert article.original_text == "" and article.near_duplicate_of == ""
        article.original_text, article.text = text + "\n© 2025 AFP", text
        project.update_article(article)
    with Project.open(path) as project:
        assert project.article("a2").original_text.endswith("© 2025 AFP")
        assert project.find_duplicate(text) == "a2"
