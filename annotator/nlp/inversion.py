"""Inverted impersonal subjects that name their source after the verb: « …, a-t-on
expliqué de source policière », « …», s'inquiète-t-on au Medef ». « On » says nobody; the
place or the source the verb is told from is who speaks (tests/gold/real/README.md: a
source as written, an organisation by its name)."""

from __future__ import annotations

from spacy.tokens import Doc

from .entities import Mention
from .lexicon import Lexicon
from .speakers import SpeakerResolver

# How many tokens after the verb the preposition of the source may stand (« a-t-on appris
# lundi de sources policières »).
_SOURCE_WINDOW = 4


def impersonal_source(
    doc: Doc, lex: Lexicon, res: SpeakerResolver, v: int, pos: int
) -> Mention | None:
    """The source after a cue verb at v whose subject is an inverted « on », if any."""
    if not _inverted_on(doc, lex, v):
        return None
    j = v + 1
    while j < len(doc) and (doc[j].lower_ in lex.euphonic_t or doc[j].lower_ in lex.impersonal):
        j += 1
    for k in range(j, min(len(doc) - 1, j + _SOURCE_WINDOW)):
        t = doc[k]
        if t.is_punct or "\n" in t.text:
            return None
        if t.lower_ in lex.source_prepositions:
            return _source_at(doc, res, k + 1, pos)
        if t.lower_ not in lex.time_words:
            return None
    return None


def _inverted_on(doc: Doc, lex: Lexicon, v: int) -> bool:
    """ "-on" right before the verb (« a-t-on expliqué ») or right after it
    (« s'inquiète-t-on »), past the euphonic « -t »."""
    for step in (-1, 1):
        k = v + step
        while 0 <= k < len(doc) and doc[k].lower_ in lex.euphonic_t:
            k += step
        if 0 <= k < len(doc) and doc[k].lower_ in lex.impersonal:
            return True
    return False


def _source_at(doc: Doc, res: SpeakerResolver, i: int, pos: int) -> Mention | None:
    """The name or the described source at token i, past its determiners (the source
    is what the verb is told from, which resolve_noun_phrase would take for whom)."""
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    return res.resolve_token(doc[i], pos, describe=True) if i < len(doc) else None
