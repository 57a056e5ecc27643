"""Pathological texts (issue 14, items 12-15): analysis time against the bare pipeline.

Each case is parsed by the bare spaCy pipeline and analysed by `annotator.nlp.analyze` on
the same text; the figure is analyze / bare (about 1 is right; quadratic work shows as a
ratio that grows with the size). The tiny size only checks that every case runs.
"""

from __future__ import annotations

import time

import spacy

from annotator import nlp
from bench.sizes import size

SCALE = size(100, 1)


def cases() -> dict[str, tuple[str, str]]:
    n = SCALE
    return {
        'He said "…" repeated': ("en", 'He said "hello there." ' * (15 * n)),
        "X said that Y told …": ("en", "Smith said that Jones told Brown it was over. " * (20 * n)),
        "interleaved « “ » ”": ("fr", "« “ » ” mot " * (50 * n)),
        "short lines": ("en", "\n".join(f"Line {i} here." for i in range(200 * n))),
        "run of =": ("en", "Before. " + "=" * (100 * n) + " after."),
        'run of "': ("en", "Before. " + '"' * (50 * n) + " after."),
    }


def run() -> list[tuple[str, float, str]]:
    rows = []
    bare = {lang: spacy.load(nlp.PIPELINES[lang]) for lang in ("en", "fr")}
    for label, (lang, text) in cases().items():
        nlp.analyze("Warm up.", lang)
        started = time.perf_counter()
        bare[lang](text)
        bare_s = time.perf_counter() - started
        started = time.perf_counter()
        nlp.analyze(text, lang)
        ours = time.perf_counter() - started
        rows.append(
            (
                f"pathological: {label}",
                ours / max(bare_s, 1e-6),
                f"{len(text)} chars: bare {bare_s:.2f} s, analyze {ours:.2f} s",
            )
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(*row)
