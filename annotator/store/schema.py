"""The project file's schema, as numbered migrations.

A file records its version in ``PRAGMA user_version``. Opening an older file
runs the missing migrations in one transaction; a newer file is refused.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from annotator.core import ValueLabel
from annotator.core.answers import yes_no_code
from annotator.core.models import yes_no_values

Migration = Callable[[sqlite_utils.Database], None]

# Variables made from a category's old JSON attributes get the same id in every file,
# so coders' files upgraded separately still merge.
_ATTRIBUTE_NAMESPACE = uuid.UUID("0b6f8a52-51a1-4f7e-9a43-7c1e0d2f6a90")


def text_hash(text: str) -> str:
    """Fingerprint used to spot an article imported twice (whitespace and quote marks ignored)."""
    # Spaces are dropped altogether: French guillemets come with and without inner spaces.
    flat = re.sub(r"\s+", "", text).lower()
    flat = re.sub(r"[\"“”«»„‟]", '"', flat).replace("’", "'").replace("‘", "'")
    return hashlib.sha1(flat.encode("utf-8")).hexdigest()


def _v1_initial(db: sqlite_utils.Database) -> None:
    db.table("project").create({"key": str, "value": str}, pk="key")
    db.table("articles").create(
        {
            "id": str,
            "title": str,
            "outlet": str,
            "author": str,
            "date": str,
            "language": str,
            "url": str,
            "source_file": str,
            "text": str,
            "imported_at": str,
        },
        pk="id",
    )
    db.table("coders").create({"id": str, "name": str, "created": str}, pk="id")
    db.table("coders").create_index(["name"], unique=True)
    db.table("categories").create(
        {
            "id": str,
            "parent_id": str,
            "name": str,
            "color": str,
            "shortcut": str,
            "description": str,
            "attributes": str,  # JSON list of attribute specs
            "position": int,
        },
        pk="id",
    )
    db.table("annotations").create(
        {
            "id": str,
            "article_id": str,
            "coder": str,
            "category_id": str,
            "start": int,
            "end": int,
            "text": str,
            "attributes": str,  # JSON object
            "memo": str,
            "created": str,
            "modified": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("category_id", "categories", "id")],
    )
    # Machine suggestions live apart from what coders decided.
    db.table("entities").create(
        {"id": int, "article_id": str, "start": int, "end": int, "text": str, "label": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("quotes").create(
        {
            "id": int,
            "article_id": str,
            "start": int,
            "end": int,
            "text": str,
            "kind": str,
            "speaker": str,
            "speaker_start": int,
            "speaker_end": int,
            "cue": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )


def _v2_section_hash_indexes(db: sqlite_utils.Database) -> None:
    articles = db.table("articles")
    articles.add_column("section", str, not_null_default="")
    articles.add_column("text_hash", str)
    for row in db.query("select id, text from articles"):
        db.execute(
            "update articles set text_hash = ? where id = ?", [text_hash(row["text"]), row["id"]]
        )
    articles.create_index(["text_hash"])
    for table in ("annotations", "entities", "quotes"):
        db.table(table).create_index(["article_id"])


def _v3_original_text_near_duplicates(db: sqlite_utils.Database) -> None:
    # Empty original_text means the text was stored as read (nothing was cleaned).
    articles = db.table("articles")
    articles.add_column("original_text", str, not_null_default="")
    articles.add_column("near_duplicate_of", str, not_null_default="")


def _v4_variables_codings_actors(db: sqlite_utils.Database) -> None:
    # Unit attributes leave the categories' JSON for a table of their own, joined by
    # article-level variables; annotation attributes become keyed by variable id.
    db.table("variables").create(
        {
            "id": str,
            "category_id": str,
            "level": str,
            "name": str,
            "label": str,
            "kind": str,
            "description": str,
            "examples": str,  # JSON list
            "values": str,  # JSON list of {"code", "label"}
            "required": int,
            "position": int,
        },
        pk="id",
    )
    db.table("variables").create_index(["category_id"])
    renames: dict[str, dict[str, str]] = {}
    for row in db.query("select id, attributes from categories"):
        for position, spec in enumerate(json.loads(row["attributes"] or "[]")):
            variable_id = str(uuid.uuid5(_ATTRIBUTE_NAMESPACE, f"{row['id']}/{spec['name']}"))
            renames.setdefault(row["id"], {})[spec["name"]] = variable_id
            db.table("variables").insert(
                {
                    "id": variable_id,
                    "category_id": row["id"],
                    "level": "unit",
                    "name": spec["name"],
                    "label": spec.get("label", spec["name"]),
                    "kind": spec.get("kind", "text"),
                    "description": "",
                    "examples": "[]",
                    "values": json.dumps([{"code": v, "label": v} for v in spec.get("values", [])]),
                    "required": 0,
                    "position": position,
                }
            )
    db.execute("update categories set attributes = '[]'")
    for row in db.query("select id, category_id, attributes from annotations"):
        names = renames.get(row["category_id"], {})
        values = json.loads(row["attributes"] or "{}")
        if values:
            keyed = {names.get(key, key): value for key, value in values.items()}
            db.execute(
                "update annotations set attributes = ? where id = ?",
                [json.dumps(keyed, ensure_ascii=False), row["id"]],
            )
    db.table("annotations").create_index(["article_id", "coder"])
    db.table("codings").create(
        {
            "id": str,
            "article_id": str,
            "variable_id": str,
            "coder": str,
            "value": str,  # JSON
            "modified": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("variable_id", "variables", "id")],
    )
    db.table("codings").create_index(["article_id", "coder", "variable_id"], unique=True)
    db.table("codings").create_index(["variable_id"])
    db.table("article_status").create(
        {"article_id": str, "coder": str, "done": int, "memo": str, "modified": str},
        pk=("article_id", "coder"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("actors").create(
        {"id": str, "article_id": str, "name": str, "type": str, "source": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("actors").create_index(["article_id"])
    db.table("mentions").create(
        {"id": int, "actor_id": str, "start": int, "end": int, "text": str},
        pk="id",
        foreign_keys=[("actor_id", "actors", "id")],
    )
    db.table("mentions").create_index(["actor_id"])
    db.table("quotes").add_column("actor_id", str)
    db.table("decisions").create(
        {
            "id": str,
            "article_id": str,
            "coder": str,
            "target": str,
            "decision": str,
            "suggestion": str,  # JSON
            "result": str,  # JSON
            "annotation_id": str,
            "created": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("decisions").create_index(["article_id"])
    # Full-text search over titles and texts, kept in step by triggers.
    db.table("articles").enable_fts(
        ["title", "text"], tokenize="unicode61 remove_diacritics 2", create_triggers=True
    )


def _v5_assignments_yes_no(db: sqlite_utils.Database) -> None:
    # Which articles each coder was given to code (by split): a coder who was given an
    # article and coded nothing there is missing data (or "no span"), not absent.
    db.table("assignments").create(
        {"article_id": str, "coder": str, "source": str, "assigned": str},
        pk=("article_id", "coder"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("assignments").create_index(["coder"])
    row = db.execute("select value from project where key = 'split'").fetchone()
    manifest = _json_object(row[0]) if row else {}
    coder, articles = manifest.get("coder"), manifest.get("articles")
    if isinstance(coder, str) and isinstance(articles, list):
        db.conn.executemany(
            "insert or ignore into assignments (article_id, coder, source, assigned)"
            " select id, ?, 'split', ? from articles where id = ?",
            [(coder, str(manifest.get("made") or ""), str(a)) for a in articles],
        )
    _canonical_yes_no(db)


def _json_object(text: str) -> dict[str, object]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _canonical_yes_no(db: sqlite_utils.Database) -> None:
    """Yes/no answers, and the codes of yes/no variables, as ``"1"`` and ``"0"``."""
    variables = db.query("select id, level, [values] from variables where kind = 'yesno'")
    for row in variables:
        stored = json.loads(row["values"] or "[]")
        labels = [ValueLabel(str(v["code"]), str(v.get("label") or "")) for v in stored]
        canonical = yes_no_values(tuple(labels))
        db.execute(
            "update variables set [values] = ? where id = ?",
            [json.dumps([{"code": v.code, "label": v.label} for v in canonical]), row["id"]],
        )
        if row["level"] == "article":
            updates = []
            for coding_id, value in db.execute(
                "select id, value from codings where variable_id = ?", [row["id"]]
            ).fetchall():
                code = yes_no_code(json.loads(value), labels)
                if code is not None:
                    updates.append((json.dumps(code), coding_id))
            db.conn.executemany("update codings set value = ? where id = ?", updates)
            continue
        path = "$." + json.dumps(row["id"])
        for annotation_id, value in db.execute(
            "select id, json_extract(attributes, ?) from annotations"
            " where json_extract(attributes, ?) is not null",
            [path, path],
        ).fetchall():
            code = yes_no_code(value, labels)
            if code is not None:
                db.execute(
                    "update annotations set attributes = json_set(attributes, ?, ?) where id = ?",
                    [path, code, annotation_id],
                )


def _v6_unique_texts(db: sqlite_utils.Database) -> None:
    # One article per text, kept by the database itself: two imports running at once can
    # no longer both find a text missing and both add it. Duplicates stored before this
    # (they may hold codes) stay, marked as the duplicate of the first; only unmarked
    # articles must have a text of their own.
    db.table("articles").add_column("duplicate_of", str, not_null_default="")
    db.execute(
        "update articles set duplicate_of = (select first.id from articles first"
        " where first.text_hash = articles.text_hash and first.rowid < articles.rowid"
        " order by first.rowid limit 1)"
        " where exists (select 1 from articles first"
        " where first.text_hash = articles.text_hash and first.rowid < articles.rowid)"
    )
    db.execute(
        "create unique index articles_unique_text on articles (text_hash) where duplicate_of = ''"
    )


def _v7_speaker_types(db: sqlite_utils.Database) -> None:
    # Whether a quote's speaker is a person, an organisation or an unnamed source described
    # ("un proche du président"). Quotes stored before take it from their actor's type.
    db.table("quotes").add_column("speaker_type", str)
    db.execute(
        "update quotes set speaker_type = (select case a.type when 'PERSON' then 'person'"
        " when 'ORG' then 'organisation' end from actors a where a.id = quotes.actor_id)"
        " where speaker is not null"
    )


def _v8_actor_gender(db: sqlite_utils.Database) -> None:
    # A person's gender as the article gives it, for source-diversity studies; actors
    # found before are "unknown" until pre-annotated again or set by a coder.
    db.table("actors").add_column("gender", str, not_null_default="unknown")


def _v9_code_suggestions(db: sqlite_utils.Database) -> None:
    # What a classifier trained on the coders' codes predicts for articles not coded yet
    # (annotator suggest): suggestions, never codes, one per article and variable.
    db.table("code_suggestions").create(
        {"article_id": str, "variable_id": str, "value": str, "confidence": float, "made": str},
        pk=("article_id", "variable_id"),
        foreign_keys=[("article_id", "articles", "id"), ("variable_id", "variables", "id")],
    )
    db.table("code_suggestions").create_index(["variable_id"])


def _v10_unit_suggestions(db: sqlite_utils.Database) -> None:
    # What a classifier trained on the coded units predicts for a unit's variable not
    # coded yet (a claim's position): suggestions, never codes, one per unit and variable.
    # Keyed by the unit's annotation id without a foreign key, so deleting a span needs no
    # extra step: a suggestion whose span is gone is never read (reads join annotations).
    db.table("unit_suggestions").create(
        {
            "annotation_id": str,
            "variable_id": str,
            "article_id": str,
            "value": str,
            "confidence": float,
            "made": str,
        },
        pk=("annotation_id", "variable_id"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("unit_suggestions").create_index(["variable_id"])
    db.table("unit_suggestions").create_index(["article_id"])


MIGRATIONS: list[Migration] = [
    _v1_initial,
    _v2_section_hash_indexes,
    _v3_original_text_near_duplicates,
    _v4_variables_codings_actors,
    _v5_assignments_yes_no,
    _v6_unique_texts,
    _v7_speaker_types,
    _v8_actor_gender,
    _v9_code_suggestions,
    _v10_unit_suggestions,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, target: int = SCHEMA_VERSION) -> int:
    """Bring ``db`` up to ``target``; returns the version it had before."""
    before = schema_version(db)
    if before >= target:
        return before
    with db.atomic():
        for number in range(before, target):
            MIGRATIONS[number](db)
        db.execute(f"PRAGMA user_version = {int(target)}")
    return before


@functools.cache
def _expected_tables() -> dict[str, tuple[str, ...]]:
    """The tables and columns the migrations make, from an empty database made with them."""
    db = sqlite_utils.Database(memory=True)
    migrate(db)
    return {name: tuple(column.name for column in db[name].columns) for name in db.table_names()}


def schema_problems(db: sqlite_utils.Database) -> list[str]:
    """What a file at the current version lacks of the schema (a table or column dropped by
    another program); empty when nothing is missing."""
    problems = []
    present = set(db.table_names())
    for table, columns in _expected_tables().items():
        if table not in present:
            problems.append(f"the table “{table}” is missing")
            continue
        have = {column.name for column in db[table].columns}
        missing = [c for c in columns if c not in have]
        if missing:
            problems.append(f"the table “{table}” lacks " + ", ".join(f"“{c}”" for c in missing))
    return problems


def altered(path: Path, db: sqlite_utils.Database) -> str:
    """Why a file another program altered cannot be used (every command would fail on it
    half-way), or "" when its schema is whole."""
    problems = schema_problems(db)
    if not problems:
        return ""
    return (
        f"{path}: the project file was altered by another program ({'; '.join(problems)}),"
        " so Annotator cannot use it; open a backup of it or the coder's original file"
    )
