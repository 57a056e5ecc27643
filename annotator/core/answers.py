"""Coded answers read the same way by every layer: yes/no and decimal commas, in English
or French."""

from __future__ import annotations

from typing import Any

#: How coders and spreadsheets write yes and no (compared casefolded, spaces stripped).
YES = frozenset({"yes", "y", "true", "1", "oui", "vrai"})
NO = frozenset({"no", "n", "false", "0", "non", "faux"})


def yes_no(value: Any) -> int | None:
    """1 for a yes, 0 for a no, None for no answer or anything else ("don't know")."""
    if isinstance(value, bool):
        return int(value)
    if value is None:
        return None
    text = str(value).strip().casefold()
    if text in YES:
        return 1
    if text in NO:
        return 0
    return None


def decimal_point(text: str) -> str:
    """A number as typed with a decimal comma (French "3,5") written with a point; other
    text as it is ("1,000.5" keeps its thousands comma)."""
    text = text.strip()
    if text.count(",") == 1 and "." not in text:
        return text.replace(",", ".")
    return text
