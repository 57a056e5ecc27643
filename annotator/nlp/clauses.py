"""Where a reported clause starts and ends: written sentences around the parser's, the
narration taking over again after the report, and « selon X »-like cues."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .candidates import _TRAILING
from .cues import CueRules
from .report_words import get_report_words
from .spans import covers
from .terms import _SENTENCE_END


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


def _clause_end(finder: CueRules, comp: Token, real_end: int, quoted: list[tuple[int, int]]) -> int:
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
        if t.text in _SENTENCE_END or t.text == ":":
            break  # « a jugé impératif que …: « Elles représentent … » »: what she said next
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
    """A finite verb with its subject ("she was"), not "when first questioned" nor a
    relative clause ("an Iranian diplomat, who works for …, was arrested")."""
    verb = t.head if t.pos_ == "AUX" else t
    if verb.dep_ in ("relcl", "acl:relcl"):
        return False
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


def _next_act(finder: CueRules, i: int) -> bool:
    """« et a demandé … », "and called …": a conjunction before a reporting verb with
    no subject of its own is the speaker's next act, not more of the report."""
    verb = _next_verb(finder.doc, i)
    return verb is not None and finder.is_cue_verb(verb)


def _narration_resumes(finder: CueRules, i: int, finite: bool) -> bool:
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
    participle = t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm", [])
    if participle and get_report_words(lex.language).participles_narrate:
        # « …, obtenant le soutien de X », « …, opposés à son projet »: about the speaker
        # or a noun, not more of the report
        return True
    for j in range(i, min(len(doc), i + 4)):
        # ", he said", ", adding that …"; ", a-t-il ajouté" once the report has a verb
        # (not "that Pellow, when questioned, had described …")
        relative = doc[j].dep_ in ("relcl", "acl:relcl")  # ", who it described as …"
        if finder.is_cue_verb(doc[j]) and doc[j].pos_ in ("VERB", "AUX") and not relative:
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


def _according_to(doc: Doc, tok: Token, seqs: tuple[tuple[str, ...], ...]) -> int:
    for seq in seqs:
        if tok.lower_ == seq[0] and all(
            tok.i + k < len(doc) and doc[tok.i + k].lower_ == w for k, w in enumerate(seq)
        ):
            return len(seq)
    return 0
