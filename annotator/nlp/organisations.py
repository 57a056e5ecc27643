"""Organisations the NER misses or mislabels, and persons it calls organisations.

spaCy's news models leave out, or call places and "misc", many organisations of real news
(issue 13, item 6): institutions named by what they do (« le ministère de l'Intérieur »,
« la préfecture de police », "the French foreign ministry", "Paris police"), acronyms
(« selon l'INRS »), names announced by what they are (« le réseau social Facebook », "rescue
group Project Jonah"), and well-known institutions, parties and media (« a fait savoir
l'Elysée », "told the Daily Beast"). The words are per language in
data/organisations_<lang>.json. An organisation found once is found again at each later
mention of the same name (``repeat_organisations``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from .lexicon import DATA_DIR, Lexicon, first_name_gender
from .mentions import Mention, name_like, relabel, token_mention

#: An acronym: capitals (and &), two letters at least: "INRS", "A&E"; not "G7", "CO2".
_ACRONYM = re.compile(r"[A-Z][A-Z&]*[A-Z]")
_ROMAN = re.compile(r"[IVXLCDM]+")
#: French words that link an institution to what specifies it (« ministère de l'Intérieur »).
_FR_OF = frozenset(["de", "du", "des", "d'"])
_FR_ARTICLES = frozenset(["la", "l'", "le", "les"])
_ARTICLES = _FR_ARTICLES | {"the"}


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


_matchers: dict[tuple[str, int], PhraseMatcher] = {}


def _name_matcher(language: str, doc: Doc) -> PhraseMatcher:
    """A PhraseMatcher of the known names, built once per language and vocabulary; the
    names are tokenized by the language's rules, which the news pipelines share. A name
    that starts with an article is also matched without it ("BARE")."""
    key = (language, id(doc.vocab))
    matcher = _matchers.get(key)
    if matcher is None:
        tokenizer: Tokenizer = spacy.blank(language).tokenizer
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        data = get_org_data(language)
        patterns, bare = [], []
        for tokens in tokenizer.pipe(data.names):
            words = [t.text for t in tokens]
            spaces = [bool(t.whitespace_) for t in tokens]
            patterns.append(Doc(doc.vocab, words=words, spaces=spaces))
            if len(words) > 1 and words[0].lower() in data.name_articles:
                bare.append(Doc(doc.vocab, words=words[1:], spaces=spaces[1:]))
        matcher.add("ORG", patterns)
        matcher.add("BARE", bare)  # « Monde » of « Le Monde », after « du »
        _matchers[key] = matcher
    return matcher


def find_organisations(doc: Doc, text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """The mentions with organisations added or relabelled, and persons the NER called
    organisations made persons again."""
    data = get_org_data(lex.language)
    out = _portfolios(doc, text, lex, data, _without_not_names(doc, lex, data, mentions))
    out = _persons_from_orgs(doc, text, lex, out)
    spans: list[tuple[int, int, bool]] = []  # token span, and whether it may relabel a PERSON
    for label, start, end in _name_matcher(lex.language, doc)(doc):
        if doc.vocab.strings[label] == "BARE":
            # « Monde » alone is no paper; « du Monde », « au Parisien » are
            if start > 0 and doc[start - 1].lower_ in data.contracted_articles:
                spans.append((start, end, True))
        elif not _after_place_preposition(doc, start, lex):  # "at the Kremlin" is a place
            spans.append((start, end, True))
    spans.extend((s, e, False) for s, e in _institutions(doc, lex, data))
    spans.extend((s, e, True) for s, e in _typed_names(doc, data, out))
    spans.extend((s, s + 1, False) for s in _acronyms(doc, data))
    # Longer spans first: "Parlement européen" before an acronym inside another match.
    for start, end, over_person in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        out = _put(doc, text, out, start, end, over_person)
    out.sort(key=lambda m: (m.entity.start, m.entity.end))
    return out


def _without_not_names(
    doc: Doc, lex: Lexicon, data: OrgData, mentions: list[Mention]
) -> list[Mention]:
    """The mentions without the organisations that are none: known other acronyms ("DNP",
    « ONG »), listed names (« Brexit »), an honorific (« Me » Alexandre Martin) and a day or
    month at the start of a sentence (« Vendredi, … »)."""
    from .entities import get_actor_data

    honorifics = get_actor_data(lex.language).honorifics
    out = []
    for m in mentions:
        e = m.entity
        if e.label == "ORG" and (
            e.text in data.not_acronyms
            or e.text in data.not_names
            or (m.tok_end - m.tok_start == 1 and doc[m.tok_start].lower_ in honorifics)
            or (m.tok_end - m.tok_start == 1 and doc[m.tok_start].lower_ in lex.time_words)
        ):
            continue
        out.append(m)
    return out


def _put(
    doc: Doc, text: str, mentions: list[Mention], start: int, end: int, over_person: bool
) -> list[Mention]:
    """Make tokens start..end an organisation: relabel the mention that is exactly it,
    replace the mentions inside it; leave it when a mention reaches outside it, or when it
    is a person's name (unless over_person)."""
    new = token_mention(doc, text, start, end, "ORG")
    s, e = new.entity.start, new.entity.end
    overlapping = [m for m in mentions if m.entity.start < e and s < m.entity.end]
    for m in overlapping:
        if (m.entity.end, m.tok_start, m.entity.label) == (e, start - 1, "ORG") and doc[
            m.tok_start
        ].lower_ in _ARTICLES:
            continue  # the NER's « Les Républicains »: the party is "Républicains"
        if (m.entity.start < s or m.entity.end > e) and not _lowercase_around(text, m, s, e):
            return mentions
        if m.entity.label == "ORG" and (m.entity.start, m.entity.end) == (s, e):
            return mentions
        if m.entity.label == "PERSON" and not over_person:
            return mentions
        if m.dateline:
            return mentions
    kept = [m for m in mentions if m not in overlapping]
    kept.append(new)
    return kept


def _lowercase_around(text: str, m: Mention, s: int, e: int) -> bool:
    """Whether m is a "misc" mention whose words outside s..e are all lowercase:
    the NER's « congrès de l'Association de fiscalité internationale » gives way to the
    association."""
    if m.entity.label != "OTHER":
        return False
    outside = (
        text[m.entity.start : max(s, m.entity.start)] + text[min(e, m.entity.end) : m.entity.end]
    )
    return outside.islower()


def _after_place_preposition(doc: Doc, start: int, lex: Lexicon) -> bool:
    from .entities import get_actor_data  # the actor data lives beside the entity rules

    k = start - 1
    while k >= 0 and doc[k].lower_ in ("the", "l'", "la", "le"):
        k -= 1
    return k >= 0 and doc[k].lower_ in get_actor_data(lex.language).place_prepositions


def _institutions(doc: Doc, lex: Lexicon, data: OrgData) -> list[tuple[int, int]]:
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
        if k + 1 < n and doc[k].lower_ == "et" and doc[k + 1].lower_ in _FR_OF:
            k += 1
        if k >= n or doc[k].lower_ not in _FR_OF:
            break
        k += 1
        if k < n and doc[k].lower_ in _FR_ARTICLES:
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


def _typed_names(doc: Doc, data: OrgData, mentions: list[Mention]) -> list[tuple[int, int]]:
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
            elif word.pos_ == "NOUN" and k > 0 and doc[k - 1].lower_ in _FR_OF:
                k -= 2  # « agence de presse », « parti de gauche »: the type noun's own
            else:
                break
            skipped += 1
    for t in doc:
        if t.lower_ not in data.type_nouns_after or not t.text.islower() or t.i == 0:
            continue
        k = t.i
        while k > 0 and name_like(doc[k - 1].text) and not doc[k - 1].is_sent_start:
            k -= 1
        if k < t.i:
            found.append((k, t.i))
    return found


def _acronyms(doc: Doc, data: OrgData) -> list[int]:
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


def _shouting(t: Token) -> bool:
    """A word of a line in capitals ("LAURIE OAKES IS THE ...")."""
    return len(t.text) > 1 and t.text.isalpha() and t.text.isupper()


def _portfolios(
    doc: Doc, text: str, lex: Lexicon, data: OrgData, mentions: list[Mention]
) -> list[Mention]:
    """« la ministre des Transports », "the minister for Health": a person's title and its
    portfolio, no organisation; a name after the portfolio (« la ministre de la Justice
    Nicole Belloubet ») is the person's."""
    out = []
    for m in mentions:
        if m.entity.label not in ("ORG", "OTHER"):
            out.append(m)
            continue
        k = m.tok_start - 1
        # « les ministres du Travail, des Transports et de la Cohésion des territoires »
        while (
            k >= 0
            and m.tok_start - k < 12
            and (
                doc[k].lower_ in data.title_links
                or doc[k].lower_ in (",", "et", "and")
                or name_like(doc[k].text)
            )
        ):
            k -= 1
        title = doc[k].lower_ if k >= 0 else ""
        linked = k < m.tok_start - 1 and doc[k + 1].lower_ in data.title_links
        if not linked or title not in data.portfolio_titles:
            out.append(m)
            continue
        words = range(m.tok_start + 1, m.tok_end)
        first = next((i for i in words if first_name_gender(doc[i].text, lex)), None)
        if first is not None and all(name_like(doc[i].text) for i in range(first, m.tok_end)):
            out.append(token_mention(doc, text, first, m.tok_end, "PERSON"))
    return out


def _persons_from_orgs(doc: Doc, text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """ "Marine Le Pen", "Hori Parata" called organisations by the NER: a name of two to
    four capitalised words that starts with a known first name, or ends with the surname
    of a person of the article, is a person's; "AFP Marine Le Pen" is an agency and a
    person."""
    from .entities import get_actor_data

    org_words = get_actor_data(lex.language).org_words
    surnames = {m.entity.text.split()[-1] for m in mentions if m.entity.label == "PERSON"}
    out = []
    for m in mentions:
        n = m.tok_end - m.tok_start
        if m.entity.label == "ORG" and n == 1 and _first_name_alone(doc[m.tok_start], lex):
            out.append(relabel(m, "PERSON"))  # "his wife, Kimberly, had suffered …"
            continue
        if m.entity.label != "ORG" or n < 2:
            out.append(m)
            continue
        tokens = doc[m.tok_start : m.tok_end]
        if any(t.lower_.rstrip(".") in org_words for t in tokens):
            out.append(m)
            continue
        after_article = m.tok_start > 0 and doc[m.tok_start - 1].lower_ in _ARTICLES
        named = all(name_like(t.text) for t in tokens) and tokens[-1].text in surnames
        if n <= 3 and named and not after_article:  # not "the Data Retention Bill"
            out.append(relabel(m, "PERSON"))  # "Hori Parata", and "Parata" said
            continue
        first = next((t.i for t in tokens if first_name_gender(t.text, lex)), None)
        if first is None or first == m.tok_end - 1:
            out.append(m)
            continue
        rest = doc[first : m.tok_end]
        if not all(name_like(t.text) or t.lower_ in ("de", "van", "von", "le") for t in rest):
            out.append(m)
            continue
        head = doc[m.tok_start : first]
        if first > m.tok_start and not all(t.text.isupper() for t in head):
            out.append(m)
            continue
        if first > m.tok_start:
            out.append(token_mention(doc, text, m.tok_start, first, "ORG"))
        out.append(token_mention(doc, text, first, m.tok_end, "PERSON"))
    return out


def _first_name_alone(t: Token, lex: Lexicon) -> bool:
    """A given name the NER called an organisation, not a known organisation's name."""
    return (
        name_like(t.text)
        and t.text not in get_org_data(lex.language).names
        and first_name_gender(t.text, lex) is not None
    )


def repeat_organisations(doc: Doc, text: str, norm: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation found once is one at every mention of the same name: mentions of it
    under another label (but PERSON) are relabelled, unlabelled ones are added."""
    names = sorted(
        {norm[m.entity.start : m.entity.end] for m in mentions if m.entity.label == "ORG"},
        key=len,
        reverse=True,
    )
    names = [n for n in names if len(n) > 1 and any(c.isupper() for c in n)]
    if not names:
        return mentions
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    by_span = {(m.entity.start, m.entity.end): k for k, m in enumerate(mentions)}
    out = list(mentions)
    added = []
    starts = sorted((m.entity.start, m.entity.end) for m in mentions)
    for match in pattern.finditer(norm):
        s, e = match.span()
        k = by_span.get((s, e))
        if k is not None:
            if out[k].entity.label == "OTHER":  # a place stays one: "in Valence"
                out[k] = relabel(out[k], "ORG")
            continue
        if any(a < e and s < b for a, b in starts):
            continue
        span = doc.char_span(s, e)
        if span is not None:
            added.append(token_mention(doc, text, span.start, span.end, "ORG"))
    out.extend(added)
    out.sort(key=lambda m: (m.entity.start, m.entity.end))
    return out
