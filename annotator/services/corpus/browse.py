"""What the window shows of a corpus: its counts as charts, and a search over its articles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from annotator.services.corpus.stats import CorpusStats, connect
from annotator.services.overview import Table

#: Characters shown either side of the first hit in a search result.
SNIPPET = 80


def chart_tables(stats: CorpusStats) -> list[Table]:
    """The stats tables as the overview's charts draw them: a label column (grouping
    columns joined by " / ") then number columns only (no types, no percentages)."""
    charts = []
    for table in stats.tables:
        numbers = [
            i
            for i, name in enumerate(table.columns)
            if name not in ("women_share",)
            and table.rows
            and all(isinstance(row[i], int) for row in table.rows)
        ]
        labels = [i for i in range(len(table.columns)) if i not in numbers]
        if table.columns[labels[0] if labels else 0] == "actor":
            labels = labels[:1]  # the actor's name; its type is in the table below
        chart = Table(
            table.title,
            [" / ".join(table.columns[i] for i in labels), *(table.columns[i] for i in numbers)],
            chart="stacked" if table.columns[-1] == "women_share" else "bar",
        )
        chart.rows = [
            [" / ".join(str(row[i]) for i in labels), *(row[i] for i in numbers)]
            for row in table.rows
        ]
        chart.empty_reason = table.empty_reason
        charts.append(chart)
    return charts


@dataclass(frozen=True, slots=True)
class Hit:
    """An article of the corpus that holds every word searched for."""

    id: str
    title: str
    outlet: str
    date: str
    snippet: str


def search_corpus(corpus: str | Path, query: str, limit: int = 200) -> list[Hit]:
    """Articles whose title or text holds every word of ``query`` (case ignored; a phrase in
    double quotes is one), newest first, with the text around the first hit."""
    terms = [a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', query) if (a or b).strip()]
    if not terms:
        return []
    con = connect(corpus)
    where = " and ".join(
        "(strpos(lower(title), lower(?)) > 0 or strpos(lower(text), lower(?)) > 0)" for _ in terms
    )
    params: list[object] = [t for term in terms for t in (term, term)]
    rows = con.execute(
        f"select id, title, outlet, coalesce(date, ''), text from articles where {where}"
        f" order by date desc nulls last, id limit {int(limit)}",
        params,
    ).fetchall()
    con.close()
    return [
        Hit(i, title, outlet, date, _snippet(text, terms[0]))
        for i, title, outlet, date, text in rows
    ]


def _snippet(text: str, term: str) -> str:
    at = text.lower().find(term.lower())
    if at < 0:
        return " ".join(text[: 2 * SNIPPET].split())
    start, end = max(0, at - SNIPPET), min(len(text), at + len(term) + SNIPPET)
    return (
        ("…" if start else "")
        + " ".join(text[start:end].split())
        + ("…" if end < len(text) else "")
    )
