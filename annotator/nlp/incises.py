"""Incises: a cue with its subject after it, set off by commas after or inside the report
it attributes, without marks — « Ses jours ne sont pas en danger, a précisé la
gendarmerie », « Son client, confie-t-elle, ne fera pas appel », « …, a-t-on appris de
source policière, … ».

How far the report runs (tests/gold/real/README.md): an incise at the end attributes the
sentence before it, up to a colon that introduces it (« Ces données ne sont pas anodines:
… »); an incise inside a sentence that goes on attributes the whole sentence, incise
included, but for a discourse opener before it (« Par exemple, cite-t-elle, … »); the
narration that follows an incise (« en introduisant le débat », « sans préciser … », an
apposition to the speaker) is not reported, and « mais … » after it is a second report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from spacy.tokens import Token

from .candidates import _Candidate
from .clauses import _inside, _is_finite, _is_predicate, _trim, finder_end
from .cues import CueRules
from .entities import Mention
from .inversion import impersonal_source
from .report_words import get_report_words
from .terms import _SENTENCE_END

# How many tokens may stand between the comma and the incise's verb (« , a-t-il ajouté »,
# « , a ensuite précisé », « , a fait savoir »).
_VERB_WINDOW = 5
# How far after the verb its subject may start (« a déclaré dimanche à l'AFP Marine Le Pen »).
_SUBJECT_WINDOW = 7
# Clause starts after an incise that hand over to the narration again.
_NARRATION_POS = {"ADP", "SCONJ"}
# What stands before the subject after an incise's verb: when and to whom, not who.
_BEFORE_SUBJECT_POS = {"ADV", "ADP", "DET", "NUM", "ADJ"}
# A report before an incise shorter than this (in words) is the start of one that goes on
# after it (« Ce qui équivaut, notent-ils, « au plus massif épisode » … »).
_SHORT_REPORT = 4
# Punctuation that stands in a report without ending it.
_INNER_PUNCT = {",", "(", ")", "«", "»", '"', "“", "”", "'", "’"}


@dataclass
class Incise:
    """An incise between the comma at `comma` and the token at `end` (a comma or the end
    of the sentence), its cue verb at `verb`."""

    comma: int
    verb: int
    end: int
    pronoun: Token | None  # the inverted subject (« -t-il »), if any


def incise_reports(
    finder: CueRules, lo: int, hi: int, real: tuple[int, int], quoted: list[tuple[int, int]]
) -> list[_Candidate]:
    """The reports an incise attributes in the written sentence of tokens lo..hi (its
    characters `real`); none when the sentence has no incise."""
    if not get_report_words(finder.lex.language).incises:
        return []
    incise = _first_incise(finder, lo, hi, quoted)
    if incise is None:
        return []
    doc, text = finder.doc, finder.text
    real_start, real_end = real
    start = _report_start(finder, lo, incise.comma, real_start, quoted)
    # « a-t-il ajouté », « a fait savoir », « confie-t-elle »: the incise up to its subject
    last = max(incise.verb, incise.pronoun.i if incise.pronoun is not None else 0)
    cue = (doc[incise.comma + 1].idx, finder_end(doc, last))
    speaker = partial(_speaker, finder, incise)

    def report(a: int, b: int) -> _Candidate:
        s, e = _trim(text, a, b)
        return _Candidate(doc[incise.verb].idx, "indirect", s, e, cue, speaker)

    before_end = doc[incise.comma].idx
    if not _words_outside(finder, start, before_end, quoted):
        return []  # « « … » et « … », rappelle l'institut »: quotations, not a report
    if _quotation_ends(text, start, before_end, quoted):
        return []  # « Quant à son mandat, « la réflexion n'en est pas là », a-t-il jugé »
    if _quotation_opens(finder, start, before_end, quoted):
        return []  # « « Il s'agira de battre Macron », confronté à la crise, … »
    closing = doc[incise.end].text if incise.end <= hi else ""
    if closing == ":":
        return []  # « …, a relevé M. Baradez: la politique … »: the colon introduces it
    after = _next_word(finder, incise.end + 1, hi) if closing == "," else None
    # « Son avocat, Me Delorme, a dénoncé une décision … »: without a verb of its own
    # before the comma nor a pronoun after the verb, the verb has its subject before.
    standalone = incise.pronoun is not None or any(
        _is_finite(t) for t in doc[lo : incise.comma] if t.idx >= start
    )
    if after is None:
        return [report(start, before_end)] if standalone else []
    if _only_openers(finder, lo, incise.comma, start):
        # « Par exemple, cite-t-elle, l'exposition à la lumière … »
        return [report(doc[after].idx, _narration_end(finder, after, hi, real_end))]
    first = doc[after]
    short = len(text[start:before_end].split()) < _SHORT_REPORT
    if first.pos_ != "CCONJ" and (
        short or not (_subject_runs_on(finder, incise) or _hands_over(finder, first))
    ):
        # « La prévention, juge Laurence Weibel, se heurte au fait que … »: one report.
        return [report(start, _narration_end(finder, after, hi, real_end))]
    if not standalone:
        return []
    out = [report(start, before_end)]
    nxt = _next_word(finder, after + 1, hi)
    if first.pos_ == "CCONJ" and nxt is not None and _has_predicate(finder, nxt, hi):
        # « …, a souligné X en introduisant le débat, mais les territoires n'ont pas … »
        out.append(report(doc[nxt].idx, _narration_end(finder, nxt, hi, real_end)))
    return out


def _quotation_opens(finder: CueRules, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether the text opens with a quoted sentence followed by a comma: a direct quote,
    the narration after it (not « « Dans le contexte de … », ces élections seront … »)."""
    text, doc = finder.text, finder.doc
    lead = start + len(text[start:end]) - len(text[start:end].lstrip())
    for s, e in quoted:
        if s == lead and e < end and text[e:end].lstrip()[:1] == ",":
            lo, hi = finder.token_at(s), finder.token_at(e - 1)
            return any(_is_predicate(t) for t in doc[lo : hi + 1])
    return False


def _quotation_ends(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether a quotation that opens a clause (after the start, a comma or a colon) runs
    up to end: a direct quote with its incise, not a report."""
    for s, e in quoted:
        if start <= s and e <= end and not text[e:end].strip():
            lead = text[start:s].rstrip()
            return not lead or lead[-1] in ",:"
    return False


def _first_incise(
    finder: CueRules, lo: int, hi: int, quoted: list[tuple[int, int]]
) -> Incise | None:
    doc = finder.doc
    for i in range(lo + 1, hi):
        if doc[i].text == "," and not _inside(doc[i].idx, quoted):
            found = _incise_at(finder, i, hi)
            if found is not None:
                return found
    return None


def _incise_at(finder: CueRules, comma: int, hi: int) -> Incise | None:
    """The incise opening at comma: auxiliaries and adverbs, a finite reporting verb (or
    its participle after an auxiliary), then its subject — an inverted pronoun or a noun
    phrase after the verb."""
    doc, lex = finder.doc, finder.lex
    words = get_report_words(lex.language)
    pronoun: Token | None = None
    aux = False
    for v in range(comma + 1, min(hi, comma + 1 + _VERB_WINDOW)):
        t = doc[v]
        low = t.lower_
        if low in lex.euphonic_t or (low in words.reflexives and v == comma + 1):
            continue  # « a-t-il », « , s'est félicité le ministre »
        if low in words.inverted_subjects:
            pronoun = t
            continue
        if t.pos_ == "AUX" and not _cue_word(finder, t, words.incise_verbs):
            aux = True
            continue
        if t.pos_ == "ADV" and v > comma + 1:
            continue  # « a ensuite précisé », « a d'ailleurs souligné »
        if t.lemma_.lower() in words.caused_cues.values() and t.pos_ in ("VERB", "AUX"):
            continue  # « fait » before « savoir »
        if not _incise_verb(finder, t, comma):
            return None
        if "3" not in (t.morph.get("Person", []) or ["3"]):
            return None  # « , citons le commissaire »: the writer's own verb
        if not (_is_finite(t) or aux or t.pos_ not in ("VERB", "AUX")):
            return None  # « un rendez-vous qualifié de … »: a participle reports nothing
        return _with_subject(finder, comma, v, hi, pronoun)
    return None


def _incise_verb(finder: CueRules, t: Token, comma: int) -> bool:
    """Whether t reports as an incise's verb: a reporting verb, one that reports in an
    incise only, or an infinitive after the verb that makes it report (« fait savoir »)."""
    words = get_report_words(finder.lex.language)
    caused = words.caused_cues.get(t.lower_) or words.caused_cues.get(t.lemma_.lower())
    if caused is not None and finder.doc[t.i - 1].lemma_.lower() == caused:
        return True
    return _cue_word(finder, t, words.incise_verbs) and (
        t.pos_ in ("VERB", "AUX") or _mistagged_verb(finder, t, comma)
    )


def _mistagged_verb(finder: CueRules, t: Token, comma: int) -> bool:
    """« , juge Laurence Weibel, », « , sourit Mme Weibel, »: a reporting verb's form the
    tagger takes for a noun, right after the comma and before a name or a title."""
    doc = finder.doc
    if t.i != comma + 1 or t.i + 1 >= len(doc):
        return False
    nxt = doc[t.i + 1]
    return (
        finder.res.mention_at(nxt.i) is not None
        or nxt.pos_ == "PROPN"
        or nxt.lower_ in finder.lex.honorifics
        or nxt.lower_ in finder.lex.euphonic_t
        or nxt.lower_ in get_report_words(finder.lex.language).inverted_subjects
    )


def _cue_word(finder: CueRules, t: Token, incise_verbs: frozenset[str]) -> bool:
    return finder.is_cue_verb(t) or t.lemma_.lower() in incise_verbs or t.lower_ in incise_verbs


def _with_subject(
    finder: CueRules, comma: int, v: int, hi: int, pronoun: Token | None
) -> Incise | None:
    """The incise of verb v when a subject follows it, up to the next comma."""
    doc, lex = finder.doc, finder.lex
    j = v + 1
    while j <= hi and doc[j].lower_ in lex.euphonic_t:
        j += 1
    if j <= hi and doc[j].lower_ in get_report_words(lex.language).inverted_subjects:
        pronoun, j = doc[j], j + 1
    if pronoun is None and not _subject_follows(finder, j, hi):
        return None
    if any(doc[k].lower_ in lex.complementizers for k in range(j, min(hi + 1, j + 3))):
        return None  # « , a-t-il ajouté, que … »: a clause of its own
    end = j
    while end <= hi and doc[end].text not in (",", ":") and doc[end].text not in _SENTENCE_END:
        end += 1
    return Incise(comma, v, end, pronoun)


def _subject_follows(finder: CueRules, j: int, hi: int) -> bool:
    """Whether a noun phrase, the verb's subject, starts within a few tokens of j, past
    when and to whom it was said (« a déclaré dimanche à l'AFP Marine Le Pen »)."""
    doc = finder.doc
    for k in range(j, min(hi + 1, j + _SUBJECT_WINDOW)):
        t = doc[k]
        if t.pos_ in ("PROPN", "NOUN") or finder.res.mention_at(k) is not None:
            return k == j or doc[k - 1].pos_ != "ADP" or _after_told(finder, j, k)
        if t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON") or t.text in _SENTENCE_END:
            return False
        if t.text == "," or t.pos_ not in _BEFORE_SUBJECT_POS:
            return False
    return False


def _after_told(finder: CueRules, j: int, k: int) -> bool:
    """« raconte à l'AFP Martial Delabroye »: a noun after a preposition is whom it was
    told to; the subject is the noun phrase after that one."""
    doc = finder.doc
    m = k + 1
    while m < len(doc) and doc[m].pos_ in ("PROPN", "NOUN", "ADJ"):
        m += 1
    return m < len(doc) and doc[m].pos_ in ("DET", "PROPN") and m - j < _SUBJECT_WINDOW + 3


def _speaker(finder: CueRules, incise: Incise) -> Mention | None:
    pos = finder.doc[incise.verb].idx
    source = impersonal_source(finder.doc, finder.lex, finder.res, incise.verb, pos)
    if source is not None:
        return source  # « a-t-on appris de source policière »
    if incise.pronoun is not None:
        return finder.res.resolve_pronoun(incise.pronoun.lower_, pos)
    j = incise.verb + 1
    while j < len(finder.doc) and finder.doc[j].lower_ in finder.lex.euphonic_t:
        j += 1
    return finder.res.resolve_noun_phrase(j, pos)


def _report_start(
    finder: CueRules, lo: int, comma: int, real_start: int, quoted: list[tuple[int, int]]
) -> int:
    """Where the report before an incise starts: the sentence's start, or after a colon or
    a dash that introduces it (« Ces données ne sont pas anodines: … », « Toulouse — »)."""
    doc = finder.doc
    start = real_start
    for k in range(lo, comma):
        t = doc[k]
        if t.text in (":", "—", "–", "|", "!", "?") and not _inside(t.idx, quoted):
            start = t.idx + len(t.text)
    return start


def _only_openers(finder: CueRules, lo: int, comma: int, start: int) -> bool:
    """Whether nothing but a discourse opener stands before the incise (« Au final, »)."""
    openers = get_report_words(finder.lex.language).openers
    words = [t for t in finder.doc[lo:comma] if t.idx >= start and not (t.is_punct or t.is_space)]
    return bool(words) and all(t.lower_ in openers for t in words)


def _subject_runs_on(finder: CueRules, incise: Incise) -> bool:
    """« , détaille cette experte qui avait consacré sa thèse, déjà en 1996, … »: a clause
    inside the subject; what follows is about the speaker."""
    doc = finder.doc
    rel = finder.lex.relative_pronouns
    return any(
        doc[k].lower_ in rel or (_is_finite(doc[k]) and k != incise.verb)
        for k in range(incise.verb + 1, incise.end)
        if doc[k].pos_ in ("PRON", "VERB", "AUX")
    )


def _hands_over(finder: CueRules, first: Token) -> bool:
    """Whether what follows an incise's comma is the narration again: a preposition or
    conjunction (« sans préciser … », « lors de … »), a participle or gerund, a relative
    pronoun, or a name in apposition to the speaker (« , Muriel Pénicaud. »)."""
    relative = (
        "Rel" in first.morph.get("PronType", []) or first.lower_ in finder.lex.relative_pronouns
    )
    if first.pos_ in _NARRATION_POS or relative:
        return True
    if first.pos_ in ("VERB", "AUX") and not _is_finite(first):
        return True
    if first.pos_ == "PROPN" or finder.res.mention_at(first.i) is not None:
        return not _has_predicate(finder, first.i, len(finder.doc) - 1)
    return first.pos_ in ("NOUN", "ADJ")  # « , secrétaire général du syndicat »


def _has_predicate(finder: CueRules, i: int, hi: int) -> bool:
    """Whether a finite verb comes before the next comma or the end of the sentence."""
    doc = finder.doc
    for k in range(i, min(hi + 1, len(doc))):
        if doc[k].text in _SENTENCE_END or (doc[k].text == "," and k > i):
            return False
        if _is_finite(doc[k]):
            return True
    return False


def _narration_end(finder: CueRules, i: int, hi: int, real_end: int) -> int:
    """The end of a report that goes on after an incise: the sentence's end, or the comma
    before a gerund, a participle or a conjunction that hands over to the narration."""
    doc = finder.doc
    for k in range(i + 1, hi):
        if doc[k].text != "," or k + 1 > hi:
            continue
        nxt = doc[k + 1]
        if nxt.lower_ in ("tandis", "pendant") or (
            nxt.lower_ == "en" and k + 2 <= hi and doc[k + 2].pos_ == "VERB"
        ):
            return doc[k].idx
    return real_end


def _words_outside(finder: CueRules, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether a word other than a conjunction stands between start and end outside marks."""
    doc = finder.doc
    return any(
        not (t.is_punct or t.is_space or t.pos_ == "CCONJ") and not _inside(t.idx, quoted)
        for t in doc[finder.token_at(start) : finder.token_at(max(start, end - 1)) + 1]
        if start <= t.idx < end
    )


def _next_word(finder: CueRules, i: int, hi: int) -> int | None:
    doc = finder.doc
    for k in range(i, hi + 1):
        if not (doc[k].is_space or doc[k].text in _INNER_PUNCT):
            return k if doc[k].text not in _SENTENCE_END else None
    return None
