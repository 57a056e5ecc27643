"""The errors behind `python -m bench quotes`, article by article, on sets that may be tuned on.

`python -m bench.quotes_errors real-tuning fr [--only quotes|speakers|entities|not-quotes]
[--article 007]` prints, for each article, the gold quotes the system missed, the quotes it
returned that match no gold quote, the matched quotes whose speaker differs, the entities
missed and found wrongly, and the not-quotes returned as quotes. Only "seen" and
"real-tuning" are accepted: the held-out sets are scored by `bench quotes` alone, so that no
one tunes a rule on one of their articles.
"""

from __future__ import annotations

import argparse
import os
import sys

from annotator import nlp
from bench.quotes import (
    KINDS,
    LABELS,
    SETS,
    Gold,
    load_all,
    match,
    normalize_speaker,
    overlap_ok,
    returned_not_quotes,
)

TUNABLE = ("seen", "real-tuning")
PARTS = ("quotes", "speakers", "entities", "not-quotes")


def _clip(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def article_errors(gold: Gold, parts: tuple[str, ...]) -> list[str]:
    """One line per error of the pre-annotation on one gold article."""
    analysis = nlp.analyze(gold.text, gold.language)
    lines: list[str] = []
    for kind in KINDS:
        g = [q for q in gold.quotes if q.kind == kind]
        s = [q for q in analysis.quotes if q.kind == kind]
        pairs = match([(q.start, q.end) for q in g], [(q.start, q.end) for q in s])
        if "quotes" in parts:
            matched_g = {gi for gi, _ in pairs}
            matched_s = {si for _, si in pairs}
            for gi, q in enumerate(g):
                if gi not in matched_g:
                    others = [
                        o.kind
                        for o in analysis.quotes
                        if overlap_ok((q.start, q.end), (o.start, o.end))
                    ]
                    also = f" (found as {','.join(others)})" if others else ""
                    lines.append(f"  MISSED {kind}{also}: {_clip(gold.text[q.start : q.end])}")
            for si, q in enumerate(s):
                if si not in matched_s:
                    lines.append(f"  EXTRA  {kind} [{q.speaker}]: {_clip(q.text)}")
        if "speakers" in parts:
            for gi, si in pairs:
                want, got = g[gi], s[si]
                if normalize_speaker(got.speaker) != normalize_speaker(want.speaker):
                    lines.append(
                        f"  SPEAKER {kind}: gold {want.speaker!r} ({want.speaker_type}) "
                        f"got {got.speaker!r} ({got.speaker_type}): "
                        f"{_clip(gold.text[want.start : want.end], 70)}"
                    )
    if "entities" in parts:
        for label in LABELS:
            g_set = {(a, b) for a, b, lab in gold.entities if lab == label}
            s_set = {(e.start, e.end) for e in analysis.entities if e.label == label}
            for a, b in sorted(g_set - s_set):
                lines.append(f"  ENT-MISSED {label}: {gold.text[a:b]!r}")
            for a, b in sorted(s_set - g_set):
                lines.append(f"  ENT-EXTRA  {label}: {gold.text[a:b]!r}")
    if "not-quotes" in parts:
        for phrase in returned_not_quotes(gold, analysis.quotes):
            lines.append(f"  NOT-QUOTE returned: {_clip(phrase)}")
    return lines


def report(gold: Gold, parts: tuple[str, ...]) -> list[str]:
    """The lines printed for one article: a header with its number of errors, then each
    error line once, "(×N)" after one found N times (an article whose text repeats, a page
    that printed its body twice, has each of its gold quotes there twice)."""
    lines = article_errors(gold, parts)
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    return [f"== {gold.path.name}: {len(lines)} errors"] + [
        line if n == 1 else f"{line} (×{n})" for line, n in counts.items()
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.quotes_errors")
    parser.add_argument("set", choices=TUNABLE)
    parser.add_argument("language", choices=("en", "fr"))
    parser.add_argument("--only", action="append", choices=PARTS)
    parser.add_argument("--article", help="only articles whose file name starts with this")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = dict(SETS)[args.set]
    parts = tuple(args.only or PARTS)
    for gold in load_all(root).get(args.language, []):
        if args.article and not gold.path.name.startswith(args.article):
            continue
        for line in report(gold, parts):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
