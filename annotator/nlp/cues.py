"""Reporting cues around quotation marks: the verb before or after the marks, an incise
inside them, and the subject that names who speaks."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Token

from .entities import Mention
from .inversion import impersonal_source
from .marks import MarkedSpan
from .speakers import SpeakerResolver
from .terms import _SENTENCE_END, TermRules

# A cue verb must come within this many tokens of the closing mark ('", a-t-il déclaré').
_AFTER_CUE_WINDOW = 6
# An agent ("par le président X") must come within this many tokens after a partial quote.
_AGENT_WINDOW = 14
# A reporting verb may stand this many tokens before "que"/"that" ("a indiqué à la presse que").


class CueRules(TermRules):
    """Cue verbs and their speakers in one parsed document (see QuoteFinder)."""

    doc: Doc
    text: str
    res: SpeakerResolver
    _sent_starts: list[int] | None

    def sentence_start(self, i: int) -> int:
        """The first token of token i's sentence (not token.sent, which walks the whole
        sentence: on one 30,000-token sentence, quotes made that quadratic)."""
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.doc.sents]
        return self._sent_starts[bisect.bisect_right(self._sent_starts, i) - 1]

    def cue_span(self, v: int) -> tuple[int, int]:
        """Character span of a cue verb with its auxiliary and inverted pronoun."""
        doc = self.doc
        lo = v
        while lo > 0:
            prev = doc[lo - 1]
            low = prev.lower_
            if (
                low in self.lex.euphonic_t
                or (low.startswith("-") and low in self.lex.pronouns)
                or prev.pos_ == "AUX"
                and lo - 1 >= v - 4
                and prev.whitespace_ != "\n"
            ):
                lo -= 1
            else:
                break
        return doc[lo].idx, doc[v].idx + len(doc[v].text)

    # -- marked quotes ------------------------------------------------------

    def _after_cue(self, close_tok: int) -> tuple[int, Callable[[int], Mention | None]] | None:
        """A cue verb right after the closing mark and a way to find its speaker."""
        doc = self.doc
        j = close_tok + 1
        window: list[int] = []
        while j < len(doc) and len(window) < _AFTER_CUE_WINDOW:
            t = doc[j]
            if t.is_space and "\n" in t.text:
                break
            if t.text in _SENTENCE_END or (t.is_quote and t.text not in ("'",)):
                break
            if not (t.text == "," and not window):
                window.append(j)
            j += 1
        close = doc[close_tok].idx
        comma_led = (close_tok + 1 < len(doc) and doc[close_tok + 1].text == ",") or (
            close > 0 and self.text[close - 1] == ","
        )
        for k, v in enumerate(window):
            if self.res.mention_at(v) is not None:
                continue
            if not self.is_cue_verb(doc[v]) and not (comma_led and self._incise_verb(window, k)):
                continue
            before = window[:k]

            def speaker(pos: int, before: list[int] = before, v: int = v) -> Mention | None:
                # '," Volkova told reporters' with Volkova taken for an organisation, '," the
                # company said': what stands before the verb when no person does.
                source = impersonal_source(doc, self.lex, self.res, v, pos)
                if source is not None:
                    return source  # « a-t-on expliqué de source policière »
                fallback: Mention | None = None
                for i in before:
                    t = doc[i]
                    if t.lower_ in self.lex.pronouns:
                        return self.res.resolve_pronoun(t.lower_, pos)
                    m = self.res.mention_at(i)
                    if m is not None and m.entity.label != "PERSON":
                        fallback = fallback or m
                        continue  # '," EU competition chief Sofia Marchetti told': go on
                    if m is not None:
                        return self.res.canonical(m)
                    if t.lower_ in self.lex.titles:
                        return self.res.resolve_noun_phrase(i, pos)
                    if t.dep_.startswith("nsubj") and t.head.i == v and fallback is None:
                        fallback = self.res.describe(t)
                if fallback is not None:
                    return fallback
                # Inversion: '"…," said council leader Sarah Collins' — the parse's subject.
                for child in doc[v].children:
                    if child.dep_.startswith("nsubj") and child.i > v:
                        found = self.res.resolve_token(child, pos, describe=True)
                        if found is not None:
                            return found
                nxt = v + 1
                while nxt < len(doc) and doc[nxt].lower_ in self.lex.euphonic_t:
                    nxt += 1
                return self.res.resolve_noun_phrase(nxt, pos) if nxt < len(doc) else None

            return v, speaker
        return None

    def _incise_verb(self, window: list[int], k: int) -> bool:
        """Whether window[k] is the verb of an incise: '», s’est félicité le ministre',
        '», a-t-il tranché', '," Henley joked': after a quote and a comma, the first verb
        after a subject or auxiliaries reports it, whatever the verb."""
        doc = self.doc
        if doc[window[k]].pos_ != "VERB" or k > 3:
            return False
        allowed = {"AUX", "PRON", "PROPN", "DET", "NOUN", "ADJ", "PART", "SPACE"}
        return all(doc[i].pos_ in allowed and doc[i].text != "," for i in window[:k])

    def _before_cue(
        self, open_tok: int
    ) -> tuple[int | None, Callable[[int], Mention | None]] | None:
        """'X said: "…"' or 'X a déclaré « … »': the cue verb and its subject."""
        doc = self.doc
        j = open_tok - 1
        colon = False
        if j >= 0 and doc[j].text == ":":
            colon, j = True, j - 1
        if j < 0:
            return None
        sent_start = self.sentence_start(open_tok if not colon else j)
        verb = None
        if self.is_cue_verb(doc[j]):
            verb = j
        elif not colon and doc[j].text == "," and j > 0 and self.is_cue_verb(doc[j - 1]):
            verb = j = j - 1  # 'Esper said, “We strongly oppose …”'
        elif colon:
            for k in range(j, max(sent_start, j - 10) - 1, -1):
                if self.is_cue_verb(doc[k]):
                    verb = k
                    break
        if verb is None and not colon:
            return None
        last = j

        def speaker(pos: int) -> Mention | None:
            if verb is not None:
                for head in (doc[verb], doc[verb].head):
                    for child in head.children:
                        if child.dep_.startswith("nsubj") and child.i < open_tok:
                            found = self.res.resolve_token(child, child.idx, describe=True)
                            if found is not None:
                                return found
            else:
                # « BB, avec d'autres comme Kaaris, est devenue une gilet jaune: « … » »,
                # « l'actrice ne peut retenir son ressentiment: « … » »: the subject of the
                # sentence that opens the quotation, before any name nearer the colon.
                root = doc[last]
                while root.head.i != root.i and root.head.i >= sent_start:
                    root = root.head
                for child in root.children:
                    if child.dep_.startswith("nsubj") and sent_start <= child.i < root.i:
                        found = self.res.resolve_token(child, child.idx)
                        if found is not None:
                            return found
            for k in range(verb if verb is not None else last, sent_start - 1, -1):
                m = self.res.mention_at(k)
                if m is not None:
                    return self.res.canonical(m)
                if doc[k].lower_ in self.lex.pronouns:
                    return self.res.resolve_pronoun(doc[k].lower_, doc[k].idx)
            return None

        return verb, speaker

    def _partial_speaker(self, span: MarkedSpan, open_tok: int, close_tok: int) -> Mention | None:
        doc = self.doc
        for j in range(close_tok + 1, min(len(doc), close_tok + _AGENT_WINDOW)):
            t = doc[j]
            if (t.is_space and "\n" in t.text) or t.text in _SENTENCE_END:
                break
            if t.lower_ in self.lex.agent_markers:
                found = self.res.resolve_noun_phrase(j + 1, t.idx)
                if found is not None:
                    return found
        t = doc[min(open_tok + 1, close_tok)]
        # 'Judge Nolan said the firm had ignored “repeated warnings”': the speaker is the
        # subject of the nearest reporting verb above the quote, not of "ignored".
        up = t
        for _ in range(12):
            if up.head.i == up.i:
                break
            up = up.head
            if self.is_cue_verb(up) and not (span.open_pos <= up.idx <= span.close_pos):
                found = self.reporter(up)
                if found is not None:
                    return found
                break
        for _ in range(12):
            for child in t.children:
                inside = span.open_pos <= child.idx <= span.close_pos
                if child.dep_.startswith("nsubj") and not inside:
                    found = self.res.resolve_token(child)
                    if found is not None:
                        return found
            if t.head.i == t.i:
                break
            t = t.head
        return None

    def reporter(self, verb: Token) -> Mention | None:
        """The speaker of a reporting verb: its subject, or that of the verb it depends on
        ("signed an order, saying …")."""
        quoted = self._quoted_as(verb)
        if quoted is not None:
            return self.res.resolve_token(quoted, describe=True)
        t = verb
        for _ in range(4):
            subjects = [c for c in t.children if self._is_subject_of(c, t)]
            if t is not verb and not self.is_cue_verb(t) and t.dep_ != "ROOT":
                # « précisé que la rivière mettrait …, et a demandé »: a verb the parse
                # hangs the report on, inside another clause, lends it no subject.
                subjects = []
            for child in subjects:
                found = self.res.resolve_token(child)
                if found is not None:
                    return found
            if subjects:
                # "a spokeswoman for X said": a subject that names nobody, as described;
                # not the subject of a verb above that reports nothing
                return self.res.describe(subjects[0]) if self.is_cue_verb(t) else None
            if t.head.i == t.i:
                break
            t = t.head
        return None

    def _quoted_as(self, verb: Token) -> Token | None:
        """ "Reuters quoted the US official as saying …", "the government was quoted as
        saying …": the one quoted, not the medium quoting."""
        prep = verb.head
        if prep.lower_ != "as" or prep.head.lemma_.lower() not in self.lex.quoted_as:
            return None
        wanted = ("dobj", "obj", "nsubjpass", "nsubj:pass")
        return next((c for c in prep.head.children if c.dep_ in wanted), None)

    def _is_subject_of(self, c: Token, verb: Token) -> bool:
        if c.dep_.startswith("nsubj") and "expl" not in c.dep_:
            return True
        # « Il a indiqué que … » parsed as an impersonal « il », but not « il a été
        # annoncé que … », which is.
        return (
            c.dep_ == "expl:subj"
            and c.lower_ in self.lex.pronouns
            and self.is_cue_verb(verb)
            and not any(x.dep_ == "aux:pass" for x in verb.children)
        )

    def has_common_subject(self, verb: Token) -> bool:
        """Whether the verb's subject is a common noun ("a spokeswoman", "members")."""
        return any(c.dep_.startswith("nsubj") and c.pos_ == "NOUN" for c in verb.children)

    def _inner_incise(self, span: MarkedSpan) -> tuple[int, Callable[[int], Mention | None]] | None:
        """A cue inverted after a comma inside the marks, in their first sentence:
        « C’est choquant, déplore Thierry Belin, secrétaire … », « …, explique-t-il. »"""
        doc = self.doc
        i = self.token_at(span.start)
        last = self.token_at(max(span.start, span.end - 1))
        while i < last:
            t = doc[i]
            if t.text in _SENTENCE_END:
                return None
            if t.text == ",":
                j = i + 1
                while j < last and doc[j].pos_ == "AUX":
                    j += 1
                if j < last and self.is_cue_verb(doc[j]):
                    after = self._after_cue(i)
                    if after is not None and after[0] == j and self._inverted(j, last):
                        return after
            i += 1
        return None

    def _inverted(self, v: int, last: int) -> bool:
        """Whether a subject follows the verb at v: '-t-il', « Thierry Belin »,
        « la chronobiologiste X », then a comma or the end of the sentence."""
        doc = self.doc
        for j in range(v + 1, min(last + 1, v + _AFTER_CUE_WINDOW + 2)):
            t = doc[j]
            if t.lower_ in self.lex.euphonic_t:
                continue
            if t.lower_ in self.lex.pronouns and t.lower_.startswith("-"):
                return True
            if t.text in (",", ".", "!", "?", "…", ";"):
                return j > v + 1
            if t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") and j == v + 1:
                return False
            if t.pos_ in ("VERB", "SCONJ"):
                return False
        return False
