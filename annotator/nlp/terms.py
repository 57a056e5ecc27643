"""Quotation marks that are not quotes: titles of works, nicknames, mocked terms and
scare quotes (« les « bassines » », "the so-called “anti-steering” clauses")."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from .entities import Mention
from .lexicon import Lexicon
from .marks import MarkedSpan
from .speaker_names import DESCRIPTOR, INSTITUTION
from .speakers import SpeakerResolver

_SENTENCE_END = {".", "!", "?", "…"}
# Marked text this short without a cue or a speaker is a scare quote: les « bassines ».
_SCARE_WORDS = 3
# Marked text longer than this is never taken for a title, a nickname or a term.
_TERM_WORDS = 8
# How far back a nickname cue may stand: "known to the home fans as “Mr Reliable”".
_NICKNAME_WINDOW = 6
_LEADING = "«»“”‘’\"'(¿¡"
# How far around a list of marks a slogan cue may stand: « "…", "…", pouvait-on lire sur
# les pancartes », "protesters chanted “…”".
_SLOGAN_WINDOW = 8
# What may join the items of a list of marks: « "A", "B" et "C" », "“us” and “we”".
_LIST_JOINERS = {",", "et", "and", "ou", "or", "...", "…", "ni", "nor"}
# Who a sentence-initial « Pour X, » names as the source of what it says, besides
# people it describes (« Pour ce chercheur, … »).
_SOURCE_LABELS = {"PERSON", "ORG", INSTITUTION}


class TermRules:
    """Token look-ups and the rules that set marked terms apart from quotes."""

    doc: Doc
    text: str
    lex: Lexicon
    res: SpeakerResolver
    _starts: list[int]

    def token_at(self, char: int) -> int:
        """Index of the token containing char."""
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def is_cue_verb(self, t: Token) -> bool:
        return self.lex.is_reporting_verb(t.lower_, t.lemma_.lower()) and not t.is_punct

    def _words_before(self, open_tok: int, limit: int) -> list[Token]:
        """Up to limit tokens before a mark, within its sentence and line."""
        out: list[Token] = []
        i = open_tok - 1
        while i >= 0 and len(out) < limit:
            t = self.doc[i]
            if "\n" in t.text or t.text in _SENTENCE_END or t.text == ":":
                break
            if not t.is_space and t.text != ",":
                out.append(t)
            i -= 1
        out.reverse()
        return out

    def _title_like(self, words: list[str]) -> bool:
        """ "The Salt Year", « Les Veilleurs de nuit », « le Bulldozer »: a capital first."""
        first = words[0].lstrip(_LEADING)
        for clitic in self.lex.clitics:  # « L’Étranger »
            if first.lower().startswith(clitic) and len(first) > len(clitic):
                first = first[len(clitic) :]
                break
        if first.lower() in self.lex.articles and len(words) > 1:
            first = words[1].lstrip(_LEADING)
        return first[:1].isupper()

    def char_before(self, span: MarkedSpan) -> str:
        """The character before the opening mark, spaces skipped; past the line breaks of
        a paragraph split mid-sentence ("with\n\n"gilets jaunes"\n\nleader …"), where
        the marks open no clause."""
        text = self.text
        k = span.open_pos - 1
        while k >= 0 and text[k] in " \t\u00a0\u202f":
            k -= 1
        if k >= 0 and text[k] == "\n" and self._splits_a_sentence(span, k):
            while k >= 0 and text[k].isspace():
                k -= 1
        return text[k] if k >= 0 else "\n"

    def _splits_a_sentence(self, span: MarkedSpan, k: int) -> bool:
        """Whether line breaks stand before and after the marks, a word or a comma before
        them and a lowercase word after them: one sentence cut into paragraphs."""
        text = self.text
        prev = text[:k].rstrip()
        rest = text[span.close_pos + 1 : span.close_pos + 40]
        after = rest.lstrip()
        return (
            bool(prev)
            and (prev[-1].isalpha() or prev[-1] == ",")
            and "\n" in rest[: len(rest) - len(after)]
            and after[:1].islower()
        )

    def term_key(self, start: int, end: int) -> str:
        """Marked words as compared between their occurrences: casefolded, without the
        final punctuation a comma or a full stop inside the marks adds."""
        return " ".join(self.text[start:end].casefold().rstrip(" .,;:").split())

    def is_hypothetical(self, open_tok: int) -> bool:
        """ "as if to say “You think you got me?”", « comme pour dire « … » »: words no
        one said, only imagined."""
        before = self._words_before(open_tok, 5)
        if not before or not self.is_cue_verb(before[-1]):
            return False
        lead = [t.lower_ for t in before[:-1]]
        return any(
            tuple(lead[-len(cue) :]) == cue
            for cue in self.lex.hypothetical_cues
            if len(cue) <= len(lead)
        )

    def names_a_work(self, span: MarkedSpan, open_tok: int) -> bool:
        """ "Her previous book, “Small Mercies”, won …", « son deuxième roman, « La Saison
        des digues », publié … », « via une pétition : « L'affaire du siècle » »: a title
        with no verb of its own right after a noun of works, a comma or a colon between;
        the verb after it is the sentence's, whatever it is, not a cue."""
        inner = self.text[span.start : span.end].rstrip().rstrip(",")
        words = inner.split()
        if not words or len(words) > _TERM_WORDS or inner[-1] in _SENTENCE_END:
            return False
        i = open_tok - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].text in (",", ":")):
            i -= 1
        if i < 0 or self.doc[i].lower_ not in self.lex.work_cues or "\n" in self.doc[i].text:
            return False
        if not words[0].lstrip(_LEADING)[:1].isupper():  # « L'affaire du siècle »
            return False
        lo, hi = self.token_at(span.start), self.token_at(max(span.start, span.end - 1))
        return not any(self.doc[k].pos_ in ("VERB", "AUX") for k in range(lo, hi + 1))

    def not_a_quote(self, span: MarkedSpan, open_tok: int, opens_clause: bool) -> bool:
        """Marks around a title of a work, a nickname, a term or a so-called thing."""
        inner = self.text[span.start : span.end].rstrip()
        words = inner.split()
        if not words or len(words) > 2 * _TERM_WORDS or inner[-1] in _SENTENCE_END:
            return False
        before = self._words_before(open_tok, _NICKNAME_WINDOW)
        near = before[-2:]
        if any(t.lower_ in self.lex.work_cues for t in near):
            return True  # « une pétition « pour une baisse des prix du carburant … » »
        if any(
            t.lower_ in self.lex.charge_cues and "Fin" not in t.morph.get("VerbForm", [])
            for t in before[-3:]
        ):
            # « mis en examen pour « abus de biens sociaux » », "charged with", even a long
            # one: "detained with “attempt at terrorist murder and preparing …”"
            return True
        if len(words) > _TERM_WORDS:
            return False
        if any(t.lower_ in self.lex.so_called and t.pos_ != "AUX" for t in near) and not any(
            t.pos_ == "AUX" for t in before[-3:-1]
        ):
            return True
        if any(
            t.lower_ in self.lex.nickname_cues
            and t.pos_ in ("VERB", "NOUN", "ADJ")
            and not self.is_cue_verb(t)
            for t in near
        ):
            return True  # « surnommées « bassines » », 'nicknamed "The Wall"'
        titled = self._title_like(words)
        if titled and not opens_clause:
            return True
        return titled and any(t.lower_ in self.lex.nickname_cues for t in before)

    def modifies_noun_after(self, span: MarkedSpan) -> bool:
        """Whether a noun between marks qualifies the noun right after the closing mark
        ('a “direction discrimination” task'; not an adjective: 'an “earnest” retraction')."""
        doc = self.doc
        nxt = self.token_at(span.close_pos) + 1
        if nxt >= len(doc) or doc[nxt].pos_ != "NOUN" or doc[nxt].idx != span.close_pos + 2:
            return False
        lo, hi = self.token_at(span.start), self.token_at(max(span.start, span.end - 1))
        return any(
            doc[k].head.i == nxt and doc[k].dep_ in ("compound", "nmod") and doc[k].pos_ == "NOUN"
            for k in range(lo, hi + 1)
        )

    def mark_lists(self, spans: list[MarkedSpan]) -> list[tuple[int, int]]:
        """For each quotation, the first and last index of the list of quotations it is in
        (« "Le sexisme tue", "la rue est à nous toutes", pouvait-on lire »): quotations
        joined by nothing but commas and conjunctions."""
        bounds = [(k, k) for k in range(len(spans))]
        first = 0
        for k in range(1, len(spans) + 1):
            if k < len(spans):
                between = self.text[spans[k - 1].close_pos + 1 : spans[k].open_pos]
                words = between.replace(",", " , ").split()
                joined = "\n" not in between and all(w.lower() in _LIST_JOINERS for w in words)
                if joined and len(words) <= 2:
                    continue
            for j in range(first, k):
                bounds[j] = (first, k - 1)
            first = k
        return bounds

    def is_slogan(self, first: MarkedSpan, last: MarkedSpan) -> bool:
        """Slogans read or chanted, not said: a slogan cue (« pancarte », « scander »,
        "banner", "chanted") near a list of quotations, in its sentence and line, one
        colon before it allowed (« des slogans soigneusement préparés: "…", "…" »)."""
        cues = self.lex.slogan_cues
        if not cues:
            return False
        doc = self.doc
        near: list[Token] = []
        i = self.token_at(first.open_pos) - 1
        colons = 0
        while i >= 0 and len(near) < _SLOGAN_WINDOW:
            t = doc[i]
            if "\n" in t.text or t.text in _SENTENCE_END or (t.text == ":" and colons):
                break
            colons += t.text == ":"
            near.append(t)
            i -= 1
        i = self.token_at(last.close_pos) + 1
        while i < len(doc) and len(near) < 2 * _SLOGAN_WINDOW:
            t = doc[i]
            if "\n" in t.text or t.text in _SENTENCE_END or t.is_quote:
                break
            near.append(t)
            i += 1
        return any(t.lower_ in cues or t.lemma_.lower() in cues for t in near)

    def is_title_case(self, span: MarkedSpan) -> bool:
        """ "The Big Bang Theory", "Avengers: Endgame": two words or more, every one but
        the small ones capitalised, no final punctuation: a title, even opening a clause."""
        inner = self.text[span.start : span.end].rstrip()
        if inner.endswith((".", ",")) and not inner.endswith(".."):
            inner = inner[:-1]  # American commas and full stops inside: “Dancing with the Stars.”
        words = [w.strip(_LEADING + ":,") for w in inner.split()]
        if not 2 <= len(words) <= _TERM_WORDS or inner[-1:] in _SENTENCE_END:
            return False
        content = [w for w in words if w and w.lower() not in self.lex.title_small_words]
        return bool(content) and all(w[:1].isupper() for w in content)

    def names_a_subject(self, span: MarkedSpan) -> bool:
        """ "“Black Panther” earned $1bn", « « Les Veilleurs » a remporté le prix »: marks
        around the subject of a verb outside them, a verb that reports nothing."""
        doc = self.doc
        inner = self.text[span.start : span.end].rstrip()
        if not inner or inner[-1] in _SENTENCE_END or len(inner.split()) > _TERM_WORDS:
            return False
        lo, hi = self.token_at(span.start), self.token_at(max(span.start, span.end - 1))
        for k in range(lo, hi + 1):
            t = doc[k]
            head = t.head
            if t.dep_.startswith("nsubj") and not lo <= head.i <= hi:
                return head.pos_ in ("VERB", "AUX") and not self.is_cue_verb(head)
        return False

    def is_short(self, span: MarkedSpan) -> bool:
        """Short enough to be a title, a nickname or a term."""
        inner = self.text[span.start : span.end].rstrip()
        return 0 < len(inner.split()) <= _TERM_WORDS

    def is_lone_word(self, span: MarkedSpan, opens_clause: bool) -> bool:
        """« J’ai trébuché souvent. « Burn-out », dépendances … », ". “AKK” is from …": one
        word between marks that opens a clause, with no cue: a term, not someone's words."""
        words = self.text[span.start : span.end].split()
        return opens_clause and len(words) == 1 and words[0][-1:] not in _SENTENCE_END

    def is_recurring_term(self, span: MarkedSpan, open_tok: int) -> bool:
        """« les « gilets jaunes » »: a short noun phrase after a determiner that the
        article uses again is the name of a group or a thing, not someone's words."""
        inner = self.text[span.start : span.end]
        words = inner.split()
        if not words or len(words) > _SCARE_WORDS or inner.rstrip()[-1] in _SENTENCE_END:
            return False
        before = self._words_before(open_tok, 1)
        if not before or before[-1].pos_ not in ("DET", "ADP"):
            return False
        if not hasattr(self, "_folded"):
            self._folded = self.text.casefold()
        return self._folded.count(inner.casefold()) >= 2

    def _mocks_term(self, span: MarkedSpan) -> bool:
        """« la « soi-disant austérité » dénoncée par … »: the marks mock a term."""
        words = self.text[span.start : span.end].split()
        return len(words) <= _SCARE_WORDS and words[0].lower() in self.lex.so_called

    def _is_scare_quote(self, span: MarkedSpan, speaker: Mention | None, opens: bool) -> bool:
        words = len(self.text[span.start : span.end].split())
        if speaker is not None or opens or words > _SCARE_WORDS:
            return False
        # « a réclamé un dispositif « immédiat » »: the words of whoever the reporting
        # verb above them names, even an organisation.
        return not self._reported_by_cue(span) and not self._sourced(span)

    def _sourced(self, span: MarkedSpan) -> bool:
        """« Ce spécimen, « très rare » selon le Muséum, … », « Pour le syndicat, le
        prétexte est « fallacieux » »: a sentence that names the source of what it says
        quotes that source's words."""
        doc = self.doc
        sent = doc[self.token_at(span.start)].sent
        for t in sent:
            if span.open_pos <= t.idx <= span.close_pos:
                continue
            for seq in self.lex.according_to:
                if all(t.i + k < sent.end and doc[t.i + k].lower_ == w for k, w in enumerate(seq)):
                    return True
        first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
        if first is None or (first.lower_,) not in self.lex.according_to_person:
            return False
        nxt = first.i + 1
        if nxt >= sent.end or doc[nxt].pos_ not in ("DET", "PROPN", "PRON", "NOUN"):
            return False  # « Pour ajouter du « piquant » »
        if not any(doc[k].text == "," for k in range(nxt, min(sent.end, nxt + 8))):
            return False
        # « Pour le syndicat, … » names someone; « Pour le moment, … » does not.
        found = self.res.resolve_noun_phrase(nxt, first.idx)
        if found is None:
            return False
        if found.entity.label in _SOURCE_LABELS:
            return True
        framing = self.lex.framing_nouns | self.lex.time_words
        return found.entity.label == DESCRIPTOR and not any(
            doc[k].lower_ in framing for k in range(nxt, min(sent.end, nxt + 3))
        )

    def _reported_by_cue(self, span: MarkedSpan) -> bool:
        """Whether the first verb above the quotation, outside it, is a reporting verb."""
        t = self.doc[self.token_at(span.start)]
        for _ in range(12):
            if t.head.i == t.i:
                return False
            t = t.head
            if t.pos_ == "VERB" and not (span.open_pos <= t.idx <= span.close_pos):
                # Someone must say it: not « un rendez-vous déjà qualifié de « revanche » »;
                # « en clamant leur « haine » », « réclamant la fin de « … » » say who.
                said = any(c.dep_ == "nsubj" for c in t.children) or (
                    "Part" in t.morph.get("VerbForm", []) and "Pres" in t.morph.get("Tense", [])
                )
                return self.is_cue_verb(t) and said
        return False

    def _named_as(self, span: MarkedSpan, open_tok: int) -> bool:
        """'the striker supporters call “The Hammer”, headed …': a short capitalised name
        right after a naming verb, even with a verb after it that could be a cue."""
        words = self.text[span.start : span.end].split()
        if not words or len(words) > _SCARE_WORDS or not self._title_like(words):
            return False
        cues = self.lex.nickname_cues
        near = self._words_before(open_tok, 2)
        return any(t.lower_ in cues or t.lemma_.lower() in cues for t in near)
