"""Command line: the same services as the GUI, for scripts and tests.

One module per group of commands; each adds its subcommands to the parser and names its
handlers. Exit codes: 0 done, 1 done in part (some input refused), 2 nothing done,
3 an unexpected error (a bug: a crash report is written to crash.log).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator import __version__
from annotator.cli.agreement import AGREEMENT_HANDLERS, add_agreement_command
from annotator.cli.articles import ARTICLE_HANDLERS, add_article_commands
from annotator.cli.codebook import CODEBOOK_HANDLERS, add_codebook_commands
from annotator.cli.common import EXIT_BUG, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from annotator.cli.corpus import CORPUS_HANDLERS, add_corpus_commands
from annotator.cli.learn import LEARN_HANDLERS, add_learn_commands
from annotator.cli.team import TEAM_HANDLERS, add_team_commands
from annotator.cli.terminal import safe_output
from annotator.services.errors import crash_report, is_expected, write_crash_log
from annotator.store.scratch import private_tempdir

__all__ = ["EXIT_BUG", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate news articles: quotes, speakers, codebooks, coding-study exports.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command")

    add_article_commands(sub)
    add_team_commands(sub)
    add_codebook_commands(sub)
    add_agreement_command(sub)
    add_learn_commands(sub)
    add_corpus_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        with safe_output():  # a usage error repeats what was typed
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        return _run_gui(None, None)
    if args.command == "open":
        return _run_gui(args.project, args.screenshot)
    handlers = dict(ARTICLE_HANDLERS)
    handlers.update(TEAM_HANDLERS)
    handlers.update(CODEBOOK_HANDLERS)
    handlers.update(AGREEMENT_HANDLERS)
    handlers.update(LEARN_HANDLERS)
    handlers.update(CORPUS_HANDLERS)
    # A run's temporary files (openpyxl's sheets) go to a folder the next run removes if
    # this one is killed.
    with safe_output(), private_tempdir():
        try:
            return handlers[args.command](args)
        except Exception as exc:  # a message for the researcher, never a bare traceback
            if is_expected(exc):
                print(f"annotator: {exc}", file=sys.stderr)
                return EXIT_PARTIAL
            return _report_bug(exc, argv)


def _report_bug(exc: Exception, argv: Sequence[str] | None) -> int:
    """An error Annotator did not expect: a crash report in crash.log, and exit code 3."""
    command = " ".join(["annotator", *(sys.argv[1:] if argv is None else argv)])
    report = crash_report(exc, f"Command: {command}")
    log = write_crash_log(report)
    where = f" The report is in {log}; please send it" if log else " Please send this report"
    print(
        f"annotator: something went wrong that Annotator did not expect: "
        f"{exc or type(exc).__name__}.{where} to whoever supports Annotator.",
        file=sys.stderr,
    )
    if log is None:
        print(report, file=sys.stderr)
    return EXIT_BUG


def _run_gui(project: Path | None, screenshot: Path | None) -> int:
    from annotator.ui.app import run_gui

    with private_tempdir():
        return run_gui(project, screenshot)
