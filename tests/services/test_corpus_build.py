"""corpus build on a real local Dask cluster (two worker processes): Parquet, manifest,
duplicates across the corpus, bad sources, resuming, a killed worker, a killed build."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from annotator import nlp
from annotator.cli import main
from annotator.services.corpus import BuildProgress, build_corpus
from annotator.services.corpus.build import default_partition_size
from annotator.services.corpus.layout import MANIFEST, read_manifest
from tests.services.corpus_data import ARTICLES, PIPELINES, write_sources

ROOT = Path(__file__).resolve().parents[2]


def table(corpus: Path, name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted((corpus / name).glob("part-*.parquet")):
        rows.extend(pq.read_table(path).to_pylist())
    return rows


def near_copy(text: str) -> str:
    """The same story lightly edited by another outlet: a word added to its last sentence."""
    assert text.endswith("trop lourde.")
    return text.replace("trop lourde.", "bien trop lourde.")


@pytest.fixture()
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    write_sources(folder)
    title, _outlet, date, text = ARTICLES[0]
    (folder / "copy-same-text.txt").write_text(
        f"{title}\n\nOutlet: Autre Journal\nDate: {date}\n\n{text}\n", encoding="utf-8"
    )
    (folder / "copy-edited.txt").write_text(
        f"{title}\n\nOutlet: Nord Matin\nDate: {date}\n\n{near_copy(text)}\n",
        encoding="utf-8",
    )
    (folder / "report.pdf").write_text("not a PDF at all", encoding="utf-8")
    return folder


def test_build_writes_every_article_once_with_its_pre_annotations(
    sources: Path, tmp_path: Path, dask_cluster: Any
) -> None:
    seen: list[BuildProgress] = []
    report = build_corpus(
        [sources],
        tmp_path / "corpus",
        scheduler=dask_cluster.scheduler_address,
        pipelines=PIPELINES,
        partition_size=3,
        progress=seen.append,
    )
    corpus = tmp_path / "corpus"
    articles = table(corpus, "articles")
    assert sorted(a["title"] for a in articles) == sorted(a[0] for a in ARTICLES)
    assert len({a["id"] for a in articles}) == 8
    assert {a["partition"] for a in articles} == {0, 1, 2}
    assert report.exact_duplicates == 1 and report.near_duplicates == 1
    assert [p.path for p in report.problems] == [str(sources / "report.pdf")]
    assert any("report.pdf" in line for line in report.lines())
    left_out = (corpus / "left_out.csv").read_text("utf-8")
    assert "copy-same-text.txt" in left_out and "copy-edited.txt" in left_out
    assert seen[-1] == BuildProgress(8, 8)

    # What the workers found is what pre-annotation finds in this process.
    before = nlp.chosen_pipelines()
    nlp.set_pipelines(PIPELINES)
    try:
        quotes = table(corpus, "quotes")
        entities = table(corpus, "entities")
        actors = table(corpus, "actors")
        for article in articles:
            analysis = nlp.analyze(article["text"], article["language"])
            mine = [q for q in quotes if q["article_id"] == article["id"]]
            assert [(q["start"], q["end"], q["speaker"]) for q in mine] == [
                (q.start, q.end, q.speaker) for q in analysis.quotes
            ]
            assert len([e for e in entities if e["article_id"] == article["id"]]) == len(
                analysis.entities
            )
            assert sorted(
                (a["name"], a["gender"]) for a in actors if a["article_id"] == article["id"]
            ) == sorted((a.name, a.gender) for a in analysis.actors)
    finally:
        nlp.set_pipelines(before)
    assert any(a["gender"] == "female" for a in actors)

    manifest = read_manifest(corpus)
    assert manifest["complete"] and manifest["articles"] == 8
    assert sorted(manifest["partitions"]) == ["0", "1", "2"]
    assert manifest["settings"]["pipelines"]["fr"] == "fr_core_news_sm"


def test_near_duplicates_can_be_kept_flagged(
    sources: Path, tmp_path: Path, dask_cluster: Any
) -> None:
    report = build_corpus(
        [sources],
        tmp_path / "corpus",
        scheduler=dask_cluster.scheduler_address,
        pipelines=PIPELINES,
        allow_near_duplicates=True,
    )
    articles = {a["source_file"]: a for a in table(tmp_path / "corpus", "articles")}
    assert report.articles == 9 and report.flagged == 1 and report.exact_duplicates == 1
    edited = articles[str(sources / "copy-edited.txt")]
    assert edited["near_duplicate_of"] == articles[str(sources / "article-00.txt")]["id"]


def test_partitions_keep_every_worker_busy_from_a_few_hundred_articles() -> None:
    assert [default_partition_size(n) for n in (0, 8, 200, 640, 6_400, 10**6)] == [
        10, 10, 10, 10, 100, 250,
    ]  # fmt: skip


def test_a_second_run_skips_finished_partitions(tmp_path: Path, dask_cluster: Any) -> None:
    write_sources(tmp_path / "sources")
    options: dict[str, Any] = {
        "scheduler": dask_cluster.scheduler_address,
        "pipelines": PIPELINES,
        "partition_size": 4,
    }
    first = build_corpus([tmp_path / "sources"], tmp_path / "corpus", **options)
    files = sorted((tmp_path / "corpus").glob("*/part-*.parquet"))
    stamps = [f.stat().st_mtime_ns for f in files]
    second = build_corpus([tmp_path / "sources"], tmp_path / "corpus", **options)
    assert (first.analyzed, first.skipped) == (2, 0)
    assert (second.analyzed, second.skipped) == (0, 2)
    assert [f.stat().st_mtime_ns for f in files] == stamps

    # A source removed: the partitions that changed are redone, the one beyond goes.
    (tmp_path / "sources" / "article-07.txt").unlink()
    (tmp_path / "sources" / "article-06.txt").unlink()
    (tmp_path / "sources" / "article-05.txt").unlink()
    (tmp_path / "sources" / "article-04.txt").unlink()
    third = build_corpus([tmp_path / "sources"], tmp_path / "corpus", **options)
    assert (third.analyzed, third.skipped, third.articles) == (0, 1, 4)
    assert len(table(tmp_path / "corpus", "articles")) == 4
    assert not (tmp_path / "corpus" / "articles" / "part-00001.parquet").exists()


def _many_sources(folder: Path, copies: int) -> int:
    """``copies`` numbered variants of each article (near-duplicates, kept flagged)."""
    folder.mkdir(parents=True)
    for n in range(copies):
        for number, (title, outlet, date, text) in enumerate(ARTICLES):
            (folder / f"{n:02d}-{number:02d}.txt").write_text(
                f"{title} ({n})\n\nOutlet: {outlet}\nDate: {date}\n\n{text} ({n})\n",
                encoding="utf-8",
            )
    return copies * len(ARTICLES)


def test_a_killed_worker_s_partitions_are_redone(tmp_path: Path, dask_cluster: Any) -> None:
    from distributed import Client

    total = _many_sources(tmp_path / "sources", 2)
    killed: list[str] = []
    with Client(dask_cluster) as client:
        pids = client.run(os.getpid)

        def kill_a_busy_worker(p: BuildProgress) -> None:
            if killed or p.done == 0:
                return
            busy = [w for w, keys in client.processing().items() if keys and w in pids]
            if busy:
                killed.append(busy[0])
                os.kill(pids[busy[0]], signal.SIGKILL)

        report = build_corpus(
            [tmp_path / "sources"],
            tmp_path / "corpus",
            scheduler=dask_cluster.scheduler_address,
            pipelines=PIPELINES,
            allow_near_duplicates=True,
            partition_size=1,
            progress=kill_a_busy_worker,
        )
        client.wait_for_workers(2, timeout=120)
    assert killed, "no worker was busy when the first partition finished"
    assert not report.failed and report.analyzed == total
    ids = Counter(a["id"] for a in table(tmp_path / "corpus", "articles"))
    assert len(ids) == total and set(ids.values()) == {1}


def test_a_killed_build_resumes_where_it_stopped(tmp_path: Path, dask_cluster: Any) -> None:
    total = _many_sources(tmp_path / "sources", 2)
    corpus = tmp_path / "corpus"
    command = [
        *("corpus", "build", str(tmp_path / "sources"), "--out", str(corpus)),
        *("--scheduler", dask_cluster.scheduler_address, "--partition-size", "1"),
        *("--pipeline", "fr=fr_core_news_sm", "--allow-near-duplicates"),
    ]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    build = subprocess.Popen(
        [sys.executable, "-m", "annotator", *command],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 240
    finished = 0
    while time.monotonic() < deadline and build.poll() is None:
        if (corpus / MANIFEST).exists():
            finished = len(json.loads((corpus / MANIFEST).read_text("utf-8"))["partitions"])
            if finished >= 2:
                break
        time.sleep(0.05)
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert 2 <= finished < total, "the build was not caught half-way"

    assert main(command) == 0
    manifest = read_manifest(corpus)
    assert manifest["complete"] and manifest["articles"] == total
    assert len(manifest["partitions"]) == total
    ids = Counter(a["id"] for a in table(corpus, "articles"))
    assert len(ids) == total and set(ids.values()) == {1}
    assert not list(corpus.glob("*/.*.tmp"))  # what the killed run was writing is gone


def test_cli_builds_on_a_local_cluster_and_reports_bad_files(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = nlp.chosen_pipelines()
    code = main(
        [
            *("corpus", "build", str(sources), "--out", str(tmp_path / "corpus")),
            *("--workers", "2", "--pipeline", "fr=fr_core_news_sm"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 1  # done, with a file refused
    assert f"skipped {sources / 'report.pdf'}: " in out
    assert "corpus " + str(tmp_path / "corpus") + ": 8 article(s) in 1 partition(s)" in out
    assert len(table(tmp_path / "corpus", "articles")) == 8
    assert nlp.chosen_pipelines() == before  # --pipeline is for the workers only
