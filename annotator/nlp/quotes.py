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
from .speakers import SpeakerResolver

# A cue verb must come within this many tokens of the closing mark ('", a-t-il déclaré').
_AFTER_CUE_WINDOW = 6
# An agent ("par le président X") must come within this many tokens after a partial quote.
_AGENT_WINDOW = 14
# A reporting verb may stand this many tokens before "que"/"that" ("a indiqué à la presse que").
_COMPLEMENTIZER_WINDOW = 6
_CLAUSE_OPENERS = set("\n.!?:…—–-")
_SENTENCE_END = {".", "!", "?", "…"}
_TRAILING = " \t\r\n\u00a0\u202f,;:"


def _no_speaker() -> Mention | None:
    return None


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


class QuoteFinder:
    """Finds quotes in one parsed document."""

    def __init__(self, doc: Doc, text: str, resolver: SpeakerResolver) -> None:
        self.doc = doc
        self.text = text
        self.res = resolver
        self.lex = resolver.lex
        self._starts = [t.idx for t in doc]

    def token_at(self, char: int) -> int:
        """Index of the token containing char."""
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def is_cue_verb(self, t: Token) -> bool:
        return self.lex.is_reporting_verb(t.lower_, t.lemma_.lower()) and not t.is_punct

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
        for k, v in enumerate(window):
            if not self.is_cue_verb(doc[v]) or self.res.mention_at(v) is not None:
                continue
            before = window[:k]

            def speaker(pos: int, before: list[int] = before, v: int = v) -> Mention | None:
                for i in before:
                    t = doc[i]
                    if t.lower_ in self.lex.pronouns:
                        return self.res.resolve_pronoun(t.lower_, pos)
                    m = self.res.mention_at(i)
                    if m is not None:
                        return self.res.canonical(m)
                    if t.lower_ in self.lex.titles:
                        return self.res.resolve_noun_phrase(i, pos)
                # Inversion: '"…," said council leader Sarah Collins' — the parse's subject.
                for child in doc[v].children:
                    if child.dep_.startswith("nsubj") and child.i > v:
                        found = self.res.resolve_token(child, pos)
                        if found is not None:
                            return found
                nxt = v + 1
                while nxt < len(doc) and doc[nxt].lower_ in self.lex.euphonic_t:
                    nxt += 1
                return self.res.resolve_noun_phrase(nxt, pos) if nxt < len(doc) else None

            return v, speaker
        return None

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
        sent_start = doc[open_tok].sent.start if not colon else doc[j].sent.start
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

    def marked_candidates(self, spans: list[MarkedSpan]) -> list[_Candidate]:
        """Classify each quotation between marks as direct or partial."""
        text = self.text
        out: list[_Candidate] = []
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
                if kind == "partial" and v0 is not None and self._is_long(span):
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
            else:
                cand = _Candidate(
                    span.open_pos,
                    "partial",
                    span.start,
                    span.end,
                    None,
                    partial(self._partial_speaker, span, open_tok, close_tok),
                )
            cand.mark_end, cand.opens_clause = span.close_pos + 1, opens_clause
            out.append(cand)
            prev_direct = cand if cand.kind == "direct" else None
            prev_close = span.close_pos
        return out

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
