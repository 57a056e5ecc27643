"""What quote and actor extraction add to the bare spaCy pipeline's time (issue 5: <= 25%).

Over the same texts (the gold articles, seen and unseen, and the demo articles, as
`read_article` returns them), per language: the bare pipeline (`spacy.load` of the same
package, `nlp.pipe` over the texts as the models see them, typographic marks made plain,
so that both sides parse the very same tokens) against `annotator.nlp.analyze_many`
(pipe + entities, quotes, speakers and actors). The ratio is full time / bare time
(target <= 1.25), from the best of ROUNDS runs of each side taken in turns, the texts
repeated COPIES times. Times are this process's CPU time, so that other programs running
at the same time (a test suite) do not skew the ratio.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import spacy

from annotator import nlp
from annotator.nlp.normalize import normalize_for_model
from annotator.paths import resource_dir
from annotator.services.sources import read_article
from bench.sizes import size, tiny

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"
COPIES = size(2, 1)
ROUNDS = size(3, 1)
TARGET = 1.25


def corpus() -> dict[str, list[str]]:
    """The article texts by language."""
    files = sorted(GOLD.glob("*/*.txt")) + sorted(GOLD.glob("unseen/*/*.txt"))
    files += sorted((resource_dir() / "demo").glob("*.txt"))
    if tiny():
        files = files[-4:-2]  # two demo articles, one in each language
    by_lang: dict[str, list[str]] = {}
    for path in files:
        text = read_article(path).text
        by_lang.setdefault(nlp.detect_language(text), []).append(text)
    return by_lang


def _cpu(fn: Callable[[], None]) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


def _best_of_both(bare: Callable[[], None], full: Callable[[], None]) -> tuple[float, float]:
    """The best time of each, the two run in turns so that drift touches both alike."""
    bare_times, full_times = [], []
    for _ in range(ROUNDS):
        bare_times.append(_cpu(bare))
        full_times.append(_cpu(full))
    return min(bare_times), min(full_times)


def run() -> list[tuple[str, float, str]]:
    rows = []
    total_bare = total_full = 0.0
    for lang, texts in sorted(corpus().items()):
        texts = texts * COPIES
        name = nlp.pipeline_name(lang)
        bare_nlp = spacy.load(name)
        list(nlp.analyze_many(texts[:2], language=lang))  # load and warm ours

        plain = [normalize_for_model(t) for t in texts]

        def bare(bare_nlp: spacy.language.Language = bare_nlp, plain: list[str] = plain) -> None:
            for _ in bare_nlp.pipe(plain, batch_size=32):
                pass

        def full(lang: str = lang, texts: list[str] = texts) -> None:
            for _ in nlp.analyze_many(texts, language=lang, batch_size=32):
                pass

        bare_s, full_s = _best_of_both(bare, full)
        total_bare += bare_s
        total_full += full_s
        words = sum(len(t.split()) for t in texts)
        rows.append(
            (
                f"{lang} analyze (quotes+actors) / bare nlp.pipe",
                full_s / bare_s,
                f"{name}: {len(texts)} texts, {words} words; bare {bare_s:.2f} s, "
                f"analyze {full_s:.2f} s (target <= {TARGET:.2f})",
            )
        )
    rows.append(
        (
            "all analyze / bare nlp.pipe",
            total_full / total_bare,
            f"bare {total_bare:.2f} s, analyze {total_full:.2f} s (target <= {TARGET:.2f})",
        )
    )
    return rows


if __name__ == "__main__":
    for row in run():
        print(*row)
