"""Coded values as statistics software wants them: yes/no as 1/0, codes as numbers when
they are numbers, actors by name, dates as dates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from annotator.core import ValueLabel, Variable
from annotator.core.answers import decimal_point
from annotator.core.answers import yes_no as answer_of

_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+\.\d*|\.\d+)")


def yes_no(value: Any, values: Iterable[ValueLabel] = ()) -> int | str | None:
    """1 for yes, 0 for no (in English or French, as text, number, boolean or a code of the
    variable labelled yes or no; see ``core.answers``); anything else stays as written."""
    if value is None or value == "":
        return None
    answer = answer_of(value, values)
    return str(value) if answer is None else answer


def code(value: Any) -> int | float | str | None:
    """A value code as a number when it is written as one ("+1" -> 1, "-1" -> -1).

    Codes with leading zeros ("01") stay text, since the zeros may matter.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    text = str(value).strip()
    if _INTEGER.fullmatch(text):
        number = int(text)
        if str(abs(number)) == text.lstrip("+-"):
            return number
        return text
    if _DECIMAL.fullmatch(text):
        return float(text)
    return str(value)


def number(value: Any) -> int | float | str | None:
    """A number variable's value as a number (text that is not one stays text)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    text = decimal_point(str(value))
    try:
        parsed = float(text)
    except ValueError:
        return str(value)
    return int(text) if _INTEGER.fullmatch(text) else parsed


def actor_name(value: Any, actors: Mapping[str, str]) -> str | None:
    """An actor value by name: an actor id of the article, a mapping with a name, or a name."""
    if value is None or value == "":
        return None
    if isinstance(value, Mapping):
        name = value.get("name")
        if name is None and "id" in value:
            name = actors.get(str(value["id"]))
        return None if name is None else str(name)
    text = str(value)
    return actors.get(text, text)


def variable_value(variable: Variable, value: Any, actors: Mapping[str, str]) -> Any:
    """A coded value in the column of its variable."""
    if isinstance(value, list | tuple):  # several values picked: one cell, ";"-separated
        parts = [variable_value(variable, v, actors) for v in value]
        return "; ".join(str(p) for p in parts if p is not None) or None
    if variable.kind == "yesno":
        return yes_no(value, variable.values)
    if variable.kind in ("nominal", "ordinal"):
        return code(value)
    if variable.kind == "number":
        return number(value)
    if variable.kind == "actor":
        return actor_name(value, actors)
    if isinstance(value, Mapping):
        return str(value)
    return None if value is None or value == "" else value


def as_date(value: str | None) -> date | str | None:
    """An ISO date as a date (anything else is kept as written)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return value


def as_datetime(value: str | None) -> datetime | str | None:
    """An ISO timestamp as a naive datetime in UTC (spreadsheets have no time zones)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    if parsed.tzinfo is not None:
        offset = parsed.utcoffset()
        parsed = parsed.replace(tzinfo=None) - offset if offset else parsed.replace(tzinfo=None)
    return parsed
