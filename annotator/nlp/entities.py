"""Named entities from a parsed Doc, mapped to PERSON/ORG/PLACE/OTHER and cleaned."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..core.models import Entity
from .lexicon import Lexicon, get_dateline_rules

LABEL_MAP = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "LOC": "PLACE",
    "GPE": "PLACE",
    "FAC": "PLACE",
    "MISC": "OTHER",
    "NORP": "OTHER",
    "EVENT": "OTHER",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "PRODUCT": "OTHER",
}

_STRIP = set(" \t\r\n\u00a0\u202f\u2009\"'«»“”‘’„‹›,;:!?()[]{}<>-–—/\\*•·…|")
_NEWLINE_SPLIT = re.compile(r"\s*\n\s*")
# Datelines are looked for in the first lines only: the title, the lead, the tag.
_DATELINE_LINES = 12


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity with the tokens it covers (for subject and title checks)."""

    entity: Entity
    tok_start: int
    tok_end: int


def _clean_pieces(
    text: str, norm: str, start: int, end: int, lex: Lexicon
) -> list[tuple[int, int]]:
    """Split a span at line breaks and trim punctuation, clitics and junk."""
    pieces = []
    pos = start
    for m in _NEWLINE_SPLIT.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    cleaned = []
    for s, e in pieces:
        while s < e and norm[s] in _STRIP:
            s += 1
        while e > s and (norm[e - 1] in _STRIP or (norm[e - 1] == "." and not _abbrev(norm, s, e))):
            e -= 1
        if norm.endswith("'s", s, e) and e - s > 3:
            e -= 2  # "the Council's spokeswoman": the possessive is not part of the name
        # "l'Ukraine", "d'Ankara": the elided article is not part of the name.
        apo = norm.find("'", s, min(e, s + 8))
        clitic = apo != -1 and norm[s : apo + 1].lower() in lex.clitics
        if clitic and apo + 1 < e and norm[apo + 1].isupper():
            s = apo + 1
        if e - s < 2:
            continue
        piece = norm[s:e].lower()
        if piece in lex.clitics or not any(ch.isalnum() for ch in piece):
            continue
        cleaned.append((s, e))
    return cleaned


def _abbrev(norm: str, s: int, e: int) -> bool:
    """Whether a trailing period belongs to the name ("U.S.", "M.")."""
    return e - s >= 3 and norm[e - 3] == "." or (e - s == 2 and norm[s].isupper())


def _dateline_regions(text: str) -> list[tuple[int, int, tuple[int, int], tuple[int, int]]]:
    """Return (start, end, place span, agency span) of dateline lines near the top."""
    rules = get_dateline_rules()
    regions = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        if i >= _DATELINE_LINES:
            break
        stripped = line.lstrip()
        offset = pos + len(line) - len(stripped)
        for pattern in rules.patterns:
            m = pattern.match(stripped)
            if m is None:
                continue
            agency = m.group("agency")
            if agency not in rules.agencies and not agency.isupper():
                continue
            place = (offset + m.start("place"), offset + m.end("place"))
            agency_span = (offset + m.start("agency"), offset + m.end("agency"))
            regions.append((offset + m.start(), offset + m.end(), place, agency_span))
            break
        pos += len(line) + 1
    return regions


def extract_entities(doc: Doc, text: str, norm: str, lex: Lexicon) -> list[Mention]:
    """Return cleaned entity mentions on the original text, sorted by start."""
    regions = _dateline_regions(norm)
    places = {norm[p[0] : p[1]] for _, _, p, _ in regions}
    mentions: list[Mention] = []
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        for s, e in _clean_pieces(text, norm, ent.start_char, ent.end_char, lex):
            if any(rs < e and s < re_ for rs, re_, _, _ in regions):
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            first_word = norm[s:e].split(" ", 1)[0]
            if first_word.islower() and first_word in lex.titles:
                continue  # "ministre des Affaires": a title the NER took for a name
            piece_label = label
            if label == "PERSON" and norm[s:e] in places:
                piece_label = "PLACE"
            mentions.append(Mention(Entity(s, e, text[s:e], piece_label), span.start, span.end))
    for _, _, place, agency in regions:
        for (s, e), label in ((place, "PLACE"), (agency, "ORG")):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and e - s >= 2:
                mentions.append(Mention(Entity(s, e, text[s:e], label), span.start, span.end))
    mentions.sort(key=lambda m: (m.entity.start, m.entity.end))
    return _label_acronyms(mentions, norm)


def _label_acronyms(mentions: list[Mention], norm: str) -> list[Mention]:
    """An acronym in brackets right after an organisation ("Syndicat … (SASO)") names
    that organisation wherever it appears, whatever label the NER gave it."""
    acronyms: set[str] = set()
    prev: Mention | None = None
    out: list[Mention] = []
    for m in mentions:
        e = m.entity
        if e.text in acronyms or (
            prev is not None
            and prev.entity.label == "ORG"
            and e.text.isupper()
            and norm[prev.entity.end : e.start].strip() == "("
            and norm[e.end : e.end + 1] == ")"
        ):
            acronyms.add(e.text)
            if e.label != "ORG":
                m = Mention(Entity(e.start, e.end, e.text, "ORG"), m.tok_start, m.tok_end)
        out.append(m)
        prev = m
    return out
