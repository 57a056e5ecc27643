"""Draw a sample of a corpus into a coding project, with its pre-annotations.

The sampling frame is the corpus's articles that pass the researcher's conditions (a
``--where`` SQL condition over the articles table, a date range, the days of constructed
weeks) and are not in the project yet (by id and by text fingerprint: a second wave
never draws an article twice). Strata (outlet, month, ...) get shares of the sample in
proportion to their size (largest remainders, ties in the strata's order). Within a
stratum, articles are taken in the order of md5(seed:id): the same corpus, conditions and
seed draw the same articles, whatever the order of the Parquet files. Weights given for
the strata (``--weights``) replace their sizes: "equal" gives every stratum the same share;
"Le Monde=2,Libération=1" gives shares in those proportions, each key naming a stratum as
the report does ("Le Monde / 2024-03") or a value of the first stratification variable
(that value's share then goes to its strata in proportion to their size), ``*`` for every
stratum not named. The entities,
quotes and actors found by the build are copied into the project, not recomputed, and
the frame and parameters are recorded in the project under ``corpus_samples``.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from annotator.core import Actor, Analysis, Article, Entity, Mention, Quote, now_iso
from annotator.services.corpus.layout import CorpusError, read_manifest
from annotator.services.corpus.stats import GROUPS, connect
from annotator.services.exports.sampling import SAMPLES_KEY, sample_waves
from annotator.store import Project

_BATCH = 200


@dataclass(slots=True)
class SampleReport:
    """What a draw took: the frame, each stratum's share, the articles added."""

    project: Path
    wave: int
    seed: int
    frame: int
    drawn: list[str] = field(default_factory=list)
    #: (stratum values, articles in the frame, articles drawn)
    strata: list[tuple[tuple[str, ...], int, int]] = field(default_factory=list)
    excluded: int = 0
    days: list[str] = field(default_factory=list)
    #: The weight each stratum was given (empty for proportional allocation).
    weights: dict[tuple[str, ...], float] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [
            f"  {' / '.join(key) or 'all'}: {taken} of {size}"
            + (f" (weight {self.weights[key]:.3g})" if key in self.weights else "")
            for key, size, taken in self.strata
        ]
        if self.days:
            shown = ", ".join(self.days[:14]) + (", ..." if len(self.days) > 14 else "")
            out.insert(0, f"constructed weeks: {len(self.days)} days ({shown})")
        out.append(
            f"drew {len(self.drawn)} article(s) from a frame of {self.frame} (seed {self.seed},"
            f" wave {self.wave}, {self.excluded} already in the project left out)"
            f" into {self.project}"
        )
        return out


def constructed_week_days(first: date, last: date, weeks: int, seed: int) -> list[date]:
    """``weeks`` constructed weeks between first and last: for each day of the week,
    ``weeks`` of its dates in the period, drawn at random without replacement."""
    if last < first:
        raise CorpusError(f"--from {first} is after --to {last}")
    rng = random.Random(seed)
    by_weekday: list[list[date]] = [[] for _ in range(7)]
    day = first
    while day <= last:
        by_weekday[day.weekday()].append(day)
        day += timedelta(days=1)
    chosen: list[date] = []
    for weekday, days in enumerate(by_weekday):
        if len(days) < weeks:
            name = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays",
                    "Sundays")[weekday]  # fmt: skip
            raise CorpusError(
                f"{weeks} constructed weeks need {weeks} {name} between {first} and {last};"
                f" there are {len(days)}"
            )
        chosen.extend(rng.sample(days, weeks))
    return sorted(chosen)


def allocate(sizes: Sequence[float], n: int) -> list[int]:
    """Shares of n in proportion to these sizes or weights (largest remainders)."""
    total = sum(sizes)
    if total == 0:
        return [0 for _ in sizes]
    quotas = [n * s / total for s in sizes]
    shares = [int(q) for q in quotas]
    order = sorted(range(len(sizes)), key=lambda i: (-(quotas[i] - shares[i]), i))
    for i in order[: n - sum(shares)]:
        shares[i] += 1
    return shares


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CorpusError(f"{option} {value}: give a date as YYYY-MM-DD") from None


def sample_corpus(
    corpus: str | Path,
    project_path: str | Path,
    *,
    n: int | None,
    seed: int,
    stratify: Sequence[str] = (),
    constructed_weeks: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    where: str | None = None,
    weights: str | None = None,
) -> SampleReport:
    """Draw the sample into the project (created when missing); see the module's docstring.

    Without ``n``, every article of the frame is taken (the days of constructed weeks).
    """
    wanted = parse_weights(weights) if weights else None
    if wanted is not None and (n is None or not stratify):
        raise CorpusError("--weights need --n and --stratify")
    import duckdb
    import pyarrow as pa

    corpus = Path(corpus)
    project_path = Path(project_path)
    for name in stratify:
        if name not in GROUPS:
            raise CorpusError(f"cannot stratify by '{name}' (use {', '.join(GROUPS)})")
    if n is None and constructed_weeks is None:
        raise CorpusError("give the sample size (--n), or constructed weeks to take whole")
    if n is not None and n < 1:
        raise CorpusError(f"--n {n}: give at least 1")
    first, last = _day(date_from, "--from"), _day(date_to, "--to")
    days: list[date] = []
    if constructed_weeks is not None:
        if first is None or last is None:
            raise CorpusError("constructed weeks need --from and --to")
        if constructed_weeks < 1:
            raise CorpusError(f"--constructed-weeks {constructed_weeks}: give at least 1")
        days = constructed_week_days(first, last, constructed_weeks, seed)
    manifest = read_manifest(corpus)
    con = connect(corpus)
    project = _open_project(project_path)
    with project:
        known_ids, known_hashes = set(project.article_ids()), project.text_hashes()
        con.register("known_ids", pa.table({"id": pa.array(sorted(known_ids), pa.string())}))
        con.register("known_hashes", pa.table({"h": pa.array(sorted(known_hashes), pa.string())}))
        conditions = _conditions(where, first, last, days)
        frame_sql = "select * from articles where " + " and ".join(conditions)
        fresh = " and id not in (select id from known_ids)"
        fresh += " and coalesce(text_hash, '') not in (select h from known_hashes)"
        try:
            everything = con.execute(f"select count(*) from ({frame_sql})").fetchone()[0]
            con.execute(f"create temp view frame as {frame_sql}{fresh}")
        except duckdb.Error as exc:
            raise CorpusError(
                f"--where {where!r}: not a condition on the articles ({exc})"
            ) from exc
        report = _draw(con, stratify, n, seed, wanted)
        report.project, report.excluded = project_path, everything - report.frame
        report.days = [d.isoformat() for d in days]
        _copy(con, project, report.drawn)
        waves = sample_waves(project)
        report.wave = len(waves) + 1
        waves.append(
            {
                "wave": report.wave,
                "made": now_iso(),
                "corpus": str(corpus.resolve()),
                "corpus_created": manifest.get("created"),
                "corpus_articles": manifest.get("articles"),
                "n": n,
                "seed": seed,
                "stratify": list(stratify),
                "where": where,
                "from": date_from,
                "to": date_to,
                "constructed_weeks": constructed_weeks,
                "days": report.days,
                "frame": report.frame,
                "excluded_already_in_project": report.excluded,
                "weights": weights,
                "strata": [
                    {
                        "stratum": dict(zip(stratify, key, strict=True)),
                        "frame": size,
                        "drawn": k,
                        "weight": report.weights.get(key),
                    }
                    for key, size, k in report.strata
                ],
                "method": (
                    "proportional allocation"
                    if wanted is None
                    else f"allocation by the weights given ({weights})"
                )
                + " (largest remainders); within a stratum, articles in the order of"
                " md5(seed:id)",
                "articles": report.drawn,
            }
        )
        project.set_meta(SAMPLES_KEY, json.dumps(waves, ensure_ascii=False))
    con.close()
    return report


def _open_project(path: Path) -> Project:
    if path.exists():
        return Project.open(path, exclusive=True)
    from annotator.services.codebooks import starter_codebook

    project = Project.create(path)
    # A project made by a sample codes like one made by `annotator new`.
    project.install_codebook(starter_codebook())
    return project


def _conditions(
    where: str | None, first: date | None, last: date | None, days: list[date]
) -> list[str]:
    # Dates go in as literals (a view cannot take parameters): they are date objects,
    # written back as YYYY-MM-DD, so nothing the researcher typed is pasted into the SQL.
    conditions = ["true"]
    if where and where.strip():
        conditions.append(f"({where})")
    if first is not None:
        conditions.append(f"substr(date, 1, 10) >= '{first.isoformat()}'")
    if last is not None:
        conditions.append(f"substr(date, 1, 10) <= '{last.isoformat()}'")
    if days:
        listed = ", ".join(f"'{d.isoformat()}'" for d in days)
        conditions.append(f"substr(date, 1, 10) in ({listed})")
    return conditions


def parse_weights(spec: str) -> dict[str, float]:
    """``equal`` (every stratum weighs 1) or ``KEY=W,...`` (``*`` for the others)."""
    if spec.strip().casefold() == "equal":
        return {"*": 1.0}
    weights: dict[str, float] = {}
    for item in spec.split(","):
        key, sep, value = item.rpartition("=")
        try:
            weight = float(value)
        except ValueError:
            weight = -1.0
        if not sep or not key.strip() or not weight >= 0 or weight == float("inf"):
            raise CorpusError(
                f"--weights {spec!r}: give STRATUM=WEIGHT pairs (weights of 0 or more)"
                " separated by commas, or 'equal'"
            )
        weights[key.strip()] = weight
    return weights


def weighted_shares(
    strata: Sequence[tuple[str, ...]], sizes: Sequence[int], n: int, wanted: dict[str, float]
) -> tuple[list[int], list[float]]:
    """Each stratum's share of n under the weights (see the module's docstring), and the
    weight each stratum was given (a first-variable weight split by size)."""
    labels = [" / ".join(key) for key in strata]
    known = set(labels) | {key[0] for key in strata if key}
    unknown = sorted(set(wanted) - known - {"*"})
    if unknown:
        raise CorpusError(
            f"--weights: no stratum {', '.join(repr(u) for u in unknown)} in the frame"
            f" (strata: {', '.join(labels[:10])}{', ...' if len(labels) > 10 else ''})"
        )
    by_label = all(k in labels or k == "*" for k in wanted)
    groups = labels if by_label else [key[0] for key in strata]
    missing = sorted({g for g in groups if g not in wanted} if "*" not in wanted else set())
    if missing:
        raise CorpusError(
            f"--weights: no weight for {', '.join(repr(m) for m in missing[:10])};"
            " give one, or '*=W' for every stratum not named"
        )
    names = list(dict.fromkeys(groups))
    group_weight = [wanted.get(g, wanted.get("*", 0.0)) for g in names]
    if not sum(group_weight) > 0:
        raise CorpusError("--weights: every stratum of the frame weighs 0")
    group_share = dict(zip(names, allocate(group_weight, n), strict=True))
    shares = [0] * len(strata)
    weights = [0.0] * len(strata)
    for name, weight in zip(names, group_weight, strict=True):
        members = [i for i, g in enumerate(groups) if g == name]
        member_sizes = [sizes[i] for i in members]
        for i, share in zip(members, allocate(member_sizes, group_share[name]), strict=True):
            shares[i] = share
            weights[i] = weight * sizes[i] / sum(member_sizes)
    for label, size, share in zip(labels, sizes, shares, strict=True):
        if share > size:
            raise CorpusError(
                f"--weights: stratum '{label}' would give {share} article(s) but holds {size}"
                " in the frame; lower its weight or --n"
            )
    return shares, weights


def _draw(
    con: Any,
    stratify: Sequence[str],
    n: int | None,
    seed: int,
    wanted: dict[str, float] | None = None,
) -> SampleReport:
    import pyarrow as pa

    exprs = [GROUPS[name] for name in stratify] or ["''"]
    keys = ", ".join(f"{e} as s{i}" for i, e in enumerate(exprs))
    names = ", ".join(f"s{i}" for i in range(len(exprs)))
    strata = con.execute(
        f"select {names}, count(*) from (select {keys} from frame) group by all order by all"
    ).fetchall()
    sizes = [int(row[-1]) for row in strata]
    frame = sum(sizes)
    if n is not None and n > frame:
        raise CorpusError(f"the sampling frame holds {frame} article(s), fewer than --n {n}")
    keys_of = [tuple(str(v) for v in row[: len(stratify)]) for row in strata]
    given: list[float] = []
    if n is None:
        shares = sizes
    elif wanted is None:
        shares = allocate(sizes, n)
    else:
        shares, given = weighted_shares(keys_of, sizes, n, wanted)
    quotas = {f"s{i}": [row[i] for row in strata] for i in range(len(exprs))}
    quotas["quota"] = shares
    con.register("quotas", pa.table(quotas))
    on = " and ".join(f"d.s{i} = q.s{i}" for i in range(len(exprs)))
    more = "".join(f", s{i}" for i in range(1, len(exprs)))
    rows = con.execute(
        f"""
        select d.id from (
            select id, s0{more}, draw,
                row_number() over (partition by {names} order by draw) as rank
            from (select id, {keys}, md5(? || ':' || id) as draw from frame)
        ) d join quotas q on {on}
        where d.rank <= q.quota order by d.draw
        """,
        [str(seed)],
    ).fetchall()
    report = SampleReport(Path(), 0, seed, frame, drawn=[r[0] for r in rows])
    report.strata = list(zip(keys_of, sizes, shares, strict=True))
    report.weights = dict(zip(keys_of, given, strict=False))
    return report


def _copy(con: Any, project: Project, ids: list[str]) -> None:
    """The drawn articles with their entities, quotes and actors, as the build found them."""
    import pyarrow as pa

    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        con.register("chosen", pa.table({"id": pa.array(batch, pa.string())}))
        analyses = {i: Analysis(language="") for i in batch}
        for table, column in (("entities", "article_id"), ("quotes", "article_id")):
            for row in _rows(con, table, column):
                target = analyses[row["article_id"]]
                if table == "entities":
                    target.entities.append(
                        Entity(row["start"], row["end"], row["text"], row["label"])
                    )
                else:
                    target.quotes.append(
                        Quote(**{k: v for k, v in row.items() if k != "article_id"})
                    )
        for row in _rows(con, "actors", "article_id"):
            analyses[row["article_id"]].actors.append(
                Actor(
                    name=row["name"],
                    type=row["type"],
                    gender=row["gender"],
                    id=row["id"],
                    mentions=[Mention(m["start"], m["end"], m["text"]) for m in row["mentions"]],
                )
            )
        pairs: list[tuple[Article, Analysis | None]] = []
        by_id = {row["id"]: row for row in _rows(con, "articles", "id")}
        for article_id in batch:
            row = by_id[article_id]
            article = Article(
                id=row["id"],
                text=row["text"],
                **{k: row[k] or "" for k in _ARTICLE_FIELDS},
                date=row["date"],
            )
            analysis = analyses[article_id]
            analysis.language = article.language
            analysis.quotes.sort(key=lambda q: (q.start, q.end))
            analysis.entities.sort(key=lambda e: (e.start, e.end))
            pairs.append((article, analysis))
        project.add_articles(pairs)


_ARTICLE_FIELDS = (
    "title",
    "outlet",
    "author",
    "language",
    "url",
    "source_file",
    "section",
    "original_text",
    "near_duplicate_of",
)


def _rows(con: Any, table: str, column: str) -> list[dict[str, Any]]:
    cursor = con.execute(f"select t.* from {table} t join chosen c on c.id = t.{column}")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
