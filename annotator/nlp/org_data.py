"""Per-language words about organisations, from data/organisations_<lang>.json, and the
article and « de » words the organisation rules share."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from .lexicon import DATA_DIR

#: French words that link an institution to what specifies it (« ministère de l'Intérieur »).
FR_OF = frozenset(["de", "du", "des", "d'"])
FR_ARTICLES = frozenset(["la", "l'", "le", "les"])
ARTICLES = FR_ARTICLES | {"the"}


@dataclass(frozen=True)
class OrgData:
    """Per-language words about organisations, from data/organisations_<lang>.json."""

    names: tuple[str, ...]
    not_acronyms: frozenset[str]
    #: Names the NER calls organisations that never are (« Brexit », "MeToo"), as written.
    not_names: frozenset[str]
    type_nouns: frozenset[str]
    type_nouns_after: frozenset[str]
    heads: frozenset[str]
    #: Nouns that name an institution when capitalised only (« le Muséum », « l'Université
    #: Laval », « la Ville de Québec »); the heads count capitalised too.
    proper_heads: frozenset[str]
    #: Nouns of a national team, with a place after « de » (« l'équipe de France »).
    team_heads: frozenset[str]
    head_modifiers: frozenset[str]
    title_links: frozenset[str]
    portfolio_titles: frozenset[str]
    #: First words (French) or last words (English) of names of events, plans and laws, no
    #: organisations (« Salon international de … », "North Atlantic Treaty").
    event_heads: frozenset[str]
    #: Articles that start a known name (« Le Monde ») and drop after a contracted article
    #: (« du Monde », « au Parisien »); the contracted articles.
    name_articles: frozenset[str]
    contracted_articles: frozenset[str]
    #: Prepositions between an organisation's name and its place, no part of the name
    #: ("Hihiaua Cultural Centre in Whangārei").
    place_links: frozenset[str]


@cache
def get_org_data(language: str) -> OrgData:
    """Return the organisation data of language, read once."""
    raw = json.loads((DATA_DIR / f"organisations_{language}.json").read_text("utf-8"))

    def lower(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw.get(key, []))

    return OrgData(
        names=tuple(raw.get("names", [])),
        not_acronyms=frozenset(raw.get("not_acronyms", [])),
        not_names=frozenset(raw.get("not_names", [])),
        type_nouns=lower("type_nouns"),
        type_nouns_after=lower("type_nouns_after"),
        heads=lower("heads"),
        proper_heads=lower("heads") | lower("proper_heads"),
        team_heads=lower("team_heads"),
        head_modifiers=lower("head_modifiers"),
        title_links=lower("title_links"),
        portfolio_titles=lower("portfolio_titles"),
        event_heads=lower("event_heads"),
        place_links=lower("place_links"),
        name_articles=lower("name_articles"),
        contracted_articles=lower("contracted_articles"),
    )
