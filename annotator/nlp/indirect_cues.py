"""Reports whose cue stands after or around them, without "que"/"that": « …, a précisé
la gendarmerie », "…, the ministry said", « C'est ce qu'a annoncé X », « selon X, … »."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from spacy.tokens import Doc, Span, Token

from .candidates import _Candidate
from .clauses import _inside, _is_finite, _real_bounds, _trim
from .cues import CueRules
from .entities import Mention
from .incises import incise_reports

_CLOSING_MARKS = '»”"’›'
# How far from the end of its sentence a cue after the report may stand (in tokens).
_TRAILING_WINDOW = 14
# What may stand before an opening mark at the start of a sentence.
_LEAD = " \t\u00a0\u202f«“„‘\"'—–-"
# « C'est ce qu'a annoncé X », « Voilà ce qu'a affirmé X »: the sentence before is the report.
_POINTS_BACK = re.compile(r"^(?:c['’]est|voilà|voila) ce qu(?:e\b|['’])", re.IGNORECASE)


def _cue_after_clauses(
    finder: CueRules, quoted: list[tuple[int, int]], found: list[_Candidate]
) -> list[_Candidate]:
    """Reports whose cue comes after them, without marks: « Ses jours ne sont pas en
    danger, a précisé la gendarmerie », "…, the ministry said", and « C'est ce qu'a
    annoncé X » after the sentence it points back to."""
    doc = finder.doc
    taken = [(c.start, c.end) for c in found]
    out: list[_Candidate] = []
    bounds = sorted({(start, end) for _, start, end in _real_bounds(doc)})
    opened = {end - 1: start for start, end in quoted}  # closing mark -> opening mark
    previous: tuple[int, int] | None = None
    for real_start, real_end in bounds:
        lo, hi = finder.token_at(real_start), finder.token_at(max(real_start, real_end - 1))
        back = _points_back(finder, lo, hi, real_start, previous)
        cands = [back] if back is not None else []
        cands = cands or incise_reports(finder, lo, hi, (real_start, real_end), quoted)
        if not cands:
            trailing = _trailing_cue(finder, lo, hi, real_start, quoted, opened)
            cands = [trailing] if trailing is not None else []
        previous = (real_start, real_end)
        for cand in cands:
            if cand.end - cand.start < 12:
                continue
            if any(s < cand.end and cand.start < e for s, e in taken):
                continue
            if any(s <= cand.start and cand.end <= e for s, e in quoted):
                continue  # all between marks: a direct quote
            taken.append((cand.start, cand.end))
            out.append(cand)
    return out


def _trailing_cue(
    finder: CueRules,
    lo: int,
    hi: int,
    real_start: int,
    quoted: list[tuple[int, int]],
    opened: dict[int, int],
) -> _Candidate | None:
    doc, text = finder.doc, finder.text
    for i in range(hi, lo, -1):
        t = doc[i]
        # 'Children "will have a different view," he said': the comma inside the marks
        inner_comma = t.idx in opened and text[t.idx - 1 : t.idx] == ","
        if hi - i > _TRAILING_WINDOW or not (
            inner_comma or (t.text == "," and not _inside(t.idx, quoted))
        ):
            continue
        mark = t.idx if inner_comma else len(text[: t.idx].rstrip()) - 1
        if mark >= 0 and text[mark] in _CLOSING_MARKS:
            lead = text[real_start : opened.get(mark, real_start)].strip(_LEAD)
            if not lead or lead.endswith(":"):
                return None  # « … », a-t-il dit: a quotation between marks
            # « Le « commando » avait « repéré les lieux », précise-t-elle »: the report,
            # its quoted words nested in it
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
        start, end = _trim(text, real_start, t.idx + (1 if inner_comma else 0))
        return _Candidate(
            doc[v].idx, "indirect", start, end, finder.cue_span(v), partial(speaker, doc[v].idx)
        )
    return None


def _subject_first(finder: CueRules, comma: int, v: int, hi: int) -> bool:
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
    finder: CueRules, lo: int, hi: int, real_start: int, previous: tuple[int, int] | None
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


def _according_candidate(
    finder: CueRules,
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
    if np_start < len(doc) and doc[np_start].lower_ in finder.lex.relative_pronouns:
        # « a précisé la gendarmerie, selon laquelle l'automobiliste a pris la fuite »:
        # what follows is the report, the noun before is who makes it.
        j = tok.i - 1
        while j >= 0 and (doc[j].is_punct or doc[j].is_space):
            j -= 1
        if j < 0 or doc[j].pos_ not in ("NOUN", "PROPN"):
            return None
        start, end = _trim(text, doc[np_start].idx + len(doc[np_start].text), sent_end)
        if end - start < 3:
            return None
        antecedent = doc[j]
        return _Candidate(
            pos,
            "indirect",
            start,
            end,
            (tok.idx, start),
            partial(_antecedent_speaker, finder, antecedent),
        )
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
        lead = range(finder.token_at(sent_start), tok.i - 1)
        if comma is not None and doc[comma].text == ",":
            appos = _apposed_person(finder, comma)
            comma = appos.tok_end if appos is not None else comma
            rest = _rest(finder, comma, sent_end)
            finite = any(_is_finite(doc[k]) for k in lead)
            if rest is not None and _has_own_subject(doc, rest):
                if not finite:
                    # « La veille, selon le ministère, près de 290 000 personnes avaient
                    # manifesté »: set off in the middle of a sentence whose verb and
                    # subject come after it.
                    start, end = _trim(text, doc[comma].idx + 1, sent_end)
            elif rest is not None and (not finite or _goes_on(finder, rest.start)):
                # « La simultanéité des événements n'est, selon les chercheurs, probablement
                # pas une coïncidence »: an aside inside the clause it sources; the report
                # is the whole clause, from its relative pronoun if it is one.
                start, end = _trim(text, _clause_start(doc, lead, sent_start), sent_end)
    if end - start < 3:
        return None
    cue_end = doc[np_start - 1].idx + len(doc[np_start - 1].text)
    return _Candidate(pos, "indirect", start, end, (tok.idx, cue_end), speaker)


def _rest(finder: CueRules, comma: int, sent_end: int) -> range | None:
    """The tokens of the sentence after an aside's closing comma, if the sentence goes on
    with something other than a relative clause about the source."""
    doc = finder.doc
    nxt = comma + 1
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    stop = nxt
    while stop < len(doc) and doc[stop].idx < sent_end:
        stop += 1
    if stop == nxt or (doc[nxt].is_punct and not doc[nxt].is_quote):
        return None
    if "Rel" in doc[nxt].morph.get("PronType", []):
        return None
    return range(nxt, stop)


def _has_own_subject(doc: Doc, rest: range) -> bool:
    """Whether the words after an aside open with a clause of their own: a subject before
    their first finite verb (not « …, selon X, sont descendus … qui avait appelé »)."""
    for k in rest:
        if _is_finite(doc[k]):
            return False
        if doc[k].dep_.startswith("nsubj") and k < doc[k].head.i < rest.stop:
            return True
    return False


def _goes_on(finder: CueRules, i: int) -> bool:
    """ "n'est, selon X, probablement pas …", « qui vise, selon eux, à … »: the word after
    the aside goes on with the predicate before it (not « alors qu'… », a verb, a noun)."""
    doc = finder.doc
    t = doc[i]
    if t.lower_ in finder.lex.complementizers or finder.is_cue_verb(t):
        return False
    if i + 1 < len(doc) and doc[i + 1].pos_ == "SCONJ":
        return False
    return t.pos_ in ("ADV", "ADP", "PART", "ADJ")


def _clause_start(doc: Doc, lead: range, sent_start: int) -> int:
    """Where the clause around an aside starts: at its relative pronoun (« la réforme qui
    vise, selon eux, à … »), else at the sentence's start."""
    for k in range(lead.stop - 1, lead.start - 1, -1):
        t = doc[k]
        if t.text in ",;:":
            break
        if "Rel" in t.morph.get("PronType", []) and t.dep_.startswith("nsubj"):
            return t.idx
    return sent_start


def _antecedent_speaker(finder: CueRules, antecedent: Token) -> Mention | None:
    """Who « selon laquelle » refers to: the noun before it (« la gendarmerie »), or, for
    an idea (« Elle soutient l'idée selon laquelle »), the subject of the verb above it."""
    found = finder.res.resolve_token(antecedent, antecedent.idx, describe=True)
    if found is not None:
        return found
    verb = antecedent.head
    for child in verb.children:
        if child.dep_.startswith("nsubj") and verb.pos_ in ("VERB", "AUX"):
            return finder.res.resolve_token(child, child.idx, describe=True)
    return None


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


def _apposed_person(finder: CueRules, comma: int) -> Mention | None:
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
