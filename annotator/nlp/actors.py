"""Actors: the mentions of one person or organisation within an article, grouped.

"Donald Trump", "Trump", "M. Trump", "the president" (when a named person was introduced
with that title) and the pronouns that speaker resolution attributes ("he said") are one
PERSON actor named "Donald Trump"; « l'Organisation mondiale de la santé (OMS) » and
« l'OMS » are one ORG actor. Offsets are on the original text.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from ..core.models import Actor, ActorType, Gender
from ..core.models import Mention as ActorMention
from .entities import ActorData, Mention, bare, get_actor_data
from .lexicon import Lexicon, first_name_gender, get_lexicon
from .normalize import normalize_for_model
from .spans import covers
from .speakers import SpeakerResolver

#: Actor ids are derived from the article text and the actor, so that analysing the same
#: text twice gives the same ids (and the same Analysis).
_ID_NAMESPACE = uuid.UUID("0b6f4a52-5c1e-4d0e-9a8e-6f3c2f1d7a11")
_ACRONYM = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý0-9&]{1,7}")
#: "(OMS)" right after an organisation's name.
_ACRONYM_IN_PARENS = re.compile(r"\s*\((" + _ACRONYM.pattern + r")\)")
_INITIALS_SPLIT = re.compile(r"[\s'-]+")

#: A quote's cue (character span, None when it has none) and its resolved speaker.
Attribution = tuple[tuple[int, int] | None, Mention]


@dataclass
class _Cluster:
    type: ActorType
    #: The words of the fullest name, compared case-insensitively.
    words: list[str]
    mentions: dict[tuple[int, int], ActorMention] = field(default_factory=dict)
    #: Start offsets of the named mentions (to pick the nearest of two namesakes).
    named_at: list[int] = field(default_factory=list)
    name_span: tuple[int, int] = (0, 0)
    #: "f"/"m" from each mention that says something (title, first name, pronoun...).
    genders: set[str] = field(default_factory=set)
    #: The gender of a one-word name that is a first name (« Cédric, un Gilet jaune »);
    #: used only when the person is never named in full (a full name's last word may be a
    #: surname that is also a first name: "Martin").
    first_names: set[str] = field(default_factory=set)
    full_name: bool = False

    def gender(self) -> Gender:
        """The person's gender when every clue agrees; "unknown" with none or a conflict."""
        clues = self.genders or (set() if self.full_name else self.first_names)
        if self.type != "PERSON" or len(clues) != 1:
            return "unknown"
        return "female" if "f" in clues else "male"

    def add(self, start: int, end: int, text: str) -> None:
        self.mentions.setdefault((start, end), ActorMention(start, end, text))


def _words(text: str) -> list[str]:
    return [w.casefold() for w in text.replace("\n", " ").split()]


def _person_words(norm: str, m: Mention, data: ActorData) -> list[str]:
    words = _words(norm[m.entity.start : m.entity.end])
    while len(words) > 1 and bare(words[0]) in data.name_prefixes:
        words.pop(0)
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return words


def _initial_of(short: str, full: str) -> bool:
    """ "J." stands for "Jean"; "Jean" for "Jean"."""
    return short == full or (short.endswith(".") and full.startswith(short[:-1]))


def _compatible(words: list[str], cluster: _Cluster) -> bool:
    """Whether a person's name (words) can name the cluster's person."""
    full = cluster.words
    if len(words) <= len(full) and full[-len(words) :] == words:
        return True  # "Trump", "von der Leyen"
    # "Donald J. Trump" and "Donald Trump"; "J. Trump" and "Jean Trump".
    return (
        len(words) >= 2
        and words[-1] == full[-1]
        and (_initial_of(words[0], full[0]) or _initial_of(full[0], words[0]))
    )


@cache
def _role_pattern(language: str) -> re.Pattern[str]:
    """A definite article and one or more titles: "the Prime Minister", « le président »."""
    titles = "|".join(
        re.escape(t) for t in sorted(get_lexicon(language).titles, key=len, reverse=True)
    )
    dets = "|".join(re.escape(d) for d in get_actor_data(language).role_determiners)
    return re.compile(
        rf"(?<![\w'-])(?:{dets})\s*(?P<title>(?:{titles})(?:\s+(?:{titles}))*)(?![\w-])",
        re.IGNORECASE,
    )


def _nearest(clusters: list[_Cluster], pos: int) -> _Cluster:
    """Of several namesakes, the one last named before pos (else the first named after)."""

    def key(c: _Cluster) -> tuple[int, int]:
        before = [p for p in c.named_at if p <= pos]
        return (0, pos - max(before)) if before else (1, min(c.named_at, default=0) - pos)

    return min(clusters, key=key)


class ActorFinder:
    """Groups the mentions of one parsed article into actors."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        mentions: list[Mention],
        lex: Lexicon,
        resolver: SpeakerResolver,
    ) -> None:
        self.doc = doc
        self.text = text
        # doc.text builds the string anew on every call; the normalized text has the
        # same length and offsets as text.
        self.norm = normalize_for_model(text)
        self.lex = lex
        self.data = get_actor_data(lex.language)
        self.resolver = resolver
        self.named = [
            m
            for m in mentions
            if m.entity.label in ("PERSON", "ORG") and not m.dateline and m.entity.text.strip()
        ]
        self.clusters: list[_Cluster] = []
        #: Named mention span -> its cluster.
        self._of_span: dict[tuple[int, int], _Cluster] = {}

    # -- named mentions -----------------------------------------------------

    def _add_named(self, cluster: _Cluster, m: Mention) -> None:
        e = m.entity
        cluster.add(e.start, e.end, e.text)
        cluster.named_at.append(e.start)
        self._of_span[(e.start, e.end)] = cluster
        if cluster.type == "PERSON":
            gender = self.resolver.mention_gender(m)
            if gender is not None:
                cluster.genders.add(gender)
            words = self._person_key(m)
            if len(words) > 1:
                cluster.full_name = True
            elif words:
                alone = first_name_gender(e.text.split()[-1], self.lex)
                if alone is not None:
                    cluster.first_names.add(alone)

    def _new(self, type_: ActorType, words: list[str], m: Mention) -> _Cluster:
        cluster = _Cluster(type_, words, name_span=(m.entity.start, m.entity.end))
        self.clusters.append(cluster)
        self._add_named(cluster, m)
        return cluster

    def group_persons(self) -> None:
        persons = [m for m in self.named if m.entity.label == "PERSON"]
        keyed = [(self._person_key(m), m) for m in persons]
        # Fullest names first, so that "Trump" finds "Donald Trump" wherever it stands.
        keyed.sort(key=lambda km: (-len(km[0]), km[1].entity.start))
        for words, m in keyed:
            if not words:
                continue
            candidates = [c for c in self.clusters if c.type == "PERSON" and _compatible(words, c)]
            if candidates:
                self._add_named(_nearest(candidates, m.entity.start), m)
            else:
                self._new("PERSON", words, m)

    def _person_key(self, m: Mention) -> list[str]:
        return _person_words(self.norm, m, self.data)

    def _org_key(self, text: str) -> str:
        words = _words(text)
        while len(words) > 1 and words[0] in self.data.org_articles:
            words.pop(0)
        key = " ".join(words)
        return key[:-2] if key.endswith("'s") else key

    def _initials(self, text: str) -> str:
        return "".join(
            w[0]
            for w in _INITIALS_SPLIT.split(text)
            if w and w[0].isalpha() and w.lower() not in self.data.acronym_skip
        ).upper()

    def group_organisations(self) -> None:
        orgs = sorted(
            (m for m in self.named if m.entity.label == "ORG"),
            key=lambda m: (-len(m.entity.text), m.entity.start),
        )
        by_key: dict[str, _Cluster] = {}
        for m in orgs:
            e = m.entity
            norm_text = self.norm[e.start : e.end]
            key = self._org_key(norm_text)
            cluster = by_key.get(key)
            if cluster is None and _ACRONYM.fullmatch(norm_text):
                cluster = self._introduced(e.start) or next(
                    (c for k, c in by_key.items() if " " in k and self._initials(k) == norm_text),
                    None,
                )
            elif cluster is None and " " not in key:
                cluster = self._short_form(key, by_key)
            if cluster is None:
                cluster = self._new("ORG", key.split(), m)
            else:
                self._add_named(cluster, m)
            by_key.setdefault(key, cluster)
        self._acronyms_without_entity(by_key)

    def _short_form(self, word: str, by_key: dict[str, _Cluster]) -> _Cluster | None:
        """« l'Assemblée » for « l'Assemblée nationale », "the Commission" for "the European
        Commission": the one organisation whose name is this word and qualifiers only
        ("the Senate" is not "the Senate Finance Committee")."""
        found = {
            id(c): c
            for k, c in by_key.items()
            if word in k.split()
            and all(w == word or w not in self.data.org_words for w in k.split())
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _introduced(self, pos: int) -> _Cluster | None:
        """The organisation named right before "(ACRONYM)" at pos, if any."""
        if self.norm[pos - 1 : pos] != "(":
            return None
        for (s, e), cluster in self._of_span.items():
            if cluster.type == "ORG" and self.norm[e:pos].strip() == "(" and s < pos:
                return cluster
        return None

    def _acronyms_without_entity(self, by_key: dict[str, _Cluster]) -> None:
        """« l'Organisation mondiale de la santé (OMS) »: every "OMS", even those the NER
        did not label, is that organisation."""
        for (_, e), cluster in list(self._of_span.items()):
            if cluster.type != "ORG":
                continue
            m = _ACRONYM_IN_PARENS.match(self.norm[e : e + 12])
            if m is None:
                continue
            acronym = m.group(1)
            if by_key.get(acronym.casefold(), cluster) is not cluster:
                continue
            for found in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", self.norm):
                a, b = found.span()
                if (a, b) not in self._of_span and not self._covered(a, b):
                    cluster.add(a, b, self.text[a:b])

    def _covered(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self._of_span)

    # -- titles and pronouns ------------------------------------------------

    def add_roles(self, quoted: list[tuple[int, int]]) -> None:
        """ "the president", « la ministre »: a title after a definite article, not followed
        by a name, names the person last introduced with that title."""
        norm = self.norm
        for match in _role_pattern(self.lex.language).finditer(norm):
            start, end = match.span()
            rest = norm[end : end + 3].lstrip(" ")
            if rest[:1].isupper() or rest[:1] == ",":
                continue  # "the president, Emmanuel Macron", "the minister Jane Doe"
            if self._covered(start, end) or covers(quoted, start):
                continue
            title = match.group("title").split()[-1].lower()
            self._attach(self.resolver.resolve_title(title, start), start, end)

    def add_pronouns(self, attributions: Iterable[Attribution]) -> None:
        """The pronoun subject of a quote's cue ("he said", « a-t-elle ajouté »)."""
        doc = self.doc
        pronouns = self.lex.pronouns
        for cue, speaker in attributions:
            if cue is None:
                continue
            tokens = doc.char_span(cue[0], cue[1], alignment_mode="expand")
            if tokens is None:
                continue
            candidates = list(tokens)
            for t in tokens:
                candidates += [c for c in t.children if c.dep_.startswith("nsubj")]
            for t in candidates:
                if t.lower_ not in pronouns:
                    continue
                start = t.idx + (1 if t.text.startswith("-") else 0)
                cluster = self._attach(speaker, start, t.idx + len(t.text))
                if cluster is not None and cluster.type == "PERSON" and pronouns[t.lower_]:
                    cluster.genders.add(pronouns[t.lower_])

    def _attach(self, named: Mention | None, start: int, end: int) -> _Cluster | None:
        if named is None:
            return None
        cluster = self._of_span.get((named.entity.start, named.entity.end))
        if cluster is not None:
            cluster.add(start, end, self.text[start:end])
        return cluster

    # -- result -------------------------------------------------------------

    def cluster_of(self, start: int | None, end: int | None) -> _Cluster | None:
        if start is None or end is None:
            return None
        return self._of_span.get((start, end))

    def actors(self) -> tuple[list[Actor], dict[int, str]]:
        """The actors in order of first mention, and each cluster's actor id by id()."""
        digest = hashlib.sha1(self.text.encode("utf-8")).hexdigest()
        out: list[Actor] = []
        ids: dict[int, str] = {}
        for cluster in sorted(self.clusters, key=lambda c: min(c.mentions)):
            name = self._name(cluster)
            first = min(cluster.mentions)[0]
            actor_id = str(uuid.uuid5(_ID_NAMESPACE, f"{digest}|{cluster.type}|{name}|{first}"))
            mentions = sorted(cluster.mentions.values(), key=lambda m: (m.start, m.end))
            out.append(
                Actor(
                    name=name,
                    type=cluster.type,
                    mentions=mentions,
                    id=actor_id,
                    gender=cluster.gender(),
                )
            )
            ids[id(cluster)] = actor_id
        return out, ids

    def _name(self, cluster: _Cluster) -> str:
        """The fullest form: the named mention with most words (entities.py has already
        cut titles off persons' names), never an acronym when the full name is there."""
        spans = [span for span in cluster.mentions if span in self._of_span]
        if not spans:
            spans = [cluster.name_span]

        def rank(span: tuple[int, int]) -> tuple[bool, int, int, int]:
            raw = self.norm[span[0] : span[1]]
            acronym = cluster.type == "ORG" and bool(_ACRONYM.fullmatch(raw))
            return (acronym, -len(raw.split()), -len(raw), span[0])

        s, e = min(spans, key=rank)
        words = self.text[s:e].split()
        if cluster.type == "ORG" and len(words) > 1 and words[0].lower() in self.data.org_articles:
            words = words[1:]  # "The Associated Press" is listed as "Associated Press"
        name = " ".join(words)
        return name[:-2] if name.endswith(("'s", "’s")) else name


def find_actors(
    doc: Doc,
    text: str,
    mentions: list[Mention],
    lex: Lexicon,
    resolver: SpeakerResolver,
    attributions: Iterable[Attribution] = (),
    quoted: list[tuple[int, int]] | None = None,
) -> ActorFinder:
    """Group the PERSON and ORG mentions of one article (with titles and pronouns)."""
    finder = ActorFinder(doc, text, mentions, lex, resolver)
    finder.group_persons()
    finder.group_organisations()
    finder.add_roles(quoted or [])
    finder.add_pronouns(attributions)
    return finder
