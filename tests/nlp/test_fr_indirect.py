"""French reported speech on real-news patterns (issue 13): « selon X » in the middle of a
sentence, « selon laquelle » after the source, « Pour le syndicat, … ». Sentences written
for these tests."""

from __future__ import annotations

from annotator.nlp import analyze

from .conftest import check_offsets, find_quote


def test_fr_selon_set_off_in_the_middle_of_a_sentence() -> None:
    text = (
        "Les cortèges se sont dispersés dans le calme. La veille, selon le ministère de "
        "l'Intérieur, près de 120 000 personnes avaient manifesté dans 800 communes."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "avaient manifesté", "indirect")
    assert q.text.startswith("près de 120 000")
    assert q.speaker == "ministère de l'Intérieur"


def test_fr_selon_laquelle_reports_what_follows_for_the_noun_before() -> None:
    text = (
        "Un gendarme a été blessé au rond-point. Il est hors de danger, a précisé la "
        "préfecture, selon laquelle le conducteur a pris la fuite."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "pris la fuite", "indirect")
    assert q.text == "le conducteur a pris la fuite"
    assert q.speaker == "préfecture"


def test_fr_pour_an_institution_opening_a_sentence_reports_speech() -> None:
    text = (
        "La manifestation a été interdite par la mairie. Pour le syndicat, cette décision "
        "est une atteinte grave au droit de manifester."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "atteinte grave", "indirect")
    assert q.speaker == "syndicat"


def _indirect(text: str) -> list[str]:
    a = analyze(text, "fr")
    check_offsets(text, a)
    return [q.text for q in a.quotes if q.kind == "indirect"]


def test_fr_incise_after_the_report_leaves_the_narration_after_it_out() -> None:
    text = (
        "Le maire a reçu les commerçants. Les travaux du pont dureront jusqu'en mars, a "
        "précisé l'adjoint aux finances, sans donner le montant de la facture."
    )
    assert _indirect(text) == ["Les travaux du pont dureront jusqu'en mars"]


def test_fr_incise_with_an_inverted_pronoun_reports_a_sentence_without_a_verb() -> None:
    text = (
        "Le cortège s'est dispersé vers midi. Au total, une quarantaine d'interpellations "
        "dans la capitale, a-t-on appris de source policière."
    )
    assert _indirect(text) == ["Au total, une quarantaine d'interpellations dans la capitale"]


def test_fr_incise_inside_a_sentence_attributes_the_whole_sentence() -> None:
    text = (
        "Elle a plaidé pendant une heure. Son client, confie-t-elle, ne compte pas faire "
        "appel de la décision."
    )
    assert _indirect(text) == [
        "Son client, confie-t-elle, ne compte pas faire appel de la décision"
    ]


def test_fr_incise_after_a_discourse_opener_attributes_what_follows() -> None:
    text = (
        "La chercheuse a étudié le sommeil des infirmières. Par exemple, cite-t-elle, la "
        "lumière des écrans retarde l'endormissement."
    )
    assert _indirect(text) == ["la lumière des écrans retarde l'endormissement"]


def test_fr_incise_with_a_conjunction_after_it_reports_two_clauses() -> None:
    text = (
        "Le ministre a ouvert la séance. La situation reste tendue, a reconnu le ministre en "
        "ouvrant les débats, mais les départements ruraux ont été épargnés."
    )
    assert _indirect(text) == [
        "La situation reste tendue",
        "les départements ruraux ont été épargnés",
    ]


def test_fr_a_fait_savoir_in_an_incise_reports() -> None:
    text = (
        "Le chantier a pris du retard. Le musée rouvrira ses portes en septembre, a fait "
        "savoir la mairie."
    )
    a = analyze(text, "fr")
    q = find_quote(a, "rouvrira", "indirect")
    assert q.text == "Le musée rouvrira ses portes en septembre"
    assert q.speaker == "mairie"


def test_fr_a_verb_after_an_apposition_is_no_incise() -> None:
    text = "Son avocat, Me Paul Girard, a dénoncé une décision injuste devant la presse."
    assert _indirect(text) == []


def test_fr_a_quotation_with_its_incise_is_a_direct_quote_not_a_report() -> None:
    text = (
        "Le syndicat a tenu son congrès. Quant au calendrier, « la discussion n'en est pas "
        "là », a-t-il tranché."
    )
    assert _indirect(text) == []


def test_fr_infinitive_after_a_promise_is_the_report() -> None:
    text = "La maire a reçu les associations. Elle a promis de rénover le gymnase avant l'été."
    a = analyze(text, "fr")
    q = find_quote(a, "gymnase", "indirect")
    assert q.text == "rénover le gymnase avant l'été"


def test_fr_infinitive_after_an_appeal_to_someone_is_the_report() -> None:
    text = "Le syndicat appelle les salariés à cesser le travail jeudi."
    assert _indirect(text) == ["cesser le travail jeudi"]


def test_fr_se_dire_reports_what_one_calls_oneself() -> None:
    text = "Le ministre s'est dit prêt à rouvrir les négociations avec les syndicats."
    assert _indirect(text) == ["prêt à rouvrir les négociations avec les syndicats"]


def test_fr_infinitive_report_ends_before_a_participle_about_the_speaker() -> None:
    text = (
        "La députée a proposé de taxer les grandes fortunes, obtenant le soutien de "
        "plusieurs économistes."
    )
    assert _indirect(text) == ["taxer les grandes fortunes"]


def test_fr_negated_or_passive_verbs_report_no_infinitive() -> None:
    text = (
        "Le président n'a pas dit vouloir démissionner. L'acteur a été accusé de soutenir le parti."
    )
    assert _indirect(text) == []


def test_fr_reported_clause_ends_at_a_colon() -> None:
    text = (
        "La directrice a jugé impératif que les négociations reprennent : « Le temps "
        "presse », a-t-elle ajouté."
    )
    assert _indirect(text) == ["les négociations reprennent"]


def test_fr_selon_inside_the_clause_it_sources_reports_the_whole_clause() -> None:
    # The aside stands between a subject (or a verb) and the rest of its clause.
    text = (
        "La récolte a commencé en août. Le recul des rendements n'est, selon les "
        "agronomes, probablement pas dû au hasard. Des centaines d'agriculteurs, selon "
        "la chambre d'agriculture, ont déjà renoncé au blé."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "pas dû au hasard", "indirect")
    assert q.text == (
        "Le recul des rendements n'est, selon les agronomes, probablement pas dû au hasard"
    )
    q = find_quote(a, "renoncé au blé", "indirect")
    assert q.text.startswith("Des centaines d'agriculteurs, selon")


def test_fr_selon_after_a_relative_pronoun_reports_from_the_pronoun() -> None:
    text = (
        "Les lycéens dénoncent une réforme qui vise, selon eux, à trier les élèves dès la seconde."
    )
    a = analyze(text, "fr")
    check_offsets(text, a)
    q = find_quote(a, "trier les élèves", "indirect")
    assert q.text == "qui vise, selon eux, à trier les élèves dès la seconde"
