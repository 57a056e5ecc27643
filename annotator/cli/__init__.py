"""Command line: the same services as the GUI, for scripts and tests.

One module per group of commands; each adds its subcommands to the parser and names its
handlers. Exit codes: 0 done, 1 done in part (some input refused), 2 nothing done.
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
from annotator.cli.common import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from annotator.cli.team import TEAM_HANDLERS, add_team_commands
from annotator.services.errors import user_message

__all__ = ["EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "build_parser", "main"]


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
    handlers = dict(ARTICLE_HANDLERS)
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
