"""Import articles into a project and pre-annotate them (the GUI and the CLI call this)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator import nlp
from annotator.core import Analysis, Article
from annotator.services.errors import FileProblem
from annotator.services.sources import ReadOptions, read_path, supported_suffixes
from annotator.store import Project, text_hash


@dataclass(frozen=True, slots=True)
class Progress:
    """How far an import has got; ``rate`` is articles per second."""

    done: int
    total: int
    current: str
    rate: float
    seconds_left: float | None


@dataclass(slots=True)
class ImportReport:
    """What an import did, file by file."""

    imported: list[tuple[str, str]] = field(default_factory=list)  # (file, title)
    skipped: list[FileProblem] = field(default_factory=list)
    cancelled: bool = False

    def lines(self) -> list[str]:
        """The summary a researcher reads, one line per skipped file, then the totals."""
        out = [f"skipped {p.path}: {p.reason}" for p in self.skipped]
        total = f"imported {len(self.imported)} article(s), skipped {len(self.skipped)} file(s)"
        if self.cancelled:
            total += " (cancelled: the rest was not imported)"
        out.append(total)
        return out


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to import: folders are walked recursively for supported files."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            suffixes = supported_suffixes()
            out.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes))
        else:
            out.append(path)
    return out


def import_files(
    project: Project,
    paths: Sequence[str | Path],
    *,
    language: str = "auto",
    progress: Callable[[Progress], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    batch_size: int = 32,
    options: ReadOptions | None = None,
    allow_near_duplicates: bool = False,
) -> ImportReport:
    """Read, deduplicate, pre-annotate and store articles; bad files are reported, not fatal."""
    report = ImportReport()
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for item in (item for path in expand_paths(paths) for item in read_path(path, options)):
        if isinstance(item, FileProblem):
            report.skipped.append(item)
            continue
        article = item
        fingerprint = text_hash(article.text)
        duplicate_of = seen.get(fingerprint) or project.find_duplicate(article.text)
        if duplicate_of:
            report.skipped.append(
                FileProblem(article.source_file, "already in the project (same text)")
            )
            continue
        seen[fingerprint] = article.id
        if language != "auto":
            article.language = language
        articles.append(article)

    # One batch at a time: progress and cancel stay live, and each batch is one
    # transaction, so a killed import leaves whole articles only.
    started = time.perf_counter()
    done = 0
    for first in range(0, len(articles), batch_size):
        if is_cancelled is not None and is_cancelled():
            report.cancelled = True
            break
        batch = articles[first : first + batch_size]
        texts = [a.text for a in batch]
        analyses = nlp.analyze_many(texts, language=language, batch_size=batch_size)
        pairs: list[tuple[Article, Analysis | None]] = []
        for article, analysis in zip(batch, analyses, strict=True):
            article.language = analysis.language
            pairs.append((article, analysis))
        project.add_articles(pairs)
        report.imported.extend((a.source_file, a.title) for a in batch)
        done += len(batch)
        if progress is not None:
            elapsed = time.perf_counter() - started
            rate = done / elapsed if elapsed > 0 else 0.0
            left = (len(articles) - done) / rate if rate > 0 else None
            progress(Progress(done, len(articles), batch[-1].source_file, rate, left))
    return report
