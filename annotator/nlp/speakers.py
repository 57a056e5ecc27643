"""Resolve who speaks: pronouns, titles and surnames to the fullest PERSON mention."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from .entities import Mention
from .lexicon import Lexicon

# How many tokens before a name may hold its title ("le président du groupe d'opposition
# Lyon Avenir, X").
_TITLE_WINDOW = 9
# How many tokens of an apposition after a name may hold its title ("X, the leader of …").
_APPOS_WINDOW = 12
# How far a noun phrase after a cue verb may run before the name ("a ajouté le ministre X").
_NP_WINDOW = 8


class SpeakerResolver:
    """Speaker look-ups over one parsed document; positions are character offsets."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[Mention],
        lex: Lexicon,
        quoted: list[tuple[int, int]],
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.persons = [m for m in mentions if m.entity.label == "PERSON"]
        self._by_token: dict[int, Mention] = {}
        self._fullest: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.entity.label in ("PERSON", "ORG"):
                for i in range(m.tok_start, m.tok_end):
                    self._by_token.setdefault(i, m)
        self._titles: dict[Mention, set[str]] = {}
        self._gender: dict[str, str] = {}
        for m in self.persons:
            self._titles[m] = {t.lower_ for t in self._title_tokens(m) if t.lower_ in lex.titles}
            words = self._name_words(m)
            if words:
                self._fullest.setdefault(words[-1], []).append(m)
        self._persons_start = [m.entity.start for m in self.persons]
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
        self._event_pos = [p for p, _ in self._events]

    def _is_subject(self, m: Mention) -> bool:
        """A subject, or in apposition to a subject title ("la présidente X a dit")."""
        for i in range(m.tok_start, m.tok_end):
            t = self.doc[i]
            if t.dep_.startswith("nsubj"):
                return True
            head = t.head
            outside = not (m.tok_start <= head.i < m.tok_end)
            if outside and head.dep_.startswith("nsubj") and head.lower_ in self.lex.titles:
                return True
        return False

    def _name_words(self, m: Mention) -> list[str]:
        words = m.entity.text.replace("\n", " ").split()
        return [w for w in words if w.lower().rstrip(".") not in self._honorifics_bare()]

    def _honorifics_bare(self) -> set[str]:
        return {h.rstrip(".") for h in self.lex.honorifics}

    def _other_person(self, i: int, m: Mention) -> bool:
        other = self._by_token.get(i)
        return other is not None and other is not m and other.entity.label == "PERSON"

    def _window_tokens(self, m: Mention) -> list[Token]:
        # Bounded by line breaks, full stops and other people, not parser sentences:
        # the parser sometimes splits "Le ministre des Finances | Vincent Van Peteghem".
        out: list[Token] = []
        for i in range(m.tok_start - 1, max(-1, m.tok_start - 1 - _TITLE_WINDOW), -1):
            t = self.doc[i]
            if "\n" in t.text or t.text in (".", "!", "?", ":") or t.pos_ in ("VERB", "AUX"):
                break
            if self._other_person(i, m):
                break
            out.append(t)
        out.reverse()
        return out

    def _appos_tokens(self, m: Mention) -> list[Token]:
        """The apposition after a name: "X, the leader of the council," / « X, déléguée du … »."""
        doc = self.doc
        if m.tok_end >= len(doc) or doc[m.tok_end].text != ",":
            return []
        out: list[Token] = []
        for i in range(m.tok_end + 1, min(len(doc), m.tok_end + 1 + _APPOS_WINDOW)):
            t = doc[i]
            if (
                "\n" in t.text
                or t.is_punct
                or t.pos_ in ("VERB", "AUX")
                or self._other_person(i, m)
            ):
                break
            out.append(t)
        return out

    def _title_tokens(self, m: Mention) -> list[Token]:
        return self._window_tokens(m) + self._appos_tokens(m)

    def _gender_of(self, m: Mention) -> str | None:
        words = [t.lower_ for t in self.doc[m.tok_start : m.tok_end]]
        window = self._window_tokens(m)
        for w in words[:1] + [t.lower_ for t in window[-1:]]:
            if w.rstrip(".") in ("mme", "mlle", "mrs", "ms"):
                return "f"
            if w.rstrip(".") in ("m", "mr"):
                return "m"
        for t in [*reversed(window), *self._appos_tokens(m)]:
            if t.lower_ in self.lex.feminine_titles:
                return "f"
            if t.lower_ in self.lex.titles:
                # The determiner knows better than the noun: "ministre" is tagged
                # masculine even in « la ministre ».
                marks = [c.morph.get("Gender", []) for c in t.children if c.dep_ == "det"]
                g = next((x for x in [*marks, t.morph.get("Gender", [])] if x), None)
                if g:
                    return "f" if g[0] == "Fem" else "m"
        return None

    def canonical(self, m: Mention) -> Mention:
        """Return the fullest PERSON mention that ends with this mention's surname."""
        if m.entity.label != "PERSON":
            return m
        words = self._name_words(m)
        if not words:
            return m
        best = m
        best_len = len(words)
        for other in self._fullest.get(words[-1], ()):
            other_words = self._name_words(other)
            if len(other_words) > best_len and other_words[-len(words) :] == words:
                best, best_len = other, len(other_words)
        return best

    def mention_at(self, i: int) -> Mention | None:
        """Return the PERSON or ORG mention covering token i, or a known surname."""
        m = self._by_token.get(i)
        if m is not None and m.entity.label == "PERSON":
            return m
        # The NER sometimes labels a known surname ORG or PLACE ("according to Blinken").
        token = self.doc[i]
        if token.pos_ == "PROPN" or token.text[:1].isupper():
            people = self._fullest.get(token.text)
            if people:
                return self.canonical(people[0])
        return m

    def note_speaker(self, pos: int, mention: Mention) -> None:
        """Record a resolved speaker as salient from pos on."""
        if mention.entity.label != "PERSON":
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
        idx = bisect.bisect_left(self._event_pos, pos)
        for k in range(idx - 1, -1, -1):
            m = self._events[k][1]
            known = self._gender.get(m.entity.text)
            if known is None or known == gender:
                return m
        return None

    def resolve_title(self, title: str, pos: int) -> Mention | None:
        """Return the nearest person before pos introduced with this title."""
        idx = bisect.bisect_left(self._persons_start, pos)
        for k in range(idx - 1, -1, -1):
            m = self.persons[k]
            if title in self._titles[m]:
                return self.canonical(m)
        return None

    def resolve_token(self, token: Token, pos: int | None = None) -> Mention | None:
        """Resolve a subject-like token: a name, a pronoun or a title."""
        at = pos if pos is not None else token.idx
        m = self.mention_at(token.i)
        if m is None and token.pos_ in ("PROPN", "X"):
            # "De Croo": the NER may cover only part of the name the parser heads.
            for t in token.subtree:
                m = self.mention_at(t.i)
                if m is not None:
                    break
        if m is not None:
            return self.canonical(m)
        low = token.lower_
        if low in self.lex.pronouns:
            return self.resolve_pronoun(low, at)
        if token.pos_ == "NOUN":
            # "la porte-parole de la Confédération, Émilie Garnier": the name in apposition.
            for child in token.children:
                if child.dep_ == "appos" and child.i > token.i:
                    m = self.mention_at(child.i)
                    if m is not None and m.entity.label == "PERSON":
                        return self.canonical(m)
        if low in self.lex.titles:
            return self.resolve_noun_phrase(token.i, at)
        return None

    def resolve_noun_phrase(self, i: int, pos: int, limit: int = _NP_WINDOW) -> Mention | None:
        """Resolve the noun phrase starting at token i ("le ministre X", "il", "Trump")."""
        doc = self.doc
        title: str | None = None
        end = min(len(doc), i + limit)
        for j in range(i, end):
            t = doc[j]
            if t.is_space and "\n" in t.text:
                break
            m = self.mention_at(j)
            if m is not None and _possessive(doc, m.tok_end):
                continue  # "the Council's spokeswoman": the organisation owns the title
            if m is not None and (title is None or m.entity.label == "PERSON"):
                return self.canonical(m)
            low = t.lower_
            if title is None and low in self.lex.pronouns:
                return self.resolve_pronoun(low, pos)
            if j == i and low in self.lex.object_pronouns and t.dep_ != "poss":
                return self.resolve_pronoun(low, pos)  # « selon lui », "according to her"
            if low in self.lex.titles:
                title = title or low
                continue
            if t.text == "," and title is not None and j + 1 < len(doc):
                # Apposition: "la présidente de la Commission, Ursula von der Leyen,"
                m = self.mention_at(j + 1)
                if m is not None and m.entity.label == "PERSON":
                    return self.canonical(m)
            if t.dep_ in ("compound", "poss") or (t.dep_ == "case" and _possessive(doc, j)):
                continue  # "council leader", "the council 's"
            if t.is_punct or t.pos_ in ("VERB", "AUX") or (title is None and t.pos_ == "NOUN"):
                break
        return self.resolve_title(title, pos) if title else None


def _possessive(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].dep_ == "case" and doc[i].lower_ in ("'s", "'")


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)
