"""The corpus layer (issue 16): building on Dask, counting with DuckDB, sampling.

- build: the same varied ~600-word articles (bench.import_scale's) built into a corpus by a
  local Dask cluster of 1 and of 2 worker processes (default partitions, about 64), and
  imported by ``import_files`` into a project, all with the default pipelines; throughput
  ratios, and each worker's peak memory (its ru_maxrss). ``ANNOTATOR_BENCH_ARTICLES``
  sets the count (default 400).
- stats: ``corpus stats`` over a synthetic corpus of 10^6 article rows (2 quotes, 1 actor
  and 1 entity each), against reading the columns it needs with pyarrow;
- sample: a 1,000-article sample stratified by outlet and month from the same rows into a
  new project, against the same column read.

bench/corpus.py is not this: it holds the demo texts other benchmarks repeat.
"""

from __future__ import annotations

import logging
import os
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from bench.import_scale import build_corpus as write_articles
from bench.sizes import size, tiny

_PART_ROWS = 100_000
_OUTLETS = [f"Outlet {n}" for n in range(12)]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _build(sources: Path, out: Path, workers: int) -> tuple[float, list[float]]:
    from distributed import Client, LocalCluster

    from annotator.services.corpus import build_corpus

    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        started = time.perf_counter()
        report = build_corpus([sources], out, scheduler=cluster.scheduler_address)
        elapsed = time.perf_counter() - started
        assert not report.failed and not report.problems, report.lines()
        peaks = list(client.run(_peak_mb).values())
    return elapsed, peaks


def _import(sources: Path, project_path: Path) -> float:
    from annotator.services.importer import import_files
    from annotator.store import Project

    started = time.perf_counter()
    with Project.create(project_path) as project:
        report = import_files(project, [sources])
    assert not report.skipped, report.lines()
    return time.perf_counter() - started


def write_synthetic(folder: Path, rows: int, seed: int = 3) -> None:
    """A corpus folder of ``rows`` short articles over 12 outlets and 24 months, with 2
    quotes, 1 actor and 1 entity each, and its manifest (as corpus build writes them)."""
    from annotator.services.corpus.layout import SCHEMAS, part_path, write_json_atomic

    rng = np.random.default_rng(seed)
    partitions = {}
    for index, first in enumerate(range(0, rows, _PART_ROWS)):
        count = min(_PART_ROWS, rows - first)
        numbers = np.arange(first, first + count)
        ids = [f"{n:08x}-0000-4000-8000-000000000000" for n in numbers]
        days = rng.integers(0, 730, count)
        dates = (np.datetime64("2023-01-01") + days).astype(str)
        outlets = np.array(_OUTLETS)[rng.integers(0, len(_OUTLETS), count)]
        texts = [f"Article {n}: Jane Doe said the council met again." for n in numbers]
        articles = {
            "id": ids,
            "title": [f"Story {n}" for n in numbers],
            "outlet": outlets,
            "author": [""] * count,
            "date": dates,
            "month": [d[:7] for d in dates],
            "language": np.where(numbers % 3 == 0, "en", "fr"),
            "url": [""] * count,
            "source_file": [f"s/{n}.txt" for n in numbers],
            "section": [""] * count,
            "text": texts,
            "original_text": [""] * count,
            "near_duplicate_of": [""] * count,
            "text_hash": [f"{n:040x}" for n in numbers],
            "words": np.full(count, 8, dtype=np.int32),
            "partition": np.full(count, index, dtype=np.int32),
        }
        actor_ids = [f"a{n:08x}" for n in numbers]
        genders = np.array(["female", "male", "unknown"])[rng.integers(0, 3, count)]
        tables = {
            "articles": articles,
            "entities": {"article_id": ids, "start": np.full(count, 14), "end": np.full(
                count, 22), "text": ["Jane Doe"] * count, "label": ["PERSON"] * count},
            "quotes": {
                "article_id": ids + ids,
                "start": np.full(2 * count, 28),
                "end": np.full(2 * count, 50),
                "text": ["the council met again."] * (2 * count),
                "kind": ["indirect"] * (2 * count),
                "speaker": ["Jane Doe"] * (2 * count),
                "speaker_start": np.full(2 * count, 14),
                "speaker_end": np.full(2 * count, 22),
                "cue": ["said"] * (2 * count),
                "actor_id": actor_ids + actor_ids,
                "speaker_type": ["person"] * (2 * count),
            },
            "actors": {
                "article_id": ids,
                "id": actor_ids,
                "name": [f"Person {n % 5000}" for n in numbers],
                "type": ["PERSON"] * count,
                "gender": genders,
                "mentions": [[{"start": 14, "end": 22, "text": "Jane Doe"}]] * count,
            },
        }  # fmt: skip
        for name, columns in tables.items():
            path = part_path(folder, name, index)
            path.parent.mkdir(parents=True, exist_ok=True)
            schema = SCHEMAS[name]
            arrays = [pa.array(columns[f.name], type=f.type) for f in schema]
            pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path)
        partitions[str(index)] = {"digest": "", "articles": count}
    write_json_atomic(
        folder / "manifest.json",
        {"format": 1, "created": "", "articles": rows, "complete": True, "partitions": partitions},
    )


def _scan(folder: Path) -> float:
    """Reading the columns stats and sample need, with pyarrow: the floor for either."""
    started = time.perf_counter()
    for path in sorted((folder / "articles").glob("part-*.parquet")):
        pq.read_table(path, columns=["id", "outlet", "month", "date", "text_hash"])
    for path in sorted((folder / "quotes").glob("part-*.parquet")):
        pq.read_table(path, columns=["article_id", "actor_id", "speaker_type"])
    return time.perf_counter() - started


def run() -> list[tuple[str, float, str]]:
    from annotator.services.corpus.sample import sample_corpus
    from annotator.services.corpus.stats import corpus_stats

    count = size(int(os.environ.get("ANNOTATOR_BENCH_ARTICLES", "400")), 6)
    rows = size(1_000_000, 2_000)
    drawn = size(1_000, 20)
    figures = []
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        root = Path(tmp)
        write_articles(root / "sources", count)
        one, peaks_one = _build(root / "sources", root / "one", 1)
        two, peaks_two = _build(root / "sources", root / "two", 2)
        # The tiny run checks that the benchmark runs, not the import.
        imported = two if tiny() else _import(root / "sources", root / "import.annotator")
        peak = max(peaks_one + peaks_two) / 1024
        figures += [
            (
                "corpus build: 2 workers / 1 worker, articles/s",
                one / two,
                f"{count} articles: 1 worker {count / one:.2f}/s, 2 workers {count / two:.2f}/s"
                " (target >= 1.7)",
            ),
            (
                "corpus build, 2 workers / annotator import",
                imported / two,
                f"import {count / imported:.2f} articles/s in one process",
            ),
            (
                "corpus build: peak memory per worker / 1.2 GB",
                peak / 1.2,
                f"{peak:.2f} GB at most (workers: "
                + ", ".join(f"{p / 1024:.2f}" for p in peaks_one + peaks_two)
                + " GB)",
            ),
        ]

        write_synthetic(root / "synthetic", rows)
        scan = _scan(root / "synthetic")
        started = time.perf_counter()
        stats = corpus_stats(root / "synthetic")
        counted = time.perf_counter() - started
        assert stats.articles == rows
        started = time.perf_counter()
        report = sample_corpus(
            root / "synthetic",
            root / "sample.annotator",
            n=drawn,
            seed=1,
            stratify=["outlet", "month"],
        )
        sampled = time.perf_counter() - started
        assert len(report.drawn) == drawn
        figures += [
            (
                "corpus stats / pyarrow column read",
                counted / scan,
                f"{rows} articles, {stats.quotes} quotes: {counted:.2f} s (target < 5 s),"
                f" read {scan:.2f} s",
            ),
            (
                "corpus sample / pyarrow column read",
                sampled / scan,
                f"{drawn} of {rows} by outlet and month ({len(report.strata)} strata):"
                f" {sampled:.2f} s (target < 10 s)",
            ),
        ]
    return figures
