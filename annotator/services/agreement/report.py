"""The reliability report: one row per article-level variable and per span category.

Plain inputs (no project, no SQL), so the CLI, the GUI and the export build it the same
way from whatever they read.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from annotator.core.answers import decimal_point, yes_no_code
from annotator.services.agreement.stats import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    LEVELS,
    Level,
    Reliability,
    ReliabilityData,
    reliability,
)
from annotator.services.agreement.unitized import Span, character_data, coders_per_article

#: The level of measurement of each kind of codebook variable (``None``: not computed).
LEVEL_OF_KIND: dict[str, Level | None] = {
    "yesno": "nominal",
    "nominal": "nominal",
    "actor": "nominal",
    "ordinal": "ordinal",
    "number": "interval",
    "text": None,
}


@dataclass(frozen=True)
class AgreementRow:
    """The reliability of one variable or category; ``reason`` says why a figure is missing."""

    name: str
    level: str
    alpha: float | None
    ci: tuple[float, float] | None
    percent_agreement: float | None
    kappa: float | None
    #: ``cohen`` (two coders), ``fleiss`` (more), or ``None`` when no kappa was computed.
    kappa_kind: Literal["cohen", "fleiss"] | None
    units: int
    coders: int
    #: ``article`` for article-level variables, ``unit`` for unit variables (units matched
    #: across coders, see ``units``), ``character`` for span categories.
    unit: Literal["article", "unit", "character"] = "article"
    reason: str = ""
    #: For a span category: the articles that entered, each with the coders counted there
    #: (who coded it, was given it by split or marked it done), sorted.
    entered: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def entered_by_coder(self) -> dict[str, int]:
        """How many of the articles that entered each coder was counted on."""
        counts: dict[str, int] = {}
        for _article, coders in self.entered:
            for coder in coders:
                counts[coder] = counts.get(coder, 0) + 1
        return dict(sorted(counts.items()))

    def as_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data (``ci`` as ``[low, high]`` or ``null``)."""
        return {
            "name": self.name,
            "level": self.level,
            "alpha": self.alpha,
            "ci": list(self.ci) if self.ci is not None else None,
            "percent_agreement": self.percent_agreement,
            "kappa": self.kappa,
            "kappa_kind": self.kappa_kind,
            "units": self.units,
            "coders": self.coders,
            "unit": self.unit,
            "reason": self.reason,
            **(
                {
                    "articles": [
                        {"article_id": article, "coders": list(coders)}
                        for article, coders in self.entered
                    ]
                }
                if self.unit == "character"
                else {}
            ),
        }


def agreement_report(
    codings: Mapping[str, Mapping[tuple[Hashable, str], Any]] | None = None,
    kinds: Mapping[str, str] | None = None,
    *,
    value_orders: Mapping[str, Sequence[Any]] | None = None,
    spans: Mapping[str, Sequence[Span]] | None = None,
    lengths: Mapping[Hashable, int] | None = None,
    coders_by_article: Mapping[Hashable, Iterable[str]] | None = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> list[AgreementRow]:
    """Reliability rows for article-level variables, then span categories.

    ``codings`` maps a variable name to ``{(article_id, coder): value}``; ``kinds`` gives
    each variable's kind (``yesno``, ``nominal``, ``actor``: nominal; ``ordinal``;
    ``number``: interval; ``text``: skipped) or a level of measurement (``nominal``,
    ``ordinal``, ``interval``, ``ratio``); a variable without one is nominal.
    ``value_orders`` gives the codes of ordinal variables lowest first (values match them
    as numbers when they are numbers: ``1`` is code ``"+1"``); without one, ordinal values
    sort, as numbers when they all are. Actor values compare on the actor's name (a
    string, a mapping with ``"name"`` or an object with ``.name``), ignoring case and
    spacing. Numbers may have a decimal comma. A list of values (several answers) is one
    nominal value: coders agree when they chose the same set.

    ``spans`` maps a category name to its ``(article_id, coder, start, end)`` spans, with
    ``lengths`` the articles' lengths in characters, for a character-level alpha (see
    ``unitized``). ``coders_by_article`` says who coded each article; by default, who made
    a span of any category there.
    """
    rows: list[AgreementRow] = []
    kinds = kinds or {}
    orders = value_orders or {}
    for name, coded in (codings or {}).items():
        rows.append(
            variable_row(name, coded, kinds.get(name, "nominal"), orders.get(name), draws, seed)
        )
    if spans:
        every_span = [s for category in spans.values() for s in category]
        who = coders_by_article if coders_by_article is not None else coders_per_article(every_span)
        for name, category_spans in spans.items():
            data = character_data(category_spans, lengths or {}, who)
            row = _row(name, "character", reliability(data, "nominal", draws=draws, seed=seed))
            rows.append(replace(row, entered=_entered(category_spans, who, lengths or {})))
    return rows


def _entered(
    spans: Sequence[Span], who: Mapping[Hashable, Iterable[str]], lengths: Mapping[Hashable, int]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The articles a category's alpha counts (two coders or more, a text), with their coders."""
    coders = {a: set(names) for a, names in who.items()}
    for article, coder, _start, _end in spans:
        coders.setdefault(article, set()).add(coder)
    return tuple(
        (str(article), tuple(sorted(names)))
        for article, names in sorted(coders.items(), key=lambda item: str(item[0]))
        if len(names) >= 2 and lengths.get(article, 0) > 0
    )


def variable_row(
    name: str,
    coded: Mapping[tuple[Hashable, str], Any],
    kind: str,
    order: Sequence[Any] | None = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    unit: Literal["article", "unit"] = "article",
) -> AgreementRow:
    """The row of one variable from ``{(unit, coder): value}`` (see ``agreement_report``)."""
    if kind in LEVEL_OF_KIND:
        level = LEVEL_OF_KIND[kind]
    elif kind in LEVELS:
        level = kind
    else:
        return skipped_row(name, kind, f"unknown variable kind {kind!r}")
    coders = len({coder for (_, coder), value in coded.items() if value not in (None, "")})
    if level is None:
        return skipped_row(name, "text", "free text: agreement is not computed", coders)
    values = {key: comparable_value(value, kind) for key, value in coded.items()}
    if kind == "yesno" and order is not None:
        # The codebook's codes read like the answers: "yes", "oui" or 1 is the code "1".
        order = list(dict.fromkeys(comparable_value(code, kind) for code in order))
    if level == "ordinal":
        values, order = _ordinal(values, order)
    try:
        data = ReliabilityData.from_mapping(values, level, order)
    except ValueError as error:
        return skipped_row(name, level, str(error), coders)
    return _row(name, unit, reliability(data, level, draws=draws, seed=seed))


def comparable_value(value: Any, kind: str) -> Any:
    """A coded value as agreement compares it: yes/no answers as their canonical codes
    ``"1"``/``"0"`` (whatever the spelling: yes, oui, true, 1...), actors by name (spaces
    and case ignored), decimal commas as points, several answers as a set; ``None`` when
    not answered."""
    if value is None or value == "":
        return None
    if kind == "yesno":
        return yes_no_code(value) or str(value).strip()
    if kind == "actor":
        if isinstance(value, Mapping):
            value = value.get("name")
        elif not isinstance(value, str):
            value = getattr(value, "name", value)
        if value is None:
            return None
        return " ".join(str(value).split()).casefold() or None
    if kind == "number" and isinstance(value, str):
        return decimal_point(value)
    if isinstance(value, list | tuple | set):
        # Several values (a multiple choice): the same set of answers agrees.
        return tuple(sorted(str(v) for v in value)) or None
    return value


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        return None


def _ordinal(
    values: dict[tuple[Hashable, str], Any], order: Sequence[Any] | None
) -> tuple[dict[tuple[Hashable, str], Any], list[Any] | None]:
    """Ordinal values matched to the codebook's codes ("+1" and 1 are one code), or as
    numbers when there are no codes and every value is one (so that "10" follows "9")."""

    def key(value: Any) -> tuple[str, Any]:
        number = _as_number(value)
        return ("n", number) if number is not None else ("s", str(value).strip())

    if order is None:
        numbers = {k: None if v is None else _as_number(v) for k, v in values.items()}
        if all(n is not None for k, n in numbers.items() if values[k] is not None):
            return numbers, None
        return values, None
    codes = [str(c) for c in order]
    lookup = {key(c): c for c in codes}
    mapped = {k: None if v is None else lookup.get(key(v), str(v)) for k, v in values.items()}
    return mapped, codes


def _row(
    name: str, unit: Literal["article", "unit", "character"], result: Reliability
) -> AgreementRow:
    return AgreementRow(
        name=name,
        level=result.level,
        alpha=result.alpha,
        ci=result.ci,
        percent_agreement=result.percent_agreement,
        kappa=result.kappa,
        kappa_kind=result.kappa_kind,
        units=result.units,
        coders=result.coders,
        unit=unit,
        reason=result.reason,
    )


def skipped_row(name: str, level: str, reason: str, coders: int = 0) -> AgreementRow:
    """A row without figures, saying why."""
    return AgreementRow(name, level, None, None, None, None, None, 0, coders, reason=reason)
