"""Schema 4: variables, article-level codes, status and memos, actors, decisions, search."""

import json
import sqlite3

import sqlite_utils

from annotator.core import (
    Actor,
    Analysis,
    Annotation,
    Article,
    ArticleStatus,
    Category,
    Codebook,
    Coding,
    Decision,
    Mention,
    Quote,
    ValueLabel,
    Variable,
)
from annotator.store import Project
from annotator.store.rows import fts_query
from annotator.store.schema import migrate

TEXT = "Le maire Jean Dupont a déclaré : « Nous construirons le tramway. » Dupont insiste."


def _project(tmp_path):
    project = Project.create(tmp_path / "p.annotator")
    article = Article(text=TEXT, title="Tramway à Lyon", id="a1")
    project.add_article(article)
    claim = Category("Claim", id="claim")
    position = Variable(
        "position",
        "Position",
        "ordinal",
        "unit",
        category_id="claim",
        values=(ValueLabel("-1", "against"), ValueLabel("0"), ValueLabel("+1", "for")),
        id="v-pos",
    )
    conflict = Variable("conflict_1", "Disagreement?", "yesno", "article", required=True, id="v-c1")
    project.install_codebook(Codebook([claim], [position, conflict], name="Test book"))
    return project


def test_codebook_round_trips_variables_at_both_levels(tmp_path):
    with _project(tmp_path) as project:
        book = project.codebook()
        assert book.name == "Test book"
        assert [v.name for v in book.article_variables()] == ["conflict_1"]
        [position] = book.unit_variables("claim")
        assert position.values[0] == ValueLabel("-1", "against")
        assert position.value_label("+1") == "for"
        assert book.is_unit("claim") and book.article_variables()[0].required


def test_renaming_a_variable_keeps_its_codes_and_deleting_counts_them(tmp_path):
    with _project(tmp_path) as project:
        project.add_annotation(
            Annotation("a1", "claim", 0, 8, TEXT[:8], "alice", attributes={"v-pos": "+1"})
        )
        project.set_coding(Coding("a1", "v-c1", "alice", True))
        project.set_coding(Coding("a1", "v-c1", "bob", False))
        book = project.codebook()
        variable = book.variable("v-pos")
        assert variable is not None
        project.save_variable(
            Variable(**{**{f: getattr(variable, f) for f in variable.__slots__}, "name": "pos"})
        )
        assert project.annotations("a1")[0].attributes == {"v-pos": "+1"}
        assert project.variable_usage("v-pos") == 1
        assert project.variable_usage("v-c1") == 2
        assert project.delete_variable("v-pos") == 1
        assert project.annotations("a1")[0].attributes == {}
        assert project.delete_category("claim") == 1
        assert project.annotations() == []


def test_yes_no_answers_are_stored_as_1_and_0_whatever_their_spelling(tmp_path):
    with _project(tmp_path) as project:
        for coder, value in [("a", "Oui"), ("b", "no"), ("c", True), ("d", 0), ("e", "maybe")]:
            project.set_coding(Coding("a1", "v-c1", coder, value))
        stored = {c.coder: c.value for c in project.codings("a1")}
        assert stored == {"a": "1", "b": "0", "c": "1", "d": "0", "e": "maybe"}


def test_article_codes_are_one_per_coder_and_variable_and_clear_with_none(tmp_path):
    with _project(tmp_path) as project:
        project.set_coding(Coding("a1", "v-c1", "alice", True))
        project.set_coding(Coding("a1", "v-c1", "alice", False))
        # A yes/no answer is kept as its canonical code, "0" for no.
        assert [(c.coder, c.value) for c in project.codings("a1")] == [("alice", "0")]
        project.set_coding(Coding("a1", "v-c1", "alice", None))
        assert project.codings() == []


def test_status_and_memo_per_coder(tmp_path):
    with _project(tmp_path) as project:
        project.set_article_status(ArticleStatus("a1", "alice", done=True, memo="check the date"))
        assert project.article_status("a1", "alice").done
        assert project.article_status("a1", "alice").memo == "check the date"
        assert not project.article_status("a1", "bob").done
        assert [s.coder for s in project.statuses()] == ["alice"]


def test_machine_actors_are_replaced_but_coders_actors_stay(tmp_path):
    with _project(tmp_path) as project:
        dupont = Actor(
            "Jean Dupont", mentions=[Mention(9, 20, "Jean Dupont"), Mention(67, 73, "Dupont")]
        )
        quote = Quote(33, 63, TEXT[33:63], "direct", "Jean Dupont", 9, 20, "a déclaré", dupont.id)
        project.save_analysis("a1", Analysis("fr", quotes=[quote], actors=[dupont]))
        [stored] = project.actors("a1")
        assert stored.name == "Jean Dupont" and len(stored.mentions) == 2
        assert project.quotes("a1")[0].actor_id == dupont.id
        mine = Actor("Le maire", article_id="a1", source="coder", mentions=[Mention(3, 8, "maire")])
        project.save_actor(mine)
        project.save_analysis("a1", Analysis("fr", actors=[Actor("Someone else")]))
        assert sorted(a.name for a in project.actors("a1")) == ["Le maire", "Someone else"]


def test_merging_actors_moves_mentions_and_quotes(tmp_path):
    with _project(tmp_path) as project:
        a = Actor("Jean Dupont", mentions=[Mention(9, 20, "Jean Dupont")])
        b = Actor("Dupont", mentions=[Mention(67, 73, "Dupont")])
        quote = Quote(33, 63, TEXT[33:63], "direct", "Dupont", 67, 73, None, b.id)
        project.save_analysis("a1", Analysis("fr", quotes=[quote], actors=[a, b]))
        a.mentions.extend(b.mentions)
        project.merge_actors(a, [b.id])
        [merged] = project.actors("a1")
        assert merged.source == "coder" and [m.text for m in merged.mentions] == [
            "Jean Dupont",
            "Dupont",
        ]
        assert project.quotes("a1")[0].actor_id == a.id


def test_decisions_keep_what_was_suggested_and_what_was_kept(tmp_path):
    with _project(tmp_path) as project:
        project.add_decision(
            Decision(
                "a1",
                "alice",
                "quote",
                "corrected",
                {"speaker": "Dupont"},
                {"speaker": "Jean Dupont"},
            )
        )
        [decision] = project.decisions("a1")
        assert decision.suggestion == {"speaker": "Dupont"}
        assert decision.result == {"speaker": "Jean Dupont"}


def test_full_text_search_ignores_accents_and_matches_prefixes(tmp_path):
    with _project(tmp_path) as project:
        project.add_article(Article(text="Rien à voir.", title="Autre", id="a2"))
        assert [hit[0] for hit in project.search("tramw")] == ["a1"]
        assert [hit[0] for hit in project.search("declare")] == ["a1"]
        assert "[" in project.search("Dupont")[0][2]
        assert project.search('"le tramway"')[0][0] == "a1"
        assert project.search('AND OR ") * NEAR(') == []


def test_fts_query_quotes_every_word():
    assert fts_query('tram "le maire" x-y') == '"tram"* "le maire" "x"* "y"*'


def test_version_3_attributes_become_unit_variables_keyed_by_id(tmp_path):
    path = tmp_path / "v3.annotator"
    old = sqlite_utils.Database(sqlite3.connect(path))
    migrate(old, target=3)
    old.table("articles").insert(
        {"id": "a1", "title": "T", "text": "Some text here.", "imported_at": "x", "section": ""}
    )
    specs = [{"name": "position", "label": "Position", "kind": "ordinal", "values": ["-1", "+1"]}]
    old.table("categories").insert(
        {"id": "c1", "name": "Claim", "position": 0, "attributes": json.dumps(specs)}
    )
    old.table("annotations").insert(
        {
            "id": "n1",
            "article_id": "a1",
            "coder": "alice",
            "category_id": "c1",
            "start": 0,
            "end": 4,
            "text": "Some",
            "attributes": json.dumps({"position": "+1"}),
            "memo": "",
            "created": "x",
            "modified": "x",
        }
    )
    old.close()
    with Project.open(path) as project:
        [variable] = project.codebook().unit_variables("c1")
        assert variable.name == "position" and variable.kind == "ordinal"
        assert [v.code for v in variable.values] == ["-1", "+1"]
        assert project.annotations("a1")[0].attributes == {variable.id: "+1"}
        assert project.search("some")[0][0] == "a1"


def test_article_list_filters_by_metadata_state_actor_and_search_hits(tmp_path):
    from annotator.store import ArticleFilter

    with _project(tmp_path) as project:
        project.add_article(
            Article(text="Autre texte.", title="B", outlet="Libé", date="2025-03-02", id="a2")
        )
        dupont = Actor("Jean Dupont", mentions=[Mention(9, 20, "Jean Dupont")])
        quote = Quote(33, 63, TEXT[33:63], "direct", "Jean Dupont", 9, 20, None, dupont.id)
        project.save_analysis("a1", Analysis("fr", quotes=[quote], actors=[dupont]))

        def ids(coder=None, **kw):
            return [s.id for s in project.articles(coder, ArticleFilter(**kw))]

        assert ids() == ["a1", "a2"]
        assert ids(outlet="Libé") == ["a2"]
        assert ids(date_from="2025-03-01", date_to="2025-03-02") == ["a2"]
        assert ids(quoted_actor="dupont") == ["a1"]
        assert ids(ids=("a2", "a1")) == ["a2", "a1"]
        project.set_coding(Coding("a1", "v-c1", "bob", True))
        project.add_annotation(Annotation("a2", "claim", 0, 5, "Autre", "alice"))
        # alice started a2 without answering the required variable: incomplete, to do.
        assert ids("alice", state="incomplete") == ["a2"]
        assert ids("alice", state="uncoded") == ["a1"]
        assert ids("bob", state="coded") == ["a1"]
        project.set_article_status(ArticleStatus("a2", "alice", done=True))
        assert ids("alice", state="done") == ["a2"]
        assert ids("alice", state="todo") == ["a1"]
        summary = project.articles("bob")[0]
        assert summary.coded and summary.missing == 0 and not summary.incomplete
        assert project.outlets() == ["Libé"] and project.languages() == ["fr"]


def test_reanalysis_keeps_what_coders_made_of_actors_with_the_same_ids(tmp_path):
    with _project(tmp_path) as project:

        def analysis():
            # The pipeline's ids are derived from the text: the same on every run.
            jean = Actor("Jean Dupont", id="m-jean", mentions=[Mention(9, 20, "Jean Dupont")])
            dupont = Actor("Dupont", id="m-dupont", mentions=[Mention(67, 73, "Dupont")])
            quote = Quote(33, 63, TEXT[33:63], "direct", "Dupont", 67, 73, None, "m-dupont")
            return Analysis("fr", quotes=[quote], actors=[jean, dupont])

        project.save_analysis("a1", analysis())
        jean, dupont = project.actors("a1")
        jean.mentions.extend(dupont.mentions)
        project.merge_actors(jean, [dupont.id])  # the coder: one person, not two
        project.save_analysis("a1", analysis())
        [actor] = project.actors("a1")
        assert actor.id == "m-jean" and actor.source == "coder" and len(actor.mentions) == 2
        # The quote's machine actor was folded into the coder's: it follows the speaker.
        assert project.quotes("a1")[0].actor_id == "m-jean"
