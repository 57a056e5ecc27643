"""Actors of an article (people and organisations with their mentions)."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from annotator.core import Actor, Mention


class ActorStore:
    """Actors and their mentions, over ``self.db``."""

    db: sqlite_utils.Database

    # -- actors ----------------------------------------------------------------------------

    def actors(self, article_id: str) -> list[Actor]:
        """The article's actors with their mentions, in order of first mention."""
        actors = {
            row["id"]: Actor(
                name=row["name"],
                type=row["type"],
                article_id=row["article_id"],
                source=row["source"],
                id=row["id"],
                gender=row["gender"],
            )
            for row in self.db.query("select * from actors where article_id = ?", [article_id])
        }
        rows = self.db.execute(
            "select m.actor_id, m.start, m.end, m.text from mentions m"
            " join actors a on a.id = m.actor_id where a.article_id = ? order by m.start",
            [article_id],
        ).fetchall()
        for actor_id, start, end, text in rows:
            actors[actor_id].mentions.append(Mention(start, end, text))
        return sorted(
            actors.values(), key=lambda a: (a.mentions[0].start if a.mentions else 1 << 62, a.name)
        )

    def save_actor(self, actor: Actor) -> None:
        """Add or replace one actor and its mentions (a coder's rename, merge or split)."""
        with self.db.atomic():
            self._write_actor(actor)

    def merge_actors(self, keep: Actor, others: Iterable[str]) -> None:
        """Fold actors into ``keep``: their mentions and quotes become ``keep``'s."""
        others = [o for o in others if o != keep.id]
        with self.db.atomic():
            for other in others:
                self.db.execute(
                    "update quotes set actor_id = ? where actor_id = ?", [keep.id, other]
                )
                self.db.execute("delete from mentions where actor_id = ?", [other])
                self.db.execute("delete from actors where id = ?", [other])
            keep.source = "coder"
            keep.mentions.sort(key=lambda m: m.start)
            self._write_actor(keep)

    def _write_actor(self, actor: Actor) -> None:
        self.db.table("actors").upsert(
            {
                "id": actor.id,
                "article_id": actor.article_id,
                "name": actor.name,
                "type": actor.type,
                "source": actor.source,
                "gender": actor.gender,
            },
            pk="id",
        )
        self.db.execute("delete from mentions where actor_id = ?", [actor.id])
        self.db.conn.executemany(
            "insert into mentions (actor_id, start, end, text) values (?,?,?,?)",
            [(actor.id, m.start, m.end, m.text) for m in actor.mentions],
        )

    def _replace_machine_actors(self, article_id: str, actors: list[Actor]) -> None:
        """Replace the machine's actors; what coders made of them stays as they left it.

        Machine actor ids are derived from the text, so a re-analysis can bring back the id
        of an actor a coder has since renamed, merged or split, and mentions a coder has
        given to an actor: those are the coder's and are left out of the new suggestions.
        """
        self.db.execute(
            "delete from mentions where actor_id in"
            " (select id from actors where article_id = ? and source = 'machine')",
            [article_id],
        )
        self.db.execute(
            "delete from actors where article_id = ? and source = 'machine'", [article_id]
        )
        kept = {a.id: a for a in self.actors(article_id)}
        held = {(m.start, m.end): a.id for a in kept.values() for m in a.mentions}
        for actor in actors:
            if actor.id in kept:
                continue
            free = [m for m in actor.mentions if (m.start, m.end) not in held]
            if free or not actor.mentions:
                actor.mentions = free
                actor.article_id = article_id
                self._write_actor(actor)

    def _relink_quotes(self, article_id: str) -> None:
        """Quotes whose actor is gone follow their speaker's mention (or lose the link)."""
        self.db.execute(
            """
            update quotes set actor_id = (
                select m.actor_id from mentions m join actors a on a.id = m.actor_id
                where a.article_id = quotes.article_id
                  and m.start = quotes.speaker_start and m.end = quotes.speaker_end
            )
            where article_id = ? and actor_id is not null
              and actor_id not in (select id from actors where article_id = ?)
            """,
            [article_id, article_id],
        )

    # -- whole-article snapshots (undo of a coder's rename, merge or split) ----------------

    def quote_links(self, article_id: str) -> dict[tuple[int, int], str | None]:
        """Which actor each suggested quote of the article is attributed to, by its span."""
        rows = self.db.execute(
            "select start, end, actor_id from quotes where article_id = ?", [article_id]
        ).fetchall()
        return {(start, end): actor_id for start, end, actor_id in rows}

    def replace_actors(
        self,
        article_id: str,
        actors: Iterable[Actor],
        quote_links: dict[tuple[int, int], str | None],
    ) -> None:
        """Make the article's actors and quote attributions exactly these, in one transaction."""
        with self.db.atomic():
            self.db.execute(
                "delete from mentions where actor_id in"
                " (select id from actors where article_id = ?)",
                [article_id],
            )
            self.db.execute("delete from actors where article_id = ?", [article_id])
            for actor in actors:
                self._write_actor(actor)
            self.db.conn.executemany(
                "update quotes set actor_id = ? where article_id = ? and start = ? and end = ?",
                [(a, article_id, s, e) for (s, e), a in quote_links.items()],
            )
