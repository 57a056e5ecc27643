"""Quote, speaker and entity accuracy of pre-annotation against the hand-annotated gold sets.

`python -m bench.quotes` scores four sets apart, per language: "seen" (tests/gold/<lang>/, written
by the team, tuned on), "unseen" (tests/gold/unseen/<lang>/, written by the team, held out),
"real-tuning" (tests/gold/real/tuning/<lang>/, real news pages, tuned on) and "real-heldout"
(tests/gold/real/heldout/<lang>/, real news pages, never looked at while tuning). It runs
`annotator.nlp.analyze` on the text as `read_article` returns it and prints precision/recall/F1
per quote kind, speaker and speaker-type accuracy, entity scores per label and the share of
not-quotes returned as quotes, each with the number of items behind it and issue 13's target,
and how long extraction takes beside the bare spaCy pipeline on the same texts.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator import nlp
from annotator.core import Quote
from annotator.nlp.analysis import build_analysis
from annotator.nlp.normalize import normalize_for_model
from bench.sizes import size

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"
#: Held-out articles, not looked at while the rules were tuned: scored apart, so that
#: rules fitted to the tuning set alone show as a gap between the two.
UNSEEN = GOLD / "unseen"
#: Real news pages no one on the team wrote (tests/gold/real/README.md).
REAL_TUNING = GOLD / "real" / "tuning"
REAL_HELDOUT = GOLD / "real" / "heldout"
SETS = (
    ("seen", GOLD),
    ("unseen", UNSEEN),
    ("real-tuning", REAL_TUNING),
    ("real-heldout", REAL_HELDOUT),
)
LANGUAGES = ("en", "fr")
KINDS = ("direct", "partial", "indirect")
LABELS = ("PERSON", "ORG", "PLACE")
#: A system quote matches a gold quote when their overlap is at least this share of
#: the LONGER of the two spans (so neither a fragment nor a run-on span counts).
MIN_OVERLAP = 0.8
TARGETS = {
    "direct F1": 0.95,
    "partial F1": 0.90,
    "indirect F1": 0.85,
    "speaker accuracy direct": 0.92,
    "speaker accuracy indirect": 0.85,
    "PERSON recall": 0.95,
    "ORG recall": 0.85,
}
#: At most this share of gold not-quotes may come back as quotes.
MAX_FALSE_QUOTES = 0.05
#: Extraction may take at most this many times the bare pipeline.
MAX_EXTRACTION_RATIO = 1.25
#: One leading article or determiner dropped before comparing speakers.
_LEADING_ARTICLE = re.compile(r"^(?:(?:le|la|les|un|une|des|the|a|an)\s+|l')", re.IGNORECASE)

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
    speaker_type: str | None = None


def normalize_speaker(name: str | None) -> str | None:
    """A speaker as compared: casefolded, ’ as ', whitespace collapsed, one leading
    article or determiner dropped (« l'agence régionale de santé » = "Agence régionale de
    santé")."""
    if not name:
        return None
    folded = " ".join(name.replace("’", "'").casefold().split())
    return _LEADING_ARTICLE.sub("", folded, count=1) or None


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
        gold.quotes.append(
            GoldQuote(start, end, q["kind"], q.get("speaker"), q.get("speaker_type"))
        )
    for e in data.get("entities", []):
        start, end = locate(e["text"], e.get("occurrence", 1))
        gold.entities.append((start, end, e["label"]))
    return gold


def load_all(root: Path = GOLD, read: Callable[[Path], str] = read_text) -> dict[str, list[Gold]]:
    """The annotated articles under root/<lang>/ (a .txt without its .json is not done yet)."""
    by_lang: dict[str, list[Gold]] = {}
    for txt in sorted(p for lang in LANGUAGES for p in (root / lang).glob("*.txt")):
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
    #: Of matched quotes whose gold speaker has a type, those given the same type.
    speaker_types: Counts = field(default_factory=Counts)
    false_quotes: int = 0
    not_quotes: int = 0
    #: Seconds: analyze() on every text (parse and rules), and the parse alone.
    extraction: float = 0.0
    bare: float = 0.0


def score_article(gold: Gold, scores: Scores) -> None:
    # nlp.analyze in two timed halves: the bare pipeline's parse, then the rules on it.
    started = time.perf_counter()
    doc = nlp.load_pipeline(gold.language)(normalize_for_model(gold.text))
    parsed = time.perf_counter()
    analysis = build_analysis(doc, gold.text, gold.language)
    scores.bare += parsed - started
    scores.extraction += time.perf_counter() - started
    scores.articles += 1
    for kind in KINDS:
        g = [q for q in gold.quotes if q.kind == kind]
        s = [q for q in analysis.quotes if q.kind == kind]
        pairs = match([(q.start, q.end) for q in g], [(q.start, q.end) for q in s])
        scores.quotes[kind].add(len(pairs), len(g), len(s))
        # Speaker accuracy: of matched quotes, those whose speaker is the gold full name
        # (tp = right speaker, gold = matched quotes).
        right = sum(
            1
            for gi, si in pairs
            if normalize_speaker(s[si].speaker) == normalize_speaker(g[gi].speaker)
        )
        scores.speakers[kind].add(right, len(pairs), len(pairs))
        typed = [(gi, si) for gi, si in pairs if g[gi].speaker_type]
        same = sum(1 for gi, si in typed if s[si].speaker_type == g[gi].speaker_type)
        scores.speaker_types.add(same, len(typed), len(typed))
    for label in LABELS:
        g_set = {(a, b) for a, b, lab in gold.entities if lab == label}
        s_set = {(e.start, e.end) for e in analysis.entities if e.label == label}
        scores.entities[label].add(len(g_set & s_set), len(g_set), len(s_set))
    scores.not_quotes += len(gold.not_quotes)
    scores.false_quotes += len(returned_not_quotes(gold, analysis.quotes))


def returned_not_quotes(gold: Gold, quotes: list[Quote]) -> list[str]:
    """The gold not-quotes of which some occurrence is returned as a quote."""
    returned = []
    for phrase in gold.not_quotes:
        start = -1
        while (start := gold.text.find(phrase, start + 1)) != -1:
            span = (start, start + len(phrase))
            if any(overlap_ok(span, (q.start, q.end)) for q in quotes):
                returned.append(phrase)
                break
    return returned


def evaluate(root: Path = GOLD) -> dict[str, Scores]:
    results: dict[str, Scores] = {}
    for lang, golds in sorted(load_all(root).items()):
        golds = golds[: size(len(golds), 1)]
        nlp.analyze(golds[0].text, lang)  # load and warm the pipeline before timing
        scores = results.setdefault(lang, Scores())
        for gold in golds:
            score_article(gold, scores)
    return results


def _target(name: str) -> str:
    return f"target >= {TARGETS[name]:.2f}" if name in TARGETS else ""


def run() -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    every = Scores()
    for set_name, root in SETS:
        for lang, sc in evaluate(root).items():
            rows.extend(_rows(f"{lang} {set_name} ", sc))
            every.extraction += sc.extraction
            every.bare += sc.bare
    rows.append(_ratio_row(every))
    return rows


def _ratio_row(sc: Scores) -> tuple[str, float, str]:
    ratio = sc.extraction / sc.bare if sc.bare else 0.0
    return (
        "quotes extraction / bare pipeline",
        ratio,
        f"parse and rules {sc.extraction:.1f} s, bare pipeline {sc.bare:.1f} s on the same texts "
        f"(target <= {MAX_EXTRACTION_RATIO:.2f})",
    )


def _false_share(sc: Scores) -> float:
    return sc.false_quotes / sc.not_quotes if sc.not_quotes else 0.0


def _rows(pre: str, sc: Scores) -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    for kind in KINDS:
        c = sc.quotes[kind]
        detail = (
            f"P {c.precision:.2f} R {c.recall:.2f} ({c.tp} matched, {c.gold} gold, "
            f"{c.system} found) {_target(f'{kind} F1')}"
        )
        rows.append((f"{pre}{kind} quotes F1", c.f1, detail.strip()))
    for name, c in _speaker_counts(sc).items():
        detail = f"{c.tp}/{c.gold} matched quotes (direct includes partial) "
        rows.append(
            (
                f"{pre}speaker accuracy {name}",
                c.recall,
                (detail + _target(f"speaker accuracy {name}")).strip(),
            )
        )
    t = sc.speaker_types
    rows.append(
        (f"{pre}speaker type accuracy", t.recall, f"{t.tp}/{t.gold} matched quotes with a type")
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
            f"{pre}not-quotes returned as quotes",
            _false_share(sc),
            f"{sc.false_quotes} of {sc.not_quotes} gold not_quotes ({sc.articles} articles) "
            f"(target <= {MAX_FALSE_QUOTES:.2f})",
        )
    )
    return rows


def _speaker_counts(sc: Scores) -> dict[str, Counts]:
    """Speaker accuracy counts: direct (with partial) and indirect."""
    direct_like = Counts()
    for kind in ("direct", "partial"):
        direct_like.add(sc.speakers[kind].tp, sc.speakers[kind].gold, 0)
    return {"direct": direct_like, "indirect": sc.speakers["indirect"]}


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    all_results = {name: evaluate(root) for name, root in SETS}
    if not all_results["seen"]:
        print(f"no gold articles under {GOLD}")
        return 1
    for name, results in all_results.items():
        if not results:
            print(f"\n== {name}: no annotated articles ==")
        for lang, sc in results.items():
            _print_scores(f"{lang} {name}", sc)
    _print_summary(all_results)
    every = Scores()
    for results in all_results.values():
        for sc in results.values():
            every.extraction += sc.extraction
            every.bare += sc.bare
    label, ratio, detail = _ratio_row(every)
    print(f"\n{label}: {ratio:.2f} ({detail})")
    return 0


def _summary(sc: Scores) -> dict[str, tuple[float, int]]:
    """Each measure with the number of items behind it."""
    speakers = _speaker_counts(sc)
    q, e = sc.quotes, sc.entities
    return {
        "direct F1": (q["direct"].f1, q["direct"].gold),
        "partial F1": (q["partial"].f1, q["partial"].gold),
        "indirect F1": (q["indirect"].f1, q["indirect"].gold),
        "speaker accuracy direct": (speakers["direct"].recall, speakers["direct"].gold),
        "speaker accuracy indirect": (speakers["indirect"].recall, speakers["indirect"].gold),
        "speaker type accuracy": (sc.speaker_types.recall, sc.speaker_types.gold),
        "PERSON recall": (e["PERSON"].recall, e["PERSON"].gold),
        "ORG recall": (e["ORG"].recall, e["ORG"].gold),
        "not-quotes as quotes": (_false_share(sc), sc.not_quotes),
    }


def _print_summary(all_results: dict[str, dict[str, Scores]]) -> None:
    """One line per measure, a column per language and set (figure and count), and whether
    targets hold."""
    columns = [
        (f"{lang} {name}", sc)
        for name, results in all_results.items()
        for lang, sc in sorted(results.items())
    ]
    print("\n== summary: figure (items behind it); targets apply to each column ==")
    print(f"{'measure':<26}" + "".join(f"{c:>17}" for c, _ in columns) + "  target")
    sums = [_summary(sc) for _, sc in columns]
    for measure in sums[0] if sums else ():
        cells = ""
        for s in sums:
            value, n = s[measure]
            if measure == "not-quotes as quotes":
                below = value > MAX_FALSE_QUOTES
            else:
                below = measure in TARGETS and value < TARGETS[measure]
            cells += f"{value:>9.2f} ({n:>4}){'*' if below else ' '}"
        if measure == "not-quotes as quotes":
            target = f"<= {MAX_FALSE_QUOTES:.2f}"
        else:
            target = f">= {TARGETS[measure]:.2f}" if measure in TARGETS else ""
        print(f"{measure:<26}{cells}  {target}")
    print("(* misses its target)")


def _print_scores(title: str, sc: Scores) -> None:
    print(f"\n== {title}: {sc.articles} articles ==")
    print(f"{'quotes':<10} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5} {'found':>6}  target")
    for kind in KINDS:
        c = sc.quotes[kind]
        print(
            f"{kind:<10} {c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f} {c.gold:5d} "
            f"{c.system:6d}  {_target(f'{kind} F1')}"
        )
    print(f"\n{'speakers':<10} {'acc':>5} {'right':>9}  target")
    for name, c in _speaker_counts(sc).items():
        print(
            f"{name:<10} {c.recall:5.2f} {c.tp:>4}/{c.gold:<4}  "
            f"{_target(f'speaker accuracy {name}')}"
        )
    t = sc.speaker_types
    print(f"{'type':<10} {t.recall:5.2f} {t.tp:>4}/{t.gold:<4}")
    print(f"\n{'entities':<10} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5} {'found':>6}  target")
    for label in LABELS:
        c = sc.entities[label]
        print(
            f"{label:<10} {c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f} {c.gold:5d} "
            f"{c.system:6d}  {_target(f'{label} recall')}"
        )
    print(
        f"\nnot-quotes returned as quotes: {sc.false_quotes} of {sc.not_quotes} "
        f"({_false_share(sc):.0%}; target <= {MAX_FALSE_QUOTES:.0%})"
    )
    print(f"extraction {sc.extraction:.1f} s, bare pipeline {sc.bare:.1f} s")


if __name__ == "__main__":
    raise SystemExit(main())
