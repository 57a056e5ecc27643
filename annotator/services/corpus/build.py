"""Build a corpus: read every source, leave duplicates out, pre-annotate in parallel on Dask.

The sources are read on the workers with the import's readers (news-database exports
split, boilerplate cut, language detected), in groups of files. The duplicate checks run
here, in the order of the sources, over the whole corpus: an exact duplicate (the
import's text fingerprint) is left out, and so is a near-duplicate (the import's shingle
index) unless the researcher allows them, in which case it is kept and flagged. The kept
articles are cut into partitions of ``partition_size`` in that order, so a re-run makes
the same partitions: those the manifest lists as finished are skipped, the others are
pre-annotated again, whether their build or their worker was killed. Each partition is
one Dask task; a worker that dies has its tasks given to another by the scheduler.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator import __version__, nlp
from annotator.core import Article, now_iso
from annotator.services.cleaning import NearDuplicateIndex
from annotator.services.corpus.layout import (
    FORMAT,
    LEFT_OUT,
    MANIFEST,
    TABLES,
    CorpusError,
    part_path,
    read_manifest,
    write_json_atomic,
)
from annotator.services.corpus.tasks import (
    PartitionResult,
    PipelineChoice,
    ReadArticle,
    ReadResult,
    analyze_partition,
    read_sources,
)
from annotator.services.errors import FileProblem
from annotator.services.sources import supported_suffixes
from annotator.services.sources.walk import walk_paths

#: Articles per partition at most; a smaller corpus gets smaller partitions (never under
#: ``MIN_PARTITION``), so that even a few hundred articles keep every worker busy.
PARTITION_SIZE = 250
MIN_PARTITION = 10
_PARTITIONS_WANTED = 64
#: Files read by one task: enough to keep a worker busy, few enough to spread them out.
_FILES_PER_TASK = 32
_BYTES_PER_TASK = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class BuildProgress:
    """Articles pre-annotated so far (finished partitions count whole) out of all."""

    done: int
    total: int


@dataclass(slots=True)
class BuildReport:
    """What a build did: articles kept, duplicates left out, bad sources, partitions."""

    corpus: Path
    articles: int = 0
    problems: list[FileProblem] = field(default_factory=list)
    exact_duplicates: int = 0
    near_duplicates: int = 0
    flagged: int = 0
    partitions: int = 0
    analyzed: int = 0
    skipped: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary a researcher reads: one line per bad source, then the totals."""
        out = [f"skipped {p.path}: {p.reason}" for p in self.problems]
        out.extend(
            f"partition {index} failed: {reason} (run the build again to retry it)"
            for index, reason in self.failed
        )
        left = self.exact_duplicates + self.near_duplicates
        if left or self.flagged:
            detail = (
                f"left out {self.exact_duplicates} exact and {self.near_duplicates} near"
                f" duplicate(s)"
            )
            if self.flagged:
                detail += f", kept {self.flagged} flagged near-duplicate(s)"
            out.append(f"{detail} (listed in {self.corpus / LEFT_OUT})")
        out.append(
            f"corpus {self.corpus}: {self.articles} article(s) in {self.partitions} partition(s);"
            f" {self.analyzed} pre-annotated now, {self.skipped} already done;"
            f" skipped {len(self.problems)} file(s)"
        )
        return out


def build_corpus(
    sources: Sequence[str | Path],
    out: str | Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    language: str = "auto",
    column_map: dict[str, str] | None = None,
    pipelines: dict[str, str] | None = None,
    allow_near_duplicates: bool = False,
    partition_size: int | None = None,
    progress: Callable[[BuildProgress], None] | None = None,
) -> BuildReport:
    """Build (or finish building) the corpus in ``out``; see the module's docstring.

    ``partition_size`` is the articles per partition (by default from the corpus's
    size: ``default_partition_size``). ``scheduler`` is the address of a running Dask
    scheduler (``tcp://host:8786``); without it a local cluster of ``workers`` processes
    (one per core by default) is started and stopped. Its workers must see ``sources``
    and ``out`` at the same paths.
    """
    corpus = Path(out).resolve()
    if corpus.exists() and not corpus.is_dir():
        raise CorpusError(f"{corpus}: is a file, not a folder")
    corpus.mkdir(parents=True, exist_ok=True)
    old = read_manifest(corpus) if (corpus / MANIFEST).exists() else None
    settings = {
        "language": language,
        "pipelines": {lang: nlp.pipeline_name(lang) for lang in nlp.SUPPORTED_LANGUAGES}
        | dict(pipelines or {}),
        "column_map": dict(column_map or {}),
        "allow_near_duplicates": allow_near_duplicates,
    }
    report = BuildReport(corpus)
    with _client(workers, scheduler) as client:
        client.register_plugin(PipelineChoice(dict(pipelines or {})))
        kept = _read_and_deduplicate(client, sources, settings, report)
        # From the number of articles only: the same sources make the same partitions,
        # whatever cluster runs the build.
        size = partition_size or default_partition_size(len(kept))
        settings["partition_size"] = size
        parts = [kept[i : i + size] for i in range(0, len(kept), size)]
        manifest = _start_manifest(corpus, old, settings, sources, parts)
        report.articles, report.partitions = len(kept), len(parts)
        _remove_stale_parts(corpus, len(parts))
        _analyze_partitions(client, corpus, parts, manifest, settings, report, progress)
    manifest["articles"] = sum(p["articles"] for p in manifest["partitions"].values())
    manifest["complete"] = len(manifest["partitions"]) == len(parts)
    manifest["problems"] = [{"file": p.path, "reason": p.reason} for p in report.problems]
    write_json_atomic(corpus / MANIFEST, manifest)
    return report


def default_partition_size(articles: int) -> int:
    """About 64 partitions, of 10 to 250 articles."""
    return max(MIN_PARTITION, min(PARTITION_SIZE, -(-articles // _PARTITIONS_WANTED)))


@contextlib.contextmanager
def _client(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise CorpusError(f"no Dask scheduler answers at {scheduler} ({exc})") from exc
        with client:
            yield client
        return
    count = workers or os.cpu_count() or 1
    # One process per worker and one thread each: spaCy holds the GIL while it parses.
    with (
        LocalCluster(
            n_workers=count,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port: another cluster may hold Dask's 8787
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _groups(files: list[Path]) -> list[list[str]]:
    """Files in order, in groups of a few files or a few megabytes."""
    groups: list[list[str]] = []
    size = 0
    for path in files:
        try:
            length = path.stat().st_size
        except OSError:
            length = 0
        if not groups or len(groups[-1]) >= _FILES_PER_TASK or size + length > _BYTES_PER_TASK:
            groups.append([])
            size = 0
        groups[-1].append(str(path))
        size += length
    return groups


def _read_and_deduplicate(
    client: Any, sources: Sequence[str | Path], settings: dict[str, Any], report: BuildReport
) -> list[Article]:
    found = walk_paths(sources, supported_suffixes())
    report.problems.extend(found.skipped)
    futures = client.map(
        read_sources,
        _groups(found.files),
        language=settings["language"],
        column_map=settings["column_map"],
        pure=False,
    )
    seen: set[str] = set()
    index = NearDuplicateIndex()
    kept: list[Article] = []
    left_out: list[tuple[str, str, str]] = []
    # In the order of the sources, whichever group is read first: the same sources make
    # the same corpus, and the first of two copies is the one kept.
    for future in futures:
        result: ReadResult = future.result()
        future.release()
        report.problems.extend(FileProblem(path, reason) for path, reason in result.problems)
        for item in result.articles:
            verdict = _check(item, seen, index, settings["allow_near_duplicates"])
            if verdict is None:
                report.exact_duplicates += 1
                left_out.append((item.article.source_file, item.article.title, "same text"))
                continue
            if verdict and not settings["allow_near_duplicates"]:
                report.near_duplicates += 1
                left_out.append((item.article.source_file, item.article.title, verdict))
                continue
            if verdict:
                report.flagged += 1
                left_out.append((item.article.source_file, item.article.title, f"kept: {verdict}"))
            kept.append(item.article)
    _write_left_out(report.corpus / LEFT_OUT, left_out)
    return kept


def _check(
    item: ReadArticle, seen: set[str], index: NearDuplicateIndex, allow_near: bool
) -> str | None:
    """None for an exact duplicate, the near-duplicate's description, or "" for a new text."""
    if any(f in seen for f in item.fingerprints):
        return None
    article = item.article
    found = index.find(item.shingles)
    detail = ""
    if found is not None:
        detail = f"near-duplicate of '{found.label}' (similarity {found.similarity:.2f})"
        if not allow_near:
            return detail
        article.near_duplicate_of = found.key
    seen.add(item.fingerprints[0])
    index.add(article.id, article.title or article.source_file, item.shingles)
    return detail


def _write_left_out(path: Path, rows: list[tuple[str, str, str]]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "title", "reason"])
        writer.writerows(rows)
    os.replace(tmp, path)


def _digest(articles: list[Article], settings: dict[str, Any]) -> str:
    """What a partition holds and how it is analysed: equal digests, equal partitions."""
    h = hashlib.sha1(repr(sorted(settings.items())).encode("utf-8"))
    for article in articles:
        h.update(article.id.encode("ascii"))
        h.update(repr((article.title, article.outlet, article.date, article.language)).encode())
    return h.hexdigest()


def _start_manifest(
    corpus: Path,
    old: dict[str, Any] | None,
    settings: dict[str, Any],
    sources: Sequence[str | Path],
    parts: list[list[Article]],
) -> dict[str, Any]:
    """The manifest for this run, keeping the finished partitions that are still valid."""
    finished: dict[str, Any] = {}
    if old is not None:
        for key, entry in old["partitions"].items():
            index = int(key)
            still = index < len(parts) and entry.get("digest") == _digest(parts[index], settings)
            if still and all(part_path(corpus, t, index).is_file() for t in TABLES):
                finished[key] = entry
    manifest = {
        "format": FORMAT,
        "annotator": __version__,
        "created": (old or {}).get("created") or now_iso(),
        "updated": now_iso(),
        "sources": [str(Path(s).resolve()) for s in sources],
        "settings": settings,
        "partition_count": len(parts),
        "articles": sum(e["articles"] for e in finished.values()),
        "complete": False,
        "partitions": finished,
    }
    write_json_atomic(corpus / MANIFEST, manifest)
    return manifest


def _remove_stale_parts(corpus: Path, count: int) -> None:
    """Partition files beyond this run's partitions (the sources were fewer) go, and so do
    the temporary files a killed build was writing."""
    for table in TABLES:
        folder = corpus / table
        if not folder.is_dir():
            continue
        for path in folder.glob(".part-*.tmp"):
            path.unlink(missing_ok=True)
        for path in folder.glob("part-*.parquet"):
            number = path.stem.removeprefix("part-")
            if number.isdigit() and int(number) >= count:
                path.unlink(missing_ok=True)


def _analyze_partitions(
    client: Any,
    corpus: Path,
    parts: list[list[Article]],
    manifest: dict[str, Any],
    settings: dict[str, Any],
    report: BuildReport,
    progress: Callable[[BuildProgress], None] | None,
) -> None:
    from distributed import as_completed

    total = sum(len(p) for p in parts)
    done = sum(len(parts[int(k)]) for k in manifest["partitions"])
    report.skipped = len(manifest["partitions"])
    if progress is not None:
        progress(BuildProgress(done, total))
    todo = [i for i in range(len(parts)) if str(i) not in manifest["partitions"]]
    futures = {
        client.submit(
            analyze_partition,
            str(corpus),
            i,
            parts[i],
            settings["language"],
            key=f"annotator-partition-{i}-{_digest(parts[i], settings)[:12]}",
            retries=1,
        ): i
        for i in todo
    }
    for future in as_completed(futures):
        index = futures[future]
        try:
            result: PartitionResult = future.result()
        except Exception as exc:  # a partition that keeps failing is reported, the rest goes on
            report.failed.append((index, f"{type(exc).__name__}: {exc}"))
            continue
        finally:
            future.release()
        manifest["partitions"][str(index)] = {
            "digest": _digest(parts[index], settings),
            "articles": result.articles,
            "entities": result.entities,
            "quotes": result.quotes,
            "actors": result.actors,
            "finished": now_iso(),
        }
        manifest["articles"] = sum(e["articles"] for e in manifest["partitions"].values())
        manifest["updated"] = now_iso()
        write_json_atomic(corpus / MANIFEST, manifest)
        report.analyzed += 1
        done += result.articles
        if progress is not None:
            progress(BuildProgress(done, total))
