"""Direct, partial and indirect quotes with their cues, by linear passes over tokens."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from spacy.tokens import Doc, Token

from ..core.models import QuoteKind
from .entities import Mention
from .marks import MarkedSpan
from .spans import QuotedSpans
from .speakers import SPEAKER_LABELS, SpeakerResolver
from .terms import _SENTENCE_END, TermRules

# A cue verb must come within this many tokens of the closing mark ('", a-t-il déclaré').
_AFTER_CUE_WINDOW = 6
# An agent ("par le président X") must come within this many tokens after a partial quote.
_AGENT_WINDOW = 14
# A reporting verb may stand this many tokens before "que"/"that" ("a indiqué à la presse que").
_COMPLEMENTIZER_WINDOW = 8
_CLAUSE_OPENERS = set("\n.!?:…—–-")
_TRAILING = " \t\r\n\u00a0\u202f,;:"
_DASHES = "—–-"


def _no_speaker() -> Mention | None:
    return None


def person_only(find: Callable[[], Mention | None]) -> Mention | None:
    """A person, for marks inside an interviewee's answer: they quote someone else."""
    found = find()
    return found if found is not None and found.entity.label == "PERSON" else None


def speaker_only(find: Callable[[], Mention | None]) -> Mention | None:
    """A speaker is a person, an organisation or an unnamed source, never a place nor a
    dateline's agency tag ("PARIS (AFP) -")."""
    found = find()
    if found is None or found.dateline or found.entity.label not in SPEAKER_LABELS:
        return None
    return found


def _first_found(*finders: Callable[[], Mention | None]) -> Mention | None:
    for find in finders:
        found = find()
        if found is not None:
            return found
    return None


def _const(found: Mention | None) -> Mention | None:
    return found


def _within_any(pos: int, quotes: list[_Candidate]) -> bool:
    return any(q.start <= pos < q.end for q in quotes)


def _within(span: MarkedSpan, reported: list[tuple[int, int]]) -> bool:
    """Whether a quotation starts inside a reported clause (« a estimé que X « … » »)."""
    return any(start <= span.open_pos + 1 and span.start < end for start, end in reported)


@dataclass
class _Candidate:
    anchor: int
    kind: QuoteKind
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: Callable[[], Mention | None]
    # For quotes between marks: the end of the closing mark.
    mark_end: int | None = None
    # Whether the opening mark starts a clause (after a full stop, a colon, a line break).
    opens_clause: bool = False


class QuoteFinder(TermRules):
    """Finds quotes in one parsed document."""

    def __init__(self, doc: Doc, text: str, resolver: SpeakerResolver) -> None:
        self.doc = doc
        self.text = text
        self.res = resolver
        self.lex = resolver.lex
        self._starts = [t.idx for t in doc]
        self._sent_starts: list[int] | None = None
        # Reported speech, found once marked quotes are known (see marked_candidates).
        self.indirect: list[_Candidate] | None = None
        # An interview's question lines (see interview_answers).
        self.questions: list[tuple[int, int]] = []

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

    def marked_candidates(self, spans: list[MarkedSpan]) -> list[_Candidate]:
        """Classify each quotation between marks as direct or partial; leave out titles,
        nicknames and scare quotes, and partial quotes inside reported speech (the
        reported clause is the quote)."""
        from .indirect import indirect_candidates

        text = self.text
        quoted = QuotedSpans((s.open_pos, s.close_pos + 1) for s in spans)
        self.indirect = indirect_candidates(self, quoted)
        reported = sorted((c.start, c.end) for c in self.indirect)
        out = self.interview_answers()
        answers = list(out)
        if out:
            # What is reported inside an answer is part of the answer; what a question
            # reports is the interviewer's paraphrase ("You once said you …?").
            self.indirect = [
                c
                for c in self.indirect
                if not _within_any(c.start, out)
                and not any(s <= c.start < e for s, e in self.questions)
            ]
        prev_direct: _Candidate | None = None
        prev_close = -1
        for span in spans:
            open_tok, close_tok = self.token_at(span.open_pos), self.token_at(span.close_pos)
            k = span.open_pos - 1
            while k >= 0 and text[k] in " \t\u00a0\u202f":
                k -= 1
            before_ch = text[k] if k >= 0 else "\n"
            after = self._after_cue(close_tok)
            before = self._before_cue(open_tok)
            opens_clause = before_ch in _CLAUSE_OPENERS or span.open_pos == 0
            # 'a salué « une écriture d’une précision rare, … »' is a phrase, not a sentence
            opens_upper = text[span.start : span.start + 1].isupper()
            # A cue after the marks reports them only when they open a clause or follow a
            # comma: « un des porte-parole des « Gilets jaunes libres », a précisé … ».
            cue_after = after is not None and (opens_clause or before_ch == ",")
            if not cue_after and self.not_a_quote(span, open_tok, opens_clause):
                continue
            if self._mocks_term(span) or self._named_as(span, open_tok):
                continue
            if after is None and before is None and self.is_recurring_term(span, open_tok):
                continue
            cand: _Candidate
            if after is not None and (opens_clause or before_ch == ","):
                v, fn = after
                cand = _Candidate(
                    span.open_pos,
                    "direct",
                    span.start,
                    span.end,
                    self.cue_span(v),
                    partial(fn, span.open_pos),
                )
            elif before is not None:
                v0, fn0 = before
                cue = self.cue_span(v0) if v0 is not None else None
                kind: QuoteKind = "direct" if (before_ch == ":" or opens_clause) else "partial"
                if kind == "partial" and v0 is not None and self._is_long(span) and opens_upper:
                    kind = "direct"
                cand = _Candidate(
                    span.open_pos,
                    kind,
                    span.start,
                    span.end,
                    cue,
                    partial(fn0, span.open_pos),
                )
            elif (
                before_ch == ","
                and prev_direct is not None
                and prev_close >= 0
                and (len(text[prev_close : span.open_pos].split()) <= 6)
            ):
                # '"First part," he said, "second part."' shares the cue and speaker.
                shared = prev_direct
                cand = _Candidate(
                    span.open_pos,
                    "direct",
                    span.start,
                    span.end,
                    shared.cue,
                    shared.speaker,
                )
            elif opens_clause and self._ends_sentence(span):
                cont = (
                    prev_direct
                    if prev_direct and "\n" not in text[prev_close : span.open_pos]
                    else None
                )
                if cont is not None:
                    # '"…," Blinken said. "More…"': the same speaker goes on.
                    cand = _Candidate(
                        span.open_pos,
                        "direct",
                        span.start,
                        span.end,
                        cont.cue,
                        cont.speaker,
                    )
                else:
                    cand = _Candidate(
                        span.open_pos, "direct", span.start, span.end, None, _no_speaker
                    )
                incise = self._inner_incise(span)
                if incise is not None:
                    # « C’est choquant, déplore X, secrétaire du syndicat. On a … »: the
                    # incise inside the marks names the speaker.
                    v, fn = incise
                    cand.cue, cand.speaker = self.cue_span(v), partial(fn, span.open_pos)
            elif opens_clause and opens_upper and self._is_sentence_like(span):
                # « …présidentielle ! « Etat d’alerte à droite » »: a sentence of its own
                # between marks, even without its full stop, is said, not a fragment.
                cont = (
                    prev_direct
                    if prev_direct and "\n" not in text[prev_close : span.open_pos]
                    else None
                )
                found = self._partial_speaker(span, open_tok, close_tok)
                cand = _Candidate(
                    span.open_pos,
                    "direct",
                    span.start,
                    span.end,
                    cont.cue if cont else None,
                    cont.speaker if cont else partial(_const, found),
                )
            else:
                found = self._partial_speaker(span, open_tok, close_tok)
                # Quoted words inside reported speech are what was said, not scare quotes.
                if self._is_scare_quote(span, found, opens_clause) and not _within(span, reported):
                    continue
                cand = _Candidate(
                    span.open_pos, "partial", span.start, span.end, None, partial(_const, found)
                )
            if cand.kind == "partial" and _within_any(span.open_pos, answers):
                # Marks inside an interviewee's answer quote someone else: a partial
                # quote within the answer, whatever reports it there.
                cand.kind = "partial"
                cand.mark_end, cand.opens_clause = span.close_pos + 1, opens_clause
                cand.speaker = partial(person_only, cand.speaker)
                out.append(cand)
                prev_direct = None
                continue
            inside = cand.kind == "partial" and not opens_clause and _within(span, reported)
            if inside and self.lex.partial_in_reported == "reported":
                continue
            if inside:
                # The partial quote takes the speaker of the report around it; it stands
                # for that report ("partial") or is nested in it ("both").
                around = [c for c in self.indirect if _within(span, [(c.start, c.end)])]
                if self.lex.partial_in_reported == "partial":
                    self.indirect = [c for c in self.indirect if c not in around]
                for c in around[:1]:
                    # Nested words are the reporter's own: "Onslow said that Pellow had
                    # described the errors as “paperwork slips”" quotes Onslow.
                    cand.speaker = partial(_first_found, c.speaker, cand.speaker)
                    cand.cue = cand.cue or c.cue
            cand.mark_end, cand.opens_clause = span.close_pos + 1, opens_clause
            cand.speaker = partial(speaker_only, cand.speaker)
            out.append(cand)
            prev_direct = cand if cand.kind == "direct" else None
            prev_close = span.close_pos
        return out

    def interview_answers(self) -> list[_Candidate]:
        """Question-and-answer interviews: a dash line after a dash line that asks a
        question is the interviewee's answer, a direct quote of the first person named."""
        text = self.text
        out: list[_Candidate] = []
        pos = 0
        asked = False
        for line in text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            stripped = line.strip()
            if not stripped:
                continue
            dash = stripped[:1] in _DASHES and stripped[1:2].isspace()
            if dash and asked:
                lead = start + line.index(stripped[0]) + 1
                while lead < end and text[lead].isspace():
                    lead += 1
                while end > lead and text[end - 1].isspace():
                    end -= 1
                out.append(
                    _Candidate(
                        lead, "direct", lead, end, None, self._interviewee, opens_clause=True
                    )
                )
                asked = False
                continue
            asked = dash and stripped.endswith(("?", "…", "..."))
            if asked:
                self.questions.append((start, end))
        return out

    def _interviewee(self) -> Mention | None:
        persons = self.res.persons
        return self.res.canonical(persons[0]) if persons else None

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

    def _is_sentence_like(self, span: MarkedSpan) -> bool:
        """Four words or more with a verb of their own."""
        if len(self.text[span.start : span.end].split()) < 4:
            return False
        lo, hi = self.token_at(span.start), self.token_at(max(span.start, span.end - 1))
        return any(self.doc[k].pos_ in ("VERB", "AUX") for k in range(lo, hi + 1))

    def _is_long(self, span: MarkedSpan) -> bool:
        return len(self.text[span.start : span.end].split()) >= 8

    def _ends_sentence(self, span: MarkedSpan) -> bool:
        inner = self.text[span.start : span.end].rstrip()
        rest = self.text[span.close_pos + 1 : span.close_pos + 40].lstrip(" \t\u00a0\u202f")
        return (inner[-1:] in _SENTENCE_END and not rest[:1].islower()) or rest[:1] in (
            "",
            "\n",
            ".",
        )
