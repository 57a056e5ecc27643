"""Direct, partial and indirect quotes with their cues, by linear passes over tokens."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from spacy.tokens import Doc

from ..core.models import QuoteKind
from .candidates import (
    _CLAUSE_OPENERS,
    _DASHES,
    _Candidate,
    _const,
    _first_found,
    _no_speaker,
    _within,
    _within_any,
    person_only,
    speaker_only,
)
from .cues import CueRules
from .entities import Mention
from .indirect import indirect_candidates
from .marks import MarkedSpan
from .spans import QuotedSpans
from .speakers import SpeakerResolver
from .terms import _SENTENCE_END


class QuoteFinder(CueRules):
    """Finds quotes in one parsed document."""

    def __init__(self, doc: Doc, text: str, resolver: SpeakerResolver) -> None:
        self.doc = doc
        self.text = text
        self.res = resolver
        self.lex = resolver.lex
        self._starts = [t.idx for t in doc]
        self._sent_starts: list[int] | None = None
        # Reported speech outside marks, found once per document (see candidates).
        self.indirect: list[_Candidate] = []
        # An interview's question lines (see interview_answers).
        self.questions: list[tuple[int, int]] = []

    def candidates(
        self, spans: list[MarkedSpan], quoted: QuotedSpans
    ) -> tuple[list[_Candidate], list[_Candidate]]:
        """The quotes between marks and the reported speech outside them; reported speech
        is searched once, before the marks are classified (partial quotes inside it take
        its speaker)."""
        self.indirect = indirect_candidates(self, quoted)
        marked = self.marked_candidates(spans)
        return marked, self.indirect

    def marked_candidates(self, spans: list[MarkedSpan]) -> list[_Candidate]:
        """Classify each quotation between marks as direct or partial; leave out titles,
        nicknames and scare quotes, and partial quotes inside reported speech (the
        reported clause is the quote)."""
        text = self.text
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
        chain: list[_Candidate] = []  # the paragraphs so far of a quotation over several
        lists = self.mark_lists(spans)
        terms: set[int] = set()  # the quotations found not to be anyone's words
        scare: list[MarkedSpan] = []  # and those found to be scare quotes
        for n, span in enumerate(spans):
            open_tok, close_tok = self.token_at(span.open_pos), self.token_at(span.close_pos)
            before_ch = self.char_before(span)
            after = self._after_cue(close_tok)
            before = self._before_cue(open_tok)
            opens_clause = before_ch in _CLAUSE_OPENERS or span.open_pos == 0
            # 'a salué « une écriture d’une précision rare, … »' is a phrase, not a sentence
            opens_upper = text[span.start : span.start + 1].isupper()
            # A cue after the marks reports them only when they open a clause or follow a
            # comma: « un des porte-parole des « Gilets jaunes libres », a précisé … ».
            cue_after = after is not None and (opens_clause or before_ch == ",")
            lo, hi = lists[n]
            if (
                self.is_slogan(spans[lo], spans[hi])
                or (n > lo and n - 1 in terms and self.is_short(span))
                or (not cue_after and self.not_a_quote(span, open_tok, opens_clause))
                or self._mocks_term(span)
                or self.names_a_work(span, open_tok)
                or self.is_hypothetical(open_tok)
                or self._named_as(span, open_tok)
                or (not cue_after and before is None and self.is_recurring_term(span, open_tok))
                or (after is None and before is None and self.is_lone_word(span, opens_clause))
                or (not cue_after and before is None and self.is_title_case(span))
                or (after is None and before is None and self.names_a_subject(span))
                or (
                    # 'a “direction discrimination” task', outside reported speech
                    before is None
                    and self.is_short(span)
                    and self.modifies_noun_after(span)
                    and not _within(span, reported)
                )
            ):
                terms.add(n)
                continue
            cand: _Candidate
            if after is not None and (opens_clause or before_ch == ","):
                v, fn = after
                # « Quant à son mandat, « la réflexion n’en est pas là », a-t-il jugé »: marks
                # opening in lowercase after a comma of the narration hold a fragment, where
                # the language's convention says so; after « “Non”, a-t-il lancé, » they go
                # on with the quote.
                mid = self.lex.partial_after_comma and before_ch == "," and not opens_upper
                goes_on = prev_direct is not None and self._words_between(prev_close, span) <= 6
                cand = _Candidate(
                    span.open_pos,
                    "partial" if mid and not goes_on else "direct",
                    span.start,
                    span.end,
                    self.cue_span(v),
                    partial(fn, span.open_pos),
                )
            elif before is not None:
                v0, fn0 = before
                cue = self.cue_span(v0) if v0 is not None else None
                kind: QuoteKind = "direct" if (before_ch == ":" or opens_clause) else "partial"
                if kind == "partial" and v0 is not None and self._is_said_clause(span, opens_upper):
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
                and self._words_between(prev_close, span) <= 6
            ) or (span.continued and prev_direct is not None):
                # '"First part," he said, "second part."' shares the cue and speaker, as
                # does the next paragraph of a quotation that runs over several.
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
                    scare.append(span)
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
                cand.carries_speaker = False
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
            if span.continued and cand.kind == "direct" and chain and cand.cue is not None:
                # « … \n\n« … », a conclu X »: the cue after the last paragraph reports
                # the paragraphs before it that have none of their own.
                for c in chain:
                    if c.cue is None:
                        c.cue, c.speaker = cand.cue, cand.speaker
            chain = [*chain, cand] if span.continued else [cand] if cand.kind == "direct" else []
            prev_direct = cand if cand.kind == "direct" else None
            prev_close = span.close_pos
        return self.drop_known_terms(out, [spans[n] for n in terms], scare)

    def drop_known_terms(
        self, out: list[_Candidate], terms: list[MarkedSpan], scare: list[MarkedSpan]
    ) -> list[_Candidate]:
        """Words judged a title, a name or a term once are one wherever the article puts
        them between marks: “DWTS” named as a subject, later 'said on “DWTS.”'. Not words
        that qualify the noun after them ('“ultra free-market” capitalism'): said
        elsewhere, they are someone's. Words judged scare quotes once are scare quotes
        elsewhere too, unless a cue reports them there (« a dénoncé « X » »)."""
        known = self._term_keys(s for s in terms if not self.modifies_noun_after(s))
        scared = self._term_keys(scare)
        if not known and not scared:
            return out
        kept = []
        for c in out:
            key = self.term_key(c.start, c.end)
            if c.mark_end is not None and (key in known or (key in scared and c.cue is None)):
                continue
            kept.append(c)
        return kept

    def _term_keys(self, spans: Iterable[MarkedSpan]) -> set[str]:
        return {self.term_key(s.start, s.end) for s in spans if self.is_short(s)} - {""}

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

    def _is_sentence_like(self, span: MarkedSpan) -> bool:
        """Four words or more with a verb of their own."""
        if len(self.text[span.start : span.end].split()) < 4:
            return False
        lo, hi = self.token_at(span.start), self.token_at(max(span.start, span.end - 1))
        return any(self.doc[k].pos_ in ("VERB", "AUX") for k in range(lo, hi + 1))

    def _words_between(self, prev_close: int, span: MarkedSpan) -> int:
        """Words between the previous quotation's closing mark and this one's opening."""
        if prev_close < 0:
            return len(self.text[: span.open_pos].split())
        return len(self.text[prev_close : span.open_pos].split())

    def _is_said_clause(self, span: MarkedSpan, opens_upper: bool) -> bool:
        """Marks right after the reporting verb that hold a clause of their own, its
        subject and verb inside them ('Esper said, “We strongly oppose …”', 'Macron said
        “our institutions must continue to evolve”'): the words said, not a fragment."""
        if opens_upper and self._is_long(span):
            return True
        lo, hi = self.token_at(span.start), self.token_at(max(span.start, span.end - 1))
        roots = [
            t
            for t in self.doc[lo : hi + 1]
            if not (lo <= t.head.i <= hi) or t.head.i == t.i
            if not t.is_punct and not t.is_space
        ]
        if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX"):
            return False
        return any(c.dep_.startswith("nsubj") and lo <= c.i <= hi for c in roots[0].children)

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
