"""Per-language cue lexicons (reporting verbs, titles, pronouns...) read from data/*.json."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


def read_language_data(stem: str, language: str) -> dict[str, Any] | None:
    """The words of one rule family for language (data/{stem}_{language}.json), or None
    when the language has no such file: its rules then do nothing."""
    path = DATA_DIR / f"{stem}_{language}.json"
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@dataclass(frozen=True)
class Lexicon:
    """The words that signal quotes and speakers in one language."""

    language: str
    reporting_verbs: frozenset[str]
    titles: frozenset[str]
    feminine_titles: frozenset[str]
    pronouns: dict[str, str]
    object_pronouns: dict[str, str]
    honorifics: frozenset[str]
    complementizers: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    # « Pour le député X, … »: an attribution only when it names a person.
    according_to_person: tuple[tuple[str, ...], ...]
    agent_markers: frozenset[str]
    euphonic_t: frozenset[str]
    clitics: frozenset[str]
    # Words right before marks that make them something other than a quote: "so-called",
    # « soi-disant »; "nicknamed", « surnommé »; "the film", « le roman », "titled".
    so_called: frozenset[str]
    nickname_cues: frozenset[str]
    work_cues: frozenset[str]
    articles: frozenset[str]
    # A quotation inside reported speech ('said the fine was “a rounding error”'): coded
    # as the partial quote alone ("partial"), as the reported clause that includes it
    # ("reported") or as both, the partial quote nested in the report ("both", the
    # convention of the real-news gold set for both languages).
    partial_in_reported: str
    # Whether lowercase words between marks after a comma of the narration are a partial
    # quote even with a cue after them (« En parallèle, « deux éléments restent … », a
    # relevé X »: French gold) or a direct one ('That being said, "people … shouldn't
    # panic" he said': English gold).
    partial_after_comma: bool = False
    # "A spokeswoman said": a title with one of these is someone not named (yet).
    indefinite: frozenset[str] = frozenset()
    # Letters after a name that are not part of it ("Rachel Onslow KC", "John Smith Jr").
    post_nominals: frozenset[str] = frozenset()
    # « ma mère », "our coach": possessives of the one speaking or spoken to.
    speaker_possessives: frozenset[str] = frozenset()
    # Given names whose gender in this language differs from the worldwide figures of
    # data/first_names.json (French « Jean », « Patrice »); "" means unknown.
    first_names: dict[str, str] = field(default_factory=dict)
    # Common nouns that name an institution speaking (« la préfecture », "the ministry"):
    # an organisation, not an unnamed person.
    institutions: frozenset[str] = frozenset()
    # Inverted impersonal subjects (« a-t-on expliqué ») and the prepositions that then
    # introduce the source (« de source policière », « au Medef »); see inversion.py.
    impersonal: frozenset[str] = frozenset()
    source_prepositions: frozenset[str] = frozenset()
    # Common nouns that report figures, not speech: « selon des chiffres officiels ».
    not_speakers: frozenset[str] = frozenset()
    # Prepositions that join a complement to a described source: « un proche du
    # président », "a spokeswoman for the ministry" (not « dans un communiqué »).
    descriptor_links: frozenset[str] = frozenset()
    # Names that are institutions when they speak (« estime Matignon », "the Kremlin
    # said"), whatever the NER calls them.
    institution_names: frozenset[str] = frozenset()
    # Endings of inflected forms and of the infinitive they come from (« raconte » ->
    # « raconter »), for the forms the lemmatizer gets wrong (« raconte-t-elle »).
    verb_endings: tuple[tuple[str, str], ...] = ()
    # Days, months and times of day: after a cue they say when, not who (« a annoncé
    # dimanche X »).
    time_words: frozenset[str] = frozenset()
    # Nouns that make a sentence-initial « Pour le moment, … » say when, why or how much,
    # not whose view follows (« Pour le syndicat, … »).
    framing_nouns: frozenset[str] = frozenset()
    # « selon laquelle », "according to whom": the report follows, its source is before.
    relative_pronouns: frozenset[str] = frozenset()
    # Words of quantity before a described source, left out of it (« de nombreux
    # observateurs » -> « observateurs »).
    quantifiers: frozenset[str] = frozenset()
    # Words near a list of quotations that make them slogans read or chanted, not said
    # (« pancarte », « scander », "banner", "chant").
    slogan_cues: frozenset[str] = frozenset()
    # Words before marks that name an offence or a charge, not speech (« mis en examen
    # pour », "charged with"); finite verbs excepted (« il a accusé X de « mentir » »).
    charge_cues: frozenset[str] = frozenset()
    # Words a title leaves in lowercase ("Gone with the Wind").
    title_small_words: frozenset[str] = frozenset()
    # "Reuters quoted the official as saying …": verbs whose object (or passive subject)
    # is the speaker of the "as saying" that follows.
    quoted_as: frozenset[str] = frozenset()
    # Words before a reporting verb that make what follows imagined, not said ("as if to
    # say", « comme pour dire »).
    hypothetical_cues: tuple[tuple[str, ...], ...] = ()

    def is_reporting_verb(self, lower: str, lemma: str) -> bool:
        """Whether a token (lowercase form and lemma) is a reporting verb."""
        verbs = self.reporting_verbs
        if lemma in verbs or lower in verbs:
            return True
        for ending, infinitive in self.verb_endings:
            if lower.endswith(ending) and len(lower) > len(ending) + 2:
                stem = lower[: len(lower) - len(ending)]
                # « martèle », « concède »: the infinitive's stem has no grave accent
                for candidate in (stem, stem.replace("è", "e"), stem.replace("è", "é")):
                    if candidate + infinitive in verbs:
                        return True
        return False


@dataclass(frozen=True)
class DatelineRules:
    """Line patterns for datelines and agency tags."""

    agencies: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]


def _lower_set(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@cache
def get_lexicon(language: str) -> Lexicon:
    """Return the lexicon of language, read once from data/<language>.json."""
    raw = json.loads((DATA_DIR / f"{language}.json").read_text("utf-8"))
    return Lexicon(
        language=language,
        reporting_verbs=_lower_set(raw["reporting_verbs"]),
        titles=_lower_set(raw["titles"]),
        feminine_titles=_lower_set(raw.get("feminine_titles", [])),
        pronouns={k.lower(): v for k, v in raw["pronouns"].items()},
        object_pronouns={k.lower(): v for k, v in raw.get("object_pronouns", {}).items()},
        honorifics=_lower_set(raw.get("honorifics", [])),
        complementizers=_lower_set(raw["complementizers"]),
        according_to=tuple(tuple(w.lower() for w in seq) for seq in raw["according_to"]),
        according_to_person=tuple(
            tuple(w.lower() for w in seq) for seq in raw.get("according_to_person", [])
        ),
        agent_markers=_lower_set(raw.get("agent_markers", [])),
        euphonic_t=_lower_set(raw.get("euphonic_t", [])),
        clitics=_lower_set(raw.get("clitics", [])),
        so_called=_lower_set(raw.get("so_called", [])),
        nickname_cues=_lower_set(raw.get("nickname_cues", [])),
        work_cues=_lower_set(raw.get("work_cues", [])),
        articles=_lower_set(raw.get("articles", [])),
        partial_in_reported=raw.get("partial_in_reported", "reported"),
        partial_after_comma=raw.get("partial_after_comma", False),
        indefinite=_lower_set(raw.get("indefinite", [])),
        speaker_possessives=_lower_set(raw.get("speaker_possessives", [])),
        post_nominals=_lower_set(raw.get("post_nominals", [])),
        first_names={k.lower(): v for k, v in raw.get("first_names", {}).items()},
        institutions=_lower_set(raw.get("institutions", [])),
        impersonal=_lower_set(raw.get("impersonal", [])),
        source_prepositions=_lower_set(raw.get("source_prepositions", [])),
        not_speakers=_lower_set(raw.get("not_speakers", [])),
        descriptor_links=_lower_set(raw.get("descriptor_links", [])),
        institution_names=_lower_set(raw.get("institution_names", [])),
        verb_endings=tuple((a, b) for a, b in raw.get("verb_endings", [])),
        time_words=_lower_set(raw.get("time_words", [])),
        framing_nouns=_lower_set(raw.get("framing_nouns", [])),
        relative_pronouns=_lower_set(raw.get("relative_pronouns", [])),
        quantifiers=_lower_set(raw.get("quantifiers", [])),
        slogan_cues=_lower_set(raw.get("slogan_cues", [])),
        charge_cues=_lower_set(raw.get("charge_cues", [])),
        title_small_words=_lower_set(raw.get("title_small_words", [])),
        quoted_as=_lower_set(raw.get("quoted_as", [])),
        hypothetical_cues=tuple(
            tuple(cue.lower().split()) for cue in raw.get("hypothetical_cues", [])
        ),
    )


def fold(word: str) -> str:
    """Lowercase without accents: the keys of the first-name list (« Hélène » -> helene)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _first_name_genders() -> dict[str, str]:
    raw = json.loads((DATA_DIR / "first_names.json").read_text("utf-8"))
    out: dict[str, str] = {}
    for gender in ("f", "m"):
        out.update(dict.fromkeys(raw[gender].split(), gender))
    return out


def first_name_gender(name: str, lex: Lexicon) -> str | None:
    """ "f" or "m" for a given name of clear gender ("Claire", « Jean-Marc »), else None."""
    lower = name.strip(".,").lower()
    for candidate in (lower, lower.split("-")[0]):
        # The language's own list first, with accents (« Michèle » but Italian "Michele").
        for key in (candidate, fold(candidate)):
            if key in lex.first_names:
                return lex.first_names[key] or None
        gender = _first_name_genders().get(fold(candidate))
        if gender is not None:
            return gender
    return None


@cache
def get_dateline_rules() -> DatelineRules:
    """Return the dateline and agency patterns, read once from data/datelines.json."""
    raw = json.loads((DATA_DIR / "datelines.json").read_text("utf-8"))
    return DatelineRules(
        agencies=frozenset(raw["agencies"]),
        patterns=tuple(re.compile(p) for p in raw["patterns"]),
    )
