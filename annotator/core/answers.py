"""Coded answers read the same way by every layer: yes/no and decimal commas, in English
or French.

A yes/no answer has one canonical form, the code ``"1"`` (yes) or ``"0"`` (no): the
store keeps it, the form offers it, agreement compares it and exports write it as 1/0.
Whatever a coder's file, a spreadsheet or an import wrote (yes/no, oui/non, true/false,
1/0, a boolean, or a code of the variable whose label says yes or no) reads as one of
these two codes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol


class ValueLabel(Protocol):
    """A variable's value: its code and its label (``core.ValueLabel``)."""

    @property
    def code(self) -> str: ...

    @property
    def label(self) -> str: ...


#: How coders and spreadsheets write yes and no (compared casefolded, spaces stripped).
YES = frozenset({"yes", "y", "true", "1", "oui", "o", "vrai"})
NO = frozenset({"no", "n", "false", "0", "non", "faux"})
#: The canonical codes of a yes/no answer.
YES_CODE = "1"
NO_CODE = "0"


def _plain_yes_no(value: Any) -> int | None:
    if isinstance(value, bool):
        return int(value)
    if value is None:
        return None
    if isinstance(value, int | float) and value in (0, 1):
        return int(value)
    text = str(value).strip().casefold()
    if text in YES:
        return 1
    if text in NO:
        return 0
    return None


def yes_no(value: Any, values: Iterable[ValueLabel] = ()) -> int | None:
    """1 for a yes, 0 for a no, None for no answer or anything else ("don't know").

    ``values`` are the variable's value labels: a value that is one of their codes reads
    as its label says when the label is a yes or a no (code "2" labelled "No" is a no).
    """
    if value is not None and not isinstance(value, bool):
        text = str(value).strip().casefold()
        for label in values:
            if label.code.strip().casefold() == text:
                by_label = _plain_yes_no(label.label)
                if by_label is not None:
                    return by_label
                break
    return _plain_yes_no(value)


def yes_no_code(value: Any, values: Iterable[ValueLabel] = ()) -> str | None:
    """The canonical code of a yes/no answer (``"1"`` or ``"0"``), None when it is none."""
    answer = yes_no(value, values)
    return None if answer is None else (NO_CODE, YES_CODE)[answer]


def yes_no_value(value: Any, values: Iterable[ValueLabel] = ()) -> Any:
    """A stored yes/no answer in canonical form; another answer ("don't know", a code of
    its own) as it is, and ``None`` for no answer."""
    if value is None or value == "":
        return None
    code = yes_no_code(value, values)
    return value if code is None else code


def decimal_point(text: str) -> str:
    """A number as typed with a decimal comma (French "3,5") written with a point; other
    text as it is ("1,000.5" keeps its thousands comma)."""
    text = text.strip()
    if text.count(",") == 1 and "." not in text:
        return text.replace(",", ".")
    return text
