"""corpus build | stats | sample: corpora larger than a project, on Dask, DuckDB and Parquet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.common import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, progress_bar


def add_corpus_commands(sub: Any) -> None:
    corpus = sub.add_parser(
        "corpus", help="build, explore and sample a corpus of many articles (Dask, Parquet)"
    )
    commands = corpus.add_subparsers(dest="corpus_command", required=True)

    build = commands.add_parser(
        "build",
        help="read and pre-annotate sources in parallel into a corpus folder (resumable)",
    )
    build.add_argument("sources", nargs="+", type=Path, help="files and folders, as for import")
    build.add_argument("--out", required=True, type=Path, help="the corpus folder")
    build.add_argument(
        "--workers", type=int, help="worker processes of the local cluster (default: one a core)"
    )
    build.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running Dask scheduler (tcp://host:8786) instead of a local cluster",
    )
    build.add_argument("--lang", choices=["auto", "fr", "en"], default="auto")
    build.add_argument(
        "--map",
        dest="column_map",
        metavar="FIELD=COLUMN,...",
        help="spreadsheet columns for .csv/.xlsx, as for import",
    )
    build.add_argument(
        "--pipeline",
        metavar="LANG=NAME,...",
        help="installed spaCy pipeline per language, e.g. fr=fr_core_news_sm",
    )
    build.add_argument(
        "--allow-near-duplicates",
        action="store_true",
        help="keep near-duplicates of other articles (flagged) instead of leaving them out",
    )
    build.add_argument(
        "--partition-size",
        type=int,
        default=None,
        metavar="N",
        help="articles per partition (default 250)",
    )


def _build(args: argparse.Namespace) -> int:
    from annotator.nlp.registry import PipelineMissing, parse_pipeline_choices, set_pipelines
    from annotator.services.corpus import BuildProgress, CorpusError, build_corpus
    from annotator.services.corpus.build import PARTITION_SIZE
    from annotator.services.sources import parse_column_map

    try:
        column_map = parse_column_map(args.column_map or "")
        choices = parse_pipeline_choices(args.pipeline or "")
    except ValueError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    refused = set_pipelines(choices)  # checked here, before any worker starts
    if refused:
        for message in refused:
            print(f"annotator: {message}", file=sys.stderr)
        return EXIT_USAGE
    if args.workers is not None and args.workers < 1:
        print("annotator: --workers: give at least 1", file=sys.stderr)
        return EXIT_USAGE
    size = args.partition_size or PARTITION_SIZE
    if size < 1:
        print("annotator: --partition-size: give at least 1", file=sys.stderr)
        return EXIT_USAGE
    bar = progress_bar()

    def progress(p: BuildProgress) -> None:
        if bar is not None:
            bar.total = p.total
            bar.update(p.done - bar.n)

    try:
        report = build_corpus(
            args.sources,
            args.out,
            workers=args.workers,
            scheduler=args.scheduler,
            language=args.lang,
            column_map=column_map,
            pipelines=choices,
            allow_near_duplicates=args.allow_near_duplicates,
            partition_size=size,
            progress=progress,
        )
    except (CorpusError, PipelineMissing) as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if bar is not None:
            bar.close()
    for line in report.lines():
        print(line)
    return EXIT_PARTIAL if report.problems or report.failed else EXIT_OK


_COMMANDS = {"build": _build}


def _corpus(args: argparse.Namespace) -> int:
    return _COMMANDS[args.corpus_command](args)


CORPUS_HANDLERS = {"corpus": _corpus}
