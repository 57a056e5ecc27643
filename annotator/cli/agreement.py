"""agreement: intercoder reliability of a project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.common import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE


def add_agreement_command(sub: Any) -> None:
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
    agreement.add_argument(
        "--machine",
        action="store_true",
        help="add the machine (annotator learn) as a coder: its cross-validated codes "
        "against each coder's and the adjudicated version, per variable",
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
        with Project.open(args.project, read_only=True) as project:
            rows = project_agreement(project, names, draws=args.draws)
            if args.machine:
                rows += _machine_rows(project, names, args.draws)
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


def _machine_rows(project: Any, names: list[str] | None, draws: int) -> list[Any]:
    from annotator.services.machine_coder import (
        UNIT_PREDICTIONS,
        cross_validated_predictions,
        kept_predictions,
        machine_rows,
        machine_unit_rows,
    )

    predictions = kept_predictions(project)
    if not predictions:
        print(
            "annotator: no learn report kept in the project: cross-validating the machine on "
            "the adjudicated codes now (annotator learn keeps it, with --from for a coder's)",
            file=sys.stderr,
        )
        predictions = cross_validated_predictions(project)
    units = kept_predictions(project, UNIT_PREDICTIONS)
    return machine_rows(project, predictions, names, draws=draws) + machine_unit_rows(
        project, units, names, draws=draws
    )


AGREEMENT_HANDLERS = {"agreement": _agreement}
