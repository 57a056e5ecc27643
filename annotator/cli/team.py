"""split, merge and import-annotations: the commands of a coding team."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.common import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from annotator.cli.terminal import neutralised, raw_stream
from annotator.services.errors import FileProblem


def add_team_commands(sub: Any) -> None:
    split = sub.add_parser("split", help="write one project file per coder, with an overlap")
    split.add_argument("project", type=Path)
    split.add_argument("--coders", required=True, metavar="A,B,C", help="the coders' names")
    split.add_argument(
        "--overlap",
        type=float,
        default=0.1,
        help="share of the articles coded by everyone, for reliability (default 0.1)",
    )
    split.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write to")
    split.add_argument("--seed", type=int, help="draw the same assignment again")
    split.add_argument(
        "--keep-codes",
        action="store_true",
        help="keep every coder's codes, not only each one's own",
    )

    merge = sub.add_parser("merge", help="merge coders' project files into OUT")
    merge.add_argument("out", type=Path)
    merge.add_argument("projects", nargs="+", type=Path)

    imp = sub.add_parser(
        "import-annotations", help="load codes from JSON Lines, doccano or Label Studio"
    )
    imp.add_argument("project", type=Path)
    imp.add_argument("file", type=Path)
    imp.add_argument("--coder", required=True, help="whose codes these are")
    imp.add_argument(
        "--add-missing",
        action="store_true",
        help="add categories and variables missing from the codebook (nominal)",
    )


def _split(args: argparse.Namespace) -> int:
    from annotator.services.split import SplitError, split

    try:
        report = split(
            args.project,
            args.coders.split(","),
            args.overlap,
            args.out,
            seed=args.seed,
            keep_codes=args.keep_codes,
        )
    except SplitError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for line in report.lines():
        print(line)
    return EXIT_OK


def _merge(args: argparse.Namespace) -> int:
    from annotator.services.merge import MergeRefused, merge

    bar: Any = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=0, unit="row", file=raw_stream(sys.stderr), dynamic_ncols=True)

    def progress(done: int, total: int, name: str) -> None:
        if bar is not None:
            bar.total = total
            bar.set_description(neutralised(name[:30]))
            bar.update(done - bar.n)

    try:
        report = merge(args.out, args.projects, progress=progress)
    except MergeRefused as exc:
        print(f"annotator: {exc}; {args.out} was left as it was", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if bar is not None:
            bar.close()
    for line in report.lines():
        print(line)
    return EXIT_OK


def _import_annotations(args: argparse.Namespace) -> int:
    from annotator.services.annotations_io import import_annotations
    from annotator.store import Project, ProjectError

    if not args.coder.strip():
        print("annotator: --coder: give the coder's name", file=sys.stderr)
        return EXIT_USAGE
    try:
        project = Project.open(args.project)
    except ProjectError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        with project:
            report = import_annotations(project, args.file, args.coder, args.add_missing)
    except FileProblem as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    *problems, summary = report.lines()
    for line in problems:
        print(line, file=sys.stderr if line.startswith(str(report.path)) else sys.stdout)
    print(summary)
    return EXIT_PARTIAL if report.problems else EXIT_OK


TEAM_HANDLERS = {
    "split": _split,
    "merge": _merge,
    "import-annotations": _import_annotations,
}


# -- codebooks: annotator new, annotator codebook export|import ---------------------------
