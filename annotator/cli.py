"""Command line: the same services as the GUI, for scripts and tests."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.services.errors import FileProblem, user_message

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate news articles: quotes, speakers, codebooks, coding-study exports.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command")

    analyze = sub.add_parser("analyze", help="print entities and quotes found in text files")
    analyze.add_argument("files", nargs="+", type=Path)
    analyze.add_argument("--lang", choices=["auto", "fr", "en"], default="auto")
    analyze.add_argument("--json", action="store_true", help="one JSON object a line")

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

    export = sub.add_parser("export", help="export a project to an Excel workbook")
    export.add_argument("project", type=Path)
    export.add_argument("out", type=Path)

    open_ = sub.add_parser("open", help="open a project in the window")
    open_.add_argument("project", type=Path)
    open_.add_argument("--screenshot", type=Path, help="render the window to a PNG and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        return _run_gui(None, None)
    if args.command == "open":
        return _run_gui(args.project, args.screenshot)
    handlers = {"analyze": _analyze, "import": _import, "export": _export}
    try:
        return handlers[args.command](args)
    except Exception as exc:  # a message for the researcher, never a bare traceback
        print(f"annotator: {user_message(exc)}", file=sys.stderr)
        return EXIT_PARTIAL


def _run_gui(project: Path | None, screenshot: Path | None) -> int:
    from annotator.ui.app import run_gui

    return run_gui(project, screenshot)


def _analyze(args: argparse.Namespace) -> int:
    from annotator import nlp
    from annotator.services.sources import read_article

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
            "quotes": [asdict(q) for q in analysis.quotes],
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
    try:
        project = Project.open(args.project, create=True)
    except ProjectError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    bar = _progress_bar()

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
    return EXIT_PARTIAL if report.skipped or report.cancelled else EXIT_OK


def _progress_bar() -> Any:
    """A progress bar on a terminal; nothing when the output is piped."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=0, unit="article", file=sys.stderr, dynamic_ncols=True)


def _export(args: argparse.Namespace) -> int:
    from annotator.services.export import export_xlsx
    from annotator.store import Project, ProjectError

    if args.out.suffix.lower() != ".xlsx":
        print(f"annotator: {args.out}: only .xlsx export is available so far", file=sys.stderr)
        return EXIT_USAGE
    if not args.project.exists():
        print(f"annotator: {args.project}: no such project file", file=sys.stderr)
        return EXIT_USAGE
    try:
        with Project.open(args.project) as project:
            out = export_xlsx(project, args.out)
    except (ProjectError, OSError) as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"exported {out}")
    return EXIT_OK
