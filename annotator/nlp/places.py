"""Places cleaned of what the NER puts in them: a leading article (« la France », « La
Réunion ») and common nouns or nationalities it calls places (« les Français », « l'Etat »).

The words are per language in data/places_<lang>.json (issue 13, item 6: the real-news gold
set names places without their article, and nationalities are no places).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from .lexicon import read_language_data
from .mentions import Mention, name_like, relabel, token_mention
from .org_data import get_org_data
from .registry import LOADED

_ADJECTIVES: dict[int, frozenset[str]] = {}


@dataclass(frozen=True)
class PlaceData:
    """Per-language words about places, from data/places_<lang>.json."""

    #: Articles cut off the start of a place (« la », « les »).
    articles: frozenset[str]
    #: Places whose article is part of the name (« Le Havre », « La Rochelle »), lowercase.
    with_article: frozenset[str]
    #: Words the NER calls places that are none (« Etat »), as written.
    not_places: frozenset[str]
    #: Adjectives that are places too (« Nord », « Sud »), lowercase.
    keep: frozenset[str]
    #: Prepositions that make the name after them a place, not an organisation ("in").
    before: frozenset[str]
    #: Nouns of places before "of" ("the city of Valence", "a suburb of Dunkirk").
    nouns_of: frozenset[str]


@cache
def get_place_data(language: str) -> PlaceData:
    """Return the place data of language, read once (none when there is no file)."""
    raw = read_language_data("places", language) or {}
    return PlaceData(
        articles=frozenset(w.lower() for w in raw.get("articles", [])),
        with_article=frozenset(w.lower() for w in raw.get("with_article", [])),
        not_places=frozenset(raw.get("not_places", [])),
        keep=frozenset(w.lower() for w in raw.get("adjectives_kept", [])),
        before=frozenset(w.lower() for w in raw.get("before", [])),
        nouns_of=frozenset(w.lower() for w in raw.get("nouns_of", [])),
    )


def clean_places(doc: Doc, text: str, language: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each place's leading article cut off, places or organisations of
    one common noun (« Français », « Blancs »: a noun made of an adjective; « Etat »: listed)
    and organisations that are events made OTHER."""
    data = get_place_data(language)
    events = get_org_data(language).event_heads
    persons = {w for m in mentions if m.entity.label == "PERSON" for w in m.entity.text.split()}
    out = []
    for m in mentions:
        if m.entity.label not in ("PLACE", "ORG") or m.dateline:
            out.append(m)
            continue
        if m.entity.label == "ORG":
            # « les Blancs »: a noun made of an adjective is no organisation either, nor
            # « Salon international de … », "North Atlantic Treaty": events and laws
            single = m.tok_end - m.tok_start == 1
            common = single and _common_noun(doc, m.tok_start, data)
            if common or _event(doc, m, events):
                m = relabel(m, "OTHER")
            elif m.entity.text not in persons and _placed(doc, m, data):
                m = relabel(m, "PLACE")
            out.append(m)
            continue
        first = doc[m.tok_start]
        if (
            m.tok_end - m.tok_start >= 2
            and first.lower_ in data.articles
            and m.entity.text.lower() not in data.with_article
        ):
            m = token_mention(doc, text, m.tok_start + 1, m.tok_end, "PLACE")
        if m.tok_end - m.tok_start == 1 and _common_noun(doc, m.tok_start, data):
            m = relabel(m, "OTHER")
        out.append(m)
    return out


def _placed(doc: Doc, m: Mention, data: PlaceData) -> bool:
    """Whether an organisation of the NER is a place by the words before it: "in Valence",
    "on the Champs-Élysées", "a suburb of Dunkirk"; a name in capitals ("in NATO"), one with
    an organisation's word ("in Parliament", "at the Hihiaua Cultural Centre") or a known
    organisation's stays one (and a person's surname: "in Mnangagwa's removal" is tested by
    the caller)."""
    from .entities import get_actor_data

    tokens = doc[m.tok_start : m.tok_end]
    if not all(name_like(t.text) or t.text == "-" for t in tokens):
        return False
    org = get_org_data(doc.lang_)
    words = get_actor_data(doc.lang_).org_words | org.heads | org.type_nouns
    if any(t.lower_ in words for t in tokens) or m.entity.text in org.names:
        return False
    k = m.tok_start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 0:
        return False
    if doc[k].lower_ in data.before:
        return True
    return doc[k].lower_ == "of" and k > 0 and doc[k - 1].lower_ in data.nouns_of


def _event(doc: Doc, m: Mention, heads: frozenset[str]) -> bool:
    """Whether the name of m is an event's, a plan's or a law's: its first word a capitalised
    event noun (« Salon … », « Forum … »), or its last one ("… Treaty", "… Summit")."""
    first, last = doc[m.tok_start], doc[m.tok_end - 1]
    return (first.lower_ in heads and first.text[:1].isupper()) or (
        m.tok_end - m.tok_start > 1 and last.lower_ in heads and last.text[:1].isupper()
    )


def _common_noun(doc: Doc, i: int, data: PlaceData) -> bool:
    """ "Français", "Algériens", "Blanches": a capitalised word the tagger reads as a common
    noun made of an adjective (the lemmatizer's adjectives); « Etat », « Smic »: listed."""
    t = doc[i]
    if t.text in data.not_places:
        return True
    if t.pos_ != "NOUN" or not t.lemma_.islower() or t.lower_ in data.keep:
        return False
    return t.lemma_ in _adjectives(doc)


def _adjectives(doc: Doc) -> frozenset[str]:
    """The adjectives of the lemmatizer (its "lemma_index" table) of the loaded pipeline that
    made doc; none when it has no such table."""
    key = id(doc.vocab)
    found = _ADJECTIVES.get(key)
    if found is None:
        found = frozenset()
        for nlp in list(LOADED.values()):
            if nlp.vocab is not doc.vocab or "lemmatizer" not in nlp.pipe_names:
                continue
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                found = frozenset(lookups.get_table("lemma_index").get("adj", ()))
        _ADJECTIVES[key] = found
    return found
