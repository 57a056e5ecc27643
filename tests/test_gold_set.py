"""The hand-annotated gold sets are well formed: no NLP is run here.

tests/gold/<lang>/ and tests/gold/unseen/<lang>/ were written by the team; tests/gold/real/
{tuning,heldout}/<lang>/ are real news pages (tests/gold/real/README.md), whose quotes also
carry the speaker's type. Messages name the file and the item, never the annotation itself:
the held-out texts are not to be read by whoever tunes the rules.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLD = Path(__file__).parent / "gold"
#: Held-out articles, never looked at while tuning the rules (bench.quotes scores them apart).
UNSEEN = GOLD / "unseen"
REAL = GOLD / "real"
REAL_SETS = (REAL / "tuning", REAL / "heldout")
KINDS = {"direct", "partial", "indirect"}
LABELS = {"PERSON", "ORG", "PLACE"}
SPEAKER_TYPES = {"person", "organisation", "descriptor"}
LANGUAGES = ("en", "fr")
MIN_ARTICLES = {GOLD: 20, UNSEEN: 5}
#: The real set counts once it is committed whole (with its README); while it is being
#: annotated only the files already there are checked. The written set's own articles are
#: those of gold/<lang>/, not gold/real/.
if (REAL / "README.md").exists():
    MIN_ARTICLES.update(dict.fromkeys(REAL_SETS, 20))

PAIRS = sorted(
    [
        *(p for lang in LANGUAGES for p in (GOLD / lang).glob("*.json")),
        *UNSEEN.glob("*/*.json"),
        *(p for root in REAL_SETS for p in root.glob("*/*.json")),
    ]
)


def count(text: str, needle: str) -> int:
    n, start = 0, text.find(needle)
    while start != -1:
        n += 1
        start = text.find(needle, start + 1)
    return n


def _is_real(path: Path) -> bool:
    return REAL in path.parents


def test_gold_set_exists() -> None:
    assert PAIRS, f"no gold articles under {GOLD}"


@pytest.mark.parametrize(
    ("root", "lang"),
    [(root, lang) for root in MIN_ARTICLES for lang in LANGUAGES],
    ids=lambda v: v if isinstance(v, str) else str(v.relative_to(GOLD)),
)
def test_each_language_has_enough_articles(root: Path, lang: str) -> None:
    assert len(list((root / lang).glob("*.json"))) >= MIN_ARTICLES[root]


def test_held_out_articles_are_not_copies_of_tuning_articles() -> None:
    seen = {
        p.read_text(encoding="utf-8") for lang in LANGUAGES for p in (GOLD / lang).glob("*.txt")
    }
    unseen = list(UNSEEN.glob("*/*.txt"))
    assert unseen
    assert all(p.read_text(encoding="utf-8") not in seen for p in unseen)
    tuning = {p.read_text(encoding="utf-8") for p in (REAL / "tuning").glob("*/*.txt")}
    held_out = list((REAL / "heldout").glob("*/*.txt"))
    copies = [p.name for p in held_out if p.read_text(encoding="utf-8") in tuning | seen]
    check(not copies, f"held-out real articles also in a tuning set: {copies}")


def check(ok: object, message: str) -> None:
    """Fail with message alone: pytest's assertion rewriting would print the annotation."""
    if not ok:
        pytest.fail(message, pytrace=False)


def _speaker_in_text(speaker: str, text: str, real: bool) -> bool:
    # On real pages an annotator may have resolved « M. Castaner » to a fuller name known
    # from elsewhere, or written "Critics" as "critics"; the held-out half is never edited,
    # so its surname, in any case, must be there.
    if speaker in text:
        return True
    return real and speaker.split()[-1].casefold() in text.casefold()


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: str(p.relative_to(GOLD).with_suffix("")))
def test_annotations_are_found_in_the_text(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    txt = path.with_suffix(".txt")
    check(txt.exists(), f"{txt.name} missing")
    text = txt.read_text(encoding="utf-8")
    lines = text.split("\n")
    check(lines[0].strip() and lines[1] == "", "line 1 the headline, then a blank line")
    check(data["language"] == path.parent.name, f"{path.name}: language")
    check(set(data) <= {"language", "quotes", "entities", "not_quotes"}, f"{path.name}: keys")
    real = _is_real(path)
    quote_keys = {"text", "kind", "speaker", "cue", "occurrence"} | (
        {"speaker_type"} if real else set()
    )

    for n, q in enumerate(data["quotes"]):
        where = f"{path.name}: quote {n}"
        check(set(q) <= quote_keys, f"{where}: unknown keys {sorted(set(q) - quote_keys)}")
        check(q["kind"] in KINDS, f"{where}: kind")
        check(q["text"] and count(text, q["text"]) >= q.get("occurrence", 1), f"{where}: text")
        speaker = q.get("speaker")
        check(speaker is None or _speaker_in_text(speaker, text, real), f"{where}: speaker")
        check(q.get("cue") is None or q["cue"] in text, f"{where}: cue")
        if real:
            kind = q.get("speaker_type")
            check(kind is None or kind in SPEAKER_TYPES, f"{where}: speaker_type")
            check(
                (kind is None) == (speaker is None),
                f"{where}: speaker_type given exactly when there is a speaker",
            )
    for n, e in enumerate(data["entities"]):
        where = f"{path.name}: entity {n}"
        check(e["label"] in LABELS, f"{where}: label")
        check(e["text"] and count(text, e["text"]) >= e.get("occurrence", 1), f"{where}: text")
    mentions = [(e["text"], e.get("occurrence", 1)) for e in data["entities"]]
    check(len(mentions) == len(set(mentions)), f"{path.name}: an entity mention is listed twice")
    for n, phrase in enumerate(data.get("not_quotes", [])):
        check(phrase and phrase in text, f"{path.name}: not_quote {n}")
