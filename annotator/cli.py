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
        help="export a project: .xlsx, .csv (one table), .zip (every table as CSV), .jsonl, .qdpx",
    )
    export.add_argument("project", type=Path)
    export.add_argument(
        "out", type=Path, help="OUT.xlsx, OUT.csv, OUT.zip, OUT.jsonl or OUT.qdpx (REFI-QDA)"
    )
    export.add_argument(
        "--bom", action="store_true", help="CSV with a UTF-8 byte-order mark (for Excel)"
    )
    export.add_argument(
        "--sheet",
        metavar="NAME",
        help="the table a .csv export writes (default: coding); "
        "articles, coding, units, annotations, quotes, actors, codebook, reliability",
    )

    open_ = sub.add_parser("open", help="open a project in the window")
    open_.add_argument("project", type=Path)
    open_.add_argument("--screenshot", type=Path, help="render the window to a PNG and exit")
    _add_team_commands(sub)
    _add_codebook_commands(sub)
    _add_agreement_command(sub)
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
    handlers.update(TEAM_HANDLERS)
    handlers.update(CODEBOOK_HANDLERS)
    handlers.update(AGREEMENT_HANDLERS)
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
        project = Project.open(args.project, create=True)
    except ProjectError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if new:
        # A project made by an import codes like one made by `annotator new`.
        from annotator.services.codebooks import starter_codebook

        project.install_codebook(starter_codebook())
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
    from annotator.services.export import FORMATS, export_project
    from annotator.store import Project, ProjectError

    suffix = args.out.suffix.lower()
    if suffix not in FORMATS:
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
        with Project.open(args.project) as project:
            out = export_project(project, args.out, bom=args.bom, sheet=args.sheet)
    except (ProjectError, FileProblem) as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"annotator: {args.out}: cannot be written ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_PARTIAL
    print(f"exported {out}")
    return EXIT_OK


def _add_team_commands(sub: Any) -> None:
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

        bar = tqdm(total=0, unit="row", file=sys.stderr, dynamic_ncols=True)

    def progress(done: int, total: int, name: str) -> None:
        if bar is not None:
            bar.total = total
            bar.set_description(name[:30])
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


def _add_codebook_commands(sub: Any) -> None:
    from annotator.services.codebooks import TEMPLATES

    new = sub.add_parser("new", help="create a project with a codebook")
    new.add_argument("project", type=Path)
    new.add_argument(
        "--codebook",
        default="starter",
        metavar="|".join(TEMPLATES) + "|FILE",
        help="a template ("
        + "; ".join(f"{k}: {v}" for k, v in TEMPLATES.items())
        + ") or a .json/.xlsx codebook file; several joined by commas, e.g. pca,frames"
        " (default: starter)",
    )
    new.add_argument(
        "--lang", choices=["en", "fr"], default="en", help="language of a template codebook"
    )
    codebook = sub.add_parser("codebook", help="export a project's codebook, or import one")
    actions = codebook.add_subparsers(dest="codebook_command", required=True)
    export = actions.add_parser("export", help="write the codebook to .xlsx or .json")
    export.add_argument("project", type=Path)
    export.add_argument("out", type=Path)
    import_ = actions.add_parser(
        "import", help="merge a .xlsx or .json codebook into a project (nothing is deleted)"
    )
    import_.add_argument("project", type=Path)
    import_.add_argument("file", type=Path)


def _new(args: argparse.Namespace) -> int:
    from annotator.services.codebook_merge import import_codebook
    from annotator.services.codebooks import resolve_codebook
    from annotator.store import Project, ProjectError

    choices = [args.codebook] if Path(args.codebook).exists() else args.codebook.split(",")
    try:
        codebooks = [resolve_codebook(choice.strip(), args.lang) for choice in choices]
    except FileProblem as problem:
        print(f"annotator: {problem}", file=sys.stderr)
        return EXIT_PARTIAL
    try:
        project = Project.create(args.project)
    except ProjectError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with project:
        for codebook in codebooks:
            changes = import_codebook(project, codebook)
            for warning in changes.warnings:
                print(f"warning: {warning}")
        book = project.codebook()
    print(
        f"created {args.project} with the codebook “{book.name}”"
        f" ({_count(len(book.categories), 'category', 'categories')},"
        f" {_count(len(book.variables), 'variable', 'variables')})"
    )
    return EXIT_OK


def _codebook(args: argparse.Namespace) -> int:
    from annotator.services.codebook_merge import import_codebook
    from annotator.services.codebooks import CODEBOOK_SUFFIXES, read_codebook, write_codebook
    from annotator.store import Project, ProjectError

    target = args.out if args.codebook_command == "export" else args.file
    if target.suffix.lower() not in CODEBOOK_SUFFIXES:
        print(f"annotator: {target}: a codebook file is .xlsx or .json", file=sys.stderr)
        return EXIT_USAGE
    if not args.project.exists():
        print(f"annotator: {args.project}: no such project file", file=sys.stderr)
        return EXIT_USAGE
    try:
        # Read before opening the project: a bad file leaves the project untouched.
        incoming = read_codebook(target) if args.codebook_command == "import" else None
        with Project.open(args.project) as project:
            if incoming is None:
                print(f"exported {write_codebook(project.codebook(), target)}")
                return EXIT_OK
            changes = import_codebook(project, incoming)
    except ProjectError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FileProblem as problem:
        print(f"annotator: {problem}", file=sys.stderr)
        return EXIT_PARTIAL
    for line in changes.lines():
        print(line)
    return EXIT_OK


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


CODEBOOK_HANDLERS = {"new": _new, "codebook": _codebook}


# -- reliability: annotator agreement -----------------------------------------------------


def _add_agreement_command(sub: Any) -> None:
    agreement = sub.add_parser(
        "agreement",
        help="intercoder reliability per variable: Krippendorff's alpha with a bootstrap "
        "95%% interval, percent agreement, Cohen's or Fleiss' kappa",
    )
    agreement.add_argument("project", type=Path)
    agreement.add_argument(
        "--variables", metavar="A,B,...", help="variables and categories to report (default: all)"
    )
    agreement.add_argument("--format", choices=["table", "json", "xlsx"], default="table")
    agreement.add_argument(
        "--out", type=Path, metavar="FILE", help="write the report there (needed for xlsx)"
    )
    agreement.add_argument(
        "--draws", type=int, default=1000, help="bootstrap draws for the interval (default 1000)"
    )


def _agreement(args: argparse.Namespace) -> int:
    from annotator.services.agreement import (
        format_json,
        format_table,
        project_agreement,
        save_reliability_workbook,
    )
    from annotator.store import Project, ProjectError

    if args.format == "xlsx" and args.out is None:
        print("annotator: --format xlsx needs --out FILE.xlsx", file=sys.stderr)
        return EXIT_USAGE
    if args.draws < 0:
        print("annotator: --draws: give a number of draws, 0 or more", file=sys.stderr)
        return EXIT_USAGE
    if not args.project.exists():
        print(f"annotator: {args.project}: no such project file", file=sys.stderr)
        return EXIT_USAGE
    names = None
    if args.variables is not None:
        names = [n.strip() for n in args.variables.split(",") if n.strip()] or None
    try:
        with Project.open(args.project) as project:
            rows = project_agreement(project, names, draws=args.draws)
    except ProjectError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValueError as exc:  # a variable the codebook does not have
        print(f"annotator: {args.project}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.format == "xlsx":
            save_reliability_workbook(rows, args.out)
            print(f"wrote {args.out}")
            return EXIT_OK
        text = format_json(rows) if args.format == "json" else format_table(rows)
        if args.out is None:
            sys.stdout.write(text)
        else:
            args.out.write_text(text, encoding="utf-8")
            print(f"wrote {args.out}")
    except OSError as exc:
        print(f"annotator: {args.out}: cannot be written ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_PARTIAL
    return EXIT_OK


AGREEMENT_HANDLERS = {"agreement": _agreement}
