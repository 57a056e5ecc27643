"""Import articles into a project and pre-annotate them (the GUI and the CLI call this)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator import nlp
from annotator.core import Analysis, Article
from annotator.services.cleaning import NearDuplicateIndex, prepare_article
from annotator.services.errors import FileProblem, printable
from annotator.services.sources import ReadOptions, read_path, supported_suffixes
from annotator.services.sources.walk import walk_paths
from annotator.store import Project, text_hash
from annotator.store.lock import disk_full, free_space

#: Row statuses of ImportReport.rows().
IMPORTED, FLAGGED, SKIPPED, NOT_IMPORTED = "imported", "flagged", "skipped", "not imported"


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
    #: (file, detail): near-duplicates imported because the researcher allowed them.
    flagged: list[tuple[str, str]] = field(default_factory=list)
    #: (file, detail): what an imported article lost or kept, e.g. a date kept as written.
    notes: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    #: Why the import stopped before the end (a full disk), with what was kept; or "".
    stopped: str = ""
    _stored: list[tuple[str, str, str]] = field(default_factory=list, repr=False)
    _left_out: list[tuple[str, str]] = field(default_factory=list, repr=False)

    def lines(self) -> list[str]:
        """The summary a researcher reads, one line per skipped file, then the totals."""
        out = [f"skipped {p.path}: {p.reason}" for p in self.skipped]
        out.extend(f"flagged {path}: {detail}" for path, detail in self.flagged)
        out.extend(f"note {path}: {detail}" for path, detail in self.notes)
        total = f"imported {len(self.imported)} article(s), skipped {len(self.skipped)} file(s)"
        if self.cancelled:
            total += " (cancelled: the rest was not imported)"
        if self.stopped:
            out.append(self.stopped)
            total += " (stopped: the rest was not imported)"
        out.append(total)
        return out

    def rows(self) -> list[tuple[str, str, str]]:
        """(file, status, detail) per file or article: skipped, stored, then left out."""
        out = [(p.path, SKIPPED, p.reason) for p in self.skipped]
        out.extend(self._stored)
        why = "import stopped: the disk is full" if self.stopped else "import cancelled"
        out.extend((path, NOT_IMPORTED, f"{title} ({why})") for path, title in self._left_out)
        return out

    def add_left_out(self, articles: Iterable[Article]) -> None:
        """Record articles that were read but not stored: the import was cancelled or stopped."""
        self._left_out.extend((a.source_file, a.title) for a in articles)

    def add_stored(self, article: Article, flag: str, notes: Sequence[str]) -> None:
        """Record an article that is now in the project."""
        self.imported.append((article.source_file, article.title))
        if flag:
            self.flagged.append((article.source_file, flag))
        self.notes.extend((article.source_file, note) for note in notes)
        detail = "; ".join([article.title or "(no title)", *filter(None, [flag]), *notes])
        self._stored.append((article.source_file, FLAGGED if flag else IMPORTED, detail))


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to import: folders are walked recursively for supported files (see
    ``sources.walk``: regular files only, no links out of the folder, no hidden files)."""
    return walk_paths(paths, supported_suffixes()).files


class _DuplicateCheck:
    """Exact duplicates are refused; near-duplicates refused or flagged, as the researcher chose."""

    def __init__(self, project: Project, allow_near_duplicates: bool) -> None:
        self.project = project
        self.allow_near_duplicates = allow_near_duplicates
        self.seen: set[str] = set()
        self._index: NearDuplicateIndex | None = None

    def _near(self) -> NearDuplicateIndex:
        # Built on the first article, from the texts already in the project: no table to
        # keep in step, and it takes seconds for ten thousand articles.
        if self._index is None:
            self._index = NearDuplicateIndex()
            for stored in self.project.iter_articles():
                self._index.add(stored.id, stored.title or stored.source_file, stored.text)
        return self._index

    def check(self, article: Article) -> FileProblem | str:
        """A FileProblem if the article must not go in, else the flag to show ("" for none)."""
        fingerprint = text_hash(article.text)
        texts = [article.text, article.original_text] if article.original_text else [article.text]
        if fingerprint in self.seen or any(self.project.find_duplicate(t) for t in texts):
            return FileProblem(article.source_file, "already in the project (same text)")
        index = self._near()
        found = index.find(article.text)
        flag = ""
        if found is not None:
            similar = f"near-duplicate of '{found.label}' (similarity {found.similarity:.2f})"
            if not self.allow_near_duplicates:
                return FileProblem(
                    article.source_file, f"{similar}; use --allow-near-duplicates to import it"
                )
            article.near_duplicate_of = found.key
            flag = similar
        self.seen.add(fingerprint)
        index.add(article.id, article.title or article.source_file, article.text)
        return flag


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
    """Read, clean, deduplicate, pre-annotate and store articles; bad files are reported."""
    report = ImportReport()
    articles: list[tuple[Article, str, list[str]]] = []  # (article, flag, notes)
    duplicates = _DuplicateCheck(project, allow_near_duplicates)
    found = walk_paths(paths, supported_suffixes())
    report.skipped.extend(found.skipped)
    for item in (item for path in found.files for item in read_path(path, options)):
        if isinstance(item, FileProblem):
            report.skipped.append(item)
            continue
        # A file name that is not UTF-8 (Latin-1 bytes) is kept as it shows, not as bytes
        # no database or spreadsheet can hold.
        item.source_file = printable(item.source_file)
        notes = prepare_article(item, language)
        verdict = duplicates.check(item)
        if isinstance(verdict, FileProblem):
            report.skipped.append(verdict)
            continue
        articles.append((item, verdict, notes))

    # One batch at a time: progress and cancel stay live, and each batch is one
    # transaction, so a killed import leaves whole articles only.
    started = time.perf_counter()
    done = 0
    for first in range(0, len(articles), batch_size):
        if is_cancelled is not None and is_cancelled():
            report.cancelled = True
            report.add_left_out(a for a, _flag, _notes in articles[first:])
            break
        batch = articles[first : first + batch_size]
        batch_articles = [a for a, _f, _n in batch]
        analyses = analyze_articles(batch_articles, language, batch_size)
        pairs: list[tuple[Article, Analysis | None]] = list(
            zip(batch_articles, analyses, strict=True)
        )
        # Another import may have stored the same text since the check: the store's own
        # unique key leaves it out, and it is reported like any duplicate.
        try:
            left_out = {a.id for a in project.add_articles(pairs)}
        except (OSError, sqlite3.OperationalError) as exc:
            if not disk_full(exc):
                raise
            # The batch was rolled back whole; the batches before it are in the project.
            rest = articles[first:]
            report.add_left_out(a for a, _flag, _notes in rest)
            report.stopped = _disk_full(project.path, len(report.imported), len(rest))
            break
        for article, flag, notes in batch:
            if article.id in left_out:
                report.skipped.append(
                    FileProblem(article.source_file, "already in the project (same text)")
                )
            else:
                report.add_stored(article, flag, notes)
        done += len(batch)
        if progress is not None:
            elapsed = time.perf_counter() - started
            rate = done / elapsed if elapsed > 0 else 0.0
            left = (len(articles) - done) / rate if rate > 0 else None
            progress(Progress(done, len(articles), batch[-1][0].source_file, rate, left))
    return report


def _disk_full(path: Path, kept: int, left: int) -> str:
    free = free_space(path.parent)
    space = f" ({free // 1024} KB free)" if free is not None else ""
    return (
        f"{path}: the disk is full{space}: the import stopped. The {kept} article(s) imported"
        f" before are saved; {left} were not imported. Free some space and import the same"
        " files again: the articles already in the project are skipped."
    )


def analyze_articles(batch: list[Article], language: str, batch_size: int = 32) -> list[Analysis]:
    """Pre-annotate a batch, each article with its source's language when the source gave
    one; an article whose source gave none takes the detected one (import and corpus build)."""
    analyses = _analyze(batch, language, batch_size)
    for article, analysis in zip(batch, analyses, strict=True):
        # A language the source gave is kept; the detected one fills the gap.
        if language != "auto" or not article.language:
            article.language = analysis.language
    return analyses


def _analyze(batch: list[Article], language: str, batch_size: int) -> list[Analysis]:
    """Pre-annotate a batch, each article with its source's language when the source gave one."""
    wanted = [
        language if language != "auto" or a.language not in nlp.SUPPORTED_LANGUAGES else a.language
        for a in batch
    ]
    results: list[Analysis | None] = [None] * len(batch)
    for lang in dict.fromkeys(wanted):
        picked = [i for i, w in enumerate(wanted) if w == lang]
        texts = [batch[i].text for i in picked]
        for i, analysis in zip(picked, nlp.analyze_many(texts, lang, batch_size), strict=True):
            results[i] = analysis
    return [r for r in results if r is not None]
