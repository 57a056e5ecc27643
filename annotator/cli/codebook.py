"""new and codebook: projects with a codebook, codebooks in and out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.common import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, count
from annotator.services.errors import FileProblem


def add_codebook_commands(sub: Any) -> None:
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
    export = actions.add_parser(
        "export",
        help="write the codebook to .xlsx or .json (to edit or import), or as a document to"
        " print or put in an appendix: .docx, .md or .html",
    )
    export.add_argument("project", type=Path)
    export.add_argument("out", type=Path, help="OUT.xlsx, OUT.json, OUT.docx, OUT.md or OUT.html")
    export.add_argument(
        "--lang",
        choices=["auto", "en", "fr"],
        default="auto",
        help="language of a document's headings (default: the codebook's, guessed from its text)",
    )
    import_ = actions.add_parser(
        "import", help="merge a .xlsx or .json codebook into a project (nothing is deleted)"
    )
    import_.add_argument("project", type=Path)
    import_.add_argument("file", type=Path)


def _new(args: argparse.Namespace) -> int:
    from annotator.services.codebook_merge import import_codebooks
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
        for changes in import_codebooks(project, codebooks):
            for warning in changes.warnings:
                print(f"warning: {warning}")
        book = project.codebook()
    print(
        f"created {args.project} with the codebook “{book.name}”"
        f" ({count(len(book.categories), 'category', 'categories')},"
        f" {count(len(book.variables), 'variable', 'variables')})"
    )
    return EXIT_OK


def _codebook(args: argparse.Namespace) -> int:
    from annotator.services.codebook_merge import import_codebook
    from annotator.services.codebooks import CODEBOOK_SUFFIXES, read_codebook, write_codebook
    from annotator.services.exports.codebook_doc import (
        DOCUMENT_SUFFIXES,
        write_codebook_document,
    )
    from annotator.store import Project, ProjectError

    exporting = args.codebook_command == "export"
    target = args.out if exporting else args.file
    document = exporting and target.suffix.lower() in DOCUMENT_SUFFIXES
    if target.suffix.lower() not in CODEBOOK_SUFFIXES and not document:
        wanted = ".xlsx, .json, .docx, .md or .html" if exporting else ".xlsx or .json"
        print(f"annotator: {target}: a codebook file is {wanted}", file=sys.stderr)
        return EXIT_USAGE
    if not args.project.exists():
        print(f"annotator: {args.project}: no such project file", file=sys.stderr)
        return EXIT_USAGE
    try:
        # Read before opening the project: a bad file leaves the project untouched.
        incoming = read_codebook(target) if args.codebook_command == "import" else None
        with Project.open(args.project) as project:
            if document:
                language = None if args.lang == "auto" else args.lang
                written = write_codebook_document(
                    project.codebook(), target, title=args.project.stem, language=language
                )
                print(f"exported {written}")
                return EXIT_OK
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


CODEBOOK_HANDLERS = {"new": _new, "codebook": _codebook}
