"""What the Dask workers run: reading sources, and pre-annotating one partition into Parquet.

Both are plain functions of picklable arguments, so that any worker (of the local
cluster or of a cluster given by its address) can run them. The spaCy pipelines are
loaded once per worker process (``nlp.load_pipeline`` caches them); ``PipelineChoice``
makes every worker, including one started again after a crash, run the pipelines the
researcher chose.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from distributed import WorkerPlugin

from annotator import nlp
from annotator.core import Analysis, Article
from annotator.services.cleaning import prepare_article
from annotator.services.cleaning.duplicates import shingles
from annotator.services.corpus.layout import SCHEMAS, part_path
from annotator.services.errors import FileProblem, printable
from annotator.services.importer import analyze_articles
from annotator.services.sources import ReadOptions, read_path
from annotator.store import text_hash

# Article ids are derived from the text's fingerprint: the same article gets the same id
# in every run, so a resumed build finds its partitions again.
_ID_NAMESPACE = uuid.UUID("5d7c9a1e-2b64-4f0e-8c3a-91e5d2b7f640")


def article_id(fingerprint: str) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, fingerprint))


@dataclass(slots=True)
class ReadArticle:
    """An article as read and cleaned, with what the duplicate checks need."""

    article: Article
    notes: list[str]
    fingerprints: tuple[str, ...]
    shingles: np.ndarray


@dataclass(slots=True)
class ReadResult:
    """The articles of a group of files, and the problems met (file, reason)."""

    articles: list[ReadArticle] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def read_sources(paths: Sequence[str], language: str, column_map: dict[str, str]) -> ReadResult:
    """Read and clean the articles of some files with the import's readers; a file that
    fails is a problem of that file only."""
    result = ReadResult()
    options = ReadOptions(column_map=column_map)
    for path in paths:
        try:
            for item in read_path(Path(path), options):
                if isinstance(item, FileProblem):
                    result.problems.append((item.path, item.reason))
                    continue
                item.source_file = printable(item.source_file)
                notes = prepare_article(item, language)
                texts = [item.text, item.original_text] if item.original_text else [item.text]
                prints = tuple(text_hash(t) for t in texts)
                item.id = article_id(prints[0])
                result.articles.append(ReadArticle(item, notes, prints, shingles(item.text)))
        except Exception as exc:  # one file's bug or damage never stops the build
            result.problems.append((printable(path), f"could not be read ({exc!r})"))
    return result


class PipelineChoice(WorkerPlugin):
    """A worker plugin: the spaCy pipelines the researcher chose, set on every worker."""

    name = "annotator-pipelines"

    def __init__(self, choices: dict[str, str]) -> None:
        self.choices = dict(choices)

    def setup(self, worker: Any) -> None:
        nlp.set_pipelines(self.choices)


@dataclass(frozen=True, slots=True)
class PartitionResult:
    index: int
    articles: int
    entities: int
    quotes: int
    actors: int


def analyze_partition(
    corpus: str, index: int, articles: list[Article], language: str, batch_size: int = 32
) -> PartitionResult:
    """Pre-annotate a partition's articles and write its four Parquet files."""
    analyses = analyze_articles(articles, language, batch_size)
    tables = _tables(articles, analyses, index)
    folder = Path(corpus)
    written: list[tuple[Path, Path]] = []
    for name, table in tables.items():
        target = part_path(folder, name, index)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Hidden and unique: a second copy of this task (a worker thought dead) never
        # mixes its rows with this one's, and readers never see half a file.
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        pq.write_table(table, tmp, compression="zstd")
        written.append((tmp, target))
    for tmp, target in written:
        os.replace(tmp, target)
    return PartitionResult(
        index,
        len(articles),
        tables["entities"].num_rows,
        tables["quotes"].num_rows,
        tables["actors"].num_rows,
    )


def _tables(articles: list[Article], analyses: list[Analysis], index: int) -> dict[str, pa.Table]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    for article, analysis in zip(articles, analyses, strict=True):
        date = article.date or ""
        rows["articles"].append(
            {
                "id": article.id,
                "title": article.title,
                "outlet": article.outlet,
                "author": article.author,
                "date": article.date,
                "month": date[:7] if len(date) >= 7 and date[4:5] == "-" else "",
                "language": article.language,
                "url": article.url,
                "source_file": article.source_file,
                "section": article.section,
                "text": article.text,
                "original_text": article.original_text,
                "near_duplicate_of": article.near_duplicate_of,
                "text_hash": text_hash(article.text),
                "words": len(article.text.split()),
                "partition": index,
            }
        )
        rows["entities"].extend(
            {"article_id": article.id, "start": e.start, "end": e.end, "text": e.text,
             "label": e.label}
            for e in analysis.entities
        )  # fmt: skip
        rows["quotes"].extend(
            {
                "article_id": article.id,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "cue": q.cue,
                "actor_id": q.actor_id,
                "speaker_type": q.speaker_type,
            }
            for q in analysis.quotes
        )
        rows["actors"].extend(
            {
                "article_id": article.id,
                "id": a.id,
                "name": a.name,
                "type": a.type,
                "gender": a.gender,
                "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in a.mentions],
            }
            for a in analysis.actors
        )
    return {
        name: pa.Table.from_pylist(rows[name], schema=schema) for name, schema in SCHEMAS.items()
    }
