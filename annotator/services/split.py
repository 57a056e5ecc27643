"""Split a project into one file per coder: an overlap sample for everyone, the rest shared out.

Each coder's file keeps the project's id and name (so the files merge back), the codebook,
the coder's articles with their suggestions (entities, quotes, actors), and only the
coder's own codes unless asked. The assignment is recorded in each file: the coder's
articles in the ``assignments`` table (merge carries it, agreement and the coding sheet
read it), and the draw in the ``project`` table under ``split`` (JSON: coders, seed,
overlap article ids, this coder's article ids). ``out_dir`` is created when missing.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import now_iso
from annotator.store import Project, ProjectError
from annotator.store.scratch import remove_dead_leftovers, remove_scratch, scratch_path


class SplitError(Exception):
    """A split that was not done, with a message for the researcher."""


@dataclass(slots=True)
class SplitReport:
    """Which file went to whom, and how many articles each holds."""

    files: dict[str, Path] = field(default_factory=dict)
    articles: dict[str, int] = field(default_factory=dict)
    overlap: list[str] = field(default_factory=list)
    seed: int = 0

    def lines(self) -> list[str]:
        lines = [
            f"{coder}: {self.articles[coder]} articles -> {path}"
            for coder, path in self.files.items()
        ]
        lines.append(f"{len(self.overlap)} articles coded by everyone (overlap); seed {self.seed}")
        return lines


@dataclass(frozen=True, slots=True)
class Assignment:
    overlap: list[str]
    #: Each coder's articles (overlap included), in the project's order.
    by_coder: dict[str, list[str]]


def assign(
    article_ids: Sequence[str], coders: Sequence[str], overlap: float, seed: int
) -> Assignment:
    """Draw the overlap sample and deal the other articles out evenly (reproducible by seed)."""
    rng = random.Random(seed)
    count = round(overlap * len(article_ids))
    if overlap > 0 and article_ids:
        count = max(count, 1)  # an overlap asked for is never rounded away
    shared = set(rng.sample(list(article_ids), count))
    rest = [a for a in article_ids if a not in shared]
    rng.shuffle(rest)
    own: dict[str, set[str]] = {c: set() for c in coders}
    for number, article_id in enumerate(rest):
        own[coders[number % len(coders)]].add(article_id)
    order = [a for a in article_ids if a in shared]
    return Assignment(
        overlap=order,
        by_coder={c: [a for a in article_ids if a in shared or a in own[c]] for c in coders},
    )


def coder_file(project_path: Path, coder: str, out_dir: Path) -> Path:
    """Where a coder's file goes: ``OUT_DIR/<project>-<coder><the project's suffix>``."""
    safe = re.sub(r"[^\w.-]+", "_", coder.strip()).strip("._") or "coder"
    return out_dir / f"{project_path.stem}-{safe}{project_path.suffix or '.annotator'}"


def split(
    project_path: str | Path,
    coders: Sequence[str],
    overlap: float,
    out_dir: str | Path,
    seed: int | None = None,
    keep_codes: bool = False,
) -> SplitReport:
    """Write one project file per coder into ``out_dir``; see the module's docstring.

    ``keep_codes`` keeps every coder's codes on the articles given out (not only the
    coder's own). Existing files are never overwritten.
    """
    project_path, out_dir = Path(project_path), Path(out_dir)
    names = _check_coders(coders)
    if not 0 <= overlap <= 1:
        raise SplitError(f"overlap {overlap}: give a share between 0 and 1 (0.1 for 10 %)")
    if out_dir.exists() and not out_dir.is_dir():
        raise SplitError(f"{out_dir}: is a file, not a folder")
    targets = {c: coder_file(project_path, c, out_dir) for c in names}
    if len(set(targets.values())) < len(targets):
        raise SplitError("two coders' names give the same file name; make them more distinct")
    for target in targets.values():
        if target.exists():
            raise SplitError(f"{target}: already exists; move it away or choose another folder")
    if seed is None:
        seed = random.SystemRandom().randrange(1 << 31)
    try:
        source = Project.open(project_path, read_only=True)
    except ProjectError as exc:
        raise SplitError(str(exc)) from exc
    with source:
        ids = source.article_ids()
        if not ids:
            raise SplitError(f"{project_path}: has no articles to give out")
        plan = assign(ids, names, overlap, seed)
        report = SplitReport(overlap=plan.overlap, seed=seed)
        made = now_iso()
        written: dict[Path, Path] = {}
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            for coder in names:
                manifest = {
                    "coder": coder,
                    "coders": names,
                    "overlap_share": overlap,
                    "seed": seed,
                    "made": made,
                    "source": project_path.name,
                    "overlap": plan.overlap,
                    "articles": plan.by_coder[coder],
                }
                remove_dead_leftovers(targets[coder], ("splitting",))  # of splits killed
                tmp = scratch_path(targets[coder], "splitting")
                written[tmp] = targets[coder]
                _write_coder_file(source, tmp, coder, plan.by_coder[coder], manifest, keep_codes)
                report.files[coder] = targets[coder]
                report.articles[coder] = len(plan.by_coder[coder])
            # Only once every file is ready: a failure half-way leaves no coder a file.
            for tmp, target in written.items():
                os.replace(tmp, target)
        except OSError as exc:
            raise SplitError(f"{out_dir}: the coders' files cannot be written ({exc})") from exc
        finally:
            for tmp in written:
                remove_scratch(tmp)
    return report


def _check_coders(coders: Sequence[str]) -> list[str]:
    names = [c.strip() for c in coders if c.strip()]
    if not names:
        raise SplitError("name at least one coder")
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise SplitError(f"coder “{name}” is named twice")
        seen.add(name.casefold())
    return names


def _write_coder_file(
    source: Project,
    tmp: Path,
    coder: str,
    article_ids: list[str],
    manifest: dict[str, object],
    keep_codes: bool,
) -> None:
    try:
        source.copy_to(tmp)
        with Project.open(tmp) as part:
            part.keep_only(article_ids, coder=None if keep_codes else coder)
            part.assign_articles(article_ids, coder)
            part.set_meta("split", json.dumps(manifest, ensure_ascii=False))
    except ProjectError as exc:
        raise SplitError(f"{tmp.name}: cannot be written ({exc})") from exc
