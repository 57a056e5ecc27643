"""The hand-annotated gold set (tests/gold/<lang>/) is well formed: no NLP is run here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLD = Path(__file__).parent / "gold"
#: Held-out articles, never looked at while tuning the rules (bench.quotes scores them apart).
UNSEEN = GOLD / "unseen"
KINDS = {"direct", "partial", "indirect"}
LABELS = {"PERSON", "ORG", "PLACE"}
LANGUAGES = ("en", "fr")
MIN_ARTICLES = {GOLD: 20, UNSEEN: 5}

#: Written articles (tuning and held-out); the real-news set (gold/real) has its own tests.
PAIRS = sorted([*GOLD.glob("*/*.json"), *UNSEEN.glob("*/*.json")])
PAIRS = [p for p in PAIRS if p.parent.name in LANGUAGES]


def count(text: str, needle: str) -> int:
    n, start = 0, text.find(needle)
    while start != -1:
        n += 1
        start = text.find(needle, start + 1)
    return n


def test_gold_set_exists() -> None:
    assert PAIRS, f"no gold articles under {GOLD}"


@pytest.mark.parametrize(
    ("root", "lang"),
    [(root, lang) for root in MIN_ARTICLES for lang in LANGUAGES],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_each_language_has_enough_articles(root: Path, lang: str) -> None:
    assert len(list((root / lang).glob("*.json"))) >= MIN_ARTICLES[root]


def test_unseen_articles_are_not_copies_of_tuning_articles() -> None:
    seen = {p.read_text(encoding="utf-8") for p in GOLD.glob("*/*.txt")}
    unseen = list(UNSEEN.glob("*/*.txt"))
    assert unseen
    assert all(p.read_text(encoding="utf-8") not in seen for p in unseen)


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_annotations_are_found_in_the_text(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    txt = path.with_suffix(".txt")
    assert txt.exists(), f"{txt.name} missing"
    text = txt.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0].strip() and lines[1] == "", "line 1 the headline, then a blank line"
    assert data["language"] == path.parent.name
    assert set(data) <= {"language", "quotes", "entities", "not_quotes"}

    for q in data["quotes"]:
        assert q["kind"] in KINDS, q
        assert q["text"] and count(text, q["text"]) >= q.get("occurrence", 1), q
        assert q.get("speaker") is None or q["speaker"] in text, q
        assert q.get("cue") is None or q["cue"] in text, q
    for e in data["entities"]:
        assert e["label"] in LABELS, e
        assert e["text"] and count(text, e["text"]) >= e.get("occurrence", 1), e
    mentions = [(e["text"], e.get("occurrence", 1)) for e in data["entities"]]
    assert len(mentions) == len(set(mentions)), "an entity mention is listed twice"
    for phrase in data.get("not_quotes", []):
        assert phrase and phrase in text, phrase
