"""Actors: one person or organisation per article with all their mentions, and quotes' actors."""

from __future__ import annotations

from annotator.core.models import Actor, Analysis
from annotator.nlp import analyze, analyze_many

from .conftest import EN_TEXT, FR_TEXT, check_offsets, find_quote


def _analyze(text: str, lang: str) -> Analysis:
    a = analyze(text, lang)
    check_offsets(text, a)
    check_actors(text, a)
    return a


def check_actors(text: str, a: Analysis) -> None:
    """Mentions are on the original text, sorted, in one actor each; quotes name actors."""
    seen: set[tuple[int, int]] = set()
    ids = {actor.id for actor in a.actors}
    assert len(ids) == len(a.actors)
    for actor in a.actors:
        assert actor.type in ("PERSON", "ORG")
        assert actor.mentions, actor
        assert actor.mentions == sorted(actor.mentions, key=lambda m: (m.start, m.end))
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text, m
            assert (m.start, m.end) not in seen, m
            seen.add((m.start, m.end))
    for q in a.quotes:
        assert q.actor_id is None or q.actor_id in ids, q
        if q.actor_id is not None:
            actor = next(x for x in a.actors if x.id == q.actor_id)
            assert (q.speaker_start, q.speaker_end) in {(m.start, m.end) for m in actor.mentions}


def actor(a: Analysis, name: str) -> Actor:
    for x in a.actors:
        if x.name == name:
            return x
    raise AssertionError(f"no actor {name!r}: {[x.name for x in a.actors]}")


def texts(x: Actor) -> list[str]:
    return [m.text for m in x.mentions]


def test_en_surname_title_and_pronoun_join_the_full_name() -> None:
    text = (
        "President Donald Trump met reporters on Monday.\n"
        '"We will win," Trump said.\n'
        '"It is a great day," the president added.\n'
        '"Believe me," he said.\n'
        "Melania Trump did not attend."
    )
    a = _analyze(text, "en")
    trump = actor(a, "Donald Trump")
    assert trump.type == "PERSON"
    assert texts(trump) == ["Donald Trump", "Trump", "the president", "he"]
    assert "Melania Trump" not in texts(trump)
    assert actor(a, "Melania Trump").mentions[0].text == "Melania Trump"
    for fragment in ("We will win", "great day", "Believe me"):
        assert find_quote(a, fragment).actor_id == trump.id


def test_fr_honorific_and_surname_and_inverted_pronoun() -> None:
    text = (
        "Le président Emmanuel Macron a reçu mardi les syndicats à l’Élysée.\n"
        "« Nous avons avancé », a déclaré M. Macron à la sortie.\n"
        "« Rien n’est encore signé », a-t-il ajouté.\n"
    )
    a = _analyze(text, "fr")
    macron = actor(a, "Emmanuel Macron")
    assert texts(macron)[:2] == ["Emmanuel Macron", "Macron"]
    assert "il" in texts(macron)
    il = next(m for m in macron.mentions if m.text == "il")
    assert text[il.start - 3 : il.end] == "-t-il"
    assert find_quote(a, "Rien n’est").actor_id == macron.id
    assert find_quote(a, "Nous avons avancé").actor_id == macron.id


def test_fr_organisation_introduced_with_its_acronym() -> None:
    text = (
        "L’Organisation mondiale de la santé (OMS) a publié jeudi un rapport sur la rougeole.\n"
        "Selon l’OMS, les cas ont doublé en un an. L'OMS appelle à vacciner les enfants.\n"
    )
    a = _analyze(text, "fr")
    oms = actor(a, "Organisation mondiale de la santé")
    assert oms.type == "ORG"
    assert texts(oms).count("OMS") == 3
    assert not any(x.name == "OMS" for x in a.actors)


def test_en_acronym_by_initials_and_article_left_out_of_the_name() -> None:
    text = (
        "The World Health Organization warned on Friday that measles cases had doubled.\n"
        "The WHO said vaccination rates had fallen in 40 countries.\n"
    )
    a = _analyze(text, "en")
    who = next(x for x in a.actors if "World Health Organization" in x.name)
    assert who.name == "World Health Organization"
    assert "WHO" in texts(who)


def test_datelines_and_agencies_are_not_actors(fr_analysis, en_analysis) -> None:
    for a in (fr_analysis, en_analysis):
        names = {x.name for x in a.actors}
        assert not names & {"BELGA", "Bruxelles", "LONDON", "Reuters"}, names
    check_actors(FR_TEXT, fr_analysis)
    check_actors(EN_TEXT, en_analysis)


def test_fixture_texts_group_persons(fr_analysis, en_analysis) -> None:
    vdl = actor(fr_analysis, "Ursula von der Leyen")
    assert texts(vdl).count("Ursula von der Leyen") == 3
    de_croo = actor(fr_analysis, "Alexander De Croo")
    assert "De Croo" in texts(de_croo)
    starmer = actor(en_analysis, "Keir Starmer")
    assert texts(starmer).count("Starmer") >= 3
    merz = actor(en_analysis, "Friedrich Merz")
    assert find_quote(en_analysis, "very productive").actor_id == merz.id


def test_namesakes_go_to_the_nearest_full_name() -> None:
    text = (
        "Jean Dupont, the mayor, opened the bridge.\n"
        "Dupont thanked the workers.\n"
        "His cousin Marie Dupont, a senator, later joined him.\n"
        '"It took years," Dupont said.\n'
    )
    a = _analyze(text, "en")
    jean, marie = actor(a, "Jean Dupont"), actor(a, "Marie Dupont")
    starts = {m.text: m.start for m in jean.mentions if m.text == "Dupont"}
    assert starts and starts["Dupont"] == text.index("Dupont thanked")
    last = text.rindex("Dupont")
    assert any(m.start == last for m in marie.mentions)


def test_analyze_many_gives_the_same_actors_and_ids() -> None:
    text = 'Angela Merkel arrived. "Wir schaffen das," Merkel said.'
    one = analyze(text, "en")
    many = list(analyze_many([text, text], language="en"))
    assert one.actors and many[0] == one == many[1]
    # Another text gives other ids even for the same person.
    other = analyze(text + " She left.", "en")
    assert actor(other, "Angela Merkel").id != actor(one, "Angela Merkel").id


def test_no_actors_in_an_empty_text() -> None:
    a = analyze("", "en")
    assert a.actors == [] and a.quotes == []


def test_short_forms_of_organisations() -> None:
    fr = _analyze(
        "La Commission européenne a proposé mardi un plan. La Commission veut aller vite, "
        "a indiqué l’Assemblée nationale. L'Assemblée votera.",
        "fr",
    )
    assert texts(actor(fr, "Commission européenne")) == ["Commission européenne", "Commission"]
    assert texts(actor(fr, "Assemblée nationale")) == ["Assemblée nationale", "Assemblée"]
    en = _analyze(
        "The Senate Finance Committee met on Monday. The Senate will vote next week, "
        "said Sen. John Ray.",
        "en",
    )
    # A committee of the Senate is not the Senate.
    assert texts(actor(en, "Senate")) == ["Senate"]
    assert texts(actor(en, "Senate Finance Committee")) == ["Senate Finance Committee"]
    assert actor(en, "John Ray").type == "PERSON"
