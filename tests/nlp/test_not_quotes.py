"""Text between marks that is nobody's words (issue 13, item 3): slogans read on banners or
chanted, lists of them, words mentioned as words, a lone term opening a sentence, titles of
petitions, offences and charges, a term qualifying the noun after it, a group's name used
again. Sentences written for these tests."""

from __future__ import annotations

from annotator.nlp import analyze

from .conftest import check_offsets


def _quoted(text: str, language: str) -> list[str]:
    a = analyze(text, language)
    check_offsets(text, a)
    return [q.text for q in a.quotes if q.kind != "indirect"]


def test_fr_slogans_read_on_placards_are_not_quotes() -> None:
    text = (
        'Des milliers de manifestantes ont défilé samedi à Lyon. "Le silence tue", '
        '"nos corps, nos choix", "un refus est un refus", pouvait-on lire sur les '
        "pancartes."
    )
    assert _quoted(text, "fr") == []


def test_fr_slogans_after_a_colon_and_one_on_a_banner_are_not_quotes() -> None:
    text = (
        'Le cortège a repris des slogans soigneusement préparés: "Debout, libres, pas '
        'prêtes à nous taire!", "Justice pour toutes". Plus loin, «Le préfet recule, on '
        "avance», pouvait-on lire sur une banderole."
    )
    assert _quoted(text, "fr") == []


def test_fr_a_chanted_slogan_is_not_a_quote_but_what_is_said_is() -> None:
    text = (
        'Pendant le discours, des militants scandaient "la ville est à nous". '
        '"Nous ne céderons rien", a déclaré Paul Martin.'
    )
    assert _quoted(text, "fr") == ["Nous ne céderons rien"]


def test_en_words_mentioned_as_words_are_not_quotes() -> None:
    text = (
        "Mr Dupont tried to channel the anger, saying it “showed us that we are not "
        "resigned”.\n\nHe was careful to use the words “us” and “we” to avoid appearing "
        "cut off from the public mood."
    )
    assert _quoted(text, "en") == ["showed us that we are not resigned"]


def test_fr_a_lone_word_opening_a_sentence_is_not_a_quote() -> None:
    text = (
        "La vie ne l'a pas épargnée. Elle est tombée souvent. « Surmenage », dettes, "
        "maladie, elle a tout connu."
    )
    assert _quoted(text, "fr") == []


def test_fr_long_petition_title_is_not_a_quote() -> None:
    text = (
        "Le mouvement est né du succès d'une pétition «pour une baisse réelle du prix de "
        "l'électricité dans les foyers modestes», qui a dépassé le million de signatures."
    )
    assert _quoted(text, "fr") == []


def test_en_charges_are_not_quotes() -> None:
    text = (
        "Two men were detained with “conspiracy to commit fraud and money laundering” "
        "after the raid on Tuesday."
    )
    assert _quoted(text, "en") == []


def test_en_marked_noun_qualifying_the_next_noun_is_not_a_quote() -> None:
    text = 'The researchers asked twelve volunteers to perform a "colour matching" task.'
    assert _quoted(text, "en") == []


def test_fr_recurring_group_name_before_a_reporting_verb_is_not_a_quote() -> None:
    text = (
        "Les « bonnets verts » ont affirmé qu'ils bloqueraient le pont. Le maire a reçu "
        "les bonnets verts lundi."
    )
    assert _quoted(text, "fr") == []


def test_en_title_case_words_opening_a_sentence_are_a_title() -> None:
    text = (
        "The studio had a good year. “The Silent Harbour Files” opened in March to strong reviews."
    )
    assert _quoted(text, "en") == []


def test_fr_marks_around_the_subject_of_a_verb_that_reports_nothing_are_a_title() -> None:
    text = "Le festival a fermé ses portes. « Les Veilleurs de la dune » a remporté le prix."
    assert _quoted(text, "fr") == []


def test_en_long_offence_after_charged_with_is_not_a_quote() -> None:
    text = (
        "The two brothers were charged with “conspiracy to defraud the county pension fund "
        "and laundering the proceeds” on Friday."
    )
    assert _quoted(text, "en") == []


def test_en_words_imagined_after_as_if_to_say_are_not_a_quote() -> None:
    text = (
        "The mayor paused and raised an eyebrow, as if to say “Did you really think I "
        "would answer that?” Then she moved on."
    )
    assert _quoted(text, "en") == []


def test_fr_words_imagined_after_comme_pour_dire_are_not_a_quote() -> None:
    text = (
        "Le maire a haussé les épaules, comme pour dire « je n'y peux rien », puis il a "
        "quitté la salle."
    )
    assert _quoted(text, "fr") == []


def test_en_title_with_its_full_stop_inside_the_marks_is_a_title() -> None:
    text = "The actor was voted off “Singing on the Ice.” He thanked his fans on Monday."
    assert _quoted(text, "en") == []


def test_en_a_name_judged_a_title_once_is_one_everywhere_in_the_article() -> None:
    text = (
        "“SOTI” drew nine million viewers this season. The dancer, 31, had told the judges "
        "on “SOTI.” that she was ready.\n\n“I gave everything,” she said."
    )
    assert _quoted(text, "en") == ["I gave everything"]


def test_en_marks_alone_in_a_paragraph_cut_mid_sentence_are_no_quote() -> None:
    text = (
        "The minister met the\n\n“red scarves”\n\nmovement's leaders on Sunday, her office "
        "said.\n\n“We listened to them,” she said."
    )
    assert _quoted(text, "en") == ["We listened to them"]


def test_en_words_found_scare_quotes_once_are_scare_quotes_in_the_headline_too() -> None:
    text = (
        "Teenager falls ill after taking 'green tablets'\n\n"
        "Sales of cheap “green tablets” rose in May."
    )
    assert _quoted(text, "en") == []


def test_en_title_in_apposition_to_a_work_noun_before_a_verb_is_not_a_quote() -> None:
    text = (
        "Her second novel, “The Harbour Lights”, follows two brothers who run a ferry. "
        "“I wrote it in a year,” she said."
    )
    assert _quoted(text, "en") == ["I wrote it in a year"]


def test_fr_title_after_a_work_noun_and_a_colon_is_not_a_quote() -> None:
    text = (
        "Les associations ont réuni deux millions de signatures via une pétition : "
        "« L'appel des forêts ». Le ministre les recevra lundi."
    )
    assert _quoted(text, "fr") == []
