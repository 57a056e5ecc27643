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
        help="articles per partition (default: 10 to 250, about 64 partitions)",
    )

    stats = commands.add_parser(
        "stats", help="count a corpus: articles per outlet and month, quotes, speakers, women"
    )
    stats.add_argument("corpus", type=Path, help="the corpus folder")
    stats.add_argument(
        "--by",
        default="outlet,month",
        metavar="COLUMNS",
        help="group the article counts by outlet, month, year, language, section"
        " (default outlet,month)",
    )
    stats.add_argument("--format", choices=["table", "json", "xlsx"], default="table")
    stats.add_argument("--out", type=Path, help="write to FILE (needed for xlsx)")
    stats.add_argument("--top", type=int, default=20, help="most quoted actors listed (20)")

    sample = commands.add_parser(
        "sample", help="draw a reproducible (stratified) sample of a corpus into a project"
    )
    sample.add_argument("corpus", type=Path, help="the corpus folder")
    sample.add_argument(
        "--out", required=True, type=Path, help="the project (created, or a new wave added)"
    )
    sample.add_argument("--n", type=int, help="articles to draw (all the days' articles without)")
    sample.add_argument(
        "--stratify",
        default="",
        metavar="COLUMNS",
        help="strata in proportion to their size: outlet, month, outlet,month, ...",
    )
    sample.add_argument(
        "--weights",
        metavar="SPEC",
        help="the strata's shares instead of their sizes: 'equal', or STRATUM=W pairs such as"
        " \"Le Monde=2,Libération=1\" ('*=W' for the rest; a value of the first --stratify"
        " column stands for its strata)",
    )
    sample.add_argument(
        "--constructed-weeks",
        type=int,
        metavar="K",
        help="draw K constructed weeks between --from and --to (one day per weekday each)",
    )
    sample.add_argument("--from", dest="date_from", metavar="DATE", help="first date, YYYY-MM-DD")
    sample.add_argument("--to", dest="date_to", metavar="DATE", help="last date, YYYY-MM-DD")
    sample.add_argument(
        "--where",
        metavar="SQL",
        help="a condition on the articles table, e.g. \"language = 'fr' and words > 200\"",
    )
    sample.add_argument("--seed", type=int, required=True, help="the same seed draws the same")


def _build(args: argparse.Namespace) -> int:
    from annotator.nlp.registry import (
        PipelineMissing,
        chosen_pipelines,
        parse_pipeline_choices,
        set_pipelines,
    )
    from annotator.services.corpus import BuildProgress, CorpusError, build_corpus
    from annotator.services.sources import parse_column_map

    try:
        column_map = parse_column_map(args.column_map or "")
        choices = parse_pipeline_choices(args.pipeline or "")
    except ValueError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    before = chosen_pipelines()
    refused = set_pipelines(choices)  # checked here, before any worker starts
    set_pipelines(before)  # the workers run the choices; this process keeps its own
    if refused:
        for message in refused:
            print(f"annotator: {message}", file=sys.stderr)
        return EXIT_USAGE
    if args.workers is not None and args.workers < 1:
        print("annotator: --workers: give at least 1", file=sys.stderr)
        return EXIT_USAGE
    size = args.partition_size
    if size is not None and size < 1:
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


def _stats(args: argparse.Namespace) -> int:
    import json

    from annotator.services.corpus import CorpusError
    from annotator.services.corpus.stats import corpus_stats, format_table, parse_groups
    from annotator.services.overview import write_tables_xlsx

    try:
        groups = parse_groups(args.by)
    except ValueError as exc:
        print(f"annotator: --by: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "xlsx" and args.out is None:
        print("annotator: --format xlsx needs --out FILE.xlsx", file=sys.stderr)
        return EXIT_USAGE
    try:
        stats = corpus_stats(args.corpus, groups, top=args.top)
    except CorpusError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.format == "xlsx":
            write_tables_xlsx(stats.tables, args.out)
            print(f"wrote {args.out}")
            return EXIT_OK
        if args.format == "json":
            text = json.dumps(stats.as_json(), ensure_ascii=False)
        else:
            head = (
                f"{stats.articles} articles, {stats.quotes} quotes, {stats.entities} entities,"
                f" {stats.actors} actors"
            )
            text = "\n\n".join([head, *(format_table(t) for t in stats.tables)])
        if args.out is None:
            print(text)
        else:
            args.out.write_text(text + "\n", encoding="utf-8")
            print(f"wrote {args.out}")
    except OSError as exc:
        print(f"annotator: {args.out}: cannot be written ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_PARTIAL
    return EXIT_OK


def _sample(args: argparse.Namespace) -> int:
    from annotator.services.corpus import CorpusError
    from annotator.services.corpus.sample import sample_corpus
    from annotator.services.corpus.stats import parse_groups
    from annotator.store import ProjectError

    try:
        strata = parse_groups(args.stratify)
    except ValueError as exc:
        print(f"annotator: --stratify: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        report = sample_corpus(
            args.corpus,
            args.out,
            n=args.n,
            seed=args.seed,
            stratify=strata,
            constructed_weeks=args.constructed_weeks,
            date_from=args.date_from,
            date_to=args.date_to,
            where=args.where,
            weights=args.weights,
        )
    except (CorpusError, ProjectError) as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for line in report.lines():
        print(line)
    return EXIT_OK


_COMMANDS = {"build": _build, "stats": _stats, "sample": _sample}


def _corpus(args: argparse.Namespace) -> int:
    return _COMMANDS[args.corpus_command](args)


CORPUS_HANDLERS = {"corpus": _corpus}
