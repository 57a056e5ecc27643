"""The "suggestions" sheet: each code the machine suggested, how sure it was, and what the
coder did with it (accepted, overrode with another value, or not decided yet)."""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core import Codebook, Decision
from annotator.services.code_suggestions import code_decisions
from annotator.services.exports.tables import Row, Table, _ArticleInfo
from annotator.services.exports.values import as_datetime
from annotator.store import Project

SUGGESTION_COLUMNS = (
    "article_id",
    "title",
    "variable",
    "suggested",
    "suggested_label",
    "confidence",
    "coder",
    "decision",
    "kept",
    "decided",
)


def suggestions_table(project: Project, codebook: Codebook) -> Table:
    """Decided suggestions (from the decisions, newest per article, variable and coder),
    then the suggestions stored for articles not coded yet."""
    variables = {v.id: v for v in codebook.article_variables()}

    def label(variable_id: str, code: object) -> str:
        variable = variables.get(variable_id)
        values = variable.values if variable is not None else ()
        return next((v.label for v in values if v.code == str(code)), "")

    def name(variable_id: str, fallback: str = "") -> str:
        variable = variables.get(variable_id)
        return variable.name if variable is not None else (fallback or variable_id)

    def rows() -> Iterator[Row]:
        info = _ArticleInfo(project)
        by_coder: dict[str, list[Decision]] = {}
        for decision in project.decisions():  # oldest first
            if decision.target == "code":
                by_coder.setdefault(decision.coder, []).append(decision)
        latest: dict[tuple[str, str, str], Decision] = {}
        for coder, decisions in by_coder.items():
            for (article_id, variable_id), d in code_decisions(decisions).items():
                latest[(article_id, variable_id, coder)] = d
        decided = {(article_id, variable_id) for article_id, variable_id, _ in latest}
        for (article_id, variable_id, coder), d in sorted(latest.items()):
            suggested = d.suggestion
            yield (
                article_id,
                info.get(article_id)[0],
                name(variable_id, str(suggested.get("variable", ""))),
                suggested.get("value"),
                label(variable_id, suggested.get("value")),
                suggested.get("confidence"),
                coder,
                d.decision,
                d.result.get("value"),
                as_datetime(d.created),
            )
        for article_id, variable_id, value, confidence in project.code_suggestions():
            if (article_id, variable_id) in decided:
                continue
            yield (
                article_id,
                info.get(article_id)[0],
                name(variable_id),
                value,
                label(variable_id, value),
                confidence,
                "",
                "",
                None,
                None,
            )

    return Table("suggestions", SUGGESTION_COLUMNS, rows, formats={"confidence": "0.0%"})
