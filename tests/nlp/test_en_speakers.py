"""English speakers on real-news patterns (issue 13, item 2), on sentences written for
these tests."""

from __future__ import annotations

from annotator.nlp import analyze

from .conftest import check_offsets, find_quote


def test_en_an_institution_with_its_owner_is_the_speaker_as_written() -> None:
    text = (
        "Police arrested dozens of people on Saturday. The Lyon prosecutor's office said "
        "that 64 of them had been placed in custody."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "placed in custody", "indirect")
    assert q.speaker == "Lyon prosecutor's office"
    assert q.speaker_type == "organisation"


def test_en_a_pronoun_after_an_unnamed_source_means_that_source() -> None:
    text = (
        "“Nobody listens to us,” a retired miner said at the roundabout. Lorries slowed "
        "down to look at the banners.\n\nIt was cold. “We will stay here all winter,” he "
        "added."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    assert find_quote(a, "all winter", "direct").speaker == "retired miner"


def test_en_report_ending_in_quoted_words_with_the_comma_inside_the_marks() -> None:
    text = (
        'The senator spoke for an hour. Children growing up now "will have a different view '
        'of these questions," Maria Lopez said.'
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "Children growing up", "indirect")
    assert q.speaker == "Maria Lopez"
    assert find_quote(a, "different view", "partial").speaker == "Maria Lopez"


def test_en_the_company_is_the_organisation_named_before() -> None:
    text = (
        "Microsoft rejected the accusations on Friday.\n\n"
        "“We will defend our position in court,” the company said in a statement."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "defend our position", "direct")
    assert (q.speaker, q.speaker_type) == ("Microsoft", "organisation")


def test_en_it_said_is_the_organisation_just_named() -> None:
    text = (
        "The Health Protection Office warned shoppers to avoid the product.\n\n"
        "“It is not fit for human consumption,” it said on its website."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    assert find_quote(a, "not fit", "direct").speaker == "Health Protection Office"


def test_en_the_statement_said_is_whoever_issued_it() -> None:
    text = (
        "The Tokyo Fire Department said the blaze started in a kitchen. "
        "“Nobody was hurt,” the statement said."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    assert find_quote(a, "Nobody was hurt", "direct").speaker == "Tokyo Fire Department"


def test_en_an_agency_is_not_a_department_named_before() -> None:
    text = (
        "The Tokyo Fire Department said the blaze started in a kitchen.\n\n"
        "The storm hit the coast on Monday, the national weather agency said."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    assert find_quote(a, "storm hit the coast", "indirect").speaker == "national weather agency"


def test_en_a_promise_reports_its_infinitive() -> None:
    text = (
        "The mayor lost the vote on Tuesday. Sarah Collins vowed to rebuild the bridge "
        "quickly after the floods, and the council agreed."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "rebuild the bridge", "indirect")
    assert q.text == "rebuild the bridge quickly"
    assert q.speaker == "Sarah Collins"


def test_en_called_on_to_is_an_appeal_called_in_to_is_not() -> None:
    text = (
        "Sarah Collins called on residents to stay indoors during the storm. "
        "Firefighters were called in to help the neighbours."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    assert find_quote(a, "stay indoors", "indirect").speaker == "Sarah Collins"
    assert not [q for q in a.quotes if "help the neighbours" in q.text]


def test_en_an_adviser_to_a_named_person_is_not_that_person() -> None:
    text = (
        "Emmanuel Macron met the German chancellor on Monday. The treaty will last for "
        "decades, an adviser to Macron said.\n\n"
        "“We insist on a budget for the euro zone,” the adviser added."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    assert find_quote(a, "last for decades", "indirect").speaker == "adviser to Macron"
    assert find_quote(a, "We insist", "direct").speaker == "adviser to Macron"


def test_en_the_leader_of_a_named_party_is_not_whoever_the_story_is_about() -> None:
    text = (
        "Angela Merkel signed the treaty in Aachen on Tuesday. On television, the leader "
        "of the Green Party accused the government of “selling off the country”."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "selling off the country", "partial")
    assert q.speaker == "leader of the Green Party"


def test_en_a_relative_clause_inside_a_report_does_not_end_it() -> None:
    text = (
        "Belgian police said an engineer, who works for a firm in Ghent, was arrested "
        "in Antwerp on Monday."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "an engineer", "indirect")
    assert q.text.endswith("was arrested in Antwerp on Monday")


def test_en_a_bare_report_ends_at_the_speakers_next_act() -> None:
    text = (
        "On housing, Sarah Collins said rents had risen too fast but insisted the plan was working."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "rents had risen", "indirect")
    assert q.text == "rents had risen too fast"
    assert q.speaker == "Sarah Collins"


def test_en_a_descriptor_keeps_the_compound_before_its_noun() -> None:
    text = (
        "The painting disappeared from the museum on Sunday. Law enforcement sources said "
        "the alarm had been switched off."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "alarm had been switched off", "indirect")
    assert (q.speaker, q.speaker_type) == ("Law enforcement sources", "descriptor")


def test_en_quoted_as_saying_is_the_one_quoted_not_the_medium() -> None:
    text = (
        "A senior US official briefed reporters in Washington on Monday. Reuters quoted "
        "the official as saying the talks would resume in March."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "talks would resume", "indirect")
    assert q.speaker == "senior US official"


def test_en_a_surname_two_people_share_is_the_one_named_last() -> None:
    text = (
        "Tom Okafor runs the family farm near the river.\n\n"
        "His cousin Grace Okafor came back from the city last spring. "
        "“The soil is tired,” Okafor said."
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    assert find_quote(a, "soil is tired", "direct").speaker == "Grace Okafor"
