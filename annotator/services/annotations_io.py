"""Import annotations from JSON Lines: machine codes, another tool's work, another coder's.

One JSON object a line:

- ``{"article": ID or source file name, "variable": NAME, "value": ...}``: an article-level
  value;
- ``{"article": ..., "category": NAME, "start": ..., "end": ..., "attributes": {NAME: ...}}``:
  a coded span, with its unit variables by name;
- doccano's span exports (``{"text", "label": [[start, end, "LABEL"], ...]}`` or
  ``"entities"``) and Label Studio's JSON/JSONL exports (``annotations[].result[].value``),
  whose articles are found by id, source file name or text.

A category or variable missing from the codebook is an error naming it, unless
``add_missing`` adds it (nominal, with the values found). A line that cannot be used is
reported with its number and the reason; the other lines load. Everything is written in
one transaction, so a failure of the disk leaves the project as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.core import (
    Annotation,
    Category,
    Codebook,
    Coding,
    ValueLabel,
    Variable,
    VariableLevel,
)
from annotator.core.answers import decimal_point, yes_no_code
from annotator.core.text import shorten
from annotator.services.annotation_formats import (
    ArticleRef,
    Item,
    SpanItem,
    ValueItem,
    read_records,
)
from annotator.services.codebooks import category_keys, category_path, variable_name_problem
from annotator.store import Project

#: Colours given to categories added by ``add_missing``, in turn.
_COLOURS = ("#90caf9", "#a5d6a7", "#ffcc80", "#ce93d8", "#80cbc4", "#ef9a9a", "#e6ee9c")


@dataclass(slots=True)
class AnnotationImportReport:
    path: Path
    annotations: int = 0
    codings: int = 0
    already_present: int = 0
    added_categories: list[str] = field(default_factory=list)
    added_variables: list[str] = field(default_factory=list)
    #: (line number, reason) of every line (or item of a line) not loaded.
    problems: list[tuple[int, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [f"{self.path}: line {number}: {reason}" for number, reason in self.problems]
        if self.added_categories:
            lines.append("added categories: " + ", ".join(self.added_categories))
        if self.added_variables:
            lines.append("added variables: " + ", ".join(self.added_variables))
        lines.append(
            f"{self.path}: {self.annotations} annotations and {self.codings} article codes"
            f" imported, {self.already_present} already present,"
            f" {len(self.problems)} problems"
        )
        return lines


class _Problem(ValueError):
    pass


def import_annotations(
    project: Project, path: str | Path, coder: str, add_missing: bool = False
) -> AnnotationImportReport:
    """Load an annotation file into ``project`` as ``coder``'s work; see the module docstring.

    Raises FileProblem when the file cannot be read at all.
    """
    coder = coder.strip()
    if not coder:
        raise ValueError("name the coder whose work this is")
    path = Path(path)
    report = AnnotationImportReport(path)
    loader = _Loader(project, coder, add_missing, report)
    records = read_records(path)
    with project.db.atomic():
        project.ensure_coder(coder)
        for record in records:
            if record.problem:
                report.problems.append((record.number, record.problem))
                continue
            if not record.items:
                report.problems.append((record.number, "no annotation in it"))
            for item in record.items:
                try:
                    loader.load(item)
                except _Problem as exc:
                    report.problems.append((record.number, str(exc)))
        loader.save_codebook()
    return report


class _Loader:
    """Resolves items against the project (articles, codebook) and stores them."""

    def __init__(
        self, project: Project, coder: str, add_missing: bool, report: AnnotationImportReport
    ) -> None:
        self.project = project
        self.coder = coder
        self.add_missing = add_missing
        self.report = report
        self.codebook: Codebook = project.codebook()
        self.texts: dict[str, str] = {}
        self.by_source: dict[str, list[str]] = {}
        self.article_ids: set[str] = set()
        for article_id, source_file in project.article_sources():
            self.article_ids.add(article_id)
            if source_file:
                self.by_source.setdefault(source_file, []).append(article_id)
                name = Path(source_file).name
                if name != source_file:
                    self.by_source.setdefault(name, []).append(article_id)
        #: Variables this import added: their values grow as they are found.
        self.new_variables: dict[str, Variable] = {}
        self.existing = {
            (a.article_id, a.category_id, a.start, a.end, _key(a.attributes))
            for a in project.annotations(coder=coder)
        }

    # -- articles --------------------------------------------------------------------------

    def article(self, ref: ArticleRef) -> tuple[str, str]:
        """(id, text) of the article a record names."""
        article_id = None
        if ref.name is not None:
            if ref.name in self.article_ids:
                article_id = ref.name
            else:
                ids = self.by_source.get(ref.name, [])
                if len(ids) > 1 and ref.text is None:
                    raise _Problem(
                        f"{len(ids)} articles come from “{ref.name}”; name the article by its id"
                    )
                if len(ids) == 1:
                    article_id = ids[0]
        if article_id is None and ref.text is not None:
            article_id = self.project.find_duplicate(ref.text)
        if article_id is None:
            raise _Problem(
                f"unknown article {ref.describe()}: no article has this id, source file or text"
            )
        text = self._text(article_id)
        if ref.text is not None and ref.text != text:
            raise _Problem(
                f"the text given for article {ref.describe()} differs from the project's"
                " (spaces or quote marks), so its offsets cannot be placed"
            )
        return article_id, text

    def _text(self, article_id: str) -> str:
        if article_id not in self.texts:
            self.texts[article_id] = self.project.article(article_id).text
        return self.texts[article_id]

    # -- loading ---------------------------------------------------------------------------

    def load(self, item: Item) -> None:
        if isinstance(item, ValueItem):
            self._load_value(item)
        else:
            self._load_span(item)

    def _load_value(self, item: ValueItem) -> None:
        article_id, _ = self.article(item.article)
        variable = self._variable(item.variable, None, item.value)
        value = self._value(variable, item.value)
        current = [
            c
            for c in self.project.codings(article_id=article_id, coder=self.coder)
            if c.variable_id == variable.id
        ]
        if current and current[0].value == value:
            self.report.already_present += 1
            return
        self.project.set_coding(Coding(article_id, variable.id, self.coder, value))
        self.report.codings += 1

    def _load_span(self, item: SpanItem) -> None:
        article_id, text = self.article(item.article)
        start, end = _offset(item.start, "start"), _offset(item.end, "end")
        if not 0 <= start < end <= len(text):
            raise _Problem(
                f"offsets {start}–{end} are outside the article (its text has {len(text)}"
                " characters) or empty"
            )
        if item.text is not None and text[start:end] != item.text:
            raise _Problem(
                f"offsets {start}–{end} give “{shorten(text[start:end])}” in the article,"
                f" not “{shorten(item.text)}”"
            )
        category = self._category(item.category)
        attributes: dict[str, Any] = {}
        for name, raw in item.attributes.items():
            variable = self._variable(name, category, raw)
            attributes[variable.id] = self._value(variable, raw)
        key = (article_id, category.id, start, end, _key(attributes))
        if key in self.existing:
            self.report.already_present += 1
            return
        self.project.add_annotation(
            Annotation(
                article_id=article_id,
                category_id=category.id,
                start=start,
                end=end,
                text=text[start:end],
                coder=self.coder,
                attributes=attributes,
                memo=item.memo,
            )
        )
        self.existing.add(key)
        self.report.annotations += 1

    # -- codebook --------------------------------------------------------------------------

    def _category(self, name: str) -> Category:
        wanted = " ".join(name.replace("/", " / ").split()).casefold()
        matches = [
            c
            for c in self.codebook.categories
            if c.name.casefold() == name.casefold()
            or category_path(self.codebook, c.id).casefold() == wanted
        ]
        if not matches:
            # The key a codebook .json gives it ("human_interest" for "Human interest").
            keys = category_keys(self.codebook)
            matches = [c for c in self.codebook.categories if keys[c.id] == name.casefold()]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            paths = ", ".join(category_path(self.codebook, c.id) for c in matches)
            raise _Problem(f"category “{name}” is ambiguous ({paths}); write its path")
        if not self.add_missing:
            raise _Problem(
                f"unknown category “{name}”: not in the codebook (add it, or import with"
                " --add-missing)"
            )
        category = Category(
            name=name,
            color=_COLOURS[len(self.report.added_categories) % len(_COLOURS)],
            position=len(self.codebook.categories),
        )
        self.codebook.categories.append(category)
        self.project.save_category(category)
        self.report.added_categories.append(name)
        return category

    def _variable(self, name: str, category: Category | None, value: Any) -> Variable:
        level: VariableLevel = "article" if category is None else "unit"
        scope = (
            self.codebook.article_variables()
            if category is None
            else (self.codebook.unit_variables(category.id))
        )
        for variable in scope:
            if variable.name.casefold() == name.casefold():
                return self._grown(variable, value)
        where = "" if category is None else f" of category “{category.name}”"
        if not self.add_missing:
            raise _Problem(
                f"unknown variable “{name}”{where}: not in the codebook (add it, or import"
                " with --add-missing)"
            )
        problem = variable_name_problem(name)
        if problem:
            raise _Problem(problem)
        variable = Variable(
            name=name,
            label=name,
            kind="nominal",
            level=level,
            category_id=None if category is None else category.id,
            position=len(scope),
        )
        self.codebook.variables.append(variable)
        self.new_variables[variable.id] = variable
        self.project.save_variable(variable)  # before any code points to it
        self.report.added_variables.append(name + where)
        return self._grown(variable, value)

    def _grown(self, variable: Variable, value: Any) -> Variable:
        """A variable added by this import, with ``value`` among its values."""
        if variable.id not in self.new_variables or value is None or isinstance(value, dict | list):
            return variable
        code = str(value)
        if any(v.code == code for v in variable.values):
            return variable
        grown = replace(variable, values=(*variable.values, ValueLabel(code, code)))
        self.new_variables[variable.id] = grown
        self.codebook.variables = [
            grown if v.id == grown.id else v for v in self.codebook.variables
        ]
        return grown

    def save_codebook(self) -> None:
        for variable in self.new_variables.values():
            self.project.save_variable(variable)

    def _value(self, variable: Variable, value: Any) -> Any:
        """The value as stored for the variable's kind, or a _Problem naming both."""
        if value is None or value == "":
            raise _Problem(f"no value given for “{variable.name}”")
        kind = variable.kind
        if kind == "yesno":
            code = yes_no_code(value, variable.values)
            if code is None:
                raise _Problem(f"“{variable.name}” is yes/no, not “{value}”")
            return code
        if kind == "number":
            if isinstance(value, int | float) and not isinstance(value, bool):
                return value
            try:
                number = float(decimal_point(str(value)))
            except ValueError:
                raise _Problem(f"“{variable.name}” is a number, not “{value}”") from None
            return int(number) if number.is_integer() else number
        if kind in ("nominal", "ordinal"):
            if isinstance(value, dict | list):
                raise _Problem(f"“{variable.name}” takes one value, not {value!r}")
            code = str(value)
            if variable.values and not any(v.code == code for v in variable.values):
                codes = ", ".join(v.code for v in variable.values)
                raise _Problem(f"“{code}” is not a value of “{variable.name}” ({codes})")
            return code
        if kind == "text":
            return str(value)
        return value  # actor: a name, or an object with one


def _offset(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Problem(f"“{what}” must be a whole number of characters, not {value!r}")
    return value


def _key(attributes: dict[str, Any]) -> str:
    return json.dumps(attributes, sort_keys=True, ensure_ascii=False)
