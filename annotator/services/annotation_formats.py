"""Reading annotation files: our JSONL, doccano's JSONL and Label Studio's JSON/JSONL exports.

Every record becomes plain items (a span or an article-level value) that name their
article by reference; annotations_io resolves the references against a project.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.services.errors import FileProblem


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """How a record names its article: an id or source file name, and/or the article's text."""

    name: str | None = None
    text: str | None = None

    def describe(self) -> str:
        if self.name:
            return f"“{self.name}”"
        if self.text is not None:
            words = " ".join(self.text.split())
            return f"with the text “{words[:40]}…”" if len(words) > 40 else f"“{words}”"
        return "(none named)"


@dataclass(slots=True)
class SpanItem:
    article: ArticleRef
    category: str
    start: Any
    end: Any
    text: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    memo: str = ""


@dataclass(slots=True)
class ValueItem:
    article: ArticleRef
    variable: str
    value: Any


Item = SpanItem | ValueItem


class RecordProblem(ValueError):
    """A record that cannot be read, with the reason."""


@dataclass(slots=True)
class Record:
    """One line (JSONL) or one task (a JSON list): its number, its items, or why not."""

    number: int
    items: list[Item] = field(default_factory=list)
    problem: str = ""


def read_records(path: Path) -> Iterator[Record]:
    """The records of an annotation file; raises FileProblem if it cannot be read at all."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except IsADirectoryError:
        raise FileProblem(path, "is a folder, not an annotation file") from None
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(path, "not a UTF-8 text file (JSON Lines are UTF-8)") from None
    stripped = text.lstrip()
    if stripped.startswith("["):
        # A JSON list: Label Studio's JSON export (one task per element).
        try:
            tasks = strict_json(text)
        except json.JSONDecodeError as exc:
            raise FileProblem(path, f"not valid JSON ({exc})") from None
        except RecordProblem as exc:
            raise FileProblem(path, str(exc)) from None
        for number, task in enumerate(tasks, start=1):
            yield _record(number, task)
        return
    # Only "\n" ends a line: JSON strings may hold U+2028, U+2029 and U+0085 raw, which
    # str.splitlines() would also split on.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = strict_json(line)
        except json.JSONDecodeError as exc:
            yield Record(number, problem=f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecordProblem as exc:
            yield Record(number, problem=str(exc))
            continue
        yield _record(number, obj)


def _no_constant(name: str) -> Any:
    raise RecordProblem(f"{name} is not a number standard JSON allows (numbers must be finite)")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise RecordProblem(f"{text} is too large: numbers must be finite")
    return value


def _bounded_int(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # Python refuses to read more than 4300 digits
        raise RecordProblem(f"a number of {len(text)} digits is too long to read") from None


def strict_json(text: str) -> Any:
    """Parse standard JSON: no NaN or Infinity, no text that is not Unicode (lone
    surrogates), no number too long to read and no nesting deeper than Python can follow;
    RecordProblem says why."""
    try:
        obj = json.loads(
            text,
            parse_constant=_no_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
        )
        # A lone surrogate (\ud83d without its pair) is no character and cannot be stored.
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except RecursionError:
        raise RecordProblem("nested too deeply to read") from None
    except UnicodeEncodeError:
        raise RecordProblem(
            "holds a lone surrogate (half of a \\uD83D\\uDE00 pair), which is no character"
        ) from None
    return obj


def _record(number: int, obj: Any) -> Record:
    try:
        return Record(number, items=list(_items(obj)))
    except RecordProblem as exc:
        return Record(number, problem=str(exc))


def _items(obj: Any) -> Iterator[Item]:
    if not isinstance(obj, dict):
        raise RecordProblem("expected a JSON object {...}")
    if isinstance(obj.get("annotations"), list) or isinstance(obj.get("completions"), list):
        yield from _label_studio(obj)
        return
    if "variable" in obj:
        yield ValueItem(_ref(obj), _name(obj, "variable"), obj.get("value"))
        return
    if "category" in obj:
        yield SpanItem(
            _ref(obj),
            _name(obj, "category"),
            obj.get("start"),
            obj.get("end"),
            obj.get("text") if isinstance(obj.get("text"), str) else None,
            _attributes(obj.get("attributes")),
            str(obj.get("memo") or ""),
        )
        return
    if isinstance(obj.get("text"), str) and any(k in obj for k in ("label", "labels", "entities")):
        yield from _doccano(obj)
        return
    raise RecordProblem(
        "not an annotation: expected “variable” and “value”, “category” with “start” and"
        " “end”, a doccano record (“text”, “label”) or a Label Studio task (“annotations”)"
    )


def _name(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RecordProblem(f"“{key}” must be a name")
    return value.strip()


def _attributes(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RecordProblem("“attributes” must be an object {name: value}")
    return dict(value)


def _ref(obj: dict[str, Any], text: str | None = None) -> ArticleRef:
    for key in ("article", "article_id", "source_file", "file", "filename", "id"):
        value = obj.get(key)
        if isinstance(value, str | int) and str(value).strip():
            return ArticleRef(str(value).strip(), text)
    if text is None:
        raise RecordProblem("no “article”: give the article's id or source file name")
    return ArticleRef(None, text)


def _doccano(obj: dict[str, Any]) -> Iterator[Item]:
    text = obj["text"]
    ref = _ref(obj, text)
    spans = obj.get("entities", obj.get("label", obj.get("labels")))
    if not isinstance(spans, list):
        raise RecordProblem("doccano: “label” must be a list of [start, end, label]")
    for span in spans:
        if isinstance(span, list | tuple) and len(span) >= 3:
            yield SpanItem(ref, str(span[2]), span[0], span[1])
        elif isinstance(span, dict) and "start_offset" in span:
            yield SpanItem(ref, str(span.get("label")), span["start_offset"], span["end_offset"])
        elif isinstance(span, dict) and "labels" in span:  # Label Studio's JSON-MIN export
            for label in span.get("labels") or []:
                yield SpanItem(
                    ref, str(label), span.get("start"), span.get("end"), span.get("text")
                )
        elif isinstance(span, str):
            raise RecordProblem(
                f"doccano: document label “{span}” without a variable; "
                'write it as {"article", "variable", "value"}'
            )
        else:
            raise RecordProblem(f"doccano: cannot read the span {json.dumps(span)[:60]}")


def _label_studio(task: dict[str, Any]) -> Iterator[Item]:
    data = task.get("data") if isinstance(task.get("data"), dict) else {}
    assert isinstance(data, dict)
    text = data.get("text") if isinstance(data.get("text"), str) else None
    try:
        ref = _ref(data, text)
    except RecordProblem:
        ref = _ref(task, text)
    for annotation in task.get("annotations") or task.get("completions") or []:
        if not isinstance(annotation, dict) or annotation.get("was_cancelled"):
            continue
        for result in annotation.get("result") or []:
            value = result.get("value") if isinstance(result, dict) else None
            if not isinstance(value, dict):
                continue  # relations and other results without a value
            if "start" in value and ("labels" in value or "hypertextlabels" in value):
                for label in value.get("labels") or value.get("hypertextlabels") or []:
                    yield SpanItem(
                        ref, str(label), value["start"], value.get("end"), value.get("text")
                    )
            elif "choices" in value and result.get("from_name"):
                choices = value["choices"]
                yield ValueItem(
                    ref,
                    str(result["from_name"]),
                    choices[0] if isinstance(choices, list) and len(choices) == 1 else choices,
                )
            elif "text" in value and "start" not in value and result.get("from_name"):
                texts = value["text"]
                yield ValueItem(
                    ref,
                    str(result["from_name"]),
                    "\n".join(texts) if isinstance(texts, list) else texts,
                )
