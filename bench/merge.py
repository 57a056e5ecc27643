"""Coding teams at scale: split, import-annotations and merge (`python -m bench merge`).

Three coders, 10 % overlap, ``ANNOTATOR_BENCH_ARTICLES`` articles (default 2,000), three
claims and one article code per article and coder. Each figure is a ratio against a
baseline measured in the same run:

- merge: merging the three coders' files into a new file, against copying the same three
  files with SQLite's backup API (the floor: reading and writing the same pages);
- merge again: the same merge into the merged file (idempotent, adds nothing), against
  the first merge;
- import-annotations: loading a coder's JSON Lines, against writing the same annotations
  and codes with the store's own calls in one transaction (the cost of reading, resolving
  and checking the lines).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from annotator.core import (
    Analysis,
    Annotation,
    Article,
    Category,
    Codebook,
    Coding,
    Entity,
    ValueLabel,
    Variable,
)
from annotator.services.annotations_io import import_annotations
from annotator.services.merge import merge
from annotator.services.split import split
from annotator.store import Project
from bench.sizes import size

CODERS = ("alice", "bob", "carol")
CLAIM = Category("Claim", id="bench-claim")
TOPIC = Variable(
    "topic", kind="nominal", values=(ValueLabel("economy"), ValueLabel("health")), id="bench-topic"
)
POSITION = Variable(
    "position",
    kind="ordinal",
    level="unit",
    category_id=CLAIM.id,
    values=(ValueLabel("-1"), ValueLabel("0"), ValueLabel("+1")),
    id="bench-position",
)


def _text(number: int) -> str:
    return (
        f"Story {number}\n\nThe minister Claire Dubois said on Monday that reform {number} "
        "would go ahead. Unions disagree, and the opposition leader Marc Petit called it "
        "a mistake that the country would pay for.\n"
    ) * 8


def _build(folder: Path, articles: int) -> Path:
    path = folder / "study.annotator"
    with Project.create(path) as project:
        project.install_codebook(Codebook([CLAIM], [TOPIC, POSITION]))
        items = []
        for number in range(articles):
            text = _text(number)
            at = text.index("Claire Dubois")
            items.append(
                (
                    Article(text=text, title=f"Story {number}", id=f"art-{number:05d}"),
                    Analysis("en", [Entity(at, at + 13, "Claire Dubois", "PERSON")]),
                )
            )
        project.add_articles(items)
    return path


def _lines(project: Project, coder: str) -> list[str]:
    lines = []
    for article_id in project.article_ids():
        text = project.article(article_id).text
        for word, position in (("Claire Dubois", "+1"), ("Unions", "-1"), ("Marc Petit", "0")):
            start = text.index(word)
            lines.append(
                json.dumps(
                    {
                        "article": article_id,
                        "category": "Claim",
                        "start": start,
                        "end": start + len(word),
                        "attributes": {"position": position},
                    }
                )
            )
        lines.append(json.dumps({"article": article_id, "variable": "topic", "value": "economy"}))
    return lines


def _store_directly(path: Path, coder: str, lines: list[str]) -> None:
    with Project.open(path) as project, project.db.atomic():
        texts: dict[str, str] = {}
        for line in lines:
            record = json.loads(line)
            article_id = record["article"]
            if "variable" in record:
                project.set_coding(Coding(article_id, TOPIC.id, coder, record["value"]))
                continue
            text = texts.setdefault(article_id, project.article(article_id).text)
            start, end = record["start"], record["end"]
            project.add_annotation(
                Annotation(
                    article_id,
                    CLAIM.id,
                    start,
                    end,
                    text[start:end],
                    coder,
                    {POSITION.id: record["attributes"]["position"]},
                )
            )


def run() -> list[tuple[str, float, str]]:
    articles = int(os.environ.get("ANNOTATOR_BENCH_ARTICLES", size(2000, 30)))
    results: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-merge-") as name:
        folder = Path(name)
        master = _build(folder, articles)
        coders = folder / "coders"
        coders.mkdir()
        report = split(master, CODERS, 0.1, coders, seed=1)
        files = list(report.files.values())

        # import-annotations: the first coder's file, against the store's own calls on a copy.
        first = files[0]
        with Project.open(first) as project:
            lines = _lines(project, CODERS[0])
        jsonl = folder / "codes.jsonl"
        jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
        copy = folder / "copy.annotator"
        _backup(first, copy)
        started = time.perf_counter()
        _store_directly(copy, CODERS[0], lines)
        direct = time.perf_counter() - started
        started = time.perf_counter()
        with Project.open(first) as project:
            loaded = import_annotations(project, jsonl, CODERS[0])
        imported = time.perf_counter() - started
        assert not loaded.problems, loaded.problems[:3]
        results.append(
            (
                "import-annotations vs store calls",
                imported / direct,
                f"{len(lines)} lines in {imported:.1f} s ({len(lines) / imported:.0f} lines/s)",
            )
        )
        for other in files[1:]:
            with Project.open(other) as project:
                coder = json.loads(project.meta("split") or "{}")["coder"]
                lines = _lines(project, coder)
            _store_directly(other, coder, lines)

        started = time.perf_counter()
        for number, path in enumerate(files):
            _backup(path, folder / f"backup-{number}.annotator")
        copying = time.perf_counter() - started
        out = folder / "merged.annotator"
        started = time.perf_counter()
        merged = merge(out, files)
        merging = time.perf_counter() - started
        rows = merged.total("annotations").added + merged.total("codings").added
        results.append(
            (
                "merge 3 coders vs copying their files",
                merging / copying,
                f"{articles} articles, {rows} codes in {merging:.1f} s",
            )
        )
        started = time.perf_counter()
        again = merge(out, files)
        remerging = time.perf_counter() - started
        assert again.total("annotations").added == 0
        results.append(
            ("merge again (adds nothing) vs first merge", remerging / merging, f"{remerging:.1f} s")
        )
    return results


def _backup(source: Path, target: Path) -> None:
    src, dest = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dest)
    finally:
        src.close()
        dest.close()


if __name__ == "__main__":
    for label, ratio, detail in run():
        print(f"{label:<48} {ratio:>8.2f}  {detail}")
