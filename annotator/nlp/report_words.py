"""Per-language words about reported speech outside marks, from data/reports_<lang>.json:
the verbs that report only in an incise, the openers an incise may follow, what marks the
narration taking over after one."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .lexicon import read_language_data


@dataclass(frozen=True)
class ReportWords:
    """Words of one language about reports whose cue is not before them."""

    # Whether the language's incises are looked for (a language with a file).
    incises: bool
    # Whether a participle after a comma ends a report (« …, obtenant le soutien de X »).
    participles_narrate: bool
    # Verbs that report speech in an incise, with its subject after them, though they
    # report nothing before « que » (« …, a-t-on appris de source policière »).
    incise_verbs: frozenset[str]
    # Infinitives that report with the verb before them (« a fait savoir »: savoir after
    # faire), as {infinitive: the verb before it}.
    caused_cues: dict[str, str]
    # Pronouns after an incise's verb, its subject (« a-t-on appris », « notent-ils »).
    inverted_subjects: frozenset[str]
    # Reflexive pronouns before an incise's verb (« , s'est félicité le ministre »).
    reflexives: frozenset[str]
    # Verbs whose infinitive clause is what was said (« a promis de défendre … »), after
    # one of the markers or bare (« a dit ressentir … »).
    infinitive_cues: frozenset[str]
    infinitive_markers: frozenset[str]
    # Verbs whose reflexive form reports what one calls oneself (« s'est dit prêt à … »).
    reflexive_cues: frozenset[str]
    # Words before a verb that make it report nothing (« n'a pas dit vouloir … »).
    negations: frozenset[str]
    # Words of a discourse opener an incise may follow, not part of the report
    # (« Par exemple, cite-t-elle, … », « Au final, sourit X, … »).
    openers: frozenset[str]


@cache
def get_report_words(language: str) -> ReportWords:
    """Return the report words of language, read once (none for a language without a file)."""
    found = read_language_data("reports", language)
    raw = found or {}

    def lower(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw.get(key, []))

    return ReportWords(
        incises=found is not None,
        participles_narrate=bool(raw.get("participles_narrate", False)),
        incise_verbs=lower("incise_verbs"),
        caused_cues={k.lower(): v.lower() for k, v in raw.get("caused_cues", {}).items()},
        inverted_subjects=lower("inverted_subjects"),
        reflexives=lower("reflexives"),
        infinitive_cues=lower("infinitive_cues"),
        infinitive_markers=lower("infinitive_markers"),
        reflexive_cues=lower("reflexive_cues"),
        negations=lower("negations"),
        openers=lower("openers"),
    )
