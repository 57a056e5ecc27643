"""Read-only streams over a whole project, for exports.

Rows come from SQL cursors one at a time, in the articles' import order, so an export
of a large project keeps a flat memory profile instead of building lists of everything.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from annotator.core import Annotation
from annotator.store.rows import annotation_from_row

#: Every ordered read joins the articles and sorts by this, so all sheets list articles alike.
_ARTICLE_ORDER = "a.imported_at, a.rowid"


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """An article's metadata and counts, without its text."""

    id: str
    title: str
    outlet: str
    author: str
    date: str | None
    language: str
    section: str
    url: str
    source_file: str
    imported_at: str
    near_duplicate_of: str
    words: int
    annotations: int


def _db(project: Any) -> sqlite_utils.Database:
    return project.db if hasattr(project, "db") else project


def article_meta(project: Any) -> Iterator[ArticleMeta]:
    """Every article's metadata with its word count and number of annotations."""
    db = _db(project)
    db.conn.create_function("annotator_words", 1, _word_count, deterministic=True)
    rows = db.execute(
        "select a.id, a.title, a.outlet, a.author, a.date, a.language, a.section, a.url,"
        " a.source_file, a.imported_at, a.near_duplicate_of, annotator_words(a.text),"
        " (select count(*) from annotations n where n.article_id = a.id)"
        f" from articles a order by {_ARTICLE_ORDER}"
    )
    for row in rows:
        t = ["" if value is None else str(value) for value in row[:11]]
        yield ArticleMeta(
            id=t[0],
            title=t[1],
            outlet=t[2],
            author=t[3],
            date=row[4] or None,
            language=t[5],
            section=t[6],
            url=t[7],
            source_file=t[8],
            imported_at=t[9],
            near_duplicate_of=t[10],
            words=int(row[11]),
            annotations=int(row[12]),
        )


def _word_count(text: str | None) -> int:
    return len(text.split()) if text else 0


def article_texts(project: Any) -> Iterator[tuple[str, str, str, str]]:
    """(id, title, text, imported_at) of every article, one at a time."""
    rows = _db(project).execute(
        f"select a.id, a.title, a.text, a.imported_at from articles a order by {_ARTICLE_ORDER}"
    )
    for article_id, title, text, imported_at in rows:
        yield article_id, title or "", text or "", imported_at or ""


def coded_pairs(project: Any) -> Iterator[tuple[str, str]]:
    """(article id, coder) for every coder who coded, annotated or marked an article."""
    rows = _db(project).execute(
        "with pairs(article_id, coder) as ("
        " select article_id, coder from codings union"
        " select article_id, coder from annotations union"
        " select article_id, coder from article_status)"
        f" select p.article_id, p.coder from pairs p join articles a on a.id = p.article_id"
        f" order by {_ARTICLE_ORDER}, p.coder"
    )
    yield from ((r[0], r[1]) for r in rows)


def coder_rows(project: Any) -> Iterator[tuple[str, str, bool, bool, int, dict[str, Any]]]:
    """(article id, coder, assigned, marked done, number of annotations, values by variable
    id) for every coder who was given, coded, annotated or marked an article, in one query."""
    rows = _db(project).execute(
        "with pairs(article_id, coder) as ("
        " select article_id, coder from assignments union"
        " select article_id, coder from codings union"
        " select article_id, coder from annotations union"
        " select article_id, coder from article_status)"
        " select p.article_id, p.coder,"
        " exists (select 1 from assignments g"
        "  where g.article_id = p.article_id and g.coder = p.coder),"
        " (select s.done from article_status s"
        "  where s.article_id = p.article_id and s.coder = p.coder),"
        " (select count(*) from annotations n"
        "  where n.article_id = p.article_id and n.coder = p.coder),"
        " (select json_group_object(c.variable_id, c.value) from codings c"
        "  where c.article_id = p.article_id and c.coder = p.coder)"
        f" from pairs p join articles a on a.id = p.article_id order by {_ARTICLE_ORDER}, p.coder"
    )
    for article_id, coder, assigned, done, spans, values in rows:
        # Each value is JSON text of its own, carried as a string inside the object.
        coded = {key: json.loads(value) for key, value in json.loads(values or "{}").items()}
        yield article_id, coder, bool(assigned), bool(done), int(spans), coded


def all_annotations(project: Any, category_ids: list[str] | None = None) -> Iterator[Annotation]:
    """Every annotation (or those of the given categories), by article, then offset, then coder."""
    where, args = "", []
    if category_ids is not None:
        if not category_ids:
            return
        where = f" where n.category_id in ({','.join('?' * len(category_ids))})"
        args = list(category_ids)
    cursor = _db(project).execute(
        f"select n.* from annotations n join articles a on a.id = n.article_id{where}"
        f" order by {_ARTICLE_ORDER}, n.start, n.end, n.coder, n.rowid",
        args,
    )
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield annotation_from_row(dict(zip(names, row, strict=True)))


def article_annotations(project: Any, article_id: str) -> list[Annotation]:
    """The annotations of one article, in text order."""
    cursor = _db(project).execute(
        "select * from annotations where article_id = ? order by start, end, coder, rowid",
        [article_id],
    )
    names = [d[0] for d in cursor.description]
    return [annotation_from_row(dict(zip(names, row, strict=True))) for row in cursor]


def article_header(project: Any, article_id: str) -> tuple[str, str, str | None, str] | None:
    """(title, outlet, date, language) of one article, or None when there is no such article."""
    row = (
        _db(project)
        .execute("select title, outlet, date, language from articles where id = ?", [article_id])
        .fetchone()
    )
    return None if row is None else (row[0] or "", row[1] or "", row[2], row[3] or "")


def actor_names(project: Any, article_id: str) -> dict[str, str]:
    """Actor id to name for one article."""
    rows = _db(project).execute("select id, name from actors where article_id = ?", [article_id])
    return {actor_id: name for actor_id, name in rows}


def actor_rows(project: Any) -> Iterator[tuple[str, str, str, str, str, str, int, int]]:
    """(article id, actor id, name, type, gender, source, mentions, quotes) of every actor."""
    rows = _db(project).execute(
        "select r.article_id, r.id, r.name, r.type, r.gender, r.source,"
        " (select count(*) from mentions m where m.actor_id = r.id),"
        " (select count(*) from quotes q where q.article_id = r.article_id"
        "  and q.actor_id = r.id)"
        " from actors r join articles a on a.id = r.article_id"
        f" order by {_ARTICLE_ORDER}, r.name, r.id"
    )
    yield from (tuple(r) for r in rows)


def span_counts_by_outlet(project: Any, coder: str | None = None) -> Iterator[tuple[str, str, int]]:
    """(outlet, category id, number of spans) over every article, or one coder's spans."""
    rows = _db(project).execute(
        "select a.outlet, n.category_id, count(*)"
        " from annotations n join articles a on a.id = n.article_id"
        + (" where n.coder = ?" if coder else "")
        + " group by 1, 2",
        [coder] if coder else [],
    )
    yield from ((outlet or "", category, count) for outlet, category, count in rows)


def article_months(project: Any) -> Iterator[tuple[str, str]]:
    """(article id, "YYYY-MM" of its date, or "") of every article."""
    rows = _db(project).execute("select id, substr(date, 1, 7) from articles")
    yield from ((article_id, month or "") for article_id, month in rows)


def most_quoted(project: Any, limit: int) -> list[tuple[str, int]]:
    """(actor name, number of quotes) of the most quoted actors, all articles together."""
    rows = _db(project).execute(
        "select r.name, count(*) from quotes q join actors r on r.id = q.actor_id"
        " group by r.name, r.type order by 2 desc, 1 limit ?",
        [limit],
    )
    return [(name, count) for name, count in rows]


def quoted_people(project: Any) -> Iterator[tuple[str, str, str]]:
    """(outlet, month "YYYY-MM" or "", gender) of every person quoted at least once in an
    article (one row per article and person, whatever the number of quotes)."""
    rows = _db(project).execute(
        "select a.outlet, substr(a.date, 1, 7), r.gender from actors r"
        " join articles a on a.id = r.article_id"
        " where r.type = 'PERSON' and exists (select 1 from quotes q"
        " where q.article_id = r.article_id and q.actor_id = r.id)"
    )
    yield from ((outlet or "", month or "", gender) for outlet, month, gender in rows)


def quote_rows(project: Any) -> Iterator[tuple[Any, ...]]:
    """(article id, kind, speaker, speaker type, cue, text, start, end, actor name, actor's
    gender) of every suggested quote."""
    rows = _db(project).execute(
        "select q.article_id, q.kind, q.speaker, q.speaker_type, q.cue, q.text, q.start, q.end,"
        " (select r.name from actors r where r.id = q.actor_id),"
        " (select r.gender from actors r where r.id = q.actor_id and r.type = 'PERSON')"
        f" from quotes q join articles a on a.id = q.article_id order by {_ARTICLE_ORDER}, q.start"
    )
    yield from (tuple(r) for r in rows)


def decision_rows(project: Any) -> Iterator[tuple[Any, ...]]:
    """(article id, title, coder, target, decision, suggestion JSON, result JSON, annotation
    id, created) of every decision on a suggestion, by article, coder and time."""
    rows = _db(project).execute(
        "select d.article_id, a.title, d.coder, d.target, d.decision, d.suggestion, d.result,"
        " d.annotation_id, d.created from decisions d join articles a on a.id = d.article_id"
        f" order by {_ARTICLE_ORDER}, d.coder, d.created, d.rowid"
    )
    yield from (tuple(r) for r in rows)


def coder_ids(project: Any) -> dict[str, str]:
    """Coder name to the coder's stable id."""
    return {name: cid for cid, name in _db(project).execute("select id, name from coders")}


def codings(project: Any) -> Iterator[tuple[str, str, str, Any, str]]:
    """(article id, coder, variable id, value, modified) of every article-level value."""
    rows = _db(project).execute(
        "select c.article_id, c.coder, c.variable_id, c.value, c.modified from codings c"
        f" join articles a on a.id = c.article_id order by {_ARTICLE_ORDER}, c.coder, c.rowid"
    )
    for article_id, coder, variable_id, value, modified in rows:
        yield article_id, coder, variable_id, json.loads(value), modified
