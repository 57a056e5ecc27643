"""Quote, speaker and entity accuracy of pre-annotation against the hand-annotated gold set.

`python -m bench.quotes` reads every tests/gold/<lang>/NNN-slug.txt with its .json (and, scored
apart as "unseen", the held-out tests/gold/unseen/<lang>/ articles), runs
`annotator.nlp.analyze` on the text as `read_article` returns it, and prints per language
precision/recall/F1 per quote kind, speaker accuracy, entity scores and false quotes,
with issue 5's targets beside each figure.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator import nlp

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"
#: Held-out articles, not looked at while the rules were tuned: scored apart, so that
#: rules fitted to the tuning set alone show as a gap between the two.
UNSEEN = GOLD / "unseen"
SETS = (("seen", GOLD), ("unseen", UNSEEN))
KINDS = ("direct", "partial", "indirect")
LABELS = ("PERSON", "ORG", "PLACE")
#: A system quote matches a gold quote when their overlap is at least this share of
#: the LONGER of the two spans (so neither a fragment nor a run-on span counts).
MIN_OVERLAP = 0.8
TARGETS = {
    "direct F1": 0.95,
    "partial F1": 0.85,
    "indirect F1": 0.75,
    "speaker accuracy direct": 0.90,
    "speaker accuracy indirect": 0.80,
    "PERSON recall": 0.90,
}

Span = tuple[int, int]


def find_nth(text: str, needle: str, occurrence: int = 1) -> int:
    """Start of the occurrence-th (1-based) occurrence of needle in text, or -1."""
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start == -1:
            return -1
    return start


@dataclass
class GoldQuote:
    start: int
    end: int
    kind: str
    speaker: str | None


@dataclass
class Gold:
    path: Path
    language: str
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    not_quotes: list[str] = field(default_factory=list)


def read_text(txt: Path) -> str:
    """The article text as the app shows it (imported here: the readers pull in many libraries)."""
    from annotator.services.sources import read_article

    return read_article(txt).text


def load_gold(txt: Path, read: Callable[[Path], str] = read_text) -> Gold:
    """The gold annotations of one article, located in the text read_article returns.

    read_article keeps a plain .txt as it is but for leading/trailing newlines; spans are
    found in the file's text and shifted onto the article text. Should the reader ever
    change the text more than that, each gold string is looked up in the article text
    instead, counting occurrences there.
    """
    data = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    raw = txt.read_text(encoding="utf-8")
    text = read(txt)
    shift = raw.find(text)

    def locate(needle: str, occurrence: int) -> Span:
        if shift != -1:
            start = find_nth(raw, needle, occurrence) - shift
        else:
            start = find_nth(text, needle, occurrence)
        if start < 0 or text[start : start + len(needle)] != needle:
            raise ValueError(f"{txt.name}: {needle!r} (occurrence {occurrence}) not in the text")
        return start, start + len(needle)

    gold = Gold(txt, data["language"], text, not_quotes=list(data.get("not_quotes", [])))
    for q in data.get("quotes", []):
        start, end = locate(q["text"], q.get("occurrence", 1))
        gold.quotes.append(GoldQuote(start, end, q["kind"], q.get("speaker")))
    for e in data.get("entities", []):
        start, end = locate(e["text"], e.get("occurrence", 1))
        gold.entities.append((start, end, e["label"]))
    return gold


def load_all(root: Path = GOLD, read: Callable[[Path], str] = read_text) -> dict[str, list[Gold]]:
    by_lang: dict[str, list[Gold]] = {}
    for txt in sorted(root.glob("*/*.txt")):
        if txt.with_suffix(".json").exists():
            gold = load_gold(txt, read)
            by_lang.setdefault(gold.language, []).append(gold)
    return by_lang


def overlap_ok(a: Span, b: Span) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= MIN_OVERLAP * max(a[1] - a[0], b[1] - b[0])


def match(gold: list[Span], system: list[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index), greedily by largest overlap first."""
    candidates = sorted(
        (
            (-(min(g[1], s[1]) - max(g[0], s[0])), gi, si)
            for gi, g in enumerate(gold)
            for si, s in enumerate(system)
            if overlap_ok(g, s)
        ),
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return pairs


@dataclass
class Counts:
    tp: int = 0
    gold: int = 0
    system: int = 0

    def add(self, tp: int, gold: int, system: int) -> None:
        self.tp += tp
        self.gold += gold
        self.system += system

    @property
    def precision(self) -> float:
        return self.tp / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    articles: int = 0
    quotes: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    entities: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in LABELS})
    speakers: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    false_quotes: int = 0
    not_quotes: int = 0


def score_article(gold: Gold, scores: Scores) -> None:
    analysis = nlp.analyze(gold.text, gold.language)
    scores.articles += 1
    for kind in KINDS:
        g = [q for q in gold.quotes if q.kind == kind]
        s = [q for q in analysis.quotes if q.kind == kind]
        pairs = match([(q.start, q.end) for q in g], [(q.start, q.end) for q in s])
        scores.quotes[kind].add(len(pairs), len(g), len(s))
        # Speaker accuracy: of matched quotes, those whose speaker is the gold full name
        # (tp = right speaker, gold = matched quotes).
        right = sum(1 for gi, si in pairs if (s[si].speaker or None) == g[gi].speaker)
        scores.speakers[kind].add(right, len(pairs), len(pairs))
    for label in LABELS:
        g_set = {(a, b) for a, b, lab in gold.entities if lab == label}
        s_set = {(e.start, e.end) for e in analysis.entities if e.label == label}
        scores.entities[label].add(len(g_set & s_set), len(g_set), len(s_set))
    for phrase in gold.not_quotes:
        scores.not_quotes += 1
        start = -1
        while (start := gold.text.find(phrase, start + 1)) != -1:
            span = (start, start + len(phrase))
            if any(overlap_ok(span, (q.start, q.end)) for q in analysis.quotes):
                scores.false_quotes += 1
                break


def evaluate(root: Path = GOLD) -> dict[str, Scores]:
    results: dict[str, Scores] = {}
    for lang, golds in sorted(load_all(root).items()):
        scores = results.setdefault(lang, Scores())
        for gold in golds:
            score_article(gold, scores)
    return results


def _target(name: str) -> str:
    return f"target >= {TARGETS[name]:.2f}" if name in TARGETS else ""


def run() -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    for set_name, root in SETS:
        for lang, sc in evaluate(root).items():
            rows.extend(_rows(f"{lang} {set_name} ", sc))
    return rows


def _rows(pre: str, sc: Scores) -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    for kind in KINDS:
        c = sc.quotes[kind]
        detail = (
            f"P {c.precision:.2f} R {c.recall:.2f} ({c.tp} matched, {c.gold} gold, "
            f"{c.system} found) {_target(f'{kind} F1')}"
        )
        rows.append((f"{pre}{kind} quotes F1", c.f1, detail.strip()))
    direct_like = Counts()
    for kind in ("direct", "partial"):
        direct_like.add(sc.speakers[kind].tp, sc.speakers[kind].gold, 0)
    for name, c in (("direct", direct_like), ("indirect", sc.speakers["indirect"])):
        detail = f"{c.tp}/{c.gold} matched quotes (direct includes partial) "
        rows.append(
            (
                f"{pre}speaker accuracy {name}",
                c.recall,
                (detail + _target(f"speaker accuracy {name}")).strip(),
            )
        )
    for label in LABELS:
        c = sc.entities[label]
        detail = (
            f"P {c.precision:.2f} R {c.recall:.2f} F1 {c.f1:.2f} "
            f"({c.tp} exact, {c.gold} gold, {c.system} found) {_target(f'{label} recall')}"
        )
        rows.append((f"{pre}{label} recall", c.recall, detail.strip()))
    rows.append(
        (
            f"{pre}false quotes",
            float(sc.false_quotes),
            f"of {sc.not_quotes} gold not_quotes returned as quotes ({sc.articles} articles)",
        )
    )
    return rows


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    all_results = {name: evaluate(root) for name, root in SETS}
    if not all_results["seen"]:
        print(f"no gold articles under {GOLD}")
        return 1
    for name, results in all_results.items():
        for lang, sc in results.items():
            _print_scores(f"{lang} {name}", sc)
    _print_summary(all_results)
    return 0


def _summary(sc: Scores) -> dict[str, float]:
    def acc(kinds: tuple[str, ...]) -> float:
        matched = sum(sc.speakers[k].gold for k in kinds)
        return sum(sc.speakers[k].tp for k in kinds) / matched if matched else 0.0

    return {
        "direct F1": sc.quotes["direct"].f1,
        "partial F1": sc.quotes["partial"].f1,
        "indirect F1": sc.quotes["indirect"].f1,
        "speaker accuracy direct": acc(("direct", "partial")),
        "speaker accuracy indirect": acc(("indirect",)),
        "PERSON recall": sc.entities["PERSON"].recall,
    }


def _print_summary(all_results: dict[str, dict[str, Scores]]) -> None:
    """One line per measure, a column per language and set, and whether targets hold."""
    columns = [
        (f"{lang} {name}", sc)
        for name, results in all_results.items()
        for lang, sc in sorted(results.items())
    ]
    print("\n== summary (targets apply to each column) ==")
    print(f"{'measure':<26}" + "".join(f"{c:>11}" for c, _ in columns) + "  target")
    sums = [_summary(sc) for _, sc in columns]
    for measure, target in TARGETS.items():
        cells = "".join(f"{s[measure]:>10.2f}{'*' if s[measure] < target else ' '}" for s in sums)
        print(f"{measure:<26}{cells}  >= {target:.2f}")
    print("(* below target)")


def _print_scores(title: str, sc: Scores) -> None:
    print(f"\n== {title}: {sc.articles} articles ==")
    print(f"{'quotes':<10} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5} {'found':>6}  target")
    for kind in KINDS:
        c = sc.quotes[kind]
        print(
            f"{kind:<10} {c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f} {c.gold:5d} "
            f"{c.system:6d}  {_target(f'{kind} F1')}"
        )
    print(f"\n{'speakers':<10} {'acc':>5} {'right':>7}  target")
    for name, kinds in (("direct", ("direct", "partial")), ("indirect", ("indirect",))):
        right = sum(sc.speakers[k].tp for k in kinds)
        matched = sum(sc.speakers[k].gold for k in kinds)
        acc = right / matched if matched else 0.0
        print(
            f"{name:<10} {acc:5.2f} {right:>3}/{matched:<3}  {_target(f'speaker accuracy {name}')}"
        )
    print(f"\n{'entities':<10} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5} {'found':>6}  target")
    for label in LABELS:
        c = sc.entities[label]
        print(
            f"{label:<10} {c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f} {c.gold:5d} "
            f"{c.system:6d}  {_target(f'{label} recall')}"
        )
    print(f"\nfalse quotes: {sc.false_quotes} of {sc.not_quotes} not_quotes")


if __name__ == "__main__":
    raise SystemExit(main())
