"""corpus stats: DuckDB's counts over the Parquet of a corpus built on a real Dask cluster,
checked against the same counts made in Python from the Parquet rows."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from annotator.cli import main
from annotator.services.corpus import CorpusError
from annotator.services.corpus.stats import corpus_stats, parse_groups
from tests.services.corpus_data import ARTICLES
from tests.services.test_corpus_build import table


def test_json_counts_articles_quotes_and_outlets(
    built_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["corpus", "stats", str(built_corpus), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 8
    assert data["quotes"] == len(table(built_corpus, "quotes")) > 0
    outlets = Counter(outlet for _t, outlet, _d, _x in ARTICLES)
    assert data["outlets"] == [
        {"outlet": o, "articles": n}
        for o, n in sorted(outlets.items(), key=lambda i: (-i[1], i[0]))
    ]
    by_month = Counter((outlet, date[:7]) for _t, outlet, date, _x in ARTICLES)
    assert data["by"] == [
        {"outlet": o, "month": m, "articles": n} for (o, m), n in sorted(by_month.items())
    ]


def test_speakers_actors_and_women_as_counted_from_the_rows(built_corpus: Path) -> None:
    quotes = table(built_corpus, "quotes")
    actors = {a["id"]: a for a in table(built_corpus, "actors")}
    outlet_of = {a["id"]: a["outlet"] for a in table(built_corpus, "articles")}
    data = corpus_stats(built_corpus).as_json()

    types = Counter(q["speaker_type"] or "(no speaker)" for q in quotes)
    assert {r["speaker_type"]: r["quotes"] for r in data["speaker_types"]} == types

    quoted = Counter((actors[q["actor_id"]]["name"], actors[q["actor_id"]]["type"])
                     for q in quotes if q["actor_id"])  # fmt: skip
    assert {(r["actor"], r["type"]): r["quotes"] for r in data["most_quoted"]} == dict(quoted)

    people = {
        (q["article_id"], q["actor_id"])
        for q in quotes
        if q["actor_id"] and actors[q["actor_id"]]["type"] == "PERSON"
    }
    genders: dict[str, Counter[str]] = {}
    for article_id, actor_id in people:
        genders.setdefault(outlet_of[article_id], Counter())[actors[actor_id]["gender"]] += 1
    expected = []
    for outlet, c in sorted(genders.items()):
        known = c["female"] + c["male"]
        share = round(100 * c["female"] / known, 1) if known else None
        expected.append(
            {"outlet": outlet, "women": c["female"], "men": c["male"],
             "unknown": c["unknown"], "women_share": share}
        )  # fmt: skip
    assert data["women_by_outlet"] == expected
    assert any(r["women"] for r in expected)


def test_table_and_xlsx_formats(
    built_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["corpus", "stats", str(built_corpus), "--by", "language"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("8 articles, ")
    assert "Articles per language" in out and "Women among quoted people, per outlet" in out

    book = tmp_path / "stats.xlsx"
    args = ["corpus", "stats", str(built_corpus), "--format", "xlsx", "--out", str(book)]
    assert main(args) == 0
    sheets = load_workbook(book, read_only=True)
    rows = list(sheets["Articles per outlet"].iter_rows(values_only=True))
    assert rows[0] == ("outlet", "articles")
    assert sum(r[1] for r in rows[1:]) == 8


def test_bad_arguments_and_folders_are_reported(
    built_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["corpus", "stats", str(built_corpus), "--by", "outlet,weather"]) == 2
    assert "cannot group by 'weather'" in capsys.readouterr().err
    assert main(["corpus", "stats", str(built_corpus), "--format", "xlsx"]) == 2
    assert main(["corpus", "stats", str(tmp_path)]) == 2
    assert "not a corpus folder" in capsys.readouterr().err
    with pytest.raises(ValueError):
        parse_groups("month,colour")
    with pytest.raises(CorpusError, match="no such corpus folder"):
        corpus_stats(tmp_path / "nowhere")
