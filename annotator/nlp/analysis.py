"""Turn a parsed Doc into an Analysis: entities and quotes on the original text."""

from __future__ import annotations

from spacy.tokens import Doc

from ..core.models import Analysis, Quote
from .entities import Mention, extract_entities
from .indirect import indirect_candidates
from .lexicon import get_lexicon
from .marks import find_marked_spans
from .quotes import QuoteFinder
from .speakers import SpeakerResolver


def build_analysis(doc: Doc, text: str, language: str) -> Analysis:
    """Entities and quotes of text, given its Doc parsed from the normalized text."""
    lex = get_lexicon(language)
    norm = doc.text
    mentions = extract_entities(doc, text, norm, lex)
    spans = find_marked_spans(text)
    quoted = [(s.open_pos, s.close_pos + 1) for s in spans]
    resolver = SpeakerResolver(doc, mentions, lex, quoted)
    finder = QuoteFinder(doc, text, resolver)
    candidates = finder.marked_candidates(spans) + indirect_candidates(finder, quoted)
    # Speakers are resolved in reading order so that pronouns see earlier speakers.
    candidates.sort(key=lambda c: c.anchor)
    quotes: list[Quote] = []
    for c in candidates:
        found = c.speaker()
        speaker = found if isinstance(found, Mention) else None
        if speaker is not None:
            resolver.note_speaker(c.anchor, speaker)
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
                speaker=speaker.entity.text if speaker else None,
                speaker_start=speaker.entity.start if speaker else None,
                speaker_end=speaker.entity.end if speaker else None,
                cue=cue,
            )
        )
    quotes.sort(key=lambda q: (q.start, q.end))
    return Analysis(language=language, entities=[m.entity for m in mentions], quotes=quotes)
