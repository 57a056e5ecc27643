"""REFI-QDA project export (.qdpx) for MAXQDA, ATLAS.ti, NVivo and QualCoder.

A .qdpx file is a zip archive holding ``project.qde`` (XML in the ``urn:QDA-XML:project:1.0``
namespace of the REFI-QDA Project schema, 2019) and a ``sources/`` folder with one UTF-8
text file per article. Categories become codes (nested, with their colours), coders become
users, each annotation a plain-text selection of its article coded with its category by
its coder; unit values and memos go in the selection's description. Article metadata and
each coder's article-level values are document variables.

A document's name is short, unique and safe as a file name (QualCoder names its files after
them; see ``document_names``); the full title is the document's description and its
``title`` variable. One coder's two identical spans under one code are both exported, with
a warning: QualCoder keeps only one.

The XML is written element by element to a temporary file while the texts go into the
archive, so a project of any size is exported in flat memory.
"""

from __future__ import annotations

import re
import tempfile
import uuid
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from lxml import etree

from annotator import __version__
from annotator.core import Annotation, Category, Codebook, Variable
from annotator.core.answers import decimal_point
from annotator.services.exports.values import actor_name, yes_no
from annotator.services.sheet_cells import xml_text
from annotator.store import Project, streams
from annotator.store.scratch import replacing

NS = "urn:QDA-XML:project:1.0"
#: Every element in the default namespace, without prefixes, as QDA programs write them.
_NSMAP = {None: NS}
_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_RGB = re.compile(r"#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")
_GUID_NAMESPACE = uuid.UUID("0b6a4f3e-5c1d-4f7e-9a43-2f1d7c9e8b20")
#: Article metadata exported as document variables: (field, REFI type).
_METADATA = (
    ("title", "Text"),
    ("outlet", "Text"),
    ("author", "Text"),
    ("date", "Date"),
    ("language", "Text"),
    ("section", "Text"),
    ("url", "Text"),
    ("source_file", "Text"),
)
_TYPES = {"yesno": "Boolean", "number": "Float"}
#: The longest document name, in characters and in UTF-8 bytes (file systems count bytes:
#: 255 at most, and QualCoder adds to the name).
NAME_CHARS, NAME_BYTES = 100, 200
#: What no file name may hold on Windows, macOS or Linux (/ \ : * ? " < > | and control
#: characters), and what takes its place.
_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')
_INSTEAD = {"/": "-", "\\": "-", "|": "-", ":": " - ", '"': "'"}
_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?", re.IGNORECASE)
#: How many identical-span warnings are told one by one before a count of the rest.
_WARN_AT_MOST = 20

Warn = Callable[[str], None]


def guid(key: str, salt: str = "") -> str:
    """A REFI GUID: the id itself when it is one, else a stable UUID derived from it."""
    if not salt and _GUID.fullmatch(key):
        return key.lower()
    return str(uuid.uuid5(_GUID_NAMESPACE, f"{salt}:{key}"))


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _text(value: Any) -> str:
    return xml_text(str(value))


def document_name(title: str, taken: set[str]) -> str:
    """A document name made from ``title``: at most ``NAME_CHARS`` characters (and
    ``NAME_BYTES`` bytes), no character a file name cannot hold, no trailing dot or space,
    no reserved Windows name (CON, NUL, COM1…), unlike every name in ``taken`` (compared
    without case, as Windows and macOS do); the name is added to ``taken``."""
    safe = _UNSAFE.sub(lambda m: _INSTEAD.get(m.group(), " "), _text(title))
    base = " ".join(safe.split()).rstrip(". ")
    if not any(c.isalnum() for c in base):
        base = "article"
    if _RESERVED.fullmatch(base):
        base = f"{base} (article)"
    number = 1
    while True:
        tail = "" if number == 1 else f" ({number})"
        name = _cut(base, NAME_CHARS - len(tail), NAME_BYTES - len(tail.encode())) + tail
        if name.casefold() not in taken:
            taken.add(name.casefold())
            return name
        number += 1


def _cut(text: str, chars: int, size: int) -> str:
    """``text`` within ``chars`` characters and ``size`` UTF-8 bytes, cut at a word with
    "…" when it must be cut."""
    if len(text) <= chars and len(text.encode()) <= size:
        return text
    cut = text[: chars - 1]
    while len(cut.encode()) > size - len("…".encode()):
        cut = cut[:-1]
    word = cut.rsplit(" ", 1)[0] if " " in cut[len(cut) // 2 :] else cut
    return word.rstrip(".,;- ") + "…"


def write_qdpx(project: Project, codebook: Codebook, out: Path, warn: Warn | None = None) -> None:
    """Write the project as a REFI-QDA .qdpx archive; ``warn`` is told about one coder's
    identical spans under one code (QualCoder keeps one of them)."""
    coder_ids = streams.coder_ids(project)
    coders = sorted(set(coder_ids) | {c for _a, c in streams.coded_pairs(project)})
    users = {
        name: guid(coder_ids[name]) if name in coder_ids else guid(name, "coder") for name in coders
    }
    with tempfile.TemporaryDirectory(prefix="annotator-qdpx-") as work, replacing(out) as tmp:
        qde = Path(work) / "project.qde"
        doubles: list[str] = []
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            with etree.xmlfile(str(qde), encoding="utf-8") as xf:
                xf.write_declaration()
                attrs = {"name": _text(project.name), "origin": f"Annotator {__version__}"}
                with xf.element(_q("Project"), attrs, nsmap=_NSMAP):
                    _write_head(xf, users, codebook, coders)
                    sources = _sources(project, codebook, users, coders, archive, doubles)
                    first = next(sources, None)
                    if first is not None:
                        with xf.element(_q("Sources")):
                            xf.write(first)
                            for source in sources:
                                xf.write(source)
            archive.write(qde, "project.qde")
    if warn is not None:
        for line in doubles[:_WARN_AT_MOST]:
            warn(f"{out}: {line}; QualCoder keeps only one of them")
        if len(doubles) > _WARN_AT_MOST:
            warn(f"{out}: and {len(doubles) - _WARN_AT_MOST} more identical spans")


def _write_head(xf: Any, users: dict[str, str], codebook: Codebook, coders: list[str]) -> None:
    if users:
        element = etree.Element(_q("Users"), nsmap=_NSMAP)
        for name, user_guid in users.items():
            etree.SubElement(element, _q("User"), guid=user_guid, name=_text(name))
        xf.write(element)
    if codebook.categories:
        book = etree.Element(_q("CodeBook"), nsmap=_NSMAP)
        codes = etree.SubElement(book, _q("Codes"))
        _add_codes(codes, codebook, None)
        xf.write(book)
    variables = etree.Element(_q("Variables"), nsmap=_NSMAP)
    for name, kind in _METADATA:
        variable = etree.SubElement(
            variables, _q("Variable"), guid=guid(name, "metadata"), name=name, typeOfVariable=kind
        )
        etree.SubElement(variable, _q("Description")).text = f"article {name.replace('_', ' ')}"
    for v in codebook.article_variables():
        for coder in coders:
            variable = etree.SubElement(
                variables,
                _q("Variable"),
                guid=guid(f"{v.id}/{coder}", "variable"),
                name=_text(f"{v.name} ({coder})"),
                typeOfVariable=_TYPES.get(v.kind, "Text"),
            )
            etree.SubElement(variable, _q("Description")).text = _text(
                f"{v.label or v.name}, as coded by {coder}"
            )
    xf.write(variables)


def _add_codes(parent: Any, codebook: Codebook, parent_id: str | None) -> None:
    for category in codebook.children(parent_id):
        attrs = {"guid": guid(category.id), "name": _text(category.name), "isCodable": "true"}
        if _RGB.fullmatch(category.color or ""):
            attrs["color"] = category.color
        code = etree.SubElement(parent, _q("Code"), attrs)
        description = _category_description(codebook, category)
        if description:
            etree.SubElement(code, _q("Description")).text = _text(description)
        _add_codes(code, codebook, category.id)


def _category_description(codebook: Codebook, category: Category) -> str:
    lines = [category.description] if category.description else []
    unit = codebook.unit_variables(category.id)
    if unit:
        lines.append("Unit variables: " + ", ".join(v.name for v in unit))
    return "\n".join(lines)


def _sources(
    project: Project,
    codebook: Codebook,
    users: dict[str, str],
    coders: list[str],
    archive: zipfile.ZipFile,
    doubles: list[str],
) -> Iterator[Any]:
    """One TextSource element per article; its text goes into the archive on the way.
    ``doubles`` gets a line for each coder's identical spans under one code."""
    variables = {v.id: v for v in codebook.variables}
    categories = {c.id: c.name for c in codebook.categories}
    names: set[str] = set()
    texts = streams.article_texts(project)
    for meta, (article_id, _title, text, _imported) in zip(
        streams.article_meta(project), texts, strict=True
    ):
        source_guid = guid(article_id)
        archive.writestr(f"sources/{source_guid}.txt", text.encode("utf-8"))
        name = document_name(meta.title or meta.source_file or article_id, names)
        attrs = {
            "guid": source_guid,
            "name": name,
            "plainTextPath": f"internal://{source_guid}.txt",
        }
        if meta.imported_at:
            attrs["creationDateTime"] = meta.imported_at
        source = etree.Element(_q("TextSource"), attrs, nsmap=_NSMAP)
        if meta.title:
            etree.SubElement(source, _q("Description")).text = _text(meta.title)
        actors = streams.actor_names(project, article_id)
        spans: dict[tuple[str, str, int, int], int] = {}
        for annotation in streams.article_annotations(project, article_id):
            if annotation.category_id in categories:
                _add_selection(source, annotation, users, variables, actors)
                key = (annotation.coder, annotation.category_id, annotation.start, annotation.end)
                spans[key] = spans.get(key, 0) + 1
        for (coder, category_id, start, end), count in spans.items():
            if count > 1:
                doubles.append(
                    f"{coder} has {count} identical spans under code “{categories[category_id]}”"
                    f" in “{name}” (characters {start}–{end})"
                )
        for name, kind in _METADATA:
            _add_value(source, guid(name, "metadata"), kind, getattr(meta, name))
        for coding in project.codings(article_id=article_id):
            variable = variables.get(coding.variable_id)
            if variable is None or variable.level != "article" or coding.coder not in coders:
                continue
            value = coding.value
            if variable.kind == "actor":
                value = actor_name(value, actors)
            _add_value(
                source,
                guid(f"{variable.id}/{coding.coder}", "variable"),
                _TYPES.get(variable.kind, "Text"),
                value,
            )
        yield source


def _add_selection(
    source: Any,
    annotation: Annotation,
    users: dict[str, str],
    variables: dict[str, Variable],
    actors: dict[str, str],
) -> None:
    user = users.get(annotation.coder) or guid(annotation.coder, "coder")
    attrs = {
        "guid": guid(annotation.id),
        "name": _text(annotation.text[:100]),
        "startPosition": str(annotation.start),
        "endPosition": str(annotation.end),
        "creatingUser": user,
        "creationDateTime": annotation.created,
    }
    selection = etree.SubElement(source, _q("PlainTextSelection"), attrs)
    notes = []
    for key, value in annotation.attributes.items():
        variable = variables.get(key)
        if variable is not None and variable.kind == "actor":
            value = actor_name(value, actors)
        notes.append(f"{variable.name if variable else key}: {value}")
    if annotation.memo:
        notes.append(annotation.memo)
    if notes:
        etree.SubElement(selection, _q("Description")).text = _text("\n".join(notes))
    coding = etree.SubElement(
        selection,
        _q("Coding"),
        guid=guid(annotation.id, "coding"),
        creatingUser=user,
        creationDateTime=annotation.created,
    )
    etree.SubElement(coding, _q("CodeRef"), targetGUID=guid(annotation.category_id))


def _add_value(source: Any, variable_guid: str, kind: str, value: Any) -> None:
    """A document variable's value, typed as the schema wants (skipped when it does not fit)."""
    if value is None or value == "":
        return
    if kind == "Boolean":
        flag = yes_no(value)
        if flag not in (0, 1):
            return
        tag, text = "BooleanValue", "true" if flag else "false"
    elif kind == "Float":
        try:
            number = Decimal(decimal_point(str(value)))
        except InvalidOperation:
            return
        if not number.is_finite():
            return
        text = format(number, "f")
        tag = "FloatValue"
    elif kind == "Date":
        try:
            text = date.fromisoformat(str(value)[:10]).isoformat()
        except ValueError:
            return
        tag = "DateValue"
    else:
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        tag, text = "TextValue", _text(value)
    element = etree.SubElement(source, _q("VariableValue"))
    etree.SubElement(element, _q("VariableRef"), targetGUID=variable_guid)
    etree.SubElement(element, _q(tag)).text = text
