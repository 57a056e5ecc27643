"""Reports in an infinitive: "He vowed to keep trying", "Macron called on the nation to
unite", "The agency warned people to stay away from the pills".

A promise, an appeal or a warning reports what was said as the infinitive that follows the
verb, without "that": the gold conventions code "keep trying" as the indirect quote of
"vowed to" (tests/gold/real/README.md). Only the verbs of data/infinitives_<lang>.json do
so ("He tried to leave" reports nothing); a language without that file has none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from spacy.tokens import Token

from .candidates import _Candidate
from .clauses import _inside, _trim, finder_end
from .cues import CueRules
from .entities import Mention
from .lexicon import read_language_data


@dataclass(frozen=True)
class InfinitiveData:
    """Per-language words, from data/infinitives_<lang>.json."""

    #: Lemmas of the verbs that report speech by an infinitive.
    verbs: frozenset[str]
    #: Verbs that do so only with one of these prepositions ("called on X to").
    particles: dict[str, frozenset[str]]
    #: Prepositions that end the report when they hang on its verb ("… quickly after").
    narration: frozenset[str]


@cache
def get_infinitive_data(language: str) -> InfinitiveData | None:
    """The infinitive-report words of language, or None when it has none."""
    raw = read_language_data("infinitives", language)
    if raw is None:
        return None
    return InfinitiveData(
        verbs=frozenset(v.lower() for v in raw["verbs"]),
        particles={k: frozenset(v) for k, v in raw.get("particles", {}).items()},
        narration=frozenset(w.lower() for w in raw.get("narration", [])),
    )


def _reports(verb: Token, data: InfinitiveData) -> bool:
    """Whether the verb is one that reports by an infinitive, with its particle if any."""
    lemma = verb.lemma_.lower()
    if lemma not in data.verbs or verb.pos_ != "VERB":
        return False
    needed = data.particles.get(lemma)
    return needed is None or any(c.lower_ in needed for c in verb.children)


def _last_token(comp: Token, data: InfinitiveData) -> int:
    """The end of the infinitive's clause, before a preposition of the narration that
    hangs on a verb of it ("form a coalition quickly | after an upset victory")."""
    for t in comp.subtree:
        narration = t.dep_ == "prep" and t.lower_ in data.narration
        if t.i > comp.i and narration and t.head.pos_ == "VERB":
            return t.i - 1
    return comp.right_edge.i


def infinitive_reports(
    finder: CueRules,
    quoted: list[tuple[int, int]],
    found: list[_Candidate],
    speaker_of: Callable[[Token], Mention | None],
) -> list[_Candidate]:
    """The infinitive after a verb of promising, urging or warning, as reported speech
    of the verb's subject (speaker_of)."""
    data = get_infinitive_data(finder.lex.language)
    if data is None:
        return []
    doc, text = finder.doc, finder.text
    taken = [(c.start, c.end) for c in found]
    out: list[_Candidate] = []
    for verb in doc:
        if not _reports(verb, data) or _inside(verb.idx, quoted):
            continue
        for comp in verb.children:
            if comp.dep_ != "xcomp" or comp.i < verb.i or comp.pos_ != "VERB":
                continue
            to = [c for c in comp.children if c.dep_ == "aux" and c.tag_ == "TO" and c.i < comp.i]
            if not to:
                continue
            first = doc[to[0].i + 1]
            start, end = _trim(text, first.idx, finder_end(doc, _last_token(comp, data)))
            if end - start < 5 or _inside(start, quoted):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            out.append(
                _Candidate(
                    verb.idx,
                    "indirect",
                    start,
                    end,
                    finder.cue_span(verb.i),
                    partial(speaker_of, verb),
                )
            )
    return out
