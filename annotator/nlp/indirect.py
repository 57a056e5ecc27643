"""Indirect (reported) speech: "X said that …", « X a indiqué que … », « selon X, … »."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from spacy.tokens import Doc, Span, Token

from .entities import Mention
from .quotes import (
    _COMPLEMENTIZER_WINDOW,
    _SENTENCE_END,
    _TRAILING,
    QuoteFinder,
    _Candidate,
    speaker_only,
)
from .spans import covers, starts_between

# Tokens that may stand between a reporting verb and "que"/"that".
_BETWEEN_POS = {"ADV", "AUX", "PRON", "PART", "ADP", "DET", "NOUN", "PROPN", "ADJ", "SPACE"}


# A clause opening with these is a question or an infinitive, not a reported statement.
_NOT_REPORTED = {"whether", "if", "why", "how", "what", "when", "where", "who", "to", "«", "“"}


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return covers(spans, pos)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and clause punctuation; stop at the first line break."""
    nl = text.find("\n", start, end)
    if nl != -1:
        end = nl
    while start < end and text[start] in _TRAILING:
        start += 1
    while end > start and (text[end - 1] in _TRAILING or text[end - 1] in ".!?…"):
        end -= 1
    return start, end


def _subject_speaker(finder: QuoteFinder, verb: Token) -> Mention | None:
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


def _clause_end(
    finder: QuoteFinder, comp: Token, real_end: int, quoted: list[tuple[int, int]]
) -> int:
    """Character end of the report a complementizer opens: the rest of the written
    sentence, up to where the narration takes over again — "and called it …",
    « et a demandé … » (the speaker's next act), ", selon X", ", a-t-il ajouté", or a
    comma before a finite verb (the end of a relative clause around the report).
    Marks are never cut: the parse often ends a clause at a closing « » »."""
    doc = finder.doc
    last = comp.i
    finite = False  # whether the report has its own verb yet
    i = comp.i + 1
    while i < len(doc) and doc[i].idx < real_end:
        t = doc[i]
        if _inside(t.idx, quoted) or t.is_space:
            last = i if not t.is_space else last
            i += 1
            continue
        if t.text in _SENTENCE_END:
            break
        if t.pos_ == "CCONJ" and _next_act(finder, i + 1):
            break
        if t.text in ",;" and _narration_resumes(finder, i + 1, finite):
            break
        finite = finite or _is_predicate(t)
        last = i
        i += 1
    return finder_end(doc, last)


def _is_finite(t: Token) -> bool:
    return t.pos_ in ("AUX", "VERB") and "Fin" in t.morph.get("VerbForm", [])


def _is_predicate(t: Token) -> bool:
    """A finite verb with its subject ("she was"), not "when first questioned"."""
    verb = t.head if t.pos_ == "AUX" else t
    return _is_finite(t) and any(c.dep_.startswith("nsubj") for c in verb.children)


def _next_verb(doc: Doc, i: int) -> Token | None:
    """The first verb from token i on, past commas, adverbs and auxiliaries."""
    for j in range(i, min(len(doc), i + 4)):
        t = doc[j]
        if t.pos_ == "VERB":
            return t
        if not (t.pos_ in ("ADV", "AUX", "PART") or t.text == "," or t.is_space):
            return None
    return None


def _next_act(finder: QuoteFinder, i: int) -> bool:
    """« et a demandé … », "and called …": a conjunction before a reporting verb with
    no subject of its own is the speaker's next act, not more of the report."""
    verb = _next_verb(finder.doc, i)
    return verb is not None and finder.is_cue_verb(verb)


def _narration_resumes(finder: QuoteFinder, i: int, finite: bool) -> bool:
    """Whether what follows a comma inside a report is the narration again."""
    doc, lex = finder.doc, finder.lex
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc):
        return False
    t = doc[i]
    if _according_to(doc, t, lex.according_to):
        return True  # ", selon la préfecture", ", according to figures from …"
    if finite and _is_finite(t):
        # "… that she was ill, left …"; not "that Pellow, when questioned, had …"
        return True
    for j in range(i, min(len(doc), i + 4)):
        # ", he said", ", adding that …"; ", a-t-il ajouté" once the report has a verb
        # (not "that Pellow, when questioned, had described …")
        if finder.is_cue_verb(doc[j]) and doc[j].pos_ in ("VERB", "AUX"):
            return finite or any(doc[k].pos_ != "AUX" for k in range(i, j)) or j == i
        if doc[j].pos_ not in ("PRON", "PROPN", "DET", "NOUN", "AUX", "PART"):
            break
    return False


def _real_bounds(doc: Doc) -> list[tuple[Span, int, int]]:
    """Parser sentences with the character bounds of the written sentence around them:
    a parser sentence that does not end with a full stop or a line break runs on."""
    sents = list(doc.sents)
    text = doc.text  # built anew by every doc.text
    ends = [s.end_char for s in sents]
    for k in range(len(sents) - 2, -1, -1):
        if not _closed(doc, sents[k]) and "\n" not in text[ends[k] : sents[k + 1].start_char]:
            ends[k] = ends[k + 1]
    out: list[tuple[Span, int, int]] = []
    start = 0
    for k, sent in enumerate(sents):
        if k == 0 or _closed(doc, sents[k - 1]) or "\n" in text[ends[k - 1] : sent.start_char]:
            start = sent.start_char
        out.append((sent, start, ends[k]))
    return out


def _closed(doc: Doc, sent: Span) -> bool:
    """Whether a parser sentence ends a written sentence or a line."""
    i = sent.end - 1
    while i > sent.start and (doc[i].is_space or doc[i].is_quote or doc[i].text in ")»"):
        if "\n" in doc[i].text:
            return True
        i -= 1
    return doc[i].text in _SENTENCE_END or doc[i].text == ":" or sent.end == len(doc)


def finder_end(doc: Doc, i: int) -> int:
    return doc[i].idx + len(doc[i].text)


def indirect_candidates(finder: QuoteFinder, quoted: list[tuple[int, int]]) -> list[_Candidate]:
    """Reported speech outside quotation marks (found once per finder)."""
    if finder.indirect is not None:
        return finder.indirect
    doc, text, lex = finder.doc, finder.text, finder.lex
    out: list[_Candidate] = []
    for sent, real_start, real_end in _real_bounds(doc):
        first_word = next((t for t in sent if not t.is_space and not t.is_punct), None)
        last: _Candidate | None = None  # the sentence's last "que"/"that" clause
        for tok in sent:
            if _inside(tok.idx, quoted):
                continue
            low = tok.lower_
            if low in lex.complementizers and tok.pos_ in ("SCONJ", "ADP"):
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
                    # Only sentence-initial « Pour X, … » naming a person reports speech.
                    found = cand.speaker()
                    initial = first_word is not None and first_word.i == tok.i
                    if not initial or found is None or found.entity.label != "PERSON":
                        cand = None
                if cand is not None and last is not None and cand.start < last.end:
                    # « X a estimé que …, selon un communiqué »: the report is the clause.
                    cand = None
                if cand is not None:
                    out.append(cand)
    out.extend(_bare_clauses(finder, quoted, out))
    out.extend(_cue_after_clauses(finder, quoted, out))
    for c in out:
        c.speaker = partial(speaker_only, c.speaker)
    return out


_CLOSING_MARKS = '»”"’›'
# « C'est ce qu'a annoncé X », « Voilà ce qu'a affirmé X »: the sentence before is the report.
_POINTS_BACK = re.compile(r"^(?:c['’]est|voilà|voila) ce qu(?:e\b|['’])", re.IGNORECASE)


def _cue_after_clauses(
    finder: QuoteFinder, quoted: list[tuple[int, int]], found: list[_Candidate]
) -> list[_Candidate]:
    """Reports whose cue comes after them, without marks: « Ses jours ne sont pas en
    danger, a précisé la gendarmerie », "…, the ministry said", and « C'est ce qu'a
    annoncé X » after the sentence it points back to."""
    doc = finder.doc
    taken = [(c.start, c.end) for c in found]
    out: list[_Candidate] = []
    bounds = sorted({(start, end) for _, start, end in _real_bounds(doc)})
    previous: tuple[int, int] | None = None
    for real_start, real_end in bounds:
        lo, hi = finder.token_at(real_start), finder.token_at(max(real_start, real_end - 1))
        cand = _points_back(finder, lo, hi, real_start, previous) or _trailing_cue(
            finder, lo, hi, real_start, quoted
        )
        previous = (real_start, real_end)
        if cand is None or cand.end - cand.start < 12:
            continue
        if any(s < cand.end and cand.start < e for s, e in taken):
            continue
        if any(s <= cand.start and cand.end <= e for s, e in quoted):
            continue  # all between marks: a direct quote
        taken.append((cand.start, cand.end))
        out.append(cand)
    return out


def _trailing_cue(
    finder: QuoteFinder, lo: int, hi: int, real_start: int, quoted: list[tuple[int, int]]
) -> _Candidate | None:
    doc, text = finder.doc, finder.text
    for i in range(hi, lo, -1):
        t = doc[i]
        if t.text != "," or _inside(t.idx, quoted) or hi - i > 14:
            continue
        if text[: t.idx].rstrip()[-1:] in _CLOSING_MARKS:
            return None  # « … », a-t-il dit: a quotation between marks
        after = finder._after_cue(i)
        if after is None or not (
            finder._inverted(after[0], hi) or _subject_first(finder, i, after[0], hi)
        ):
            continue
        v, speaker = after
        if not (_is_finite(doc[v]) or doc[v - 1].pos_ == "AUX"):
            continue  # « un rendez-vous déjà qualifié de … »: a participle reports nothing
        if any(doc[k].pos_ in ("AUX", "VERB") for k in range(i + 1, after[0])) and not all(
            doc[k].pos_ == "AUX" for k in range(i + 1, after[0])
        ):
            continue
        if not any(_is_finite(doc[k]) for k in range(lo, i)):
            return None  # not a statement: « Des mesures à prendre au sérieux, … »
        start, end = _trim(text, real_start, t.idx)
        return _Candidate(
            doc[v].idx, "indirect", start, end, finder.cue_span(v), partial(speaker, doc[v].idx)
        )
    return None


def _subject_first(finder: QuoteFinder, comma: int, v: int, hi: int) -> bool:
    """ "…, the council said on Tuesday.": a subject between the comma and the verb, and
    nothing after the verb that reports more."""
    doc = finder.doc
    if v <= comma + 1:
        return False
    subject = {"DET", "NOUN", "PROPN", "ADJ", "PRON", "AUX", "ADV", "NUM", "PART", "ADP"}
    if not all(doc[k].pos_ in subject for k in range(comma + 1, v)):
        return False
    return not any(
        doc[k].pos_ in ("VERB", "AUX", "SCONJ") or doc[k].lower_ in finder.lex.complementizers
        for k in range(v + 1, hi + 1)
    )


def _points_back(
    finder: QuoteFinder, lo: int, hi: int, real_start: int, previous: tuple[int, int] | None
) -> _Candidate | None:
    doc, text = finder.doc, finder.text
    if previous is None or not _POINTS_BACK.match(text[real_start : real_start + 20]):
        return None
    for v in range(lo + 2, min(hi, lo + 8)):
        if finder.is_cue_verb(doc[v]) and doc[v].pos_ in ("VERB", "AUX"):
            found = partial(finder.res.resolve_noun_phrase, v + 1, doc[v].idx)
            start, end = _trim(text, *previous)
            return _Candidate(doc[v].idx, "indirect", start, end, finder.cue_span(v), found)
    return None


def _bare_clauses(
    finder: QuoteFinder, quoted: list[tuple[int, int]], found: list[_Candidate]
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
            start, end = _trim(text, left.idx, finder_end(doc, right_i))
            if end - start < 3 or any(s < end and start < e for s, e in taken):
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
    finder: QuoteFinder, left: int, right: int, quoted: list[tuple[int, int]]
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


def _verb_before(finder: QuoteFinder, comp: Token, sent: Span) -> Token | None:
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


def _according_to(doc: Doc, tok: Token, seqs: tuple[tuple[str, ...], ...]) -> int:
    for seq in seqs:
        if tok.lower_ == seq[0] and all(
            tok.i + k < len(doc) and doc[tok.i + k].lower_ == w for k, w in enumerate(seq)
        ):
            return len(seq)
    return 0


def _according_candidate(
    finder: QuoteFinder,
    sent: Span,
    tok: Token,
    seq_len: int,
    first_word: Token | None,
    bounds: tuple[int, int],
) -> _Candidate | None:
    doc, text = finder.doc, finder.text
    np_start = tok.i + seq_len
    comma = None
    sent_start, sent_end = bounds
    # The written sentence, not the parser's: it may cut « Selon | un cadre du parti, … ».
    for i in range(np_start, min(len(doc), np_start + 10)):
        if doc[i].idx >= sent_end:
            break
        if doc[i].text == "," or (doc[i].is_space and "\n" in doc[i].text):
            comma = i
            break
    pos = tok.idx
    speaker: Callable[[], Mention | None] = partial(finder.res.resolve_noun_phrase, np_start, pos)
    if first_word is not None and first_word.i >= tok.i - 1:
        if comma is None or doc[comma].text != ",":
            return None
        appos = _apposed_person(finder, comma)
        if appos is not None:
            # "According to the council's head of transport, Priya Raman, …"
            comma = appos.tok_end
            speaker = partial(finder.res.canonical, appos)
        comma = _past_relative(doc, comma, sent.end)
        start, end = _trim(text, doc[comma].idx + 1, sent_end)
    else:
        # "…, according to the budget office": set off by a comma; not « Entre 6.000
        # personnes selon la préfecture et 15.000 selon les syndicats » (figures' sources).
        if tok.i == 0 or doc[tok.i - 1].text != ",":
            return None
        start, end = _trim(text, sent_start, tok.idx)
    if end - start < 3:
        return None
    cue_end = doc[np_start - 1].idx + len(doc[np_start - 1].text)
    return _Candidate(pos, "indirect", start, end, (tok.idx, cue_end), speaker)


def _past_relative(doc: Doc, comma: int, end: int) -> int:
    """« Pour X, qui tient une librairie, le chantier … »: the comma after a relative
    clause that follows the name, else comma itself."""
    nxt = comma + 1
    relative = nxt < end and (
        "Rel" in doc[nxt].morph.get("PronType", []) or doc[nxt].tag_ in ("WP", "WDT", "WP$")
    )
    if not relative:
        return comma
    for i in range(nxt + 1, min(end, nxt + 16)):
        if doc[i].text == ",":
            return i
    return comma


def _apposed_person(finder: QuoteFinder, comma: int) -> Mention | None:
    """A PERSON mention right after comma and closed by another comma."""
    doc = finder.doc
    if comma + 1 >= len(doc):
        return None
    m = finder.res.mention_at(comma + 1)
    if m is None or m.entity.label != "PERSON" or m.tok_start != comma + 1:
        return None
    if m.tok_end < len(doc) and doc[m.tok_end].text == ",":
        return m
    return None
