"""Rules grown from the real-news tuning set (issue 13), each on sentences written for
these tests: cues the lemmatizer misses, incises inside the marks, sentences between marks
without their full stop, and marked names that are not quotes."""

from __future__ import annotations

from annotator.nlp import analyze
from annotator.nlp.lexicon import get_lexicon

from .conftest import check_offsets, find_quote


def test_fr_inflected_and_accented_cues_are_reporting_verbs() -> None:
    lex = get_lexicon("fr")
    for form in ("raconte", "martèle", "concède", "assène", "abonde", "dénoncé"):
        assert lex.is_reporting_verb(form, form), form
    assert not lex.is_reporting_verb("table", "table")


def test_fr_cue_the_lemmatizer_misses_after_the_marks_makes_a_direct_quote() -> None:
    text = (
        "Clémence Roussel habite en face de la prison. « Le bruit m'a réveillée tout de "
        "suite », raconte-t-elle au journal."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "bruit", "direct")
    assert q.cue is not None and "raconte" in q.cue
    assert q.speaker == "Clémence Roussel"


def test_fr_incise_inside_the_marks_names_the_speaker() -> None:
    text = (
        "Les policiers voulaient se rassembler devant la mairie. Le bourgmestre a refusé.\n\n"
        "« C'est une décision incompréhensible, déplore Hugo Lemaire, délégué du syndicat. "
        "Nous avions tout préparé dans les règles. »"
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "incompréhensible", "direct")
    assert q.speaker == "Hugo Lemaire"
    assert q.cue == "déplore"


def test_fr_sentence_between_marks_without_full_stop_is_direct() -> None:
    text = (
        "Le sondage donne les deux candidats au coude-à-coude ! « La campagne commence "
        "vraiment maintenant », a lancé un militant. Puis le silence revint. "
        "« Nous irons jusqu'au bout de ce combat » et personne ne bougea."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "jusqu'au bout", "direct")


def test_fr_recurring_group_name_in_marks_is_not_a_quote() -> None:
    text = (
        "Marc Dubois a rencontré les « bonnets verts » samedi. Les bonnets verts ont "
        "bloqué trois ronds-points lundi."
    )
    a = analyze(text, "fr")
    assert not [q for q in a.quotes if q.text == "bonnets verts"]


def test_fr_name_in_marks_inside_a_noun_phrase_is_not_a_quote_even_before_a_cue() -> None:
    text = (
        "Paul Garnier, un des porte-parole des « Bonnets verts libres », a précisé "
        "qu'il demanderait une rencontre au ministre."
    )
    a = analyze(text, "fr")
    assert not [q for q in a.quotes if q.text == "Bonnets verts libres"]
    assert find_quote(a, "demanderait", "indirect").speaker == "Paul Garnier"


def test_quote_only_paragraph_goes_on_with_the_speaker_of_the_paragraph_before() -> None:
    text = (
        "Les pompiers sont intervenus pendant la nuit.\n\n"
        "« Le feu a pris dans la cuisine », a expliqué Sandrine Moreau, voisine de la "
        "famille.\n\n"
        "« Nous avons entendu des cris. Puis plus rien. »\n\n"
        "Le maire a annoncé une enquête."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "entendu des cris", "direct").speaker == "Sandrine Moreau"


def test_en_first_name_alone_is_the_person_named_in_full_once() -> None:
    text = (
        "Fiona Parry lost her daughter in April.\n\n"
        "“She was burning up from within,” Fiona said. “Nobody could help her.”"
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    assert find_quote(a, "burning up", "direct").speaker == "Fiona Parry"


def test_fr_first_name_is_kept_when_no_fuller_name_is_given() -> None:
    text = "« On n'arrive plus à payer le loyer », lâche Inès, 19 ans, lycéenne."
    a = analyze(text, "fr")
    assert find_quote(a, "loyer", "direct").speaker == "Inès"


def test_fr_cue_after_the_clause_without_marks_is_an_indirect_quote() -> None:
    text = (
        "Un automobiliste a forcé un barrage samedi. Ses jours ne sont pas en danger, a "
        "précisé la gendarmerie. La réforme des retraites sera reportée à l'automne, "
        "estime le gouvernement."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "Ses jours", "indirect")
    assert (q.text, q.speaker, q.speaker_type) == (
        "Ses jours ne sont pas en danger",
        "gendarmerie",
        "organisation",
    )
    q = find_quote(a, "retraites", "indirect")
    assert (q.speaker, q.speaker_type) == ("gouvernement", "organisation")


def test_en_cue_after_the_clause_without_marks_is_an_indirect_quote() -> None:
    text = "The bridge will close for two months from June, the council said on Tuesday."
    a = analyze(text, "en")
    q = find_quote(a, "bridge", "indirect")
    assert (q.text, q.speaker) == ("The bridge will close for two months from June", "council")


def test_fr_sentence_pointed_back_to_is_the_report() -> None:
    text = (
        "Le gouvernement va débloquer deux milliards d'euros pour les hôpitaux. C'est ce "
        "qu'a annoncé le Premier ministre Paul Aubert dimanche soir."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "deux milliards", "indirect")
    assert q.speaker == "Paul Aubert"
    assert q.text == "Le gouvernement va débloquer deux milliards d'euros pour les hôpitaux"


def test_en_quotation_over_two_paragraphs_is_one_direct_quote_per_paragraph() -> None:
    text = (
        "The harbour master, Ruth Calloway, spoke to reporters on the pier.\n\n"
        "“We have never seen the water this low in March,” Calloway said. “The boats "
        "cannot leave before the tide turns.\n\n"
        "“If it stays like this, the season will start a month late.”"
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    first = find_quote(a, "cannot leave", "direct")
    second = find_quote(a, "season will start", "direct")
    assert "season" not in first.text and "cannot" not in second.text
    assert first.speaker == second.speaker == "Ruth Calloway"


def test_en_reporting_verb_then_comma_introduces_a_direct_quote() -> None:
    text = "The minister, Daniel Okoro, was blunt. Okoro said, “We will not sign this deal.”"
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "We will not sign", "direct")
    assert q.speaker == "Daniel Okoro"


def test_en_straight_mark_closes_a_curly_quotation() -> None:
    text = 'The shop will close in May. “It breaks my heart," said its owner, Alan Price.'
    a = analyze(text, "en")
    check_offsets(text, a)
    q = find_quote(a, "breaks my heart", "direct")
    assert q.text.startswith("It breaks my heart")
    assert q.speaker == "Alan Price"


def test_fr_short_marked_words_are_partial_when_the_sentence_names_their_source() -> None:
    text = (
        "Le lac a débordé dimanche. Ce phénomène, « exceptionnel » selon la préfecture, a "
        "surpris les riverains. La réforme divise les enseignants. Pour le syndicat, ce "
        "calendrier est « intenable ». Pour le moment, le projet reste « en suspens »."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    find_quote(a, "exceptionnel", "partial")
    find_quote(a, "intenable", "partial")
    assert not [q for q in a.quotes if "en suspens" in text[q.start : q.end]]


def test_fr_short_marked_words_after_a_cue_in_the_present_participle_are_partial() -> None:
    text = (
        "Des centaines de manifestants ont défilé samedi à Lyon en clamant leur « colère ». "
        "Les agriculteurs ont bloqué la rocade, dénonçant une « trahison » du gouvernement."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    find_quote(a, "colère", "partial")
    find_quote(a, "trahison", "partial")
