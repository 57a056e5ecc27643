"""A real Dask cluster (two worker processes) and a small built corpus, shared by the corpus
tests: starting workers and loading their spaCy pipelines takes seconds, so it is done once."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.services.corpus_data import PIPELINES, write_sources


@pytest.fixture(scope="session")
def dask_cluster() -> Iterator[Any]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster


@pytest.fixture(scope="session")
def built_corpus(dask_cluster: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The eight articles of corpus_data in partitions of three (read it, never change it)."""
    from annotator.services.corpus import build_corpus

    root = tmp_path_factory.mktemp("built-corpus")
    write_sources(root / "sources")
    report = build_corpus(
        [root / "sources"],
        root / "corpus",
        scheduler=dask_cluster.scheduler_address,
        pipelines=PIPELINES,
        partition_size=3,
    )
    assert report.articles == 8 and not report.failed, report.lines()
    return root / "corpus"
