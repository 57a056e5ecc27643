"""Who a name means in one document: the fullest mention of a person, found by surname,
by first name or by initials (« Le Pen », "Fiona", « GND » for Gabriel Nadeau-Dubois)."""

from __future__ import annotations

from dataclasses import replace

from .entities import Mention
from .lexicon import first_name_gender
from .persons import spelled_initials
from .speaker_names import NameRules


class NameIndex(NameRules):
    """The persons of one document by name (see SpeakerResolver)."""

    persons: list[Mention]

    def _index_names(self, mentions: list[Mention]) -> None:
        """Index the PERSON and ORG mentions by token and the persons by surname and first
        name, before any look-up."""
        self._by_token: dict[int, Mention] = {}
        self._fullest: dict[str, list[Mention]] = {}
        self._canonical: dict[tuple[str, ...], Mention | None] = {}
        self._shared: dict[tuple[str, ...], list[Mention]] = {}
        self._initials: dict[str, Mention] | None = None
        # Persons by their first name: « Fiona » after "Fiona Parry" is Fiona Parry.
        self._by_first: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.entity.label in ("PERSON", "ORG"):
                for i in range(m.tok_start, m.tok_end):
                    self._by_token.setdefault(i, m)
        for m in self.persons:
            words = self._name_words(m)
            if words:
                self._fullest.setdefault(words[-1], []).append(m)
            if len(words) >= 2:
                self._by_first.setdefault(words[0], []).append(m)
        for m in mentions:
            # « Marine Le Pen » tagged ORG beside « Le Pen » tagged PERSON: a first name
            # before a known surname makes it that person's fuller name.
            words = m.entity.text.split()
            if (
                m.entity.label == "ORG"
                and len(words) >= 2
                and words[-1] in self._fullest
                and first_name_gender(words[0], self.lex) is not None
            ):
                person = Mention(replace(m.entity, label="PERSON"), m.tok_start, m.tok_end)
                self._fullest[words[-1]].append(person)
                self._by_first.setdefault(words[0], []).append(person)

    def canonical(self, m: Mention) -> Mention:
        """Return the fullest PERSON mention that ends with this mention's surname."""
        if m.entity.label != "PERSON":
            return m
        words = self._name_words(m)
        if not words:
            return m
        key = tuple(words)
        shared = self._sharing(key)
        if shared:
            # "Hori Parata" and "Te Kaurinui Robert Parata": "Parata" is the one of them
            # named last before it (or, before both, the first named after it)
            before = [o for o in shared if o.entity.start <= m.entity.start]
            return before[-1] if before else shared[0]
        if key not in self._canonical:
            # Once per name, not per mention: 3,000 "Smith" would be 9 million comparisons.
            best, best_len = None, len(words)
            for other in self._fullest.get(words[-1], ()):
                other_words = self._name_words(other)
                if len(other_words) > best_len and other_words[-len(words) :] == words:
                    best, best_len = other, len(other_words)
            if best is None and len(words) < 3:
                best = self._fuller_by_first(words)
            if best is None and len(words) == 1 and words[0].isupper():
                best = self._by_initials().get(words[0])  # the entities' person « GND »
            self._canonical[key] = best
        return self._canonical[key] or m

    def _sharing(self, words: tuple[str, ...]) -> list[Mention]:
        """The mentions, in text order, of two or more different people whose full names
        end with these words (none of the names being the end of another); else []."""
        if words not in self._shared:
            fuller: dict[tuple[str, ...], list[Mention]] = {}
            for other in self._fullest.get(words[-1], ()):
                w = tuple(self._name_words(other))
                if len(w) > len(words) and w[-len(words) :] == words:
                    fuller.setdefault(w, []).append(other)
            names = list(fuller)
            distinct = [n for n in names if not any(o != n and o[-len(n) :] == n for o in names)]
            keep = [m for n in distinct for m in fuller[n]]
            self._shared[words] = (
                sorted(keep, key=lambda m: m.entity.start) if len(distinct) > 1 else []
            )
        return self._shared[words]

    def _fuller_by_first(self, words: list[str]) -> Mention | None:
        """ "Fiona said", « Te Kaurinui »: the start of one fuller name given earlier or
        later; a first name two people share stays as it is."""
        fuller: dict[str, Mention] = {}
        for other in self._by_first.get(words[0], ()):
            w = self._name_words(other)
            if len(w) > len(words) and w[: len(words)] == words:
                fuller.setdefault(" ".join(w), other)
        return next(iter(fuller.values())) if len(fuller) == 1 else None

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
        if token.text.isupper() and (m is None or m.tok_end - m.tok_start == 1):
            person = self._by_initials().get(token.text)
            if person is not None:
                return person  # « BB » for Brigitte Bardot, « GND » for Gabriel Nadeau-Dubois
        return m

    def _by_initials(self) -> dict[str, Mention]:
        """The people named in full whose initials spell one word (« BB », « GND »), when
        no one else's do; computed once per document."""
        if self._initials is None:
            found: dict[str, set[str]] = {}
            fullest: dict[str, Mention] = {}
            for m in self.persons:
                if m.entity.text.isupper() and " " not in m.entity.text:
                    continue  # « GND » itself, a person of the entities: its initials are none
                full = self.canonical(m)
                key = spelled_initials(" ".join(self._name_words(full)))
                if key:
                    found.setdefault(key, set()).add(full.entity.text)
                    fullest.setdefault(key, full)
            self._initials = {k: fullest[k] for k, names in found.items() if len(names) == 1}
        return self._initials
