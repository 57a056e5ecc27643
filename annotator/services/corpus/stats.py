"""What a corpus holds, counted by DuckDB straight from its Parquet files.

Articles per outlet and month (or any grouping of ``GROUPS``), the most quoted actors,
quotes by speaker type, and the share of women among the people quoted per outlet (the
Gender Gap Tracker's measure: each person once per article they are quoted in, the
share taken among those of known gender). The tables are the overview's ``Table``, so
they are saved to .xlsx as the window's are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.services.corpus.layout import TABLES, CorpusError, read_manifest
from annotator.services.overview import Table

#: Columns an article count can be grouped by, as SQL over the articles table.
GROUPS = {
    "outlet": "coalesce(nullif(outlet, ''), '(no outlet)')",
    "month": "coalesce(nullif(month, ''), '(no date)')",
    "year": "coalesce(nullif(substr(month, 1, 4), ''), '(no date)')",
    "language": "coalesce(nullif(language, ''), '(unknown)')",
    "section": "coalesce(nullif(section, ''), '(no section)')",
}


def connect(corpus: str | Path) -> Any:
    """A DuckDB connection with one view per table of the corpus (articles, entities,
    quotes, actors); CorpusError when the folder holds no finished partition."""
    import duckdb

    folder = Path(corpus)
    manifest = read_manifest(folder)
    if not manifest["partitions"]:
        raise CorpusError(f"{folder}: no partition is finished yet; run corpus build")
    con = duckdb.connect()
    for name in TABLES:
        # Only the partitions the manifest lists: a partition being rewritten by a build
        # running now is not read half old, half new.
        files = [str(folder / name / f"part-{int(k):05d}.parquet") for k in manifest["partitions"]]
        missing = [f for f in files if not Path(f).is_file()]
        if missing:
            raise CorpusError(f"{folder}: {missing[0]} is missing; run corpus build again")
        listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
        con.execute(f"create view {name} as select * from read_parquet([{listed}])")
    return con


@dataclass(slots=True)
class CorpusStats:
    """The counts of a corpus, as tables and as the JSON ``corpus stats`` prints."""

    articles: int
    quotes: int
    entities: int
    actors: int
    tables: list[Table] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "articles": self.articles,
            "quotes": self.quotes,
            "entities": self.entities,
            "actors": self.actors,
        }
        for table, key in zip(self.tables, _KEYS, strict=True):
            out[key] = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        return out


_KEYS = ("outlets", "by", "most_quoted", "speaker_types", "women_by_outlet")


def parse_groups(spec: str) -> list[str]:
    """ "outlet,month" as ["outlet", "month"]; ValueError naming what is not a column."""
    names = [p.strip().lower() for p in spec.split(",") if p.strip()]
    for name in names:
        if name not in GROUPS:
            raise ValueError(f"cannot group by '{name}' (use {', '.join(GROUPS)})")
    return names


def corpus_stats(
    corpus: str | Path, by: Sequence[str] = ("outlet", "month"), top: int = 20
) -> CorpusStats:
    """Count the corpus (see the module's docstring); ``by`` groups the article counts."""
    con = connect(corpus)
    counts = con.execute(
        "select (select count(*) from articles), (select count(*) from quotes),"
        " (select count(*) from entities), (select count(*) from actors)"
    ).fetchone()
    stats = CorpusStats(*counts)
    outlet = GROUPS["outlet"]
    stats.tables.append(
        _table(
            con,
            "Articles per outlet",
            ["outlet", "articles"],
            f"select {outlet}, count(*) from articles group by 1 order by 2 desc, 1",
        )
    )
    groups = list(by) or ["outlet"]
    exprs = ", ".join(GROUPS[g] for g in groups)
    positions = ", ".join(str(i + 1) for i in range(len(groups)))
    stats.tables.append(
        _table(
            con,
            "Articles per " + " and ".join(groups),
            [*groups, "articles"],
            f"select {exprs}, count(*) from articles group by {positions} order by {positions}",
        )
    )
    stats.tables.append(
        _table(
            con,
            "Most quoted actors",
            ["actor", "type", "quotes", "articles"],
            "select r.name, r.type, count(*), count(distinct q.article_id) from quotes q"
            " join actors r on r.id = q.actor_id group by r.name, r.type"
            f" order by 3 desc, 1 limit {int(top)}",
        )
    )
    stats.tables.append(
        _table(
            con,
            "Quotes by speaker type",
            ["speaker_type", "quotes"],
            "select coalesce(speaker_type, '(no speaker)'), count(*) from quotes"
            " group by 1 order by 2 desc, 1",
        )
    )
    stats.tables.append(
        _table(
            con,
            "Women among quoted people, per outlet",
            ["outlet", "women", "men", "unknown", "women_share"],
            f"""
            with quoted as (
                select distinct r.article_id, r.id, r.gender from actors r
                join quotes q on q.actor_id = r.id where r.type = 'PERSON'
            )
            select {outlet},
                count(*) filter (where gender = 'female'),
                count(*) filter (where gender = 'male'),
                count(*) filter (where gender not in ('female', 'male')),
                round(100.0 * count(*) filter (where gender = 'female')
                    / nullif(count(*) filter (where gender in ('female', 'male')), 0), 1)
            from quoted join articles a on a.id = quoted.article_id
            group by 1 order by 1
            """,
        )
    )
    con.close()
    return stats


def _table(con: Any, title: str, columns: list[str], sql: str) -> Table:
    table = Table(title, columns)
    table.rows = [list(row) for row in con.execute(sql).fetchall()]
    if not table.rows:
        table.empty_reason = "Nothing to count."
    return table


def format_table(table: Table) -> str:
    """A table as aligned text, for the terminal."""
    cells = [table.columns] + [["" if v is None else str(v) for v in row] for row in table.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table.columns))]
    lines = [table.title]
    for number, row in enumerate(cells):
        lines.append(
            "  ".join(
                value.rjust(width) if number and _numeric(value) else value.ljust(width)
                for value, width in zip(row, widths, strict=True)
            ).rstrip()
        )
    if not table.rows:
        lines.append(table.empty_reason)
    return "\n".join(lines)


def _numeric(value: str) -> bool:
    return value.replace(".", "", 1).isdigit()
