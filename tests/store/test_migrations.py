import json
import sqlite3

import pytest
import sqlite_utils

from annotator.core import Article
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


def _v4_file(path):
    """A schema-4 file as a coder received it from split: two articles, one given to alice,
    yes/no answers in the spellings older versions and imports wrote."""
    old = sqlite_utils.Database(sqlite3.connect(path))
    migrate(old, target=4)
    for number in (1, 2):
        old.table("articles").insert(
            {
                "id": f"a{number}",
                "title": f"Article {number}",
                "text": f"Text of article {number}.",
                "text_hash": text_hash(f"Text of article {number}."),
                "imported_at": f"2025-01-0{number}T10:00:00+00:00",
            }
        )
    manifest = {"coder": "alice", "coders": ["alice", "bob"], "articles": ["a1"], "made": "t"}
    old.table("project").insert({"key": "split", "value": json.dumps(manifest)})
    yes_no = {"code": "oui", "label": "Oui"}, {"code": "non", "label": "Non"}
    old.table("variables").insert_all(
        [
            {
                "id": "v1",
                "level": "article",
                "name": "conflict_1",
                "kind": "yesno",
                "values": json.dumps(list(yes_no)),
                "position": 0,
            },
            {
                "id": "v2",
                "level": "article",
                "name": "conflict_2",
                "kind": "yesno",
                "values": "[]",
                "position": 1,
            },
            {
                "id": "v3",
                "level": "unit",
                "category_id": "c1",
                "name": "quoted",
                "kind": "yesno",
                "values": "[]",
                "position": 0,
            },
        ]
    )
    old.table("categories").insert({"id": "c1", "name": "Claim", "position": 0})
    codings = [("a1", "v1", "non"), ("a2", "v1", "oui"), ("a1", "v2", True), ("a2", "v2", "no")]
    for number, (article, variable, value) in enumerate(codings):
        old.table("codings").insert(
            {
                "id": f"k{number}",
                "article_id": article,
                "variable_id": variable,
                "coder": "alice",
                "value": json.dumps(value),
                "modified": "t",
            }
        )
    old.table("annotations").insert(
        {
            "id": "n1",
            "article_id": "a1",
            "coder": "alice",
            "category_id": "c1",
            "start": 0,
            "end": 4,
            "text": "Text",
            "attributes": json.dumps({"v3": "Yes"}),
            "memo": "",
            "created": "t",
            "modified": "t",
        }
    )
    old.close()


def test_version_4_file_gains_assignments_from_its_split_manifest(tmp_path):
    path = tmp_path / "v4.annotator"
    _v4_file(path)
    with Project.open(path) as project:
        assert project.assignments() == [("a1", "alice")]
        assert project.assignments("bob") == []


def test_version_4_yes_no_answers_become_1_and_0_whatever_their_spelling(tmp_path):
    path = tmp_path / "v4.annotator"
    _v4_file(path)
    with Project.open(path) as project:
        values = {(c.article_id, c.variable_id): c.value for c in project.codings()}
        assert values == {
            ("a1", "v1"): "0",
            ("a2", "v1"): "1",
            ("a1", "v2"): "1",
            ("a2", "v2"): "0",
        }
        [variable] = [v for v in project.codebook().variables if v.id == "v1"]
        assert [(v.code, v.label) for v in variable.values] == [("1", "Oui"), ("0", "Non")]
        assert project.annotations()[0].attributes == {"v3": "1"}
        stored = project.db.execute("select [values] from variables where id = 'v1'").fetchone()
        assert json.loads(stored[0])[0]["code"] == "1"


def test_version_5_file_that_holds_duplicates_keeps_them_marked_and_refuses_new_ones(tmp_path):
    """Two imports run at once used to store a text twice; such a file still opens, keeps
    both copies (codes may hang on either), and takes no third."""
    path = tmp_path / "v5.annotator"
    old = sqlite_utils.Database(sqlite3.connect(path))
    migrate(old, target=5)
    for number, article_id in enumerate(["a1", "a2", "a3", "b1"]):
        text = "The same story." if article_id.startswith("a") else "Another story."
        old.table("articles").insert(
            {
                "id": article_id,
                "title": f"Copy {number}",
                "text": text,
                "text_hash": text_hash(text),
                "imported_at": f"2024-01-0{number + 1}",
            }
        )
    old.close()

    with Project.open(path) as project:
        marks = dict(project.db.execute("select id, duplicate_of from articles").fetchall())
        assert marks == {"a1": "", "a2": "a1", "a3": "a1", "b1": ""}
        assert project.article_count() == 4
        assert project.add_article(Article(text="The  same story.", id="a4")) is False
        assert project.add_article(Article(text="A third story.", id="c1")) is True
        assert project.article_count() == 5
        # Raw SQL cannot add an unmarked copy either: the key is the database's own.
        with pytest.raises(sqlite3.IntegrityError):
            project.db.execute(
                "insert into articles (id, text, text_hash) values ('x', 't', ?)",
                [text_hash("Another story.")],
            )
