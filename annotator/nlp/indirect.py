"""Indirect (reported) speech: "X said that …", « X a indiqué que … », « selon X, … »."""

from __future__ import annotations

from functools import partial

from spacy.tokens import Doc, Span, Token

from .candidates import _COMPLEMENTIZER_WINDOW, _Candidate, speaker_only
from .clauses import (
    _according_to,
    _clause_end,
    _inside,
    _real_bounds,
    _trim,
    finder_end,
)
from .cues import CueRules
from .entities import Mention
from .indirect_cues import _according_candidate, _cue_after_clauses
from .infinitive_clauses import infinitive_clauses
from .infinitives import infinitive_reports
from .spans import starts_between
from .speaker_names import INSTITUTION

# Tokens that may stand between a reporting verb and "que"/"that".
_BETWEEN_POS = {"ADV", "AUX", "PRON", "PART", "ADP", "DET", "NOUN", "PROPN", "ADJ", "SPACE"}


# What « Pour X, … » must name to report speech.
_POUR_LABELS = {"PERSON", "ORG", INSTITUTION}

# A clause opening with these is a question or an infinitive, not a reported statement.
_NOT_REPORTED = {"whether", "if", "why", "how", "what", "when", "where", "who", "to", "«", "“"}


def _subject_speaker(finder: CueRules, verb: Token) -> Mention | None:
    """The speaker of a reporting verb: its subject, or its governing verb's subject."""
    found = finder.reporter(verb)
    if found is not None or finder.has_common_subject(verb):
        return found
    # A name right before the verb, whatever the parse says ("De Croo a indiqué").
    i = verb.i - 1
    while i >= 0 and finder.doc[i].pos_ in ("AUX", "ADV"):
        i -= 1
    if i >= 0 and (m := finder.res.mention_at(i)) is not None:
        return finder.res.canonical(m)
    # Inversion: "a-t-il indiqué que"
    for i in range(max(0, verb.i - 3), min(len(finder.doc), verb.i + 3)):
        low = finder.doc[i].lower_
        if low.startswith("-") and low in finder.lex.pronouns:
            return finder.res.resolve_pronoun(low, finder.doc[i].idx)
    return None


def indirect_candidates(finder: CueRules, quoted: list[tuple[int, int]]) -> list[_Candidate]:
    """Reported speech outside quotation marks."""
    doc, text, lex = finder.doc, finder.text, finder.lex
    out: list[_Candidate] = []
    for sent, real_start, real_end in _real_bounds(doc):
        first_word = next((t for t in sent if not t.is_space and not t.is_punct), None)
        last: _Candidate | None = None  # the sentence's last "que"/"that" clause
        for tok in sent:
            if _inside(tok.idx, quoted):
                continue
            low = tok.lower_
            # « avait déclaré à CBC/Radio-Canada que « … » »: a « que » the tagger takes
            # for a relative pronoun still marks the clause it opens.
            if low in lex.complementizers and (tok.pos_ in ("SCONJ", "ADP") or tok.dep_ == "mark"):
                verb = _verb_before(finder, tok, sent)
                if verb is None:
                    if last is not None and _coordinated(doc, text, last.end, tok):
                        # « a assuré que …, mais que … »: one report in two clauses;
                        # but where a quotation inside a report is coded alone (English),
                        # 'said A and that “B”' is the report A and the partial quote B.
                        end = _clause_end(finder, tok, real_end, quoted)
                        marked = starts_between(quoted, tok.idx, end)
                        if marked and lex.partial_in_reported == "partial":
                            start = tok.idx + len(tok.text)
                            out.append(
                                _Candidate(
                                    last.anchor,
                                    "indirect",
                                    *_trim(text, start, end),
                                    last.cue,
                                    last.speaker,
                                )
                            )
                        else:
                            last.end = _trim(text, last.end, end)[1]
                    continue
                start, end = _trim(
                    text, tok.idx + len(tok.text), _clause_end(finder, tok, real_end, quoted)
                )
                if end - start < 3:
                    continue
                last = _Candidate(
                    verb.idx,
                    "indirect",
                    start,
                    end,
                    finder.cue_span(verb.i),
                    partial(_subject_speaker, finder, verb),
                )
                out.append(last)
                continue
            seq = _according_to(doc, tok, lex.according_to)
            person_only_seq = 0 if seq else _according_to(doc, tok, lex.according_to_person)
            if seq or person_only_seq:
                cand = _according_candidate(
                    finder, sent, tok, seq or person_only_seq, first_word, (real_start, real_end)
                )
                if cand is not None and person_only_seq:
                    # Only sentence-initial « Pour X, … » naming a person, an organisation
                    # or an institution reports speech (« Pour le syndicat, … »; not
                    # « Pour le moment, … »).
                    found = cand.speaker()
                    initial = first_word is not None and first_word.i == tok.i
                    if not initial or found is None or found.entity.label not in _POUR_LABELS:
                        cand = None
                if cand is not None and last is not None and cand.start < last.end:
                    # « X a estimé que …, selon un communiqué »: the report is the clause.
                    cand = None
                if cand is not None:
                    out.append(cand)
    out.extend(_bare_clauses(finder, quoted, out))
    out.extend(_cue_after_clauses(finder, quoted, out))
    out.extend(infinitive_reports(finder, quoted, out, partial(_subject_speaker, finder)))
    out.extend(infinitive_clauses(finder, quoted, out, partial(_subject_speaker, finder)))
    for c in out:
        c.speaker = partial(speaker_only, c.speaker)
    return out


def _bare_clauses(
    finder: CueRules, quoted: list[tuple[int, int]], found: list[_Candidate]
) -> list[_Candidate]:
    """Reported clauses without "that": 'Brooks said she rode the bus', the reporting
    verb's clausal complement in the dependency parse."""
    doc, text = finder.doc, finder.text
    taken = [(c.start, c.end) for c in found]
    out: list[_Candidate] = []
    for verb in doc:
        if not finder.is_cue_verb(verb) or _inside(verb.idx, quoted):
            continue
        for comp in verb.children:
            if comp.dep_ != "ccomp" or comp.i < verb.i:
                continue
            left, right = comp.left_edge, comp.right_edge
            if left.i <= verb.i or left.is_quote or _inside(left.idx, quoted):
                continue
            if left.lower_ in _NOT_REPORTED or any(
                c.dep_ == "mark" and c.lower_ in finder.lex.complementizers for c in comp.children
            ):
                continue
            right_i = right.i
            if finder.lex.partial_in_reported == "partial":
                right_i = _before_quoted_conjunct(finder, left.i, right_i, quoted)
            whole = _trim(text, left.idx, finder_end(doc, right_i))
            if whole[1] - whole[0] < 3 or any(s < whole[1] and whole[0] < e for s, e in taken):
                continue
            # 'said A but insisted B': the report ends where the narration takes over
            last = _clause_end(finder, doc[left.i - 1], finder_end(doc, right_i), quoted)
            start, end = _trim(text, left.idx, last)
            if end - start < 3:
                continue
            taken.append((start, end))
            out.append(
                _Candidate(
                    verb.idx,
                    "indirect",
                    start,
                    end,
                    finder.cue_span(verb.i),
                    partial(_subject_speaker, finder, verb),
                )
            )
    return out


def _before_quoted_conjunct(
    finder: CueRules, left: int, right: int, quoted: list[tuple[int, int]]
) -> int:
    """'said his defender had not touched the ball and that the officials had “…”': the
    last token before "and that" when a quotation follows it (coded as a partial quote)."""
    doc = finder.doc
    for i in range(left + 1, right):
        if doc[i].pos_ == "CCONJ" and doc[i + 1].lower_ in finder.lex.complementizers:
            after = doc[i + 1].idx
            if starts_between(quoted, after, doc[right].idx + 1):
                return i - 1
    return right


def _coordinated(doc: Doc, text: str, prev_end: int, comp: Token) -> bool:
    """Whether only punctuation and a conjunction stand between prev_end and comp."""
    if comp.i == 0 or prev_end > comp.idx:
        return False
    between: list[Token] = []
    i = comp.i - 1
    while i >= 0 and doc[i].idx >= prev_end and len(between) <= 3:
        between.append(doc[i])
        i -= 1
    return (
        0 < len(between) <= 3
        and any(t.pos_ == "CCONJ" for t in between)
        and all(t.pos_ == "CCONJ" or t.is_punct or t.is_space for t in between)
    )


def _verb_before(finder: CueRules, comp: Token, sent: Span) -> Token | None:
    doc = finder.doc
    for i in range(comp.i - 1, max(sent.start, comp.i - _COMPLEMENTIZER_WINDOW) - 1, -1):
        t = doc[i]
        if finder.is_cue_verb(t):
            return t
        if t.text == ",":
            continue  # « a fait valoir, dans un communiqué, que … »
        if t.pos_ not in _BETWEEN_POS or t.is_punct:
            return None
    return None
