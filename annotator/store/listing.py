"""The article list: one summary row per article, filtered and with each coder's progress."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

import sqlite_utils

ArticleState = Literal["all", "uncoded", "coded", "incomplete", "done", "todo"]
ARTICLE_STATES: tuple[ArticleState, ...] = ("all", "uncoded", "coded", "incomplete", "done", "todo")


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list.

    Counts are the coder's own when the list is read for a coder, everyone's otherwise.
    ``missing`` is how many required article-level variables the coder has not answered.
    """

    id: str
    title: str
    outlet: str
    date: str | None
    language: str
    source_file: str
    annotation_count: int
    coding_count: int = 0
    done: bool = False
    missing: int = 0

    @property
    def coded(self) -> bool:
        return self.annotation_count > 0 or self.coding_count > 0

    @property
    def incomplete(self) -> bool:
        """Started but with required variables unanswered."""
        return self.coded and self.missing > 0 and not self.done


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """What the article list shows; empty fields do not filter."""

    outlet: str = ""
    language: str = ""
    date_from: str = ""
    date_to: str = ""
    state: ArticleState = "all"
    #: Only articles with a suggested quote by an actor whose name contains this.
    quoted_actor: str = ""
    #: Only these articles (the hits of a full-text search), in this order.
    ids: tuple[str, ...] | None = field(default=None)


_STATE_SQL = {
    "all": "",
    "uncoded": "n = 0 and k = 0",
    "coded": "(n > 0 or k > 0)",
    "incomplete": "(n > 0 or k > 0) and missing > 0 and done = 0",
    "done": "done = 1",
    "todo": "done = 0",
}


class ListingStore:
    """Article summaries over ``self.db``."""

    db: sqlite_utils.Database

    def articles(
        self, coder: str | None = None, where: ArticleFilter | None = None
    ) -> list[ArticleSummary]:
        """Articles in import order (or search order), with counts and the coder's progress."""
        where = where or ArticleFilter()
        args: dict[str, Any] = {"coder": coder}
        mine = "and x.coder = :coder" if coder is not None else ""
        done = (
            "coalesce((select s.done from article_status s"
            " where s.article_id = a.id and s.coder = :coder), 0)"
            if coder is not None
            else "coalesce((select max(s.done) from article_status s where s.article_id = a.id), 0)"
        )
        missing = (
            "(select count(*) from variables v where v.level = 'article' and v.required = 1"
            " and not exists (select 1 from codings x where x.article_id = a.id"
            f" and x.variable_id = v.id {mine}))"
        )
        conditions: list[str] = []
        if where.outlet:
            conditions.append("a.outlet = :outlet")
            args["outlet"] = where.outlet
        if where.language:
            conditions.append("a.language = :language")
            args["language"] = where.language
        if where.date_from:
            conditions.append("a.date >= :date_from")
            args["date_from"] = where.date_from
        if where.date_to:
            # A date without time includes the whole day.
            conditions.append("substr(a.date, 1, 10) <= :date_to")
            args["date_to"] = where.date_to
        if where.quoted_actor:
            conditions.append(
                "exists (select 1 from quotes q join actors r on r.id = q.actor_id"
                " where q.article_id = a.id and r.name like :actor)"
            )
            args["actor"] = f"%{where.quoted_actor}%"
        order = "a.imported_at, a.rowid"
        source = "articles a"
        if where.ids is not None:
            # Search hits in their order: a join, one primary-key lookup per hit.
            source = "json_each(:ids) hit join articles a on a.id = hit.value"
            args["ids"] = _json_list(where.ids)
            order = "hit.key"
        sql = f"""
            select * from (
                select a.id, a.title, a.outlet, a.date, a.language, a.source_file,
                    (select count(*) from annotations x where x.article_id = a.id {mine}) as n,
                    (select count(*) from codings x where x.article_id = a.id {mine}) as k,
                    {done} as done,
                    {missing} as missing
                from {source}
                {"where " + " and ".join(conditions) if conditions else ""}
                order by {order}
            ) {"where " + _STATE_SQL[where.state] if _STATE_SQL[where.state] else ""}
        """
        return [
            ArticleSummary(i, title, outlet, date, language, source, n, k, bool(done), missing)
            for i, title, outlet, date, language, source, n, k, done, missing in self.db.execute(
                sql, args
            ).fetchall()
        ]

    def outlets(self) -> list[str]:
        return self._distinct("outlet")

    def languages(self) -> list[str]:
        return self._distinct("language")

    def _distinct(self, column: str) -> list[str]:
        """The values an article column takes (blank left out), sorted, for the filters."""
        rows = self.db.execute(
            f"select distinct [{column}] from articles where [{column}] != '' order by [{column}]"
        )
        return [r[0] for r in rows]


def _json_list(values: tuple[str, ...]) -> str:
    return json.dumps(list(values))
