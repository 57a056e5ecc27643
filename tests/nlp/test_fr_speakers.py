"""French speakers on real-news patterns (issue 13, item 2), on sentences written for these
tests: quoted words inside a report whose cue comes after it, quoted words with no cue of
their own after someone was quoted, pronouns that skip a name after a preposition, and a
name opening a sentence the parser does not make its subject."""

from __future__ import annotations

from annotator.nlp import analyze

from .conftest import check_offsets, find_quote


def test_fr_report_with_quoted_words_and_its_cue_after_it() -> None:
    text = (
        "La ministre de la Culture Claire Vasseur s'est rendue sur place lundi.\n\n"
        "Le « groupe très organisé » avait « sans doute repéré les lieux depuis des "
        "semaines », précise-t-elle."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    report = find_quote(a, "avait", "indirect")
    assert report.speaker == "Claire Vasseur"
    assert report.text.startswith("Le « groupe")
    for words in ("groupe très organisé", "sans doute repéré"):
        assert find_quote(a, words, "partial").speaker == "Claire Vasseur"


def test_fr_quoted_words_without_a_cue_go_to_whoever_was_quoted_last() -> None:
    text = (
        "« L'effort demandé était trop important », a reconnu Paul Girard lundi soir. "
        "Les heures supplémentaires seront versées « sans impôts ni charges dès l'an "
        "prochain » et les primes seront défiscalisées."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "sans impôts ni charges", "partial").speaker == "Paul Girard"


def test_fr_pronoun_skips_a_name_after_a_preposition() -> None:
    text = (
        "Xavier Morel est le président de la région. Ironie, cet ancien conseiller de "
        "Jacques Delmas est assureur de profession. « C'est tout l'enjeu », nous confiait-il "
        "fin 2018."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "tout l'enjeu", "direct").speaker == "Xavier Morel"


def test_fr_name_opening_a_sentence_is_what_a_later_pronoun_means() -> None:
    text = (
        "Marine Dubreuil a présenté sa liste. « Nous gagnerons », a-t-elle lancé.\n\n"
        "La jeune tête de liste Jordan Vasseur, 23 ans, sans prompteur et sur un ton "
        "offensif, s'en est pris aux banques.\n\n"
        "« Nous avons quatre mois pour faire campagne », a-t-il poursuivi."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "quatre mois", "direct").speaker == "Jordan Vasseur"


def test_fr_a_day_after_the_cue_is_not_the_speaker() -> None:
    text = (
        "Le gouvernement prépare une plateforme de signalement. Elle sera ouverte en "
        "novembre, a annoncé dimanche Jean Dufresne."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "ouverte en novembre", "indirect").speaker == "Jean Dufresne"


def test_fr_quantity_words_are_not_part_of_a_described_source() -> None:
    text = "Selon de nombreux observateurs, la réforme sera retirée avant l'été."
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "réforme sera retirée", "indirect").speaker == "observateurs"


def test_fr_a_name_after_a_described_source_is_the_speaker() -> None:
    text = (
        "« C'est la plus grosse mobilisation que la ville ait connue », s'est félicitée "
        "l'organisatrice de la marche, Hélène Marchal."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "plus grosse mobilisation", "direct").speaker == "Hélène Marchal"


def test_fr_a_time_after_the_cue_is_skipped_before_the_source() -> None:
    text = (
        "« Au moins 300 agents de plus seront nécessaires aux frontières », argumentait en "
        "octobre dernier la note préfectorale."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "300 agents", "direct").speaker == "note préfectorale"


def test_fr_a_profession_before_a_name_is_no_speaker_of_its_own() -> None:
    text = (
        "« Nous n'avons pas encore la réponse », poursuit le géologue Martin Delorme.\n\n"
        "La journaliste Sophie Marchand a porté plainte. « Les réactions d'effarement "
        "sont hypocrites », juge la journaliste."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "pas encore la réponse", "direct").speaker == "Martin Delorme"
    assert find_quote(a, "effarement", "direct").speaker == "Sophie Marchand"


def test_fr_de_l_aveu_de_and_aux_yeux_de_name_who_says_it() -> None:
    text = (
        "La docteure Anne Vasseur dirige le service. L'Inserm propose des aménagements "
        "qui « sont là pour diminuer l'impact », de l'aveu du Dr Vasseur.\n\n"
        "Le ministre Paul Girard a visité le site. La réforme est « un échec total », aux "
        "yeux du ministre."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "diminuer l'impact", "partial").speaker == "Anne Vasseur"
    assert find_quote(a, "échec total", "partial").speaker == "Paul Girard"


def test_fr_initials_of_a_person_named_in_full_are_that_person() -> None:
    text = (
        "Le porte-parole Gabriel Nadeau-Dubois a ouvert le congrès. Les militants scandent "
        "son surnom, GND.\n\n"
        "« On est là pour rester », a lancé GND."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    quote = find_quote(a, "là pour rester", "direct")
    assert quote.speaker == "Gabriel Nadeau-Dubois"
    assert quote.speaker_type == "person"


def test_fr_the_subject_before_a_colon_speaks_not_a_name_nearer_it() -> None:
    text = (
        "Melisa Durand, 12 ans, a laissé un message sur Facebook: « Y a-t-il "
        "beaucoup d'enfants comme moi qui sont privés de classe ? »"
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "beaucoup d'enfants", "direct").speaker == "Melisa Durand"


def test_fr_an_inverted_on_speaks_for_the_source_after_it() -> None:
    text = (
        "Des policiers ont dispersé la foule avec des gaz, a-t-on expliqué de source "
        "policière.\n\n"
        "« Le président viendra samedi », indique-t-on à l'Élysée."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    report = find_quote(a, "dispersé la foule", "indirect")
    assert (report.speaker, report.speaker_type) == ("source policière", "descriptor")
    quote = find_quote(a, "président viendra", "direct")
    assert (quote.speaker, quote.speaker_type) == ("Élysée", "organisation")


def test_fr_a_relative_pronoun_speaks_for_its_antecedent() -> None:
    text = (
        "Le constat est partagé par la présidente du parti, Claire Vasseur, qui a souligné "
        "que la mobilisation restait forte partout en France."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "mobilisation restait forte", "indirect").speaker == "Claire Vasseur"


def test_fr_the_ngo_is_the_organisation_named_before() -> None:
    text = (
        "L'association Terre Vive a publié lundi son bilan annuel sur la pollution des "
        "rivières.\n\n"
        "« La situation ne cesse de s'aggraver depuis dix ans », a souligné l'association."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "ne cesse de", "direct")
    assert (q.speaker, q.speaker_type) == ("Terre Vive", "organisation")


def test_fr_where_it_was_said_stands_between_the_cue_and_the_speaker() -> None:
    text = (
        "Des milliers de personnes ont défilé samedi à Lyon.\n\n"
        "« Nous ne lâcherons rien », a déclaré dans le cortège lyonnais la comédienne "
        "Lucie Marchand."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "lâcherons", "direct").speaker == "Lucie Marchand"
