"""Turn a parsed Doc into an Analysis: entities and quotes on the original text."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import cast

from spacy.tokens import Doc

from ..core.models import Analysis, Quote, SpeakerType
from .actors import Attribution, find_actors
from .candidates import _Candidate
from .entities import Mention, extract_entities
from .lexicon import Lexicon, get_lexicon
from .marks import find_marked_spans
from .quotes import QuoteFinder
from .spans import QuotedSpans
from .speaker_names import SPEAKER_TYPES
from .speakers import SpeakerResolver


def build_analysis(doc: Doc, text: str, language: str) -> Analysis:
    """Entities, quotes and actors of text, given its Doc parsed from the normalized text."""
    lex = get_lexicon(language)
    norm = doc.text
    mentions = extract_entities(doc, text, norm, lex)
    spans = find_marked_spans(text)
    quoted = QuotedSpans((s.open_pos, s.close_pos + 1) for s in spans)
    resolver = SpeakerResolver(doc, mentions, lex, quoted)
    finder = QuoteFinder(doc, text, resolver)
    candidates = reconcile(*finder.candidates(spans, quoted))
    # Speakers are resolved in reading order so that pronouns see earlier speakers.
    candidates.sort(key=lambda c: c.anchor)
    quotes: list[Quote] = []
    attributions: list[Attribution] = []
    last: tuple[int, Mention] | None = None  # the last quote's speaker, where it spoke
    for c in candidates:
        found = c.speaker()
        speaker = found if isinstance(found, Mention) else None
        if speaker is None and c.kind in ("direct", "partial") and c.carries_speaker:
            speaker = carried_speaker(text, c.anchor, last, resolver, c.kind == "direct")
        if speaker is not None:
            last = (c.anchor, speaker)
            resolver.note_speaker(c.anchor, speaker)
            attributions.append((c.cue, speaker))
        cue = text[c.cue[0] : c.cue[1]] if c.cue else None
        end = c.end
        # English puts the comma before the closing mark: it is not part of what was said.
        while end > c.start + 1 and text[end - 1] in ", ":
            end -= 1
        quotes.append(
            Quote(
                start=c.start,
                end=end,
                text=text[c.start : end],
                kind=c.kind,
                # The original text: a described source's words come from the parse.
                speaker=text[speaker.entity.start : speaker.entity.end] if speaker else None,
                speaker_type=speaker_type(speaker, lex),
                speaker_start=speaker.entity.start if speaker else None,
                speaker_end=speaker.entity.end if speaker else None,
                cue=cue,
            )
        )
    actor_finder = find_actors(doc, text, mentions, lex, resolver, attributions, quoted)
    actors, actor_ids = actor_finder.actors()
    for k, q in enumerate(quotes):
        cluster = actor_finder.cluster_of(q.speaker_start, q.speaker_end)
        if cluster is not None:
            quotes[k] = replace(q, actor_id=actor_ids[id(cluster)])
    quotes.sort(key=lambda q: (q.start, q.end))
    return Analysis(
        language=language, entities=[m.entity for m in mentions], quotes=quotes, actors=actors
    )


def carried_speaker(
    text: str,
    anchor: int,
    last: tuple[int, Mention] | None,
    resolver: SpeakerResolver,
    direct: bool = True,
) -> Mention | None:
    """A paragraph that is only a quotation goes on with the speaker of the paragraph
    before it: the last one quoted there, or else the last one named there as a subject
    (« Thierry Belin, secrétaire du syndicat, ne décolère pas.\n\n« C'est … » »). Quoted
    words with no cue of their own, inside a paragraph, are those of whoever was quoted
    or named last since the paragraph before (« Les heures supplémentaires seront versées
    « sans impôts ni charges » » after the president's words)."""
    line = text.rfind("\n", 0, anchor) + 1
    if direct and text[line:anchor].strip(" \t\u00a0\u202f\"«“„‘'—–-"):
        return None  # not at the start of a paragraph
    k = line - 1
    while k > 0 and text[k - 1].isspace():
        k -= 1
    since = text.rfind("\n", 0, k) + 1 if k > 0 else 0  # the previous paragraph starts here
    if k <= 0 and direct:
        return None
    named = resolver.salient_since(since, anchor)
    quoted = last if last is not None and last[0] >= since else None
    if named is not None and (quoted is None or named[0] > quoted[0]):
        return named[1]
    return quoted[1] if quoted is not None else None


def speaker_type(speaker: Mention | None, lex: Lexicon) -> SpeakerType | None:
    """ "person", "organisation" or "descriptor", from the label the speaker carries;
    « Matignon », "the Kremlin" are institutions whatever the NER calls them."""
    if speaker is None:
        return None
    if speaker.entity.text.replace("’", "'").lower() in lex.institution_names:
        return "organisation"
    return cast("SpeakerType | None", SPEAKER_TYPES.get(speaker.entity.label))


def reconcile(marked: list[_Candidate], indirect: list[_Candidate]) -> list[_Candidate]:
    """Merge quotes between marks with reported speech around them.

    One quote per pair of marks; an indirect span never starts or ends inside marks;
    an indirect span that is exactly a quotation ('« … », selon X') becomes that direct
    quote's attribution; a partial quote inside reported speech takes its speaker.
    """
    by_span: dict[tuple[int, int], _Candidate] = {}
    for c in marked:
        kept = by_span.get((c.start, c.end))
        if kept is None or (kept.cue is None and c.cue is not None):
            by_span[(c.start, c.end)] = c
    marks = sorted(by_span.values(), key=lambda c: c.anchor)
    opens = [c.anchor for c in marks]
    out_indirect: list[_Candidate] = []
    for ind in indirect:
        lo = bisect.bisect_right(opens, ind.start) - 1
        if lo >= 0 and ind.start < _mark_end(marks[lo]):
            ind.start = marks[lo].anchor
        hi = bisect.bisect_left(opens, ind.end) - 1
        if hi >= 0 and ind.end < _mark_end(marks[hi]):
            ind.end = _mark_end(marks[hi])
        inner = marks[bisect.bisect_left(opens, ind.start) : bisect.bisect_left(opens, ind.end)]
        whole = len(inner) == 1 and (inner[0].anchor, _mark_end(inner[0])) == (ind.start, ind.end)
        if whole and inner[0].opens_clause:
            q = inner[0]
            if q.cue is None:
                q.kind, q.cue, q.speaker = "direct", ind.cue, ind.speaker
            continue
        for q in inner:
            if q.kind == "partial":
                q.speaker = partial(_first_speaker, q.speaker, ind.speaker)
                q.cue = q.cue or ind.cue
        out_indirect.append(ind)
    return marks + out_indirect


def _mark_end(c: _Candidate) -> int:
    """Character end of a marked quote, closing mark included."""
    return c.mark_end if c.mark_end is not None else c.end


def _first_speaker(*finders: Callable[[], Mention | None]) -> Mention | None:
    for find in finders:
        found = find()
        if found is not None:
            return found
    return None
