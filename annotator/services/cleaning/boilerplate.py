"""Wire boilerplate (copyright lines, agency notices, "Lire aussi" links) cut from articles.

The rules live in data files per language (``data/<lang>.json`` and
``data/common.json``), so a researcher can read and extend them without
touching code. Cleaning only cuts: every removed piece is reported with its
offsets in the original text, and the importer keeps that original text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

DATA_DIR = Path(__file__).parent / "data"

#: How many non-blank lines at the end of an article count as its footer.
FOOTER_LINES = 5
#: The first non-blank lines (headline, dateline) are never footer.
HEADER_LINES = 2

Scope = Literal["line", "span"]
Zone = Literal["anywhere", "footer"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate pattern from a data file."""

    name: str
    pattern: re.Pattern[str]
    scope: Scope = "line"
    zone: Zone = "anywhere"
    max_chars: int = 250


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The cleaned text and what was cut: (start, end, rule name), offsets into the original."""

    text: str
    removed: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.removed)


@lru_cache(maxsize=8)
def load_rules(name: str) -> tuple[Rule, ...]:
    """Rules of one data file ("common", "fr", "en"); an unknown language has none."""
    path = DATA_DIR / f"{name}.json"
    if not re.fullmatch(r"[a-z]{2,8}", name) or not path.is_file():
        return ()
    data = json.loads(path.read_text(encoding="utf-8"))
    rules = []
    for spec in data["rules"]:
        scope = spec.get("scope", "line")
        zone = spec.get("zone", "anywhere")
        if scope not in ("line", "span") or zone not in ("anywhere", "footer"):
            raise ValueError(f"{path}: rule {spec['name']!r} has scope {scope!r}, zone {zone!r}")
        rules.append(
            Rule(
                name=spec["name"],
                pattern=re.compile(spec["pattern"], re.IGNORECASE),
                scope=scope,
                zone=zone,
                max_chars=int(spec.get("max_chars", 250)),
            )
        )
    return tuple(rules)


def rules_for(language: str) -> tuple[Rule, ...]:
    return load_rules("common") + load_rules(language)


def clean_text(text: str, language: str) -> CleanResult:
    """Cut the boilerplate lines (and boilerplate ends of lines) of ``text``."""
    rules = rules_for(language)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\n|[^\n]+$", text)]
    content = [i for i, (s, e) in enumerate(lines) if text[s:e].strip()]
    footer = set(content[HEADER_LINES:][-FOOTER_LINES:])

    removed_line: dict[int, str] = {}
    spans: list[tuple[int, int, str]] = []
    for index in content:
        start, end = lines[index]
        body = text[start:end].rstrip("\n")
        stripped = body.strip()
        for rule in rules:
            if rule.zone == "footer" and index not in footer:
                continue
            if rule.scope == "line":
                if len(stripped) <= rule.max_chars and rule.pattern.search(stripped):
                    removed_line[index] = rule.name
                    break
            else:
                match = rule.pattern.search(body)
                if match and match.start() < match.end():
                    if body[: match.start()].strip():
                        spans.append((start + match.start(), start + match.end(), rule.name))
                    else:
                        removed_line[index] = rule.name
                    break

    spans.extend(_line_spans(text, lines, content, removed_line))
    spans.sort()
    kept, cursor = [], 0
    for start, end, _name in spans:
        kept.append(text[cursor:start])
        cursor = end
    kept.append(text[cursor:])
    return CleanResult("".join(kept), spans)


def _line_spans(
    text: str, lines: list[tuple[int, int]], content: list[int], removed: dict[int, str]
) -> list[tuple[int, int, str]]:
    """Removed lines as spans, each taking the blank lines after it (or before it at the end)."""
    if not removed:
        return []
    last_kept = max((i for i in content if i not in removed), default=-1)
    out: list[tuple[int, int, str]] = []
    covered = -1  # the last line already inside a span
    for index in sorted(removed):
        if index <= covered:
            continue
        first = index
        if index > last_kept:
            # Past the last kept line the blank lines before it go too: the text ends
            # where the article does.
            while first - 1 > max(last_kept, covered) and _blank(text, lines[first - 1]):
                first -= 1
        last = index
        while last + 1 < len(lines) and _blank(text, lines[last + 1]):
            last += 1
        out.append((lines[first][0], lines[last][1], removed[index]))
        covered = last
    return out


def _blank(text: str, line: tuple[int, int]) -> bool:
    return not text[line[0] : line[1]].strip()
