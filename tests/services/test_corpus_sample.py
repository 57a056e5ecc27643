"""corpus sample: reproducible, proportional, constructed weeks, second waves, and the
pre-annotations copied from the corpus into the coding project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from annotator.cli import main
from annotator.services.corpus import CorpusError
from annotator.services.corpus.sample import (
    SAMPLES_KEY,
    allocate,
    constructed_week_days,
    parse_weights,
    sample_corpus,
    weighted_shares,
)
from annotator.store import Project
from tests.services.corpus_data import ARTICLES
from tests.services.test_corpus_build import table

ROOT = Path(__file__).resolve().parents[2]


def test_allocation_is_proportional_with_largest_remainders() -> None:
    assert allocate([50, 30, 20], 10) == [5, 3, 2]
    assert allocate([3, 3, 2], 4) == [2, 1, 1]  # a tie goes to the first stratum
    assert allocate([1, 1, 98], 3) == [0, 0, 3]
    assert allocate([7, 0, 5], 12) == [7, 0, 5]
    assert allocate([], 0) == []


def test_weights_replace_the_strata_sizes() -> None:
    one = [("A",), ("B",), ("C",)]
    assert weighted_shares(one, [50, 30, 20], 10, parse_weights("equal")) == (
        [4, 3, 3],
        [1.0, 1.0, 1.0],
    )
    assert weighted_shares(one, [50, 30, 20], 10, parse_weights("A=2, *=1"))[0] == [5, 3, 2]
    assert weighted_shares(one, [50, 30, 20], 4, parse_weights("A=0,B=1,C=1"))[0] == [0, 2, 2]
    # A value of the first variable stands for its strata, shared out by their sizes.
    two = [("A", "01"), ("A", "02"), ("B", "01")]
    shares, weights = weighted_shares(two, [30, 10, 20], 10, parse_weights("A=1,B=1"))
    assert shares == [4, 1, 5] and weights == [0.75, 0.25, 1.0]
    # equal with two variables: every cell the same share
    assert weighted_shares(two, [30, 10, 20], 9, parse_weights("equal"))[0] == [3, 3, 3]
    assert weighted_shares(two, [30, 10, 20], 6, parse_weights("A / 02=1,*=0"))[0] == [0, 6, 0]

    with pytest.raises(CorpusError, match="no stratum 'D' in the frame"):
        weighted_shares(one, [5, 5, 5], 3, parse_weights("D=1,*=1"))
    with pytest.raises(CorpusError, match="no weight for 'C'; give one, or"):
        weighted_shares(one, [5, 5, 5], 3, parse_weights("A=1,B=1"))
    with pytest.raises(CorpusError, match="stratum 'B' would give 3 article.s. but holds 2"):
        weighted_shares(one, [5, 2, 5], 9, parse_weights("equal"))
    with pytest.raises(CorpusError, match="every stratum of the frame weighs 0"):
        weighted_shares(one, [5, 5, 5], 3, parse_weights("*=0"))
    for bad in ("A", "A=-1", "=2", "A=x", "A=inf", "A=nan"):
        with pytest.raises(CorpusError, match="give STRATUM=WEIGHT pairs"):
            parse_weights(bad)


def test_a_weighted_draw_is_recorded_for_the_methods_section(
    built_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project_path = tmp_path / "weighted.annotator"
    command = ["corpus", "sample", str(built_corpus), "--out", str(project_path), "--seed", "4"]
    command += ["--n", "4", "--stratify", "outlet"]
    assert main([*command, "--weights", "The Morning Post=3,*=1"]) == 0
    out = capsys.readouterr().out
    assert "The Morning Post: 2 of 3 (weight 3)" in out
    assert "Le Courrier du Nord: 1 of 3 (weight 1)" in out
    with Project.open(project_path, read_only=True) as project:
        waves = json.loads(project.meta(SAMPLES_KEY) or "[]")
        outlets = Counter(a.outlet for a in project.articles())
    assert outlets == {"The Morning Post": 2, "Le Courrier du Nord": 1, "La Gazette de l'Ouest": 1}
    assert waves[0]["weights"] == "The Morning Post=3,*=1"
    assert "allocation by the weights given" in waves[0]["method"]
    book = tmp_path / "weighted.xlsx"
    assert main(["export", str(project_path), str(book)]) == 0
    rows = list(load_workbook(book, read_only=True)["sampling"].iter_rows(values_only=True))
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert {r["stratum"]: r["stratum_weight"] for r in body}["The Morning Post"] == 3
    assert {r["weights"] for r in body} == {"The Morning Post=3,*=1"}

    assert main([*command[:-4], "--n", "4", "--weights", "equal"]) == 2
    assert "--weights need --n and --stratify" in capsys.readouterr().err
    assert main([*command, "--weights", "Le Monde=1"]) == 2
    assert "no stratum 'Le Monde' in the frame" in capsys.readouterr().err


def test_same_seed_same_sample_in_another_process_without_spacy(
    built_corpus: Path, tmp_path: Path
) -> None:
    first = sample_corpus(built_corpus, tmp_path / "a.annotator", n=4, seed=3, stratify=["outlet"])
    again = sample_corpus(built_corpus, tmp_path / "b.annotator", n=4, seed=3, stratify=["outlet"])
    other = sample_corpus(built_corpus, tmp_path / "c.annotator", n=4, seed=4, stratify=["outlet"])
    assert first.drawn == again.drawn and len(set(first.drawn)) == 4
    assert set(other.drawn) != set(first.drawn) or other.drawn != first.drawn
    script = (
        "import sys, json\n"
        "from annotator.services.corpus.sample import sample_corpus\n"
        f"r = sample_corpus({str(built_corpus)!r}, {str(tmp_path / 'd.annotator')!r}, n=4,"
        " seed=3, stratify=['outlet'])\n"
        "print(json.dumps([r.drawn, 'spacy' in sys.modules]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        check=True,
    )
    drawn, loaded_spacy = json.loads(out.stdout)
    assert drawn == first.drawn
    assert not loaded_spacy  # copied, not pre-annotated again

    # Strata in proportion: 3, 3 and 2 articles per outlet, 4 drawn.
    sizes = Counter(outlet for _t, outlet, _d, _x in ARTICLES)
    with Project.open(tmp_path / "a.annotator", read_only=True) as project:
        outlets = Counter(a.outlet for a in project.iter_articles())
    names = sorted(sizes)
    assert [outlets[o] for o in names] == allocate([sizes[o] for o in names], 4)


def test_pre_annotations_are_copied_as_the_build_found_them(
    built_corpus: Path, tmp_path: Path
) -> None:
    report = sample_corpus(built_corpus, tmp_path / "p.annotator", n=8, seed=1)
    quotes, actors = table(built_corpus, "quotes"), table(built_corpus, "actors")
    entities = Counter(e["article_id"] for e in table(built_corpus, "entities"))
    with Project.open(tmp_path / "p.annotator", read_only=True) as project:
        assert sorted(project.article_ids()) == sorted(report.drawn)
        for row in table(built_corpus, "articles"):
            article = project.article(row["id"])
            assert (article.title, article.outlet, article.date, article.text) == (
                row["title"], row["outlet"], row["date"], row["text"],
            )  # fmt: skip
            stored = [(q.start, q.end, q.kind, q.speaker, q.actor_id, q.speaker_type)
                      for q in project.quotes(row["id"])]  # fmt: skip
            assert stored == sorted(
                (q["start"], q["end"], q["kind"], q["speaker"], q["actor_id"], q["speaker_type"])
                for q in quotes
                if q["article_id"] == row["id"]
            )
            assert len(project.entities(row["id"])) == entities[row["id"]]
            mine = project.actors(row["id"])
            assert sorted((a.id, a.name, a.gender, len(a.mentions)) for a in mine) == sorted(
                (a["id"], a["name"], a["gender"], len(a["mentions"]))
                for a in actors
                if a["article_id"] == row["id"]
            )  # fmt: skip
        assert project.codebook().categories  # a project to code in


def test_a_second_wave_never_draws_an_article_twice(
    built_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project_path = tmp_path / "study.annotator"
    command = ["corpus", "sample", str(built_corpus), "--out", str(project_path), "--seed", "9"]
    assert main([*command, "--n", "3", "--stratify", "outlet,month"]) == 0
    assert main([*command, "--n", "5"]) == 0
    out = capsys.readouterr().out
    assert "wave 2, 3 already in the project left out" in out
    assert main([*command, "--n", "1"]) == 2
    assert "holds 0 article(s), fewer than --n 1" in capsys.readouterr().err
    with Project.open(project_path, read_only=True) as project:
        ids = project.article_ids()
        waves = json.loads(project.meta(SAMPLES_KEY) or "[]")
    assert len(ids) == len(set(ids)) == 8
    assert [w["wave"] for w in waves] == [1, 2]
    assert waves[0]["stratify"] == ["outlet", "month"] and waves[0]["seed"] == 9
    assert waves[0]["frame"] == 8 and waves[1]["frame"] == 5
    assert sum(s["drawn"] for s in waves[0]["strata"]) == 3
    assert sorted(waves[0]["articles"] + waves[1]["articles"]) == sorted(ids)

    # The export's sampling sheet states each wave's frame and strata for the methods section.
    book = tmp_path / "study.xlsx"
    assert main(["export", str(project_path), str(book)]) == 0
    rows = list(load_workbook(book, read_only=True)["sampling"].iter_rows(values_only=True))
    header, body = rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert header[:3] == ("wave", "made", "corpus")
    assert [r["wave"] for r in body] == [1] * len(waves[0]["strata"]) + [2]
    assert sum(r["stratum_drawn"] for r in body if r["wave"] == 1) == 3
    assert body[-1]["stratum"] == "all" and body[-1]["stratum_drawn"] == 5
    assert {r["seed"] for r in body} == {9} and body[0]["stratify"] == "outlet,month"


def test_constructed_weeks_take_the_articles_of_their_days(
    built_corpus: Path, tmp_path: Path
) -> None:
    first, last = date(2024, 1, 1), date(2024, 3, 31)
    days = constructed_week_days(first, last, 5, seed=2)
    assert days == constructed_week_days(first, last, 5, seed=2)
    assert len(days) == len(set(days)) == 35
    assert Counter(d.weekday() for d in days) == {w: 5 for w in range(7)}
    assert all(first <= d <= last for d in days)

    report = sample_corpus(
        built_corpus,
        tmp_path / "weeks.annotator",
        n=None,
        seed=2,
        constructed_weeks=5,
        date_from="2024-01-01",
        date_to="2024-03-31",
    )
    assert report.days == [d.isoformat() for d in days]
    articles = {a["id"]: a["date"] for a in table(built_corpus, "articles")}
    wanted = sorted(i for i, d in articles.items() if date.fromisoformat(d) in days)
    assert sorted(report.drawn) == wanted

    with pytest.raises(CorpusError, match="need 20 Mondays"):
        constructed_week_days(first, last, 20, seed=2)


def test_where_conditions_and_refusals(built_corpus: Path, tmp_path: Path) -> None:
    report = sample_corpus(
        built_corpus, tmp_path / "en.annotator", n=3, seed=5, where="language = 'en'"
    )
    english = {a["id"] for a in table(built_corpus, "articles") if a["language"] == "en"}
    assert report.frame == 3 and set(report.drawn) == english
    with pytest.raises(CorpusError, match="not a condition on the articles"):
        sample_corpus(built_corpus, tmp_path / "x.annotator", n=1, seed=1, where="colour = 1")
    with pytest.raises(CorpusError, match="fewer than --n 9"):
        sample_corpus(built_corpus, tmp_path / "y.annotator", n=9, seed=1)
    with pytest.raises(CorpusError, match="cannot stratify by 'weather'"):
        sample_corpus(built_corpus, tmp_path / "z.annotator", n=1, seed=1, stratify=["weather"])
    with pytest.raises(CorpusError, match="need --from and --to"):
        sample_corpus(built_corpus, tmp_path / "w.annotator", n=1, seed=1, constructed_weeks=1)
