"""Pre-annotation throughput of `annotator import` against bare `nlp.pipe` on the same texts.

The corpus is import_scale's: demo paragraphs shuffled and redrawn per article, so that no
two are near-duplicates and the import keeps every one. Both sides run in turns, ROUNDS
times, and the medians are compared.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import spacy

from annotator import nlp
from annotator.services.importer import import_files
from annotator.services.sources import read_article
from annotator.store import Project
from bench.import_scale import build_corpus
from bench.sizes import size

ARTICLES = size(72, 4)
ROUNDS = size(5, 1)


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        files = build_corpus(Path(tmp) / "corpus", ARTICLES)
        articles = [read_article(f) for f in files]
        by_lang: dict[str, list[str]] = {}
        for article in articles:
            by_lang.setdefault(nlp.detect_language(article.text), []).append(article.text)
        bare = {lang: spacy.load(nlp.PIPELINES[lang]) for lang in by_lang}
        for lang in by_lang:  # load and warm our pipelines too
            list(nlp.analyze_many(by_lang[lang][:4], language=lang))
        words = sum(len(a.text.split()) for a in articles)

        baseline, ours = [], []
        for round_ in range(ROUNDS):
            started = time.perf_counter()
            for lang, texts in by_lang.items():
                for _ in bare[lang].pipe(texts, batch_size=32):
                    pass
            baseline.append(time.perf_counter() - started)

            path = Path(tmp) / f"bench-{round_}.annotator"
            started = time.perf_counter()
            with Project.create(path) as project:
                report = import_files(project, files)
            ours.append(time.perf_counter() - started)
            assert len(report.imported) == len(files), report.lines()

    bare_s, ours_s = statistics.median(baseline), statistics.median(ours)
    ratio = bare_s / ours_s
    detail = (
        f"{len(files)} articles, {words} words: bare nlp.pipe {len(files) / bare_s:.1f}"
        f" art/s, import {len(files) / ours_s:.1f} art/s (median of {ROUNDS}; target >= 0.85)"
    )
    return [("import throughput / bare nlp.pipe", ratio, detail)]


if __name__ == "__main__":
    for row in run():
        print(*row)
