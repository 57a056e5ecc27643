"""Organisations as speakers where the text names them by a common noun or a pronoun.

English news names an organisation once and then speaks of it as "the company", "the
paper", "the agency" or "it": "NBC Universal disputed the accusations. … the company
said", "Roscosmos said in a statement. It said …". The gold conventions want the name
(tests/gold/real/README.md: "the company said" → the company's name when the article
names it), and "the statement said" is whoever issued the statement. The words are per
language in data/org_speakers_<lang>.json; a language without that file has none of these
rules (French pronouns carry a gender and are resolved in speakers.py).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from .lexicon import Lexicon, read_language_data
from .mentions import Mention
from .spans import covers
from .speaker_names import DESCRIPTOR, INSTITUTION


@dataclass(frozen=True)
class OrgSpeakerData:
    """Per-language words, from data/org_speakers_<lang>.json."""

    #: Articles that make a common noun mean one known organisation ("the company").
    definite: frozenset[str]
    #: Nouns that may mean whichever organisation the story is about ("the company",
    #: "the paper"), not "the government" or "the police", which are named as such.
    generic_nouns: frozenset[str]
    #: Nouns of one kind of organisation under another word ("paper" for "newspaper").
    synonyms: dict[str, str]
    #: Documents that speak for whoever issued them ("the statement said").
    document_nouns: frozenset[str]


@cache
def get_org_speaker_data(language: str) -> OrgSpeakerData | None:
    """The organisation-speaker words of language, or None when it has none."""
    raw = read_language_data("org_speakers", language)
    if raw is None:
        return None

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw.get(key, []))

    return OrgSpeakerData(
        definite=words("definite"),
        generic_nouns=words("generic_nouns"),
        synonyms={k.lower(): v.lower() for k, v in raw.get("synonyms", {}).items()},
        document_nouns=words("document_nouns"),
    )


class OrgSpeakers:
    """Named organisations of one document, and which one a noun or pronoun means."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[Mention],
        data: OrgSpeakerData,
        quoted: list[tuple[int, int]],
        lex: Lexicon,
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.data = data
        # Words that say what an organisation is ("Department", "Union", "Agency").
        self._kinds = data.generic_nouns | lex.institutions
        self.orgs = [
            m
            for m in mentions
            if m.entity.label == "ORG" and not m.dateline and not covers(quoted, m.entity.start)
        ]
        # Organisations the story is about where they are: subjects outside quotes, and
        # organisations quoted (note); _said holds those that report something.
        subjects = [(m, self._subject_of(m)) for m in self.orgs]
        self._events: list[tuple[int, Mention]] = sorted(
            (m.entity.start, m) for m, verb in subjects if verb is not None
        )
        self._said: list[tuple[int, Mention]] = sorted(
            (m.entity.start, m)
            for m, verb in subjects
            if verb is not None and lex.is_reporting_verb(verb.lower_, verb.lemma_.lower())
        )
        # Whoever was quoted last, whatever they are (for "the statement said").
        self._speakers: list[tuple[int, Mention]] = []

    def _subject_of(self, m: Mention) -> Token | None:
        """The verb whose subject the mention is, if any."""
        for i in range(m.tok_start, m.tok_end):
            if self.doc[i].dep_.startswith("nsubj"):
                return self.doc[i].head
        return None

    def note(self, pos: int, mention: Mention) -> None:
        """A speaker resolved at pos: an organisation quoted is one a later "it" means."""
        bisect.insort(self._speakers, (pos, mention), key=lambda e: e[0])
        if mention.entity.label in ("ORG", INSTITUTION):
            bisect.insort(self._events, (pos, mention), key=lambda e: e[0])
            bisect.insort(self._said, (pos, mention), key=lambda e: e[0])

    def _since(self, pos: int) -> int:
        """Where the paragraph before the one holding pos starts."""
        line = self.text.rfind("\n", 0, pos)
        k = line
        while k > 0 and self.text[k - 1].isspace():
            k -= 1
        return self.text.rfind("\n", 0, k) + 1 if k > 0 else 0

    def _last(
        self, events: list[tuple[int, Mention]], pos: int, kind: str | None = None
    ) -> Mention | None:
        """The last event before pos, in its paragraph or the one before, of an
        organisation that may be of that kind."""
        since = self._since(pos)
        k = bisect.bisect_left(events, pos, key=lambda e: e[0]) - 1
        while k >= 0 and events[k][0] >= since:
            if kind is None or self._may_be(events[k][1], kind):
                return events[k][1]
            k -= 1
        return None

    def _may_be(self, m: Mention, kind: str) -> bool:
        """Whether an organisation's name leaves open that it is a kind ("the agency" may be
        Roscosmos, not the Tokyo Fire Department nor the Christian Democratic Union)."""
        for word in m.entity.text.lower().split():
            word = self.data.synonyms.get(word, word)
            if word != kind and (word in self._kinds):
                return False
        return True

    def pronoun(self, pos: int) -> Mention | None:
        """ "It said …" (a pronoun of no gender, lexicon "n"): the organisation last
        quoted or a subject, in this paragraph or the one before."""
        return self._last(self._events, pos)

    def resolve(self, head: Token, described: Mention) -> Mention:
        """The named organisation a definite common noun means ("the company" → "NBC
        Universal"), the issuer of a document ("the statement said"), else as described."""
        data = self.data
        if described.entity.label not in (INSTITUTION, DESCRIPTOR) or not any(
            c.dep_ == "det" and c.lower_ in data.definite for c in head.children
        ):
            return described
        noun = head.lemma_.lower()
        if noun in data.document_nouns or head.lower_ in data.document_nouns:
            return self._last(self._speakers, head.idx) or described
        if described.entity.label != INSTITUTION or described.tok_end > head.i + 1:
            return described  # "the ministry of intelligence": a name of its own
        kind = data.synonyms.get(noun, noun)
        words = [
            self.doc[i].lower_ for i in range(described.tok_start, described.tok_end) if i != head.i
        ]
        found = self._by_name(kind, words, head.idx) or self._by_intro(kind, head.idx)
        if found is None and kind in data.generic_nouns:
            found = (
                self._last(self._said, head.idx, kind)
                or self._last(self._events, head.idx, kind)
                or self._next_said(head.idx, kind)
            )
        return found or described

    def _nearest(self, matches: list[Mention], pos: int) -> Mention | None:
        before = [m for m in matches if m.entity.start < pos]
        return before[-1] if before else (matches[0] if matches else None)

    def _by_name(self, kind: str, words: list[str], pos: int) -> Mention | None:
        """ "the conservation department" → "New Zealand Department of Conservation": an
        organisation whose name holds the noun and the words before it."""
        matches = []
        for m in self.orgs:
            name = {self.data.synonyms.get(w, w) for w in m.entity.text.lower().split()}
            if kind in name and all(w in name for w in words):
                matches.append(m)
        return self._nearest(matches, pos)

    def _by_intro(self, kind: str, pos: int) -> Mention | None:
        """ "the French newspaper Le Monde", "rescue group Project Jonah": an
        organisation announced by the noun right before its name."""
        matches = []
        for m in self.orgs:
            if m.tok_start == 0:
                continue
            t = self.doc[m.tok_start - 1]
            if self.data.synonyms.get(t.lemma_.lower(), t.lemma_.lower()) == kind:
                matches.append(m)
        return self._nearest(matches, pos)

    def _next_said(self, pos: int, kind: str) -> Mention | None:
        """ "…, the Russian space agency said. | Roscosmos said in a statement": the
        organisation that reports something right after, in this or the next paragraph."""
        k = bisect.bisect_right(self._said, pos, key=lambda e: e[0])
        if k >= len(self._said):
            return None
        at, m = self._said[k]
        return m if self._since(at) <= pos and self._may_be(m, kind) else None
