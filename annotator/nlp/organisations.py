"""Organisations the NER misses or mislabels, and persons it calls organisations.

spaCy's news models leave out, or call places and "misc", many organisations of real news
(issue 13, item 6): institutions named by what they do (« le ministère de l'Intérieur »,
« la préfecture de police », "the French foreign ministry", "Paris police"), acronyms
(« selon l'INRS »), names announced by what they are (« le réseau social Facebook », "rescue
group Project Jonah"), and well-known institutions, parties and media (« a fait savoir
l'Elysée », "told the Daily Beast"). The words are per language in
data/organisations_<lang>.json. An organisation found once is found again at each later
mention of the same name (``repeat_organisations``). The rules that name organisations by
what they are live in institutions.py, the words in org_data.py.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from .institutions import acronym_tokens, institution_spans, joined_name_spans, typed_name_spans
from .lexicon import Lexicon, first_name_gender
from .mentions import Mention, name_like, relabel, token_mention
from .org_data import ARTICLES, OrgData, get_org_data

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


@cache
def _org_words(language: str) -> frozenset[str]:
    """The words an organisation's name ends with: the actors' and the institutions' heads
    (once per language, not per article)."""
    from .entities import get_actor_data  # entities imports this module

    return get_actor_data(language).org_words | get_org_data(language).heads


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
    spans.extend((s, e, False) for s, e in institution_spans(doc, lex, data))
    spans.extend((s, e, True) for s, e in typed_name_spans(doc, data, out))
    spans.extend((s, s + 1, False) for s in acronym_tokens(doc, data))
    spans.extend((s, e, True) for s, e in joined_name_spans(doc, _org_words(lex.language)))
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
        ].lower_ in ARTICLES:
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
        after_article = m.tok_start > 0 and doc[m.tok_start - 1].lower_ in ARTICLES
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
