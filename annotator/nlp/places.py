"""Places cleaned of what the NER puts in them: a leading article (« la France », « La
Réunion ») and common nouns or nationalities it calls places (« les Français », « l'Etat »).

The words are per language in data/places_<lang>.json (issue 13, item 6: the real-news gold
set names places without their article, and nationalities are no places).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from .lexicon import first_name_gender, get_lexicon, read_language_data
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
    #: Last words of names of sites ("… Glacier", "… Arena"; lowercase: "the Drôme valley").
    site_heads: frozenset[str]
    #: Lowercase nouns after a name that are part of a place's name ("the Drôme valley").
    site_nouns: frozenset[str]
    #: Lowercase nouns after "the" and a name that make the name a place ("the Drôme region").
    area_nouns: frozenset[str]
    #: Words after a name's first that make a "place" an institution ("… Court").
    institution_words: frozenset[str]


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
        site_heads=frozenset(w.lower() for w in raw.get("site_heads", [])),
        site_nouns=frozenset(w.lower() for w in raw.get("site_nouns", [])),
        area_nouns=frozenset(w.lower() for w in raw.get("area_nouns", [])),
        institution_words=frozenset(w.lower() for w in raw.get("institution_words", [])),
    )


def clean_places(doc: Doc, text: str, language: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each place's leading article cut off, places or organisations of
    one common noun (« Français », « Blancs »: a noun made of an adjective; « Etat »: listed)
    and organisations that are events made OTHER."""
    data = get_place_data(language)
    lex = get_lexicon(language)
    events = get_org_data(language).event_heads
    persons = {w for m in mentions if m.entity.label == "PERSON" for w in m.entity.text.split()}
    out = []
    for m in mentions:
        if m.entity.label == "PERSON" and _site(doc, m, data):
            given = first_name_gender(doc[m.tok_start].text, lex) is not None
            if m.tok_end - m.tok_start > 2 or not given:
                m = relabel(m, "PLACE")  # "Exit Glacier", "Rod Laver Arena"; not "John Wall"
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
            elif m.entity.text not in persons and (_placed(doc, m, data) or _site(doc, m, data)):
                m = relabel(m, "PLACE")
            out.append(m)
            continue
        if not _site(doc, m, data) and any(
            t.lower_ in data.institution_words for t in doc[m.tok_start + 1 : m.tok_end]
        ):
            out.append(relabel(m, "ORG"))  # "Franklin County Common Pleas Court"
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
    return _before_site_nouns(doc, text, out, data)


def _site(doc: Doc, m: Mention, data: PlaceData) -> bool:
    """Whether a name of capitalised words ends with a site's noun ("Mendenhall Glacier",
    "Rod Laver Arena", "the Western Wall"): a place, whatever the model called it."""
    last = doc[m.tok_end - 1]
    return (
        m.tok_end - m.tok_start > 1
        and last.lower_ in data.site_heads
        and all(name_like(t.text) for t in doc[m.tok_start : m.tok_end - 1])
    )


def _before_site_nouns(
    doc: Doc, text: str, mentions: list[Mention], data: PlaceData
) -> list[Mention]:
    """Capitalised words before a lowercase site noun are a place with the noun ("the Drôme
    valley", "the Severn estuary"), and after "the" before an area noun a place without it
    ("the Drôme region"), whatever the NER made of them (a person, an organisation, nothing);
    not a name with an organisation's word ("the Health Board area")."""
    from .entities import get_actor_data

    if not data.site_nouns and not data.area_nouns:
        return mentions
    org, actors = get_org_data(doc.lang_), get_actor_data(doc.lang_)
    words = actors.org_words | org.heads | org.type_nouns
    places: list[tuple[int, int]] = []
    for t in doc:
        noun = t.lower_
        if not t.text.islower() or (noun not in data.site_nouns and noun not in data.area_nouns):
            continue
        k = t.i
        while k > 0 and name_like(doc[k - 1].text) and not doc[k - 1].is_sent_start:
            k -= 1
        if k == t.i or any(w.lower_ in words for w in doc[k : t.i]):
            continue
        if noun in data.site_nouns:
            places.append((k, t.i + 1))
        elif k > 0 and doc[k - 1].lower_ in actors.entity_articles:
            places.append((k, t.i))
    if not places:
        return mentions
    out = list(mentions)
    for a, b in places:
        inside = [m for m in out if m.tok_start < b and a < m.tok_end]
        if any(m.tok_start < a or m.tok_end > b or m.dateline for m in inside):
            continue  # part of a longer name: "the Lake District National Park area"
        out = [m for m in out if m not in inside]
        out.append(token_mention(doc, text, a, b, "PLACE"))
    out.sort(key=lambda m: (m.entity.start, m.entity.end))
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
