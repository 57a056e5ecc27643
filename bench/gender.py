"""Speaker gender on the real-news gold set: `python -m bench gender`.

tests/gold/real/gender/<set>/<lang>.json gives, for the person speakers of each article of
the real gold set, their gender as a reader of the article can tell it (female, male or
unknown). Each person is looked up among the actors pre-annotation finds in that article
(by name or by one of the actor's mentions, compared as bench.quotes compares speakers, or
by the surname alone when one actor has it).

Figures, per set and language (targets from issue 13):
- given: of the persons the text shows as a woman or a man, the share the system gives a
  gender (found as an actor and not "unknown"); target >= 0.85;
- right: of the persons the system gives a gender to (and the gold knows), the share it
  gets right; target >= 0.95;
- guessed: of the persons the text says nothing about, the share given a gender anyway.
The ratio column is the figure itself.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator import nlp
from bench.quotes import REAL_HELDOUT, REAL_TUNING, load_all, normalize_speaker
from bench.sizes import size

GENDER_GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "real" / "gender"
SETS = (("real-tuning", REAL_TUNING, "tuning"), ("real-heldout", REAL_HELDOUT, "heldout"))
MIN_GIVEN = 0.85
MIN_RIGHT = 0.95


def _actor_genders(text: str, language: str) -> dict[str, str]:
    """Every name and mention of a person actor (normalised) -> the actor's gender."""
    out: dict[str, str] = {}
    for actor in nlp.analyze(text, language).actors:
        if actor.type != "PERSON":
            continue
        for form in [actor.name, *(m.text for m in actor.mentions)]:
            key = normalize_speaker(form)
            if key:
                out.setdefault(key, actor.gender)
    return out


def _lookup(found: dict[str, str], speaker: str) -> str:
    """The gender of the actor named as the gold speaker; else of the one actor whose name
    ends the gold speaker's ("Le Pen" for "Marine Le Pen"); else "unknown" (not found)."""
    key = normalize_speaker(speaker) or ""
    if key in found:
        return found[key]
    tails = {g for name, g in found.items() if key.endswith(" " + name)}
    return tails.pop() if len(tails) == 1 else "unknown"


def evaluate(set_dir: Path, gold_name: str) -> dict[str, dict[str, int]]:
    """Counts per language: known (gold female/male), given, right, silent (gold unknown),
    guessed."""
    results: dict[str, dict[str, int]] = {}
    for lang, golds in sorted(load_all(set_dir).items()):
        path = GENDER_GOLD / gold_name / f"{lang}.json"
        if not path.is_file():
            continue
        people = json.loads(path.read_text(encoding="utf-8"))["articles"]
        counts = results.setdefault(
            lang, {"known": 0, "given": 0, "right": 0, "silent": 0, "guessed": 0}
        )
        golds = [g for g in golds if g.path.stem in people]
        for gold in golds[: size(len(golds), 1)]:
            found = _actor_genders(gold.text, gold.language)
            for speaker, entry in people[gold.path.stem].items():
                system = _lookup(found, speaker)
                if entry["gender"] == "unknown":
                    counts["silent"] += 1
                    counts["guessed"] += system != "unknown"
                    continue
                counts["known"] += 1
                if system != "unknown":
                    counts["given"] += 1
                    counts["right"] += system == entry["gender"]
    return results


def run() -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    for set_name, set_dir, gold_name in SETS:
        for lang, c in evaluate(set_dir, gold_name).items():
            pre = f"{lang} {set_name} gender"
            given = c["given"] / c["known"] if c["known"] else 0.0
            right = c["right"] / c["given"] if c["given"] else 0.0
            guessed = c["guessed"] / c["silent"] if c["silent"] else 0.0
            rows += [
                (
                    f"{pre} given",
                    given,
                    f"{c['given']}/{c['known']} persons the text shows as a woman or a man "
                    f"(target >= {MIN_GIVEN:.2f})",
                ),
                (
                    f"{pre} right",
                    right,
                    f"{c['right']}/{c['given']} given a gender (target >= {MIN_RIGHT:.2f})",
                ),
                (
                    f"{pre} guessed",
                    guessed,
                    f"{c['guessed']}/{c['silent']} persons the text says nothing about",
                ),
            ]
    if not rows:
        rows.append(("gender", 0.0, "no gender gold under tests/gold/real/gender"))
    return rows
