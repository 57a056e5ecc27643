"""Quotes: direct, partial, indirect, cues and speakers, in French and English."""

from __future__ import annotations

from annotator.nlp import analyze

from .conftest import EN_TEXT, FR_TEXT, check_offsets, find_quote


def _speaker(q, text):
    assert q.speaker is None or text[q.speaker_start : q.speaker_end] == q.speaker
    return q.speaker


def test_fr_guillemets_with_inner_spaces_and_pronoun_inversion(fr_analysis) -> None:
    q = find_quote(fr_analysis, "Nous devons agir ensemble")
    assert q.kind == "direct"
    assert q.text == "Nous devons agir ensemble face à la crise"  # marks and spaces excluded
    assert q.cue == "a-t-elle déclaré"
    assert _speaker(q, FR_TEXT) == "Ursula von der Leyen"


def test_fr_title_attribution(fr_analysis) -> None:
    q = find_quote(fr_analysis, "reste solide")
    assert (q.kind, q.cue) == ("direct", "a ajouté")
    assert q.speaker == "Vincent Van Peteghem"


def test_fr_straight_quotes_cue_after_name(fr_analysis) -> None:
    q = find_quote(fr_analysis, "pas d’alternative")
    assert (q.kind, q.cue, q.speaker) == ("direct", "a précisé", "Alexander De Croo")


def test_fr_partial_curly_quote(fr_analysis) -> None:
    q = find_quote(fr_analysis, "très constructive")
    assert q.kind == "partial"
    assert q.text == "très constructive"
    assert q.speaker == "Vincent Van Peteghem"  # surname resolved to the full name


def test_fr_indirect_que_and_selon(fr_analysis) -> None:
    q = find_quote(fr_analysis, "la Belgique soutiendrait", "indirect")
    assert q.text == "la Belgique soutiendrait le plan de relance"
    assert (q.cue, q.speaker) == ("a indiqué", "Alexander De Croo")
    q = find_quote(fr_analysis, "la croissance reviendra", "indirect")
    assert (q.cue, q.speaker) == ("Selon", "Ursula von der Leyen")


def test_fr_multi_paragraph_quote(fr_analysis) -> None:
    # One quote per paragraph (tests/gold/real/README.md); the cue after the last
    # paragraph reports the ones before it.
    first = find_quote(fr_analysis, "investissements massifs")
    last = next(q for q in fr_analysis.quotes if q.text.endswith("l’Europe décrochera"))
    assert first is not last and first.kind == last.kind == "direct"
    assert "\n" not in first.text and "\n" not in last.text
    for q in (first, last):
        assert (q.cue, q.speaker) == ("a conclu", "Ursula von der Leyen")


def test_fr_quote_does_not_cross_paragraph_without_reopening() -> None:
    text = "« Le texte est prêt\nLe vote aura lieu demain », a dit Paul Martin."
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert not any("\n" in q.text for q in a.quotes if q.kind != "indirect")


def test_fr_partial_agent_and_subject_pronoun() -> None:
    text = (
        "Le président Emmanuel Macron a reçu son homologue.\n"
        "Cette visite, qualifiée d’« historique » par le président Macron, a duré deux jours.\n"
        "Il a admis que « des désaccords » persistaient.\n"
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert find_quote(a, "historique").speaker == "Emmanuel Macron"
    # Marks inside reported speech belong to the reported clause (French coding).
    q = find_quote(a, "des désaccords", "indirect")
    assert q.text == "« des désaccords » persistaient"
    assert q.speaker == "Emmanuel Macron"


def test_en_direct_quotes(en_analysis) -> None:
    q = find_quote(en_analysis, "We share the same goals")
    assert q.text == "We share the same goals"  # trailing comma dropped
    assert (q.kind, q.cue, q.speaker) == ("direct", "told", "Keir Starmer")
    q = find_quote(en_analysis, "stronger together")  # continuation after the cue
    assert (q.kind, q.speaker) == ("direct", "Keir Starmer")
    q = find_quote(en_analysis, "very productive")
    assert (q.kind, q.cue, q.speaker) == ("direct", "said", "Friedrich Merz")
    q = find_quote(en_analysis, "keep working on trade")
    assert (q.kind, q.cue, q.speaker) == ("direct", "said", "Keir Starmer")


def test_en_single_curly_quotes_he_said(en_analysis) -> None:
    q = find_quote(en_analysis, "only a first step")
    assert (q.kind, q.cue, q.speaker) == ("direct", "said", "Keir Starmer")


def test_en_indirect_and_partial(en_analysis) -> None:
    q = find_quote(en_analysis, "tariffs would hurt", "indirect")
    assert (q.cue, q.speaker) == ("warned", "Friedrich Merz")
    q = find_quote(en_analysis, "turning point", "indirect")
    assert (q.cue, q.speaker) == ("According to", "Keir Starmer")
    q = find_quote(en_analysis, "frank and constructive")
    assert (q.kind, q.speaker) == ("partial", "Friedrich Merz")
    check_offsets(EN_TEXT, en_analysis)


def test_quote_inside_quote_is_not_indirect(fr_analysis) -> None:
    text = "« Nous constatons que la situation évolue », a déclaré Marie Dupont."
    a = analyze(text, "fr")
    check_offsets(text, a)
    assert [q.kind for q in a.quotes] == ["direct"]
    assert a.quotes[0].speaker == "Marie Dupont"
    assert FR_TEXT  # the session text stays untouched


def test_titles_nicknames_and_scare_quotes_are_not_quotes() -> None:
    text = (
        "Her novel “The Salt Year” sold well. The striker, nicknamed “the Hammer” by fans, "
        "scored twice. The so-called “hope value” will go.\n"
        "“We will win,” said coach Anna Price.\n"
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    assert [q.text for q in a.quotes] == ["We will win"]
    fr = "Le film « Les Veilleurs de nuit » sort mercredi. Les films dits « sociaux » peinent.\n"
    assert analyze(fr, "fr").quotes == []


def test_incise_verb_outside_the_lexicon_and_reported_clause_without_that() -> None:
    fr = "Le maire Paul Vidal est arrivé.\n« On ne lâchera rien », a tranché le maire.\n"
    q = find_quote(analyze(fr, "fr"), "On ne lâchera rien", "direct")
    assert q.speaker == "Paul Vidal"
    en = "Mayor Angela Brooks said she rode the bus herself at least once a week.\n"
    q = find_quote(analyze(en, "en"), "she rode the bus", "indirect")
    assert (q.speaker, q.text) == ("Angela Brooks", "she rode the bus herself at least once a week")


def test_dash_interview_answers_are_the_interviewees_quotes() -> None:
    text = (
        "Lina Achour : « J’écris pour les filles des petites villes »\n\n"
        "La romancière reçoit le prix Goncourt des lycéens. Entretien.\n\n"
        "— Comment avez-vous réagi ?\n\n"
        "— J’ai crié dans le train ! C’était un joli moment.\n"
    )
    a = analyze(text, "fr")
    q = find_quote(a, "J’ai crié dans le train", "direct")
    assert q.text == "J’ai crié dans le train ! C’était un joli moment."
    assert q.speaker == "Lina Achour"
    assert not [q for q in a.quotes if "Comment avez-vous" in q.text]


def _kinds(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in analyze(text, lang).quotes]


def test_fr_report_runs_to_the_sentence_end_past_marks_until_the_next_act() -> None:
    text = (
        "Le président de la fédération, Robert Lachaud, a parlé d’une catastrophe. "
        "Il a précisé que la rivière mettrait «au moins cinq ans» à retrouver ses truites, "
        "et a demandé que les responsables soient «sanctionnés lourdement».\n"
        "Le directeur, Laurent Guichard, a assuré qu’un plan était en cours, avec des primes "
        "pour les soignants.\n"
        "Le syndicat a estimé que la crise était prévisible, selon un communiqué.\n"
    )
    assert _kinds(text, "fr") == [
        (
            "indirect",
            "la rivière mettrait «au moins cinq ans» à retrouver ses truites",
            "Robert Lachaud",
        ),
        ("partial", "au moins cinq ans", "Robert Lachaud"),
        ("indirect", "les responsables soient «sanctionnés lourdement»", "Robert Lachaud"),
        ("partial", "sanctionnés lourdement", "Robert Lachaud"),
        (
            "indirect",
            "un plan était en cours, avec des primes pour les soignants",
            "Laurent Guichard",
        ),
        ("indirect", "la crise était prévisible", "syndicat"),
    ]


def test_en_report_and_quoted_second_clause_are_one_report_with_a_nested_partial() -> None:
    text = (
        "Bath’s manager, Carl Dobbs, was angry. He said his defender had not touched the "
        "ball and that the officials had “had a difficult afternoon”.\n"
        "Onslow said that Pellow, when first questioned by police, had described the errors "
        "as “paperwork slips”.\n"
    )
    a = analyze(text, "en")
    q = find_quote(a, "his defender", "indirect")
    assert (q.text, q.speaker) == (
        "his defender had not touched the ball and that the officials had “had a "
        "difficult afternoon”",
        "Carl Dobbs",
    )
    assert find_quote(a, "had a difficult afternoon", "partial").speaker == "Carl Dobbs"
    # What Onslow reports Pellow said is Onslow's report, and the marked words his own.
    assert find_quote(a, "Pellow, when", "indirect").speaker == "Onslow"
    assert find_quote(a, "paperwork slips", "partial").speaker == "Onslow"


def test_fr_terms_nicknames_and_mocked_words_are_not_quotes_but_reported_words_are() -> None:
    text = (
        "Le Conseil d’État a validé quatre réserves, surnommées « bassines » par leurs "
        "opposants.\n"
        "Les deux clubs se retrouveront en janvier, un rendez-vous déjà qualifié de "
        "« revanche » dans la presse.\n"
        "La ministre a ironisé sur la « soi-disant austérité » dénoncée par l’opposition.\n"
        "La chambre d’agriculture du Gers a réclamé un dispositif d’indemnisation « immédiat ».\n"
    )
    assert _kinds(text, "fr") == [("partial", "immédiat", "chambre d’agriculture du Gers")]


def test_fr_marks_inside_an_interview_answer_are_partial_quotes() -> None:
    text = (
        "Lina Achour : « J’écris pour les filles des petites villes »\n\n"
        "— Saint-Malo vous a-t-il inspirée ?\n\n"
        "— Pas au sens strict. Ma mère disait que nous vivions dans « la ville d'après les "
        "vacances ». J'ai voulu écrire ce temps-là.\n"
    )
    a = analyze(text, "fr")
    assert find_quote(a, "Pas au sens strict", "direct").speaker == "Lina Achour"
    assert find_quote(a, "la ville d'après", "partial").speaker is None


def test_en_what_an_interview_question_reports_is_not_a_quote() -> None:
    text = (
        "Maeve Connolly on her new novel\n\n"
        "— You once said you write the book you are afraid of. What frightened you?\n\n"
        "— Losing my sister. Everything else followed.\n"
    )
    a = analyze(text, "en")
    assert find_quote(a, "Losing my sister", "direct").speaker == "Maeve Connolly"
    assert not [q for q in a.quotes if q.kind == "indirect"]


def test_en_name_after_a_naming_verb_is_not_a_quote_even_before_a_verb() -> None:
    text = "Tom Reddaway, the striker supporters call “The Hammer”, headed a late winner.\n"
    assert _kinds(text, "en") == []


def test_fr_lowercase_words_in_marks_after_a_comma_are_partial_even_with_a_cue_after() -> None:
    text = (
        "La direction a présenté ses comptes lundi. Quant aux salaires, « la discussion "
        "n'est pas close », a-t-il assuré. « Non », a lancé Paul Martin, « nous "
        "reviendrons », a-t-il ajouté."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    kinds = {q.text: q.kind for q in a.quotes if q.kind != "indirect"}
    assert kinds["la discussion n'est pas close"] == "partial"
    assert kinds["nous reviendrons"] == "direct"


def test_en_straight_single_quotes_mark_a_partial_quote_but_apostrophes_do_not() -> None:
    text = (
        "Mayor calls the flood plan 'a disgrace' as the river keeps rising\n\n"
        "The mayor's office, back in the '90s, had warned of the risk. \"We were never "
        'heard," she said on Monday.'
    )
    a = analyze(text, "en")
    check_offsets(text, a)
    assert [(q.text, q.kind) for q in a.quotes if q.kind != "indirect"] == [
        ("a disgrace", "partial"),
        ("We were never heard", "direct"),
    ]
