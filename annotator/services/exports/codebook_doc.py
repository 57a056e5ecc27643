"""The codebook as a document coders train on and journals print as an appendix.

``write_codebook_document`` writes .docx (``codebook_docx``), .md or .html: the span
categories with their colours and shortcuts, then every variable (article level, and each
unit category's) with its name, question, type, whether it is required, its values (code
and label), description and examples, and, when the codebook asks the generic frame
questions, the frame scores and their rule. The document's own words (headings, "yes",
"Required") are in the codebook's language: English or French, guessed from the
codebook's text unless given.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import Codebook, Variable
from annotator.services import frames
from annotator.services.errors import FileProblem
from annotator.services.messages import Message, translated
from annotator.store.scratch import replacing

#: Suffixes of the document formats, with what each is for.
DOCUMENT_SUFFIXES = {
    ".docx": "Word document, to print or to put in an appendix",
    ".md": "Markdown text",
    ".html": "web page",
}
LANGUAGES = ("en", "fr")

WORDS = {
    "codebook": Message("Codebook"),
    "categories": Message("Categories"),
    "category": Message("Category"),
    "colour": Message("Colour"),
    "shortcut": Message("Shortcut"),
    "description": Message("Description"),
    "article_variables": Message("Article-level variables"),
    "question": Message("Question"),
    "type": Message("Type"),
    "required": Message("Required"),
    "values": Message("Values"),
    "code": Message("Code"),
    "label": Message("Label"),
    "examples": Message("Examples"),
    "yes": Message("yes"),
    "no": Message("no"),
    "scores": Message("Frame scores"),
    "score_intro": Message(
        "The exports add one score per frame to the coding table, computed from the"
        " answers to its questions."
    ),
}
_COLOR = re.compile(r"#[0-9A-Fa-f]{3,8}")
KINDS = {
    "nominal": Message("nominal (one of the values)"),
    "ordinal": Message("ordinal (values in order)"),
    "yesno": Message("yes/no"),
    "number": Message("number"),
    "text": Message("free text"),
    "actor": Message("actor (a person or organisation of the article)"),
}


@dataclass
class CategoryEntry:
    name: str
    depth: int
    color: str
    shortcut: str
    description: str


@dataclass
class VariableEntry:
    name: str
    question: str
    kind: str
    required: bool
    values: list[tuple[str, str]]
    description: str
    examples: list[str]


@dataclass
class VariableSection:
    title: str
    intro: str
    variables: list[VariableEntry]


@dataclass
class ScoreEntry:
    name: str
    label: str
    rule: str


@dataclass
class CodebookDocument:
    """What the document says, in its language, whatever the format."""

    title: str
    language: str
    word: Callable[[str], str]
    categories: list[CategoryEntry] = field(default_factory=list)
    sections: list[VariableSection] = field(default_factory=list)
    scores: list[ScoreEntry] = field(default_factory=list)

    def colon(self, text: str) -> str:
        """``text`` and a colon as the language writes it ("Type:", "Type :")."""
        return f"{text}\u00a0:" if self.language == "fr" else f"{text}:"


def codebook_language(codebook: Codebook) -> str:
    """ "fr" or "en": the language the codebook's questions and descriptions are written in."""
    from annotator.nlp.language import detect_language

    parts = [codebook.name]
    parts += [f"{c.name}. {c.description}" for c in codebook.categories]
    parts += [f"{v.label}. {v.description}" for v in codebook.variables]
    return detect_language("\n".join(parts))


def build_document(codebook: Codebook, title: str, language: str) -> CodebookDocument:
    """The document's content: categories, variables by level, frame scores."""

    def word(key: str) -> str:
        return translated(WORDS[key], language)

    doc = CodebookDocument(codebook.name or title, language, word)
    depth: dict[str, int] = {}
    for category in _tree_order(codebook):
        depth[category.id] = depth.get(category.parent_id or "", -1) + 1
        doc.categories.append(
            CategoryEntry(
                category.name,
                depth[category.id],
                category.color,
                category.shortcut,
                category.description,
            )
        )
    articles = codebook.article_variables()
    if articles:
        doc.sections.append(
            VariableSection(word("article_variables"), "", [_entry(v, language) for v in articles])
        )
    for category in _tree_order(codebook):
        unit = codebook.unit_variables(category.id)
        if unit:
            heading = translated(Message("Variables of each {0}", category.name), language)
            # The category's description is in the table above: say what the unit is.
            intro = translated(
                Message(
                    "Each span coded “{0}” is a unit: these questions are answered for it.",
                    category.name,
                ),
                language,
            )
            entries = [_entry(v, language) for v in unit]
            doc.sections.append(VariableSection(heading, intro, entries))
    for frame, items in frames.frame_items(codebook).items():
        label = translated(frames.FRAMES[frame], language)
        doc.scores.append(
            ScoreEntry(
                frame,
                translated(Message("{0} frame score", label), language),
                translated(frames.score_rule(items), language),
            )
        )
    return doc


def _tree_order(codebook: Codebook) -> list:
    """Categories parent first, each followed by its children, in the codebook's order."""
    ordered = sorted(codebook.categories, key=lambda c: c.position)
    ids = {c.id for c in ordered}
    out = []

    def visit(parent: str | None) -> None:
        for category in ordered:
            top = category.parent_id is None or category.parent_id not in ids
            if (parent is None and top) or (parent is not None and category.parent_id == parent):
                out.append(category)
                visit(category.id)

    visit(None)
    return out


def _entry(variable: Variable, language: str) -> VariableEntry:
    values = [(v.code, v.label) for v in variable.values]
    if variable.kind == "yesno":
        given = dict(values)
        yes = given.pop("1", "") or translated(WORDS["yes"], language)
        no = given.pop("0", "") or translated(WORDS["no"], language)
        values = [("1", yes), ("0", no), *given.items()]
    return VariableEntry(
        variable.name,
        variable.label or variable.name,
        translated(KINDS.get(variable.kind, Message(variable.kind)), language),
        variable.required,
        values,
        variable.description,
        list(variable.examples),
    )


def write_codebook_document(
    codebook: Codebook, out: str | Path, *, title: str = "", language: str | None = None
) -> Path:
    """Write the codebook as .docx, .md or .html (the suffix says); returns the path."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        known = ", ".join(DOCUMENT_SUFFIXES)
        raise FileProblem(out, f"a codebook document is {known}, not '{suffix or out.name}'")
    if not out.parent.is_dir():
        raise FileProblem(out, f"the folder {out.parent} does not exist")
    if language is not None and language not in LANGUAGES:
        raise FileProblem(out, f"no document words in '{language}' (use {', '.join(LANGUAGES)})")
    doc = build_document(codebook, title or out.stem, language or codebook_language(codebook))
    with replacing(out) as tmp:
        if suffix == ".docx":
            from annotator.services.exports.codebook_docx import write_docx

            write_docx(doc, tmp)
        else:
            text = markdown(doc) if suffix == ".md" else html_page(doc)
            tmp.write_text(text, encoding="utf-8", newline="\n")
    return out


def _md(text: str) -> str:
    """Text for a Markdown table cell or line: pipes escaped, lines joined."""
    return " ".join(text.split()).replace("|", "\\|")


def markdown(doc: CodebookDocument) -> str:
    w, c_ = doc.word, doc.colon
    lines = [f"# {_md(doc.title)}", ""]
    if doc.categories:
        lines += [f"## {w('categories')}", ""]
        lines.append(f"| {w('category')} | {w('colour')} | {w('shortcut')} | {w('description')} |")
        lines.append("|---|---|---|---|")
        for c in doc.categories:
            name = "— " * c.depth + _md(c.name)
            shortcut = f"`{_md(c.shortcut)}`" if c.shortcut else ""
            lines.append(f"| {name} | {c.color} | {shortcut} | {_md(c.description)} |")
        lines.append("")
    for section in doc.sections:
        lines += [f"## {_md(section.title)}", ""]
        if section.intro:
            lines += [_md(section.intro), ""]
        for v in section.variables:
            lines += [f"### {c_(f'`{v.name}`')} {_md(v.question)}", ""]
            lines.append(f"- **{c_(w('type'))}** {v.kind}")
            lines.append(f"- **{c_(w('required'))}** {w('yes') if v.required else w('no')}")
            lines.append("")
            if v.description:
                lines += [_md(v.description), ""]
            if v.values:
                lines += [f"| {w('code')} | {w('label')} |", "|---|---|"]
                lines += [f"| `{_md(code)}` | {_md(label)} |" for code, label in v.values]
                lines.append("")
            if v.examples:
                lines += [f"**{c_(w('examples'))}**", ""]
                lines += [f"- {_md(e)}" for e in v.examples]
                lines.append("")
    if doc.scores:
        lines += [f"## {w('scores')}", "", w("score_intro"), ""]
        for s in doc.scores:
            lines += [f"- {c_(f'`{s.name}` ({_md(s.label)})')} {_md(s.rule)}"]
        lines.append("")
    return "\n".join(lines)


_STYLE = """
body { font-family: sans-serif; max-width: 50em; margin: 2em auto; line-height: 1.4; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #999; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
.swatch { font-size: 140%; line-height: 1; }
.colour { white-space: nowrap; }
code { font-size: 95%; }
@media print { h3 { page-break-after: avoid; } }
"""


def html_page(doc: CodebookDocument) -> str:
    w, c_ = doc.word, doc.colon

    def e(text: str) -> str:
        return html.escape(text, quote=False)  # text only; attributes below quote

    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(doc.language, quote=True)}">',
        "<head>",
        '<meta charset="utf-8" />',
        f"<title>{e(doc.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(doc.title)}</h1>",
    ]
    if doc.categories:
        out.append(f"<h2>{e(w('categories'))}</h2>")
        out.append("<table>")
        heads = ("category", "colour", "shortcut", "description")
        out.append("<tr>" + "".join(f"<th>{e(w(h))}</th>" for h in heads) + "</tr>")
        for c in doc.categories:
            swatch = ""
            if _COLOR.fullmatch(c.color):
                # A coloured square, which every renderer shows (an empty box is dropped).
                swatch = f'<span class="swatch" style="color: {c.color}">■</span> '
            shortcut = f"<kbd>{e(c.shortcut)}</kbd>" if c.shortcut else ""
            out.append(
                f"<tr><td>{'— ' * c.depth}{e(c.name)}</td>"
                f'<td class="colour">{swatch}{e(c.color)}</td>'
                f"<td>{shortcut}</td><td>{e(c.description)}</td></tr>"
            )
        out.append("</table>")
    for section in doc.sections:
        out.append(f"<h2>{e(section.title)}</h2>")
        if section.intro:
            out.append(f"<p>{e(section.intro)}</p>")
        for v in section.variables:
            out.append(f"<h3>{c_(f'<code>{e(v.name)}</code>')} {e(v.question)}</h3>")
            required = w("yes") if v.required else w("no")
            out.append(
                f"<p><strong>{e(c_(w('type')))}</strong> {e(v.kind)}<br />"
                f"<strong>{e(c_(w('required')))}</strong> {e(required)}</p>"
            )
            if v.description:
                out.append(f"<p>{e(v.description)}</p>")
            if v.values:
                out.append("<table>")
                out.append(f"<tr><th>{e(w('code'))}</th><th>{e(w('label'))}</th></tr>")
                out += [
                    f"<tr><td><code>{e(code)}</code></td><td>{e(label)}</td></tr>"
                    for code, label in v.values
                ]
                out.append("</table>")
            if v.examples:
                out.append(f"<p><strong>{e(c_(w('examples')))}</strong></p>")
                out.append("<ul>" + "".join(f"<li>{e(x)}</li>" for x in v.examples) + "</ul>")
    if doc.scores:
        out.append(f"<h2>{e(w('scores'))}</h2>")
        out.append(f"<p>{e(w('score_intro'))}</p>")
        out.append("<ul>")
        out += [
            f"<li>{c_(f'<code>{e(s.name)}</code> ({e(s.label)})')} {e(s.rule)}</li>"
            for s in doc.scores
        ]
        out.append("</ul>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
