"""learn and suggest: codes predicted by a classifier trained on the coders' own codes."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from annotator.cli.common import EXIT_OK, EXIT_USAGE


def add_learn_commands(sub: Any) -> None:
    learn = sub.add_parser(
        "learn",
        help="train a classifier per article-level variable on the coded articles, and per "
        "unit variable (a claim's position) on the coded units, and report how well it "
        "codes, cross-validated (accuracy, macro F1, alpha against the coders)",
    )
    learn.add_argument("project", type=Path)
    _common(learn)
    learn.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    learn.add_argument("--format", choices=["table", "json"], default="table")
    suggest = sub.add_parser(
        "suggest",
        help="predict the variables for the articles (and units) not coded yet; kept as "
        "suggestions, never as codes; one JSON line per article (or unit) and variable",
    )
    suggest.add_argument("project", type=Path)
    _common(suggest)
    suggest.add_argument("--format", choices=["jsonl"], default="jsonl")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--variables",
        metavar="A,B,...",
        help="article-level or unit variables (default: all learnable)",
    )
    parser.add_argument(
        "--from",
        dest="coder",
        metavar="CODER",
        help="learn this coder's codes where an article has no adjudicated version "
        "(default: adjudicated codes only)",
    )


def _names(args: argparse.Namespace) -> list[str] | None:
    if args.variables is None:
        return None
    return [n.strip() for n in args.variables.split(",") if n.strip()] or None


def _learn(args: argparse.Namespace) -> int:
    from annotator.services.learn import learn, report_dict
    from annotator.services.learn_units import keep_unit_reports, learn_units, split_names
    from annotator.store import Project, ProjectError

    try:
        with Project.open(args.project) as project:
            article_names, units = split_names(project.codebook(), _names(args))
            reports = learn(project, article_names, args.coder, folds=args.folds)
            unit_reports = learn_units(project, units, args.coder, folds=args.folds)
            keep_unit_reports(project, unit_reports)
            reports += unit_reports
    except (ProjectError, ValueError) as exc:
        print(f"annotator: {args.project}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps({"variables": [report_dict(r) for r in reports]}, ensure_ascii=False))
        return EXIT_OK
    print(
        f"{'variable':<24} {'items':>5} {'classes':>7} {'accuracy':>8} {'macro F1':>8} "
        f"{'alpha':>6} {'baseline':>8}"
    )
    for r in reports:
        name = f"{r.name} (unit)" if r.level == "unit" else r.name
        if r.note:
            print(f"{name:<24} {r.items:>5} {r.classes:>7}  {r.note}")
            continue
        print(
            f"{name:<24} {r.items:>5} {r.classes:>7} {_n(r.accuracy):>8} {_n(r.macro_f1):>8} "
            f"{_n(r.alpha):>6} {_n(r.baseline_macro_f1):>8}"
        )
        if r.rare:
            print(f"{'':<24} {r.rare}")
    return EXIT_OK


def _n(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _suggest(args: argparse.Namespace) -> int:
    from annotator.services.learn import suggest
    from annotator.services.learn_units import split_names, suggest_units
    from annotator.store import Project, ProjectError

    try:
        with Project.open(args.project) as project:
            article_names, units = split_names(project.codebook(), _names(args))
            suggestions: list[Any] = suggest(project, article_names, args.coder)
            suggestions += suggest_units(project, units, args.coder)
    except (ProjectError, ValueError) as exc:
        print(f"annotator: {args.project}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for s in suggestions:
        print(json.dumps(asdict(s), ensure_ascii=False))
    return EXIT_OK


LEARN_HANDLERS = {"learn": _learn, "suggest": _suggest}
