"""Persons from what is around a name: an age after it, a first name before it, a title of
a work around it (issue 13: PERSON recall on real news, and no person for a film title)."""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import Lexicon, first_name_gender
from .mentions import Mention, name_like, relabel, token_mention

_OPENERS = '«“"‘„‹'
_CLOSERS = '»”"’“›'
_SPACES = " \t\u00a0\u202f\u2009"
#: Words before an age in years: « Émilie, 27 ans », "Eloise Parry, 21,".
_AGE_WORDS = {"fr": ("ans",), "en": (",", "years")}
#: Articles before a capitalised word that make it no person's name: "the Bill".
_DETERMINERS = {
    "fr": frozenset(["le", "la", "un", "une", "ce", "cette"]),
    "en": frozenset(["the", "a", "an", "this", "that"]),
}
#: At most this many words of a name before an age, or of first names before a surname.
_NAME_WORDS = 3


def persons_in_context(doc: Doc, text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """The mentions with persons found from their context: titles of works in marks
    (« le film « Jeanne Dielman » », "the series “Ray Donovan”") are no persons; a first
    name before a person's surname is part of the name (« Marine » + « Le Pen »); a name
    given an age (« Pamela, 33 ans », "Eloise Parry, 21,") is a person's."""
    out = [_work_title(text, lex, m) for m in mentions]
    out = [_trimmed(doc, text, lex, m) for m in out]
    out = _with_first_names(doc, text, lex, out)
    out = _aged(doc, text, lex, out)
    out = _first_names_alone(doc, text, lex, out)
    out.sort(key=lambda m: (m.entity.start, m.entity.end))
    return out


def _trimmed(doc: Doc, text: str, lex: Lexicon, m: Mention) -> Mention:
    """ "Jeffrey Burnside of": lowercase words at the end are no part of a name; "the Bill",
    « le Président »: a capitalised word after an article is a thing or a title; a given
    name the NER called "misc" (« Pour Tanguy, un étudiant ») is a person's."""
    label = m.entity.label
    if label == "OTHER" and m.tok_end - m.tok_start == 1:
        t = doc[m.tok_start]
        if t.ent_type_ == "MISC" and t.pos_ == "PROPN" and first_name_gender(t.text, lex):
            return relabel(m, "PERSON")  # not "French" (a nationality)
    if label != "PERSON":
        return m
    end = m.tok_end
    while end > m.tok_start + 1 and doc[end - 1].is_stop and doc[end - 1].is_alpha:
        end -= 1
    if end < m.tok_end:
        m = token_mention(doc, text, m.tok_start, end, "PERSON")
    before = doc[m.tok_start - 1] if m.tok_start else None
    if (
        m.tok_end - m.tok_start == 1
        and before is not None
        and before.lower_ in _DETERMINERS.get(lex.language, ())
        and before.pos_ == "DET"  # not "that Obama said"
        and doc[m.tok_start].dep_ != "compound"  # "the Obama administration"
        and (m.tok_end >= len(doc) or doc[m.tok_end].pos_ not in ("NOUN", "PROPN"))
    ):
        return relabel(m, "OTHER")
    return m


def _work_title(text: str, lex: Lexicon, m: Mention) -> Mention:
    """A PERSON mention that is all the words between marks after a word for a work
    ("film", « série », "show") is the work's title."""
    if m.entity.label != "PERSON":
        return m
    s, e = m.entity.start, m.entity.end
    while s > 0 and text[s - 1] in _SPACES:
        s -= 1
    while e < len(text) and text[e] in _SPACES:
        e += 1
    if s == 0 or text[s - 1] not in _OPENERS or e >= len(text) or text[e] not in _CLOSERS:
        return m
    before = text[max(0, s - 40) : s - 1].replace("\n", " ").split()[-3:]
    if any(w.lower().strip(",:;'’") in lex.work_cues for w in before):
        return relabel(m, "OTHER")
    return m


def _with_first_names(doc: Doc, text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """ "Le Pen" after "Marine", "Roy" after "Eleanor Ainge": the first names before a
    surname the NER cut off are part of the person's name, when the first of them is a
    known given name."""
    by_token = {m.tok_start: m for m in mentions if m.tok_end - m.tok_start == 1}
    covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    out = list(mentions)
    for m in mentions:
        if m.entity.label != "PERSON":
            continue
        start = m.tok_start
        first = None
        j = start - 1
        while j >= 0 and start - j <= _NAME_WORDS - 1 and _name_word(doc, j):
            if j in covered and (j not in by_token or by_token[j].entity.label == "PERSON"):
                break
            if first_name_gender(doc[j].text, lex):
                first = j
            j -= 1
        if first is None:
            continue
        replaced = {id(by_token[i]) for i in range(first, start) if i in by_token}
        out = [x for x in out if id(x) not in replaced]
        out[out.index(m)] = token_mention(doc, text, first, m.tok_end, "PERSON")
    return out


def _name_word(doc: Doc, i: int) -> bool:
    t = doc[i]
    return name_like(t.text) and bool(t.whitespace_) and "\n" not in t.whitespace_


def _aged(doc: Doc, text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """« Pamela, 33 ans », "Eloise Parry, 21,": a name given an age is a person's."""
    after = _AGE_WORDS.get(lex.language)
    if after is None:
        return mentions
    out = list(mentions)
    starts = {m.tok_start: m for m in mentions}
    for t in doc:
        if t.lower_ == "old" and lex.language == "en" and t.i >= 3 and t.i + 1 < len(doc):
            # "52-year-old Grace": the age before the name
            if doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in ("year", "years"):
                nxt = t.i + 1
                if (
                    first_name_gender(doc[nxt].text, lex)
                    and name_like(doc[nxt].text)
                    and doc[nxt].dep_ not in ("compound", "amod")  # "a 17-year-old Florida boy"
                ):
                    out = _make_person(doc, text, out, starts, nxt, nxt + 1)
            continue
        if t.text != "," or t.i + 2 >= len(doc) or t.i == 0:
            continue
        age, unit = doc[t.i + 1], doc[t.i + 2]
        if not (age.is_digit and len(age.text) <= 3 and unit.lower_ in after):
            continue
        end = t.i
        begin = end
        while begin > 0 and end - begin < _NAME_WORDS and name_like(doc[begin - 1].text):
            begin -= 1
            if "\n" in doc[begin].whitespace_:
                break
        while begin < end and not first_name_gender(doc[begin].text, lex):
            begin += 1  # "Vers 11h locales, Pamela": the name starts at the given name
        if begin == end:
            continue
        out = _make_person(doc, text, out, starts, begin, end)
    return out


def _make_person(
    doc: Doc, text: str, out: list[Mention], starts: dict[int, Mention], begin: int, end: int
) -> list[Mention]:
    """Tokens begin..end as a person: the mention that is exactly them relabelled, or a new
    mention when none reaches outside them and none is a person already."""
    inside = [m for m in out if m.tok_start < end and begin < m.tok_end]
    if any(m.entity.label == "PERSON" for m in inside):
        return out
    if any(m.tok_start < begin or m.tok_end > end for m in inside):
        return out
    known = starts.get(begin)
    if known is not None and known.tok_end == end and known in out:
        out[out.index(known)] = relabel(known, "PERSON")
        return out
    out = [m for m in out if m not in inside]
    out.append(token_mention(doc, text, begin, end, "PERSON"))
    return out


def _first_names_alone(doc: Doc, text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """ "Eloise Parry, 21, ..." then "As Eloise deteriorated": the given name of a person
    named in full, alone elsewhere and in no other mention, is that person."""
    given = {
        doc[m.tok_start].text
        for m in mentions
        if m.entity.label == "PERSON"
        and m.tok_end - m.tok_start >= 2
        and first_name_gender(doc[m.tok_start].text, lex)
    }
    given -= {m.entity.text for m in mentions if m.entity.label != "PERSON"}
    if not given:
        return mentions
    covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    out = list(mentions)
    for t in doc:
        if t.text in given and t.i not in covered:
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and name_like(nxt.text) and not nxt.is_punct:
                continue  # another person with the same first name
            out.append(token_mention(doc, text, t.i, t.i + 1, "PERSON"))
    return out


def initials_persons(mentions: list[Mention]) -> list[Mention]:
    """ "AKK" after "Annegret Kramp-Karrenbauer", « GND » after « Gabriel Nadeau-Dubois »,
    « BB » after « Brigitte Bardot »: a word in capitals that spells the initials of a person
    named in full in the article is that person."""
    initials = {spelled_initials(m.entity.text) for m in mentions if m.entity.label == "PERSON"}
    initials.discard("")
    return [
        relabel(m, "PERSON") if m.entity.label != "PERSON" and m.entity.text in initials else m
        for m in mentions
    ]


def spelled_initials(name: str) -> str:
    """The capital initials of a name's words and hyphened parts ("Kramp-Karrenbauer": KK)
    when they may stand for the person: empty for a one-word name, and for two letters
    that are not one doubled (« PS » is a party's before it is Pierre Simon's)."""
    words = name.split()
    if len(words) < 2:
        return ""
    spelled = "".join(p[0] for w in words for p in w.split("-") if p[:1].isupper())
    return spelled if len(spelled) >= 3 or (len(spelled) == 2 and spelled[0] == spelled[1]) else ""
