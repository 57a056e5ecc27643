"""Organisations named by what they are: institutions by their head noun (« ministère de
l'Intérieur », "French foreign ministry"), names announced by a type noun (« le réseau social
Facebook », "the SPD party") and acronyms in running text (« selon l'INRS »). Each rule
returns token spans; ``organisations.find_organisations`` decides which become mentions.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .mentions import Mention, name_like
from .org_data import ARTICLES, FR_ARTICLES, FR_OF, OrgData

#: An acronym: capitals (and &), two letters at least: "INRS", "A&E"; not "G7", "CO2".
_ACRONYM = re.compile(r"[A-Z][A-Z&]*[A-Z]")
_ROMAN = re.compile(r"[IVXLCDM]+")


def institution_spans(doc: Doc, lex: Lexicon, data: OrgData) -> list[tuple[int, int]]:
    """Institutions named by what they do, in French after the head noun (« préfecture de
    police », « commission européenne »), in English before it ("French foreign ministry",
    "Paris police") or after "of" ("ministry of intelligence")."""
    found = []
    for t in doc:
        if lex.language == "fr" and _proper_head(t, data):
            end = _fr_institution(doc, t.i, data, lex.time_words, proper=True)
            if end is not None:
                found.append((t.i, end))
            continue
        if t.lower_ not in data.heads and t.lower_ not in data.team_heads:
            continue
        if lex.language == "fr":
            end = _fr_institution(doc, t.i, data, lex.time_words)
            if end is not None:
                found.append((t.i, end))
        else:
            span = _en_institution(doc, t.i, data)
            if span is not None:
                found.append(span)
    return found


def _proper_head(t: Token, data: OrgData) -> bool:
    """A capitalised institution noun inside a sentence: « le Muséum », « du Conseil
    canadien de la magistrature » name one institution (« Le conseil a voté » does not)."""
    return name_like(t.text) and not t.is_sent_start and t.lower_ in data.proper_heads


def _agrees(adjective: Token, noun: Token) -> bool:
    """Whether an adjective may be the noun's: not another number (« Parti socialiste
    présents »: the candidates are)."""
    a, b = adjective.morph.get("Number", []), noun.morph.get("Number", [])
    return not a or not b or a == b


def _fr_institution(
    doc: Doc, head: int, data: OrgData, time_words: frozenset[str], proper: bool = False
) -> int | None:
    """End token of « ministère de l'Intérieur », « agence régionale de santé », « bureau
    interprofessionnel des vins de Bourgogne »: the head, its adjectives and its « de »
    complements up to the last one that says which institution it is (a capitalised word
    or a listed modifier; a place after a team's noun, « équipe de France »); None when none
    does (« la direction de l'entreprise »). A capitalised head (proper) is a name by itself,
    with its names, its own adjectives and all its complements (« Université Laval », « Cour
    de l'impôt »; not « du Parti socialiste présents au second tour », « du Conseil européen
    de fin juin »)."""
    n = len(doc)
    j = head + 1
    while (
        j < n
        and doc[j].pos_ == "ADJ"
        and doc[j].text.islower()
        and not (proper and not _agrees(doc[j], doc[head]))
    ):
        j += 1
    if proper:
        while j < n and name_like(doc[j].text) and j - head < 4:
            j += 1  # « Université Laval »
    team = doc[head].lower_ in data.team_heads
    modified = any(doc[i].lower_ in data.head_modifiers for i in range(head + 1, j))
    end = j if proper or modified else None
    for _ in range(4):
        k = j
        if k + 1 < n and doc[k].lower_ == "et" and doc[k + 1].lower_ in FR_OF:
            k += 1
        if k >= n or doc[k].lower_ not in FR_OF:
            break
        k += 1
        if k < n and doc[k].lower_ in FR_ARTICLES:
            k += 1
        if k >= n or doc[k].pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        word = doc[k]
        if word.lower_ in time_words or (k + 1 < n and doc[k + 1].lower_ in time_words):
            break  # « de fin juin »: when, not which
        if team:
            specific = word.ent_type_ in ("LOC", "GPE")
        else:
            specific = (
                proper
                or name_like(word.text)
                or word.text.isupper()
                or word.lower_ in data.head_modifiers
            )
        k += 1
        while k < n and (
            (doc[k].pos_ == "ADJ" and doc[k].text.islower())
            or (name_like(doc[k].text) and name_like(doc[k - 1].text))
        ):
            k += 1
        j = k
        if specific:
            end = k
    return end


def _en_institution(doc: Doc, head: int, data: OrgData) -> tuple[int, int] | None:
    """Tokens of "French foreign ministry", "Paris police", "UN security council",
    "ministry of intelligence", "Department of Justice"."""
    t = doc[head]
    if t.dep_ == "compound" or (head + 1 < len(doc) and doc[head + 1].pos_ in ("NOUN", "PROPN")):
        return None  # "police officer": the head is not the noun's head
    n = len(doc)
    end = head + 1
    # "of"/"for" complements: "Ministry of Intelligence", "ministry of intelligence"
    if end + 1 < n and doc[end].lower_ in ("of", "for"):
        k = end + 1
        if doc[k].lower_ == "the" and k + 1 < n:
            k += 1
        if name_like(t.text):
            j = k
            while j < n and (
                name_like(doc[j].text)
                or (doc[j].lower_ in ("and", "of") and j + 1 < n and name_like(doc[j + 1].text))
            ):
                j += 1
            if j > k:
                end = j
        elif doc[k].lower_ in data.head_modifiers and doc[k].pos_ in ("NOUN", "PROPN"):
            end = k + 1
    start = head
    named = end > head + 1  # "of intelligence" says which ministry
    possessive = 0
    k = head - 1
    while k >= 0 and not doc[k].is_space and k > head - 4:
        word = doc[k]
        if named and word.pos_ == "ADJ":
            break  # "the Iranian ministry of intelligence": the ministry's own name follows
        if word.text in ("'s", "’s") and k > 0 and doc[k - 1].lower_ in data.head_modifiers:
            k -= 1  # "the Paris prosecutor's office", "U.S. Attorney's Office for …"
            word = doc[k]
            possessive += 1
        if (name_like(word.text) and not word.is_sent_start and word.lower_ != "the") or (
            word.text.isupper() and len(word.text) > 1
        ):
            named = True
        elif word.lower_ not in data.head_modifiers:
            break
        start = k
        k -= 1
    # "the security council" is any council; "foreign affairs ministry" says which.
    if not named and head - start - possessive < 2:
        return None
    return start, end


def typed_name_spans(doc: Doc, data: OrgData, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Names the text says are organisations: « le réseau social Facebook », « l'agence de
    presse locale Belga », "whale rescue group Project Jonah"; "the SPD party", "the Tarneaud
    bank" (English, the noun after the name)."""
    found = []
    for m in mentions:
        if m.entity.label == "ORG" or not m.entity.text[:1].isupper():
            continue
        k = m.tok_start - 1
        skipped = 0
        while k >= 0 and skipped < 4:
            word = doc[k]
            if word.lower_ in data.type_nouns and word.text.islower():
                found.append((m.tok_start, m.tok_end))
                break
            if word.pos_ == "ADJ" and word.text.islower():
                k -= 1
            elif word.pos_ == "NOUN" and k > 0 and doc[k - 1].lower_ in FR_OF:
                k -= 2  # « agence de presse », « parti de gauche »: the type noun's own
            else:
                break
            skipped += 1
    for t in doc:
        if t.lower_ not in data.type_nouns_after or not t.text.islower() or t.i == 0:
            continue
        k = _name_start(doc, t.i)
        if k < t.i and not all(doc[i].lower_ in ARTICLES for i in range(k, t.i)):
            # not "“The company was told": an article alone is no name
            found.append((k, t.i))
    return found


def acronym_tokens(doc: Doc, data: OrgData) -> list[int]:
    """Tokens that are acronyms of organisations (« l'INRS », « le RN »), in running text:
    not in a line of capitals, not a Roman numeral, not a known other acronym."""
    found = []
    for t in doc:
        word = t.text
        if len(word) < 2 or len(word) > 8 or not _ACRONYM.fullmatch(word):
            continue
        if word in data.not_acronyms or _ROMAN.fullmatch(word) or doc.vocab[t.lower_].is_stop:
            continue  # "AS Opposition Leader": a word in capitals
        if t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_:
            continue  # "HIGH-powered"
        if t.ent_type_ in ("LOC", "GPE") and (t.i == 0 or "\n" in doc[t.i - 1].text):
            continue  # "PARIS | ...": a dateline's place
        if any(_shouting(doc[k]) for k in (t.i - 1, t.i + 1) if 0 <= k < len(doc)):
            continue
        found.append(t.i)
    return found


def _name_start(doc: Doc, i: int) -> int:
    """The first of the capitalised words that end at token ``i``, within its sentence."""
    while i > 0 and name_like(doc[i - 1].text) and not doc[i - 1].is_sent_start:
        i -= 1
    return i


def _shouting(t: Token) -> bool:
    """A word of a line in capitals ("LAURIE OAKES IS THE ...")."""
    return len(t.text) > 1 and t.text.isalpha() and t.text.isupper()


#: Tokens of a possessive inside a name ("St Aidan's Hospital", "Rail Workers' Federation").
_POSSESSIVES = frozenset(["'s", "’s", "'", "’"])
#: Named-entity types of an owner before a possessive, no part of the name after it.
_OWNERS = frozenset(["PERSON", "PER", "GPE", "LOC", "NORP"])
#: A saint's name owns the name after it: "St Brendan's Hospital".
_SAINTS = frozenset(["St", "St.", "Saint"])


def joined_name_spans(doc: Doc, org_words: frozenset[str]) -> list[tuple[int, int]]:
    """Names ending with an organisation's word that the NER cuts at a possessive or at an
    "and": "St Aidan's Hospital", "Rail Workers' Federation", "Avon and Somerset Police"."""
    found = []
    n = len(doc)
    for t in doc:
        if not name_like(t.text) or t.lower_ not in org_words or t.i < 2:
            continue
        if t.i + 1 < n and name_like(doc[t.i + 1].text):
            continue  # the name goes on; its last word decides
        k = _name_start(doc, t.i)
        if k < 2 or not name_like(doc[k - 2].text):
            continue
        link, owner = doc[k - 1], doc[k - 2]
        if link.lower_ == "and":
            pass  # "Avon and Somerset Police"
        elif link.text not in _POSSESSIVES or owner.whitespace_ or k != t.i:
            continue  # "St Aidan's Hospital"; not "Britain's Labour Party"
        elif owner.ent_type_ in _OWNERS and not (k >= 3 and doc[k - 3].text in _SAINTS):
            continue  # "Britain's Parliament", "Obama's Administration"
        j = k - 2
        while j > 0 and name_like(doc[j - 1].text) and not doc[j].is_sent_start:
            j -= 1
        if j > 0 and doc[j - 1].text in _POSSESSIVES:
            continue  # "Smith's Avon and Somerset Police": too far to tell
        found.append((j, t.i + 1))
    return found
