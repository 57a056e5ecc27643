"""Resolve who speaks: pronouns, titles and surnames to the fullest PERSON mention."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from .entities import Mention
from .lexicon import Lexicon
from .name_index import NameIndex
from .org_speakers import OrgSpeakers, get_org_speaker_data
from .speaker_names import DESCRIPTOR, _inside

# How far a noun phrase after a cue verb may run before the name ("a ajouté le ministre X").
_NP_WINDOW = 8
# What a noun after a reporting verb is when someone is told, not telling.
_OBJECTS = {"dobj", "obj", "iobj", "dative", "obl", "pobj", "obl:arg", "obl:mod"}


class SpeakerResolver(NameIndex):
    """Speaker look-ups over one parsed document; positions are character offsets."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[Mention],
        lex: Lexicon,
        quoted: list[tuple[int, int]],
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self._quoted = quoted
        self._bare_honorifics = frozenset(h.rstrip(".") for h in lex.honorifics)
        self.persons = [m for m in mentions if m.entity.label == "PERSON"]
        self._index_names(mentions)
        self._titles: dict[Mention, set[str]] = {}
        self._gender: dict[str, str] = {}
        named: set[int] = set()
        for m in self.persons:
            # "an adviser to Macron": a title whose complement is the name is not its own
            held = [
                t
                for t in self._title_tokens(m)
                if t.lower_ in lex.titles and not (t.i < m.tok_start and _after_preposition(doc, m))
            ]
            self._titles[m] = {t.lower_ for t in held}
            named.update(t.i for t in held)
        self._persons_start = [m.entity.start for m in self.persons]
        org_data = get_org_speaker_data(lex.language)
        self.orgs = OrgSpeakers(doc, mentions, org_data, quoted, lex) if org_data else None
        self._starts = [t.idx for t in doc]
        # "A spokeswoman for the department said …": a title with an indefinite article
        # and no name is someone new, whom a later "the spokeswoman" means.
        self._anonymous: list[tuple[int, str]] = [
            (t.idx, t.lower_)
            for t in doc
            if t.lower_ in lex.titles
            and t.i not in named
            and self.is_indefinite(t)
            and not _inside(t.idx, quoted)
        ]
        for m in self.persons:
            gender = self._gender_of(m)
            if gender:
                self._gender.setdefault(self.canonical(m).entity.text, gender)
        # Salient people: PERSON subjects outside quotes, plus resolved speakers.
        self._events: list[tuple[int, Mention]] = []
        for m in self.persons:
            if _inside(m.entity.start, quoted):
                continue
            if self._is_subject(m):
                self._events.append((m.entity.start, self.canonical(m)))
        # "The minister rejected that description.": a title as subject outside quotes
        # makes the person it names salient there, for the pronouns that follow.
        for t in doc:
            if (
                t.dep_.startswith("nsubj")
                and t.lower_ in lex.titles
                and t.i not in self._by_token
                and not _inside(t.idx, quoted)
            ):
                found = self.resolve_title(t.lower_, t.idx)
                if found is not None:
                    self._events.append((t.idx, found))
        # « Le ministère … a pris acte. Il a souligné que … »: in a language whose nouns
        # have a gender, an organisation as subject is what a later pronoun may mean.
        for m in mentions:
            if m.entity.label != "ORG" or m.dateline or _inside(m.entity.start, quoted):
                continue
            gender = self._org_gender(m) if self._main_subject(m) else None
            if gender is not None:
                self._gender.setdefault(m.entity.text, gender)
                self._events.append((m.entity.start, m))
        self._events.sort(key=lambda e: e[0])
        # Every other person named outside quotes: a pronoun may mean one of them when
        # the gender tells ("… fait sourire Sandrine Le Goff. « … », lance-t-elle").
        # Not one named after a preposition: « cet ancien ministre de Nicolas Sarkozy …
        # « … », nous confiait-il » is the minister.
        self._named = sorted(
            (m.entity.start, self.canonical(m))
            for m in self.persons
            if not _inside(m.entity.start, quoted) and not _after_preposition(doc, m)
        )
        self._named_pos = [p for p, _ in self._named]
        self._event_pos = [p for p, _ in self._events]

    def _main_subject(self, m: Mention) -> bool:
        """Subject of the sentence's main verb, not of "si le Sénat vote …"."""
        for i in range(m.tok_start, m.tok_end):
            t = self.doc[i]
            if t.dep_.startswith("nsubj"):
                verb = t.head
                while verb.dep_ == "conj" and verb.head.i != verb.i:
                    verb = verb.head
                return verb.dep_ == "ROOT"
        return False

    def _is_subject(self, m: Mention) -> bool:
        """A subject, or in apposition to a subject title ("la présidente X a dit")."""
        for i in range(m.tok_start, m.tok_end):
            t = self.doc[i]
            if t.dep_.startswith("nsubj"):
                return True
            head = t.head
            outside = not (m.tok_start <= head.i < m.tok_end)
            if not outside or not head.dep_.startswith("nsubj"):
                continue
            # "One tenant, Amira Haddad, described …": the name is the subject's apposition.
            if _after_preposition(self.doc, m):
                return False  # « cet ancien ministre de Nicolas Sarkozy »: not the subject
            if head.lower_ in self.lex.titles or (t.dep_ == "appos" and head.pos_ == "NOUN"):
                return True
        return self._opens_sentence(m)

    def _opens_sentence(self, m: Mention) -> bool:
        """« La jeune tête de liste Jordan Bardella, 23 ans, …, s'en est pris aux … »: a
        name in the noun phrase that opens its sentence, before the main verb and in no
        clause of its own, is what the sentence is about, whatever the parse calls it."""
        doc = self.doc
        t = doc[m.tok_start]
        for _ in range(4):
            if t.head.i == t.i:
                break
            t = t.head
            if t.pos_ in ("VERB", "AUX") and t.dep_ != "ROOT":
                return False  # inside another clause
        root = t
        if root.dep_ != "ROOT" or root.pos_ not in ("VERB", "AUX") or root.i < m.tok_end:
            return False
        if _after_preposition(doc, m) or any(
            c.dep_.startswith("nsubj") and c.i < root.i for c in root.children
        ):
            return False
        first = next((x for x in root.sent if not (x.is_punct or x.is_space)), None)
        return first is not None and m.tok_start - first.i <= 5

    def note_speaker(self, pos: int, mention: Mention) -> None:
        """Record a resolved speaker as salient from pos on: a person, or an unnamed source
        ("a white-haired man said … he added"), of the gender its noun tells if any."""
        if self.orgs is not None:
            self.orgs.note(pos, mention)
        if mention.entity.label == DESCRIPTOR:
            head = next(
                (
                    self.doc[i]
                    for i in range(mention.tok_start, mention.tok_end)
                    if not mention.tok_start <= self.doc[i].head.i < mention.tok_end
                ),
                None,
            )
            gender = self._np_gender(head) if head is not None else None
            if gender is not None:
                self._gender.setdefault(mention.entity.text, gender)
        elif mention.entity.label != "PERSON":
            return
        idx = bisect.bisect_right(self._event_pos, pos)
        self._event_pos.insert(idx, pos)
        self._events.insert(idx, (pos, mention))

    def resolve_pronoun(self, pronoun: str, pos: int) -> Mention | None:
        """Return the most recent salient person before pos compatible with the pronoun."""
        low = pronoun.lower()
        gender = self.lex.pronouns.get(low) or self.lex.object_pronouns.get(low)
        if gender is None:
            return None
        if gender == "n":
            # "It said …": an organisation, in a language whose pronouns say so
            return self.orgs.pronoun(pos) if self.orgs is not None else None
        event = self._salient_event(pos, gender)
        found = event[1] if event else None
        # A person of the pronoun's gender named after that, in the same paragraph.
        since = max(event[0] if event else -1, self.text.rfind("\n", 0, pos))
        k = bisect.bisect_left(self._named_pos, pos) - 1
        while k >= 0 and self._named[k][0] > since:
            m = self._named[k][1]
            if self._gender.get(m.entity.text) == gender and m is not found:
                return m
            k -= 1
        return found

    def describe(self, head: Token | None) -> Mention | None:
        """As NameRules.describe; "the company", "the statement": the organisation named
        for it elsewhere in the text, where the language's data says how (org_speakers)."""
        found = super().describe(head)
        if found is None or head is None or self.orgs is None:
            return found
        return self.orgs.resolve(head, found)

    def resolve_title(
        self, title: str, pos: int, gender: str | None = None, salient: bool = False
    ) -> Mention | None:
        """Return the nearest person before pos introduced with this title, or else the
        most salient person of a compatible gender ("the winner", « l’élue »)."""
        idx = bisect.bisect_left(self._persons_start, pos)
        anonymous = max((p for p, word in self._anonymous if word == title and p < pos), default=-1)
        for k in range(idx - 1, -1, -1):
            m = self.persons[k]
            if m.entity.start < anonymous:
                # the unnamed one came later: "the spokeswoman" is that one, as described
                return self._described_at(anonymous)
            if title in self._titles[m]:
                return self.canonical(m)
        if anonymous >= 0:
            return self._described_at(anonymous)
        return self._salient(pos, gender) if gender or salient else None

    def _described_at(self, char: int) -> Mention | None:
        """The unnamed source introduced at char ("A spokeswoman for the department")."""
        i = bisect.bisect_right(self._starts, char) - 1
        return self.describe(self.doc[i]) if i >= 0 else None

    def salient_since(self, since: int, pos: int) -> tuple[int, Mention] | None:
        """The most recent salient person or organisation named between since and pos."""
        event = self._salient_event(pos, None)
        return event if event is not None and event[0] >= since else None

    def _salient(self, pos: int, gender: str | None) -> Mention | None:
        event = self._salient_event(pos, gender, persons_only=True)
        return event[1] if event else None

    def _salient_event(
        self, pos: int, gender: str | None, persons_only: bool = False
    ) -> tuple[int, Mention] | None:
        """The most recent salient person (or organisation, for a pronoun) before pos
        whose gender is gender or unknown."""
        idx = bisect.bisect_left(self._event_pos, pos)
        for k in range(idx - 1, -1, -1):
            m = self._events[k][1]
            if persons_only and m.entity.label != "PERSON":
                continue
            known = self._gender.get(m.entity.text)
            if known is None or gender is None or known == gender:
                return self._events[k]
        return None

    def resolve_token(
        self, token: Token, pos: int | None = None, describe: bool = False
    ) -> Mention | None:
        """Resolve a subject-like token: a name, a pronoun or a title; with describe, a
        common noun that names nobody is the speaker as described (« un proche du
        président », « la préfecture »)."""
        at = pos if pos is not None else token.idx
        m = self.mention_at(token.i)
        if m is None and token.pos_ in ("PROPN", "X"):
            # "De Croo": the NER may cover only part of the name the parser heads; a
            # person in it before an organisation ("DETROIT (AP) — Mayor Angela Brooks").
            named = [x for t in token.subtree if (x := self.mention_at(t.i)) is not None]
            person = next((x for x in named if x.entity.label == "PERSON"), None)
            m = person or next(iter(named), None)
        if m is not None:
            return self.canonical(m)
        low = token.lower_
        if low in self.lex.pronouns:
            return self.resolve_pronoun(low, at)
        antecedent = self._antecedent(token)
        if antecedent is not None:
            # « le maire, qui a déclaré « … » »: the relative pronoun's antecedent speaks
            return self.resolve_token(antecedent, antecedent.idx, describe=describe)
        if token.pos_ == "NOUN":
            # "la porte-parole de la Confédération, Émilie Garnier": the name in apposition.
            for child in token.children:
                if child.dep_ == "appos" and child.i > token.i:
                    m = self.mention_at(child.i)
                    if m is not None and m.entity.label == "PERSON":
                        return self.canonical(m)
        if low in self.lex.titles:
            apposed = self._named_before_verb(token)
            return apposed or self.resolve_noun_phrase(token.i, at, describe=describe)
        return self.describe(token) if describe else None

    def _antecedent(self, token: Token) -> Token | None:
        """The noun a relative pronoun subject stands for (« X, qui a affirmé »)."""
        if token.lower_ not in self.lex.relative_pronouns or not token.dep_.startswith("nsubj"):
            return None
        clause = token.head
        if not clause.dep_.startswith("acl") or clause.head.i >= token.i:
            return None
        noun = clause.head
        return noun if noun.pos_ in ("NOUN", "PROPN") else None

    def _named_before_verb(self, token: Token) -> Mention | None:
        """« Le président de l’association X, qui coordonne le off, Christophe Ravier,
        a reconnu »: a name set off by a comma between a subject title and its verb."""
        head = token.head
        if not token.dep_.startswith("nsubj") or head.i <= token.i:
            return None
        for j in range(token.i + 1, head.i):
            if self.doc[j].text != ",":
                continue
            m = self.mention_at(j + 1)
            if m is not None and m.entity.label == "PERSON" and m.tok_end <= head.i:
                return self.canonical(m)
        return None

    def resolve_noun_phrase(
        self, i: int, pos: int, limit: int = _NP_WINDOW, describe: bool = True
    ) -> Mention | None:
        """Resolve the noun phrase starting at token i ("le ministre X", "il", "Trump");
        with describe, a noun phrase that names nobody is the speaker as described
        ("a spokeswoman for the ministry", « la gendarmerie »)."""
        doc = self.doc
        title: str | None = None
        title_tok = doc[i]
        noun: Token | None = None  # the head of a noun phrase that names nobody
        preposition = False
        end = min(len(doc), i + limit)
        skip_to = i
        for j in range(i, end):
            if j < skip_to:
                continue
            t = doc[j]
            if t.is_space and "\n" in t.text:
                break
            if t.lower_ in self.lex.time_words and title is None:
                continue  # « a annoncé dimanche Edouard Philippe »: when, not who
            if t.pos_ == "ADP" and title is None and noun is None:
                k = j + 1
                while k < end and doc[k].pos_ == "DET":
                    k += 1
                if k < end and doc[k].lower_ in self.lex.time_words:
                    # « argumentait en octobre dernier la note préfectorale »
                    k += 1
                    while k < end and doc[k].pos_ in ("ADJ", "NUM"):
                        k += 1
                    skip_to = k
                    continue
                past = self._past_place(t)
                if past is not None and j == i:
                    # « a déclaré dans le cortège parisien la comédienne X »: where it was
                    # said, then who said it
                    skip_to, end = past, min(len(doc), past + limit)
                    continue
            m = self.mention_at(j)
            if m is not None and _possessive(doc, m.tok_end):
                continue  # "the Council's spokeswoman": the organisation owns the title
            if m is not None and m.entity.label != "PERSON" and _after_preposition(doc, m, i):
                continue  # « a déclaré à l’AFP sa porte-parole »: told to, not by
            if m is not None and title is not None and self._object_of_title(title_tok, m):
                # "a spokeswoman for House Speaker Gregory Lang", « la porte-parole du
                # président X »: the name is whom the title holder works for.
                skip_to = m.tok_end
                continue
            if m is not None and (title is None or m.entity.label == "PERSON"):
                return self.canonical(m)
            low = t.lower_
            if title is None and low in self.lex.pronouns:
                return self.resolve_pronoun(low, pos)
            if j == i and low in self.lex.object_pronouns and t.dep_ != "poss":
                return self.resolve_pronoun(low, pos)  # « selon lui », "according to her"
            if low in self.lex.honorifics:
                continue  # « a déclaré M. Macron »: the name follows
            if low in self.lex.titles:
                if title is None:
                    title, title_tok = low, t
                continue
            if t.text == "," and title is not None and j + 1 < len(doc):
                # Apposition: "la présidente de la Commission, Ursula von der Leyen,"
                m = self.mention_at(j + 1)
                if m is not None and m.entity.label == "PERSON":
                    return self.canonical(m)
            if t.dep_ in ("compound", "poss") or (t.dep_ == "case" and _possessive(doc, j)):
                continue  # "council leader", "the council 's"
            if t.pos_ == "ADP" and title is None:
                preposition = True  # « a déclaré à la presse »: told to, not by
            # « selon le Journal du Centre »: a name the NER missed is named all the same
            nominal = t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.text[:1].isupper())
            if title is None and noun is None and nominal and not preposition:
                noun = None if self._told(t) else t
            if t.is_punct or t.pos_ in ("VERB", "AUX") or (title is None and t.pos_ == "NOUN"):
                break
        if title is None or self.is_indefinite(title_tok) or self._speaker_owned(title_tok):
            # "a spokeswoman said": nobody named, the spokeswoman as described; « ma mère
            # disait »: nobody a reader could name
            if not describe or (title is not None and self._speaker_owned(title_tok)):
                return None
            if title is None and noun is not None:
                named = self._apposed_name(noun)
                if named is not None:
                    return named
            return self.describe(title_tok if title is not None else noun)
        # "the minister said" may mean whoever the story is about; "her editor" may not.
        owned = any(
            c.dep_ == "poss" or c.morph.get("Poss", []) == ["Yes"] for c in title_tok.children
        )
        # "the leader of the Rassemblement National": a title of its own, not whoever the
        # story is about, unless someone was named with it
        specific = any(
            c.dep_ == "prep" and c.lower_ in self.lex.descriptor_links and c.i > title_tok.i
            for c in title_tok.children
        )
        found = self.resolve_title(
            title, pos, self._np_gender(title_tok), salient=not (owned or specific)
        )
        return found if found is not None or not describe else self.describe(title_tok)

    def _past_place(self, adp: Token) -> int | None:
        """The token after a prepositional phrase (« dans le cortège parisien ») when a
        subject follows it: a determiner or a name, then no verb before a noun or name."""
        doc = self.doc
        noun = adp.head
        if adp.dep_ != "case" or noun.i <= adp.i or noun.pos_ not in ("NOUN", "PROPN"):
            return None
        k = noun.i + 1
        while k < len(doc) and doc[k].pos_ == "ADJ" and doc[k].head.i == noun.i:
            k += 1
        if k >= len(doc) or not (doc[k].pos_ == "DET" or self.mention_at(k) is not None):
            return None
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        subject = self.mention_at(k) is not None or (
            nxt is not None and (nxt.pos_ in ("NOUN", "PROPN") or nxt.lower_ in self.lex.titles)
        )
        return k if subject else None

    def _apposed_name(self, noun: Token) -> Mention | None:
        """« s'est félicitée l'instigatrice de la manifestation, Caroline De Haas »: the
        person named after a comma that closes the noun phrase."""
        doc = self.doc
        for j in range(noun.i + 1, min(len(doc) - 1, noun.i + _NP_WINDOW)):
            t = doc[j]
            if t.pos_ in ("VERB", "AUX") or t.text in (".", "!", "?", ";", ":") or "\n" in t.text:
                return None
            if t.text == ",":
                m = self.mention_at(j + 1)
                if m is not None and m.entity.label == "PERSON" and m.tok_start == j + 1:
                    return self.canonical(m)
                return None
        return None

    def _told(self, t: Token) -> bool:
        """'"…," Volkova told reporters': the object of a reporting verb that has its own
        subject is who was told (« précise l'agence » has none: the agency is the
        subject, whatever the parse calls it)."""
        verb = t.head
        return (
            t.dep_ in _OBJECTS
            and self.lex.is_reporting_verb(verb.lower_, verb.lemma_.lower())
            and any(c.dep_.startswith("nsubj") for c in verb.children)
        )


def _after_preposition(doc: Doc, m: Mention, since: int = 0) -> bool:
    """Whether a preposition (at token since or later) stands before the mention."""
    i = m.tok_start - 1
    while i >= since and doc[i].pos_ == "DET":
        i -= 1
    return i >= since and doc[i].pos_ == "ADP"


def _possessive(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].dep_ == "case" and doc[i].lower_ in ("'s", "'")
