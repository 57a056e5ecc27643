"""Named entities from a parsed Doc, mapped to PERSON/ORG/PLACE/OTHER and cleaned."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc

from ..core.models import Entity
from .acronyms import defined_acronyms
from .boundaries import org_boundaries
from .lexicon import DATA_DIR, Lexicon, get_dateline_rules, get_lexicon
from .mentions import Mention as Mention
from .mentions import bare as bare
from .mentions import name_like
from .org_data import get_org_data
from .organisations import find_organisations, repeat_organisations
from .persons import initials_persons, persons_in_context
from .places import clean_places

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
# Line breaks, and slashes between names ("Thomas Coex/AFP/Getty Images": a photo credit).
_NEWLINE_SPLIT = re.compile(r"\s*\n\s*|(?<=\w)/(?=[A-Z])")
#: Abbreviations after a name whose period is the name's.
_NAME_SUFFIXES = ("Jr", "Sr")
#: A lowercase word hyphened to the end of a name: "Soros-funded", "Saudi-led".
_HYPHEN_SUFFIX = re.compile(r"(?<=[A-Za-zÀ-ÿ])-[a-z]+")
# Datelines are looked for in the first lines only: the title, the lead, the tag.
_DATELINE_LINES = 12


@dataclass(frozen=True)
class ActorData:
    """Per-language words about people and organisations, from data/actors_<lang>.json."""

    #: Words before a name that are enough to make it a person's ("Mr", "Sen.", « Me »).
    honorifics: frozenset[str]
    #: Words before a name that are not part of it ("Councillor", "striker", "British").
    name_prefixes: frozenset[str]
    #: Definite articles before a title that names a known person ("the president").
    role_determiners: frozenset[str]
    #: Articles left out when comparing organisation names.
    org_articles: frozenset[str]
    #: Small words skipped when spelling an acronym from a name.
    acronym_skip: frozenset[str]
    #: Words that make a name an organisation's ("Council", « Syndicat »).
    org_words: frozenset[str]
    #: Prepositions that keep a surname-like word a place ("in London", « à Pau »).
    place_prepositions: frozenset[str]
    #: Articles cut off the start of entities ("the University of ..." in English).
    entity_articles: frozenset[str]


@cache
def get_actor_data(language: str) -> ActorData:
    """Return the actor data of language, read once from data/actors_<language>.json."""
    raw = json.loads((DATA_DIR / f"actors_{language}.json").read_text("utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower().rstrip(".") for w in raw.get(key, []))

    return ActorData(
        honorifics=words("honorifics"),
        name_prefixes=words("name_prefixes") | words("honorifics"),
        role_determiners=words("role_determiners"),
        org_articles=words("org_articles"),
        acronym_skip=words("acronym_skip"),
        org_words=words("org_words"),
        place_prepositions=words("place_prepositions"),
        entity_articles=words("entity_articles"),
    )


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
        if norm.endswith(("'s", "’s"), s, e) and e - s > 3:
            e -= 2  # "the Council's spokeswoman": the possessive is not part of the name
        suffix = _HYPHEN_SUFFIX.search(norm, s, e)
        if suffix is not None and suffix.end() == e:
            e = suffix.start()  # "the George Soros-funded university": the name is Soros
        # "l'Ukraine", "d'Ankara": the elided article is not part of the name.
        apo = norm.find("'", s, min(e, s + 8))
        clitic = apo != -1 and norm[s : apo + 1].lower() in lex.clitics
        if clitic and apo + 1 < e and norm[apo + 1].isupper():
            s = apo + 1
        s = _skip_article(norm, s, e, get_actor_data(lex.language).entity_articles)
        if e - s < 2:
            continue
        piece = norm[s:e].lower()
        if piece in lex.clitics or not any(ch.isalnum() for ch in piece):
            continue
        cleaned.append((s, e))
    return cleaned


def _skip_article(norm: str, s: int, e: int, articles: frozenset[str]) -> int:
    """ "the University of Townsville" -> "University of Townsville"; a capitalised article
    is cut only at the start of a sentence ("The Associated Press" keeps its "The")."""
    first, _, rest = norm[s:e].partition(" ")
    if not rest or first.lower() not in articles:
        return s
    if first.islower():
        return s + len(first) + 1  # "the ministry of intelligence"
    if not rest[:1].isupper():
        return s
    k = s - 1
    while k >= 0 and norm[k] in " \t":
        k -= 1
    if first[:1].isupper() and k >= 0 and norm[k] not in "\n.!?:\"'«»—–-":
        return s
    return s + len(first) + 1


def _abbrev(norm: str, s: int, e: int) -> bool:
    """Whether a trailing period belongs to the name ("U.S.", "M.", "Patrick Carlineo Jr.")."""
    if norm.endswith(_NAME_SUFFIXES, s, e - 1) and (e - s == 3 or norm[e - 4] == " "):
        return True
    return e - s >= 3 and norm[e - 3] == "." or (e - s == 2 and norm[s].isupper())


@dataclass(frozen=True, slots=True)
class _Dateline:
    """A dateline line's match and its entities: place, region and agency tag."""

    start: int
    end: int
    parts: tuple[tuple[int, int, str], ...]


def _dateline_regions(text: str) -> list[_Dateline]:
    """Dateline lines near the top: "PARIS, 14 mars (AFP) -", "Ankara / AA", "SYDNEY —"."""
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
            groups = m.groupdict()
            parts = [(m.start("place"), m.end("place"), "PLACE")]
            if groups.get("region"):
                parts.append((m.start("region"), m.end("region"), "PLACE"))
            agency = groups.get("agency")
            if agency:
                if agency in rules.agencies or agency.isupper():
                    parts.append((m.start("agency"), m.end("agency"), "ORG"))
                elif agency[:1].isupper() and agency[1:].islower() and "/" not in m.group():
                    # "LES SABLES-D'OLONNE (Vendée) -": a region in brackets, no agency.
                    parts.append((m.start("agency"), m.end("agency"), "PLACE"))
                else:
                    continue
            regions.append(
                _Dateline(
                    offset + m.start(),
                    offset + m.end(),
                    tuple((offset + s, offset + e, label) for s, e, label in parts),
                )
            )
            break
        pos += len(line) + 1
    return regions


def extract_entities(doc: Doc, text: str, norm: str, lex: Lexicon) -> list[Mention]:
    """Return cleaned entity mentions on the original text, sorted by start."""
    regions = _dateline_regions(norm)
    places = {norm[s:e] for r in regions for s, e, label in r.parts if label == "PLACE"}
    mentions: list[Mention] = []
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        for s, e in _clean_pieces(text, norm, ent.start_char, ent.end_char, lex):
            if any(r.start < e and s < r.end for r in regions):
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
    mentions = clean_places(doc, text, lex.language, mentions)
    mentions = org_boundaries(doc, text, lex, find_organisations(doc, text, lex, mentions))
    mentions = persons_in_context(doc, text, lex, mentions)
    mentions = [
        m
        for m in find_persons(doc, text, norm, mentions, lex.language)
        if not any(r.start < m.entity.end and m.entity.start < r.end for r in regions)
    ]
    for region in regions:
        for s, e, label in region.parts:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and e - s >= 2:
                entity = Entity(s, e, text[s:e], label)
                mentions.append(Mention(entity, span.start, span.end, dateline=True))
    mentions.sort(key=lambda m: (m.entity.start, m.entity.end))
    mentions = _label_acronyms(mentions, norm)
    org = get_org_data(lex.language)
    actors = get_actor_data(lex.language)
    org_words = actors.org_words | org.heads
    mentions = defined_acronyms(
        doc, text, norm, mentions, org_words, org.event_heads, actors.acronym_skip
    )
    return repeat_organisations(doc, text, norm, mentions)


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
                m = replace(m, entity=Entity(e.start, e.end, e.text, "ORG"))
        out.append(m)
        prev = m
    return out


# Lowercase name particles ("Ursula von der Leyen", « Charles de Gaulle »).
_PARTICLES = frozenset(
    ["de", "du", "des", "van", "von", "der", "den", "da", "di", "dos", "das", "bin", "ben"]
    + ["al", "el", "la", "le", "ter"]
)
# At most this many words of a name after a title ("Sen. Harriet Caldwell").
_NAME_WORDS = 4


def _name_run(doc: Doc, j: int, data: ActorData) -> int:
    """End token of the name starting at token j (j when there is none)."""
    end = j
    k = j
    while k < len(doc) and k - j < _NAME_WORDS:
        word = doc[k].text
        if name_like(word) and bare(word) not in data.name_prefixes:
            k += 1
            end = k
        elif word in _PARTICLES and k > j and k + 1 < len(doc) and name_like(doc[k + 1].text):
            k += 1
        else:
            break
    if end > j and bare(doc[end - 1].text) in data.org_words:
        return j
    return end


def _person(
    doc: Doc, text: str, tok_start: int, tok_end: int, covers_from: int | None = None
) -> Mention:
    """A PERSON mention of tokens tok_start..tok_end; ``covers_from`` extends the tokens it
    covers for speaker look-ups (not its text) over an honorific: « a déclaré M. Macron »."""
    s = doc[tok_start].idx
    e = doc[tok_end - 1].idx + len(doc[tok_end - 1].text)
    first = tok_start if covers_from is None else covers_from
    return Mention(Entity(s, e, text[s:e], "PERSON"), first, tok_end)


def _strip_prefixes(doc: Doc, text: str, m: Mention, data: ActorData) -> Mention:
    """ "Councillor Janet Brewster" -> "Janet Brewster", « Me François Delorme » -> the name."""
    k = m.tok_start
    while k < m.tok_end - 1 and (bare(doc[k].text) in data.name_prefixes or doc[k].text == "."):
        k += 1
    if k == m.tok_start or not any(name_like(t.text) for t in doc[k : m.tok_end]):
        return m
    return _person(doc, text, k, m.tok_end, covers_from=m.tok_start)


def _org_persons(norm: str, mentions: list[Mention], data: ActorData) -> list[Mention]:
    """ "Halvorsen Breweries" and "LSEG" are no persons, nor is "Halvorsen" alone in the same
    article."""
    out = []
    for m in mentions:
        e = m.entity
        if e.label == "PERSON" and (
            any(bare(w) in data.org_words for w in e.text.split()[1:])
            or (len(e.text) > 2 and e.text.isupper() and " " not in e.text)  # "LSEG"
        ):
            m = replace(m, entity=Entity(e.start, e.end, e.text, "ORG"))
        out.append(m)
    org_heads = {
        norm[m.entity.start : m.entity.end].split()[0]
        for m in out
        if m.entity.label == "ORG" and " " in m.entity.text
    }
    persons = {
        w
        for m in out
        if m.entity.label == "PERSON" and " " in m.entity.text
        for w in norm[m.entity.start : m.entity.end].split()
    }
    for k, m in enumerate(out):
        e = m.entity
        word = norm[e.start : e.end]
        if e.label == "PERSON" and word in org_heads and word not in persons:
            out[k] = replace(m, entity=Entity(e.start, e.end, e.text, "ORG"))
    return out


@cache
def _honorific_pattern(language: str) -> re.Pattern[str]:
    words = sorted(get_actor_data(language).honorifics, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w'-])(?:{alternatives})\.?(?=\s)", re.IGNORECASE)


def _titled_names(
    doc: Doc, norm: str, data: ActorData, language: str
) -> list[tuple[int, int, int]]:
    """(title token, name start, name end) for "Mayor Luis Ortega", « Me Samuel Petitjean »."""
    found = []
    # A regular expression finds the few candidates: walking every token costs more.
    for match in _honorific_pattern(language).finditer(norm):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        t = span[0]
        if t.pos_ in ("VERB", "AUX"):
            continue
        if len(bare(t.text)) <= 4 and not t.text[:1].isupper():
            continue  # "me", "m" are French pronouns and letters when lowercase
        j = span.end
        while (
            j < len(doc)
            and j - t.i <= 3
            and (doc[j].text == "." or bare(doc[j].text) in data.name_prefixes)
        ):
            j += 1
        end = _name_run(doc, j, data)
        if end > j:
            found.append((t.i, j, end))
    return found


def find_persons(
    doc: Doc, text: str, norm: str, mentions: list[Mention], language: str
) -> list[Mention]:
    """Persons the NER missed or mislabelled, and titles cut off persons' names.

    A name after a title or honorific is a person's; a mention, or a bare capitalised word,
    that is the surname of a person named in full elsewhere in the article is that person, and
    so are a mention of their initials (« BB » for Brigitte Bardot).
    """
    data = get_actor_data(language)
    titles = get_lexicon(language).titles
    out = [
        _strip_prefixes(doc, text, m, data) if m.entity.label == "PERSON" else m for m in mentions
    ]
    out = _org_persons(norm, out, data)
    for title, j, end in _titled_names(doc, norm, data, language):
        s = doc[j].idx
        e = doc[end - 1].idx + len(doc[end - 1].text)
        t_start = doc[title].idx
        overlapping = [m for m in out if m.entity.start < e and s < m.entity.end]
        if any(m.entity.label == "PERSON" for m in overlapping):
            continue
        if any(
            m.entity.start < t_start
            or m.entity.end > e
            or any(bare(w) in data.org_words for w in m.entity.text.split())
            for m in overlapping
        ):
            continue
        out = [m for m in out if m not in overlapping]
        # Titles stay outside the tokens ("Mayor" is how the resolver finds "the mayor").
        honorific = bare(doc[title].text) not in titles
        out.append(_person(doc, text, j, end, covers_from=title if honorific else None))
    out = initials_persons(_surnames(doc, text, norm, out, data))
    out.sort(key=lambda m: (m.entity.start, m.entity.end))
    return out


def _surnames(
    doc: Doc, text: str, norm: str, mentions: list[Mention], data: ActorData
) -> list[Mention]:
    tails: set[str] = set()
    for m in mentions:
        if m.entity.label != "PERSON":
            continue
        words = norm[m.entity.start : m.entity.end].split()
        if len(words) < 2:
            continue
        tails.add(" ".join(words))
        for k in range(1, len(words)):
            tail = words[k:]
            if not name_like(words[k - 1]):
                break  # « Charles de Gaulle » is "de Gaulle", « Islam de France » no "France"
            if name_like(tail[0]) and len(tail[0]) > 1 and bare(tail[0]) not in data.name_prefixes:
                tails.add(" ".join(tail))
    if not tails:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        e = m.entity
        if e.label != "PERSON" and norm[e.start : e.end] in tails:
            before = doc[m.tok_start - 1].lower_ if m.tok_start > 0 else ""
            if not (e.label == "PLACE" and before in data.place_prepositions):
                m = replace(m, entity=Entity(e.start, e.end, e.text, "PERSON"))
        out.append(m)
    for name in sorted(tails, key=len, reverse=True):  # "De Croo" before "Croo"
        start = norm.find(name)
        while start != -1:
            end = start + len(name)
            before = norm[start - 1] if start else " "
            after = norm[end] if end < len(norm) else " "
            if not _word_char(before) and not (after.isalnum() or after in "_-"):
                out = _add_surname(doc, text, out, start, end)
            start = norm.find(name, end)
    return out


def _add_surname(doc: Doc, text: str, mentions: list[Mention], s: int, e: int) -> list[Mention]:
    """Add the surname at s..e unless it overlaps a mention; it replaces a PERSON mention of
    part of it ("Croo" where the text says "De Croo")."""
    overlapping = [m for m in mentions if m.entity.start < e and s < m.entity.end]
    if any(
        m.entity.label != "PERSON"
        or m.entity.start < s
        or m.entity.end > e
        or (m.entity.start, m.entity.end) == (s, e)
        for m in overlapping
    ):
        return mentions
    span = doc.char_span(s, e)
    if span is None:
        return mentions
    kept = [m for m in mentions if m not in overlapping]
    kept.append(Mention(Entity(s, e, text[s:e], "PERSON"), span.start, span.end))
    return kept


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'-"
