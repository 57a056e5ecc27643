"""Acronyms defined in brackets after the name they stand for: « la direction régionale de
l'économie, de l'emploi, du travail et des solidarités (Dreets) », "the People for the Ethical
Treatment of Animals (Peta)" (issue 13, item 6).

The name before the brackets is found by spelling the acronym backwards through it, each
letter in order, the first one starting a word; it is an organisation when the NER or the rules
already call it one, or when one of its words is an organisation's (« direction »,
"Directorate"). The acronym then names it wherever it appears, alone, with its label.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from spacy.tokens import Doc

from ..core.models import Entity
from .mentions import Mention, bare, token_mention

#: "(Dreets)", "(ARS)", "(MEK)", "(Peta)": a capitalised word of 2 to 10 letters in brackets.
_DEFINED = re.compile(r"\(\s*([A-ZÀ-Ý][A-Za-zÀ-ÿ&]{1,9})\s*\)")
#: The longest name looked at before the brackets, in words, beyond the acronym's letters.
_EXTRA_WORDS = 5
#: Labels an acronym takes from the name it stands for.
_LABELS = ("ORG", "PLACE", "OTHER")


def defined_acronyms(
    doc: Doc,
    text: str,
    norm: str,
    mentions: list[Mention],
    org_words: frozenset[str],
    not_org_heads: frozenset[str],
    skip: frozenset[str],
) -> list[Mention]:
    """The mentions with each bracketed acronym's name and every mention of the acronym
    labelled as the name is (an organisation found by its words when nothing labels it)."""
    out = list(mentions)
    defined: dict[str, str] = {}
    for match in _DEFINED.finditer(norm):
        short = match.group(1)
        if sum(ch.isupper() for ch in short) < 2 and len(short) > 6:
            continue  # "(Bruxelles)": a word, not an acronym
        span = _long_form(doc, match.start(), short, skip)
        if span is None:
            continue
        start, end = span
        label = _label(doc, out, start, end, org_words, not_org_heads)
        if label is None:
            continue
        out = _put(doc, text, out, start, end, label)
        defined[short] = label
    if not defined:
        return out
    return _label_mentions(doc, text, norm, out, defined)


def _long_form(doc: Doc, bracket: int, short: str, skip: frozenset[str]) -> tuple[int, int] | None:
    """Tokens of the name the acronym in the brackets at char bracket spells, or None."""
    span = doc.char_span(bracket, bracket + 1, alignment_mode="expand")
    if span is None:
        return None
    end = span.start  # the token before "("
    letters = _fold(short)
    if end == 0 or not letters.isalpha():
        return None
    first = end
    while first > 0 and end - first < 2 * len(letters) + _EXTRA_WORDS:
        t = doc[first - 1]
        if t.is_space or "\n" in t.whitespace_ or (t.is_punct and t.text not in ",'-"):
            break
        first -= 1
    start = _spell(doc, first, end, letters, skip)
    if start is None or not doc[start].is_alpha or doc[start].lower_ in skip:
        return None
    return start, end


def _fold(word: str) -> str:
    """Lowercase without accents: « É » spells "e"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _initials(word: str) -> str:
    """The initials of a word and of its hyphenated parts: "Écologie-Les" -> "el"."""
    return "".join(part[0] for part in re.split(r"[-'’]", _fold(word)) if part[:1].isalpha())


def _spell(doc: Doc, first: int, end: int, letters: str, skip: frozenset[str]) -> int | None:
    """The first token of the shortest run of words ending at end whose initials spell
    letters, small words (skip) left out or counted; None when no run does."""
    options: list[tuple[int, int]] = [(end, len(letters))]  # (next token back, letters left)
    while options:
        k, left = options.pop(0)
        if left == 0:
            return k
        if k <= first:
            continue
        t = doc[k - 1]
        word = t.text
        if t.is_punct:
            if word in ",'-":
                options.append((k - 1, left))
            continue
        small = t.lower_ in skip or t.lower_.rstrip("'’") in skip
        initials = _initials(word)
        want = letters[:left]
        for part in {initials, initials[:1]}:
            if part and want.endswith(part):
                options.append((k - 1, left - len(part)))
        if small:
            options.append((k - 1, left))
    return None


def _label(
    doc: Doc,
    mentions: list[Mention],
    start: int,
    end: int,
    org_words: frozenset[str],
    not_org_heads: frozenset[str],
) -> str | None:
    """The label of the name at tokens start..end: ORG when one of its words is an
    organisation's, else that of the mention that covers most of it, else ORG for a name in
    capitals; OTHER for an event's or a law's name; None when it is none of these."""
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    if doc[start].lower_ in not_org_heads or doc[end - 1].lower_ in not_org_heads:
        return "OTHER"  # « Salon international de l'agroalimentaire (SIAG) »: an event
    best = None
    for m in mentions:
        overlap = min(e, m.entity.end) - max(s, m.entity.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, m.entity.label)
    if any(bare(doc[i].text) in org_words for i in range(start, end)):
        return "ORG"
    if best is not None and best[1] in _LABELS and best[0] * 2 >= e - s:
        return best[1]
    words = [t for t in doc[start:end] if t.is_alpha and len(t.text) > 3]
    if len(words) >= 2 and all(t.text[:1].isupper() for t in words):
        return "ORG"  # "People for the Ethical Treatment of Animals (Peta)"
    return None


def _put(
    doc: Doc, text: str, mentions: list[Mention], start: int, end: int, label: str
) -> list[Mention]:
    """The name as one mention, replacing the mentions inside or across it."""
    new = token_mention(doc, text, start, end, label)
    s, e = new.entity.start, new.entity.end
    kept = [m for m in mentions if not (m.entity.start < e and s < m.entity.end)]
    if len(kept) < len(mentions) and any(
        m.entity.label == "PERSON" and (m.entity.start < s or m.entity.end > e)
        for m in mentions
        if m.entity.start < e and s < m.entity.end
    ):
        return mentions  # a person's name reaching into it: leave it
    kept.append(new)
    kept.sort(key=lambda m: (m.entity.start, m.entity.end))
    return kept


def _label_mentions(
    doc: Doc, text: str, norm: str, mentions: list[Mention], defined: dict[str, str]
) -> list[Mention]:
    """Every mention of a defined acronym with its name's label; unlabelled ones added."""
    out = []
    for m in mentions:
        label = defined.get(m.entity.text)
        if label is not None and m.entity.label != label:
            m = replace(m, entity=Entity(m.entity.start, m.entity.end, m.entity.text, label))
        out.append(m)
    covered = [(m.entity.start, m.entity.end) for m in out]
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(map(re.escape, defined)) + r")(?![\w-])")
    for match in pattern.finditer(norm):
        s, e = match.span()
        if any(a < e and s < b for a, b in covered):
            continue
        span = doc.char_span(s, e)
        if span is not None:
            out.append(token_mention(doc, text, span.start, span.end, defined[match.group()]))
    out.sort(key=lambda m: (m.entity.start, m.entity.end))
    return out
