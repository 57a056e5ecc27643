"""What the text says around a name: its words, its title and apposition, its gender;
and a common noun phrase taken as the speaker it describes (« un proche du président »)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..core.models import Entity
from .entities import Mention, bare
from .lexicon import Lexicon, first_name_gender
from .spans import covers

# How many tokens before a name may hold its title ("le président du groupe d'opposition
# Lyon Avenir, X").
_TITLE_WINDOW = 9
# How many tokens of an apposition after a name may hold its title ("X, the leader of …").
_APPOS_WINDOW = 12

#: Entity labels a speaker may carry, and the speaker type each gives: named people and
#: organisations, institutions named by a common noun (« la préfecture », "the ministry")
#: and unnamed sources (« un proche du président », "a spokeswoman for the ministry").
INSTITUTION = "INSTITUTION"
DESCRIPTOR = "DESCRIPTOR"
SPEAKER_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    INSTITUTION: "organisation",
    DESCRIPTOR: "descriptor",
}
SPEAKER_LABELS = frozenset(SPEAKER_TYPES)
# What may follow a descriptor's noun as part of it: "for the ministry", « du président ».
_COMPLEMENTS = {"amod", "nmod", "prep", "compound", "flat:name"}
# What may stand before a descriptor's noun as part of it: "senior", "Law enforcement".
_MODIFIERS = {"amod", "compound", "nmod:poss", "poss"}
# A described source longer than this many words is cut to its noun.
_DESCRIPTOR_WORDS = 8


class NameRules:
    """Names, titles and genders in one parsed document (see SpeakerResolver)."""

    doc: Doc
    text: str
    lex: Lexicon
    _quoted: list[tuple[int, int]]
    _bare_honorifics: frozenset[str]
    _by_token: dict[int, Mention]

    def _org_gender(self, m: Mention) -> str | None:
        """Grammatical gender of an organisation's name from its article (« la CFDT »)."""
        root = next(
            (
                self.doc[i]
                for i in range(m.tok_start, m.tok_end)
                if not (m.tok_start <= self.doc[i].head.i < m.tok_end) or self.doc[i].head.i == i
            ),
            None,
        )
        if root is None:
            return None
        for c in root.children:
            g = c.morph.get("Gender", []) if c.dep_ == "det" else []
            if g:
                return "f" if g[0] == "Fem" else "m"
        return None

    def _name_words(self, m: Mention) -> list[str]:
        words = m.entity.text.replace("\n", " ").split()
        while len(words) > 1 and words[-1].lower() in self.lex.post_nominals:
            words.pop()  # "Rachel Onslow KC": "Onslow said" is the same person
        return [w for w in words if bare(w) not in self._bare_honorifics]

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

    def mention_gender(self, m: Mention) -> str | None:
        """ "f" or "m" from what the text says of this person where it names them: an
        honorific, a title and its determiner, a first name, a feminine agreement; None
        when it says nothing (no default from a title's grammatical gender)."""
        return self._gender_of(m, guess=False)

    def _gender_of(self, m: Mention, guess: bool = True) -> str | None:
        words = [t.lower_ for t in self.doc[m.tok_start : m.tok_end]]
        window = self._window_tokens(m)
        for w in words[:1] + [t.lower_ for t in window[-1:]]:
            if w.rstrip(".") in ("mme", "mlle", "mrs", "ms"):
                return "f"
            if w.rstrip(".") in ("m", "mr"):
                return "m"
        titles = [
            t for t in [*reversed(window), *self._appos_tokens(m)] if t.lower_ in self.lex.titles
        ]
        for t in titles:
            if t.lower_ in self.lex.feminine_titles:
                return "f"
            # The determiner knows better than the noun: "ministre" is tagged masculine
            # even in « la ministre ».
            marks = [c.morph.get("Gender", []) for c in t.children if c.dep_ == "det"]
            g = next((x for x in marks if x), None)
            if g:
                return "f" if g[0] == "Fem" else "m"
        names = self._name_words(m)
        if len(names) >= 2:
            gender = first_name_gender(names[0], self.lex)
            if gender is not None:
                return gender
        gender = self._agreement(m)
        if gender is not None:
            return gender
        # A bare title's own gender is last: « porte-parole » is masculine by default.
        for t in titles if guess else ():
            g = t.morph.get("Gender", [])
            if g:
                return "f" if g[0] == "Fem" else "m"
        return None

    def _agreement(self, m: Mention) -> str | None:
        """« X s’est dite satisfaite », « X, arrivée en tête, … »: a feminine participle or
        adjective right after the name, past auxiliaries and clitics (the parse is not
        needed; masculine is the unmarked form, so it is no evidence)."""
        doc = self.doc
        i = m.tok_end
        if i < len(doc) and doc[i].text == ",":
            i += 1
        for j in range(i, min(len(doc), i + 4)):
            t = doc[j]
            if t.pos_ in ("AUX", "ADV") or (t.pos_ == "PRON" and "Reflex" in str(t.morph)):
                continue
            participle = t.pos_ == "ADJ" or "Part" in t.morph.get("VerbForm", [])
            if participle and t.morph.get("Gender", []) == ["Fem"]:
                return "f"
            return None
        return None

    def is_indefinite(self, t: Token) -> bool:
        """Whether a noun comes with an indefinite article ("a spokeswoman", « une élue »)."""
        return any(c.dep_ == "det" and c.lower_ in self.lex.indefinite for c in t.children)

    def _np_gender(self, t: Token) -> str | None:
        """Gender of a noun phrase's head from its determiner or its own morphology."""
        if t.lower_ in self.lex.feminine_titles:
            return "f"
        marks = [c.morph.get("Gender", []) for c in t.children if c.dep_ == "det"]
        g = next((x for x in [*marks, t.morph.get("Gender", [])] if x), None)
        if g:
            return "f" if g[0] == "Fem" else "m"
        return None

    def describe(self, head: Token | None) -> Mention | None:
        """The noun phrase around a common noun as an unnamed source ("spokeswoman for the
        ministry", « source policière ») or an institution (« agence régionale de santé »):
        the noun with its adjectives and complements, without its determiner."""
        if head is None or head.pos_ not in ("NOUN", "PROPN") or _inside(head.idx, self._quoted):
            return None
        lex = self.lex
        if head.lower_ in lex.not_speakers or head.lemma_.lower() in lex.not_speakers:
            return None
        if head.lower_ in lex.time_words:
            return None  # « jeudi », "on Tuesday": when it was said
        doc = self.doc
        lo = head.i
        while lo > 0:
            t = doc[lo - 1]
            if t.dep_ == "case" and t.head.dep_ == "poss" and t.head.head.i == head.i:
                # "Paris prosecutor's office": the owner is part of the name
                if t.head.pos_ in ("NOUN", "PROPN"):
                    lo = t.head.left_edge.i
                    while lo < head.i and doc[lo].pos_ == "DET":
                        lo += 1
                break
            # "Law enforcement sources": a compound of a compound is part of the noun too
            if not lo <= t.head.i <= head.i or t.dep_ not in _MODIFIERS:
                break
            if t.dep_ in ("poss", "nmod:poss") and t.pos_ in ("PRON", "DET"):
                break  # "his spokesman": the possessive is a determiner
            lo -= 1
        hi = head.i
        for child in head.rights:
            if child.dep_ not in _COMPLEMENTS or child.left_edge.i != hi + 1:
                break
            first = doc[hi + 1]
            if first.pos_ == "ADP" and first.lower_ not in lex.descriptor_links:
                break  # « l'agence … dans un communiqué »: where it said it, not who
            end = hi
            for t in doc[hi + 1 : child.right_edge.i + 1]:
                if t.is_punct or t.pos_ in ("VERB", "AUX") or "\n" in t.text:
                    break
                end = t.i
            if end < child.i:
                break
            hi = end
        if hi - lo >= _DESCRIPTOR_WORDS:
            hi = head.i
        while lo < head.i and doc[lo].lower_ in lex.quantifiers:
            lo += 1  # « selon de nombreux observateurs »: the observers
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        text = self.text[start:end]
        institution = head.lower_ in lex.institutions or head.lemma_.lower() in lex.institutions
        label = "ORG" if head.pos_ == "PROPN" else INSTITUTION if institution else DESCRIPTOR
        return Mention(Entity(start, end, text, label), lo, hi + 1)

    def _speaker_owned(self, t: Token) -> bool:
        """« ma mère », "our coach": a title owned by the one speaking or spoken to."""
        return any(
            c.dep_ in ("det", "poss") and c.lower_ in self.lex.speaker_possessives
            for c in t.children
        )

    def _object_of_title(self, title_tok: Token, m: Mention) -> bool:
        """Whether a name after a title stands after a preposition, with only
        determiners and other titles between ("spokeswoman for House Speaker X")."""
        doc = self.doc
        i = m.tok_start - 1
        while i > title_tok.i and (
            doc[i].pos_ == "DET" or doc[i].lower_ in self.lex.titles or doc[i].dep_ == "compound"
        ):
            i -= 1
        return i > title_tok.i and doc[i].pos_ == "ADP"


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return covers(spans, pos)
