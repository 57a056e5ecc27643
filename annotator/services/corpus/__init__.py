"""Corpora larger than a project: built in parallel on Dask into Parquet, explored with
DuckDB, sampled into coding projects (see README, "Corpora")."""

from annotator.services.corpus.build import BuildProgress, BuildReport, build_corpus
from annotator.services.corpus.layout import CorpusError

__all__ = ["BuildProgress", "BuildReport", "CorpusError", "build_corpus"]
