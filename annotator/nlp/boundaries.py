"""Where an organisation's name begins and ends, as the real-news gold writes it (issue 13,
item 6): the NER and the rules find « l'ex-UMP », « l'institut GfK », "The Associated Press
that", "the Hihiaua Cultural Centre in Whangārei" and « la Fédération et de la Ligue
nationale de football »; the names are "UMP", "GfK", "Associated Press", "Hihiaua Cultural
Centre", and two organisations, "Fédération" and "Ligue nationale de football".

The words are per language in data/organisations_<lang>.json (``type_nouns``, ``heads``,
``head_modifiers``, ``type_nouns_after``, ``place_links``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..core.models import Entity
from .lexicon import Lexicon
from .mentions import Mention, name_like, token_mention
from .org_data import OrgData, get_org_data

#: « l'ex-UMP », "ex-Labour": a former member's prefix, no part of the name.
_FORMER = ("ex-", "Ex-")
#: Words that join two organisations named one after the other.
_AND = frozenset(["et", "and"])
_OF = frozenset(["de", "du", "des", "d'", "d’", "of", "la", "l'", "l’", "the"])


def org_boundaries(doc: Doc, text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each organisation's span cut to its name: a former member's
    prefix, a type noun before the name and lowercase words after it left out, two
    organisations joined by « et de la » / "of the" split."""
    data = get_org_data(lex.language)
    out: list[Mention] = []
    for m in mentions:
        if m.entity.label != "ORG" or m.dateline:
            out.append(m)
            continue
        m = _without_former(m)
        m = _without_type_noun(doc, text, data, m)
        m = _without_tail(doc, text, data, m)
        out.extend(_split_joined(doc, text, data, m))
    out.sort(key=lambda m: (m.entity.start, m.entity.end))
    return out


def _without_former(m: Mention) -> Mention:
    """ "ex-UMP" -> "UMP": the tokens stay (the speaker rules look at them), the name is cut."""
    e = m.entity
    if not e.text.startswith(_FORMER) or len(e.text) < 5 or not e.text[3].isupper():
        return m
    return Mention(Entity(e.start + 3, e.end, e.text[3:], e.label), m.tok_start, m.tok_end)


def _without_type_noun(doc: Doc, text: str, data: OrgData, m: Mention) -> Mention:
    """ "institut GfK", « banque Crédit suisse »: the lowercase noun that says what the
    organisation is comes before its name and is no part of it."""
    first = doc[m.tok_start]
    if m.tok_end - m.tok_start < 2 or not first.text.islower():
        return m
    if first.lower_ not in data.type_nouns:
        return m
    nxt = doc[m.tok_start + 1].text
    if not (name_like(nxt) or (nxt.isupper() and len(nxt) > 1)):
        return m
    s = doc[m.tok_start + 1].idx  # the end stays where it was cut ("GfK." is one token)
    return Mention(
        Entity(s, m.entity.end, text[s : m.entity.end], "ORG"), m.tok_start + 1, m.tok_end
    )


def _without_tail(doc: Doc, text: str, data: OrgData, m: Mention) -> Mention:
    """ "The Associated Press that": stop words after a name go; "Hihiaua Cultural Centre
    in Whangārei": the place after an organisation's name does too. "Paris police", "W
    magazine" keep their last word."""
    end = m.tok_end
    for k in range(m.tok_start + 1, m.tok_end - 1):
        if doc[k].lower_ in data.place_links and all(
            name_like(t.text) for t in doc[k + 1 : m.tok_end]
        ):
            end = k  # "… Centre in Whangārei"
            break
    while end - m.tok_start > 1 and _loose_word(doc, end - 1, data):
        end -= 1
    if end == m.tok_end:
        return m
    return token_mention(doc, text, m.tok_start, end, "ORG")


def _loose_word(doc: Doc, i: int, data: OrgData) -> bool:
    """A lowercase stop word ending a name ("… Press that", "Lyon on"), none of an
    organisation's own words."""
    t = doc[i]
    if not t.text.islower() or not t.is_alpha or not t.is_stop:
        return False
    return not any(
        t.lower_ in words
        for words in (data.heads, data.type_nouns, data.head_modifiers, data.type_nouns_after)
    )


def _split_joined(doc: Doc, text: str, data: OrgData, m: Mention) -> list[Mention]:
    """« Fédération et de la Ligue nationale de football » -> « Fédération », « Ligue
    nationale de football »; "Internal Security Directorate of the Iranian Ministry of
    Intelligence" -> two directorates: a capitalised institution noun after « et de » or
    "of the" starts a second organisation ("Department of Justice" stays one)."""
    for k in range(m.tok_start + 1, m.tok_end - 2):
        word = doc[k].lower_
        joined = word in _AND and doc[k + 1].lower_ in _OF
        of_the = word == "of" and doc[k + 1].lower_ == "the"
        if not (joined or of_the):
            continue
        j = k + 1
        while j < m.tok_end and doc[j].lower_ in _OF:
            j += 1
        while j < m.tok_end - 1 and doc[j].pos_ == "ADJ":
            j += 1  # "the Iranian Ministry"
        head = doc[j] if j < m.tok_end else None
        if head is None or not name_like(head.text) or head.lower_ not in data.heads:
            continue
        left = token_mention(doc, text, m.tok_start, k, "ORG")
        right = token_mention(doc, text, j, m.tok_end, "ORG")
        return [left, *_split_joined(doc, text, data, right)]
    return [m]
