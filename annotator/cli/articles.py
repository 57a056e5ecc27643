"""analyze, import, export and open: articles in and out of a project."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from annotator.cli.common import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, progress_bar
from annotator.services.errors import FileProblem


def add_article_commands(sub: Any) -> None:
    analyze = sub.add_parser("analyze", help="print entities and quotes found in text files")
    analyze.add_argument("files", nargs="+", type=Path)
    analyze.add_argument("--lang", choices=["auto", "fr", "en"], default="auto")
    analyze.add_argument("--json", action="store_true", help="one JSON object a line")
    analyze.add_argument(
        "--pipeline",
        metavar="LANG=NAME,...",
        help="installed spaCy pipeline per language, e.g. fr=fr_core_news_sm",
    )

    imp = sub.add_parser("import", help="import articles into a project (created if missing)")
    imp.add_argument("project", type=Path)
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--lang", choices=["auto", "fr", "en"], default="auto")
    imp.add_argument(
        "--map",
        dest="column_map",
        metavar="FIELD=COLUMN,...",
        help="spreadsheet columns for .csv/.xlsx: text=COLUMN,title=COLUMN,date=COLUMN,"
        "outlet=COLUMN,author=COLUMN,url=COLUMN",
    )
    imp.add_argument(
        "--allow-near-duplicates",
        action="store_true",
        help="import articles that are near-duplicates of others (they are flagged)",
    )

    export = sub.add_parser(
        "export",
        help="export a project: .xlsx, .csv (one table), .zip (every table as CSV), .jsonl,"
        " .qdpx, .sav (SPSS), .dta (Stata), .R (an R script and the CSV files it loads)",
    )
    export.add_argument("project", type=Path)
    export.add_argument(
        "out",
        type=Path,
        help="OUT.xlsx, OUT.csv, OUT.zip, OUT.jsonl, OUT.qdpx (REFI-QDA), OUT.sav, OUT.dta or"
        " OUT.R",
    )
    export.add_argument(
        "--bom", action="store_true", help="CSV with a UTF-8 byte-order mark (for Excel)"
    )
    export.add_argument(
        "--exact",
        action="store_true",
        help="CSV exactly as coded, for R, Stata or SPSS: no leading ' before text that starts "
        "with = + - @ (the default guards Excel against running it as a formula)",
    )
    export.add_argument(
        "--sheet",
        metavar="NAME",
        help="the table a .csv export writes (default: coding); .sav and .dta: coding or units; "
        "articles, coding, units, annotations, quotes, decisions, actors, codebook, reliability",
    )

    open_ = sub.add_parser("open", help="open a project in the window")
    open_.add_argument("project", type=Path)
    open_.add_argument("--screenshot", type=Path, help="render the window to a PNG and exit")


def _analyze(args: argparse.Namespace) -> int:
    from annotator import nlp
    from annotator.nlp.registry import parse_pipeline_choices
    from annotator.services.sources import read_article

    if args.pipeline:
        try:
            choices = parse_pipeline_choices(args.pipeline)
        except ValueError as exc:
            print(f"annotator: {exc}", file=sys.stderr)
            return EXIT_USAGE
        for language, name in choices.items():
            nlp.set_pipeline(language, name)
    failed = 0
    for path in args.files:
        try:
            text = read_article(path).text
        except FileProblem as problem:
            print(f"annotator: {problem}", file=sys.stderr)
            failed += 1
            continue
        analysis = nlp.analyze(text, language=args.lang)
        record = {
            "file": str(path),
            "language": analysis.language,
            "text": text,
            "entities": [asdict(e) for e in analysis.entities],
            # The quote objects keep the documented keys; actors come as a list of their own.
            "quotes": [
                {k: v for k, v in asdict(q).items() if k != "actor_id"} for q in analysis.quotes
            ],
            "actors": [
                {
                    "name": a.name,
                    "type": a.type,
                    "gender": a.gender,
                    "mentions": [asdict(m) for m in a.mentions],
                    "quotes": sum(q.actor_id == a.id for q in analysis.quotes),
                }
                for a in analysis.actors
            ],
        }
        if args.json:
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            _print_analysis(path, text, analysis)
    return EXIT_PARTIAL if failed else EXIT_OK


def _print_analysis(path: Path, text: str, analysis: object) -> None:
    from annotator.core import Analysis

    assert isinstance(analysis, Analysis)
    print(
        f"{path} ({analysis.language}): {len(analysis.entities)} entities, "
        f"{len(analysis.quotes)} quotes"
    )
    for quote in analysis.quotes:
        words = quote.text if len(quote.text) < 80 else quote.text[:77] + "..."
        print(f"  [{quote.kind}] {quote.speaker or '?'} ({quote.cue or '-'}): {words}")


def _import(args: argparse.Namespace) -> int:
    from annotator.services.importer import Progress, import_files
    from annotator.services.sources import ReadOptions, parse_column_map
    from annotator.store import Project, ProjectError

    try:
        options = ReadOptions(column_map=parse_column_map(args.column_map or ""))
    except ValueError as exc:
        print(f"annotator: --map: {exc}", file=sys.stderr)
        return EXIT_USAGE
    new = not Path(args.project).exists()
    try:
        project = Project.open(args.project, create=True, exclusive=True)
    except ProjectError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if new:
        # A project made by an import codes like one made by `annotator new`.
        from annotator.services.codebooks import starter_codebook

        project.install_codebook(starter_codebook())
    bar = progress_bar()

    def progress(p: Progress) -> None:
        if bar is not None:
            bar.total = p.total
            bar.update(p.done - bar.n)

    with project:
        report = import_files(
            project,
            args.files,
            language=args.lang,
            progress=progress,
            options=options,
            allow_near_duplicates=args.allow_near_duplicates,
        )
    if bar is not None:
        bar.close()
    for line in report.lines():
        print(line)
    return EXIT_PARTIAL if report.skipped or report.cancelled or report.stopped else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from annotator.services.exports import FORMATS, export_project
    from annotator.store import Project, ProjectError

    suffix = args.out.suffix.lower()
    if suffix not in {known.lower() for known in FORMATS}:
        print(
            f"annotator: {args.out}: cannot export to '{suffix or args.out.name}' files"
            f" (use {', '.join(FORMATS)})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if not args.project.exists():
        print(f"annotator: {args.project}: no such project file", file=sys.stderr)
        return EXIT_USAGE
    try:
        with Project.open(args.project, read_only=True) as project:
            out = export_project(
                project,
                args.out,
                bom=args.bom,
                sheet=args.sheet,
                exact=args.exact,
                warn=lambda message: print(f"warning: {message}", file=sys.stderr),
            )
    except (ProjectError, FileProblem) as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"annotator: {args.out}: cannot be written ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_PARTIAL
    print(f"exported {out}")
    return EXIT_OK


ARTICLE_HANDLERS = {"analyze": _analyze, "import": _import, "export": _export}
