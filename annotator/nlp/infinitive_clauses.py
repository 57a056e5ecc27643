"""Reports in an infinitive after « de », « à » or none: « X a promis de défendre … », « a
dit ressentir … », « appelle les États à taxer … », « s'est dit prêt à examiner … » — the
infinitive clause (or what « se dire » calls oneself) is what was said, its speaker the
reporting verb's. Found on the words, the parse often hanging such infinitives elsewhere;
the English "to"-infinitives, which the parse gets right, are infinitives.py's."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from spacy.tokens import Token

from .candidates import _Candidate
from .clauses import _clause_end, _inside, _is_finite, _real_bounds, _trim
from .cues import CueRules
from .entities import Mention
from .report_words import get_report_words

# How many tokens may stand between the verb and its infinitive (« appelle les États
# membres à taxer », « a promis jeudi de défendre »).
_WINDOW = 6
# What may stand there: adverbs, when, whom it was asked of.
_BETWEEN_POS = {"ADV", "DET", "NOUN", "PROPN", "ADJ", "NUM"}
# What may stand between « de »/« à » and the infinitive: negation and clitics.
_BEFORE_INFINITIVE_POS = {"ADV", "PRON"}


def infinitive_clauses(
    finder: CueRules,
    quoted: list[tuple[int, int]],
    found: list[_Candidate],
    speaker_of: Callable[[Token], Mention | None],
) -> list[_Candidate]:
    """Infinitive clauses of the reporting verbs that take them (data/reports_<lang>.json),
    where no other report was found."""
    words = get_report_words(finder.lex.language)
    if not words.infinitive_cues:
        return []
    doc, text = finder.doc, finder.text
    taken = [(c.start, c.end) for c in found]
    out: list[_Candidate] = []
    for _sent, real_start, real_end in _real_bounds(doc):
        lo = finder.token_at(real_start)
        hi = finder.token_at(max(real_start, real_end - 1))
        for verb in doc[lo : hi + 1]:
            if verb.idx < real_start or not _reports_here(finder, verb, quoted):
                continue
            start = _infinitive_start(finder, verb, hi)
            if start is None:
                continue
            end = _clause_end(finder, doc[start - 1], real_end, quoted)
            s, e = _trim(text, doc[start].idx, end)
            if len(text[s:e].split()) < 2 or any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            cue = finder.cue_span(verb.i)
            out.append(_Candidate(verb.idx, "indirect", s, e, cue, partial(speaker_of, verb)))
    return out


def _reports_here(finder: CueRules, verb: Token, quoted: list[tuple[int, int]]) -> bool:
    """A verb that takes a reported infinitive, conjugated (or a gerund: « en proposant
    de … »), not negated, outside marks."""
    words = get_report_words(finder.lex.language)
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words.infinitive_cues:
        return False
    if _inside(verb.idx, quoted):
        return False
    doc = finder.doc
    before = doc[max(0, verb.i - 3) : verb.i]
    if any(t.lower_ in words.negations for t in before):
        return False  # « n'a pas dit vouloir … »: nothing said
    if any(c.dep_ == "aux:pass" for c in verb.children) or "Pass" in verb.morph.get("Voice", []):
        return False  # « a été accusé d'épouser … »: the report of someone else
    aux = any(t.pos_ == "AUX" for t in before)
    gerund = verb.i > 0 and doc[verb.i - 1].lower_ == "en"
    return _is_finite(verb) or aux or gerund


def _infinitive_start(finder: CueRules, verb: Token, hi: int) -> int | None:
    """The first token of the report after verb: the infinitive (with its negation), or,
    after « se dire », the adjective or noun one calls oneself (« prêt à … »)."""
    doc = finder.doc
    words = get_report_words(finder.lex.language)
    said_oneself = verb.lemma_.lower() in words.reflexive_cues and any(
        t.lower_ in words.reflexives for t in doc[max(0, verb.i - 3) : verb.i]
    )
    for j in range(verb.i + 1, min(hi + 1, verb.i + 1 + _WINDOW)):
        t = doc[j]
        if _is_infinitive(t):
            return j if j == verb.i + 1 or _only_adverbs(finder, verb.i + 1, j) else None
        if t.lower_ in words.infinitive_markers:
            return _after_marker(finder, j, hi)
        if (
            said_oneself
            and t.pos_ in ("ADJ", "NOUN", "VERB")
            and j == verb.i + 1 + _adverbs(finder, verb.i + 1, j)
        ):
            return j  # « s'est dit prêt à … », « s'est dit victime … »
        if t.pos_ not in _BETWEEN_POS and t.lower_ not in finder.lex.time_words:
            return None
    return None


def _after_marker(finder: CueRules, marker: int, hi: int) -> int | None:
    """« de ne pas … », « à taxer »: the infinitive after « de »/« à », its negation and
    clitics included."""
    doc = finder.doc
    for j in range(marker + 1, min(hi + 1, marker + 4)):
        if _is_infinitive(doc[j]):
            return marker + 1
        if doc[j].pos_ not in _BEFORE_INFINITIVE_POS:
            return None
    return None


def _is_infinitive(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") and "Inf" in t.morph.get("VerbForm", [])


def _adverbs(finder: CueRules, i: int, j: int) -> int:
    """How many of the tokens i..j-1 are adverbs or time words."""
    return sum(1 for t in finder.doc[i:j] if t.pos_ == "ADV" or t.lower_ in finder.lex.time_words)


def _only_adverbs(finder: CueRules, i: int, j: int) -> bool:
    return _adverbs(finder, i, j) == j - i
