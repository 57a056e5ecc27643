"""Codes learned from the coders' own codes (issue 15, items 1 and 2): a real project,
articles coded by hand for a yes/no and a nominal variable, scikit-learn trained on them."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest

from annotator.cli import main
from annotator.core import ADJUDICATED, Article, Codebook, Coding, ValueLabel, Variable
from annotator.services.learn import learn, suggest
from annotator.store import Project

SPORT = ["match", "goal", "league", "coach", "striker", "season", "stadium", "cup"]
MONEY = ["budget", "tax", "inflation", "bank", "deficit", "market", "wages", "bond"]
FILLER = ["the", "city", "said", "on", "monday", "people", "report", "new", "week"]

CONFLICT = Variable("conflict", "Does the story show a conflict?", kind="yesno", id="v1")
TOPIC = Variable(
    "topic",
    "Topic",
    kind="nominal",
    values=(ValueLabel("1", "Sport"), ValueLabel("2", "Economy")),
    id="v2",
)
NOTE = Variable("note", "Free note", kind="text", id="v3")


def _text(rng: random.Random, topic: str, conflict: bool) -> str:
    words = SPORT if topic == "1" else MONEY
    body = [rng.choice(words) for _ in range(25)] + [rng.choice(FILLER) for _ in range(25)]
    if conflict:
        body += ["clash", "row", "dispute"]
    rng.shuffle(body)
    return " ".join(body) + "."


def make(tmp_path, coded: int = 40, uncoded: int = 6, seed: int = 1, topic=TOPIC):
    rng = random.Random(seed)
    path = tmp_path / "learn.annotator"
    with Project.create(path) as project:
        project.install_codebook(Codebook([], [CONFLICT, topic, NOTE]))
        for n in range(coded + uncoded):
            topic, conflict = ("1" if n % 2 else "2"), n % 3 == 0
            article = Article(
                text=_text(rng, topic, conflict),
                title=f"Story {n}",
                id=f"a{n}",
                source_file=f"corpus/story{n}.txt",
            )
            project.add_article(article)
            if n < coded:
                coder = ADJUDICATED if n % 4 in (0, 1) else "alice"
                project.set_coding(Coding(article.id, "v1", coder, "1" if conflict else "0"))
                project.set_coding(Coding(article.id, "v2", coder, topic))
    return path


def test_learn_reports_cross_validated_figures_per_variable(tmp_path):
    path = make(tmp_path)
    with Project.open(path) as project:
        reports = {r.name: r for r in learn(project, coder="alice", folds=5)}
        kept = json.loads(project.meta("learn_report") or "{}")
    assert set(reports) == {"conflict", "topic"}  # a text variable is not a class
    topic = reports["topic"]
    assert (topic.items, topic.classes) == (40, 2)
    # Words that tell the topic apart: far above always answering the majority value.
    assert topic.macro_f1 is not None and topic.baseline_macro_f1 is not None
    assert topic.macro_f1 > 0.9 > topic.baseline_macro_f1
    assert topic.alpha is not None and topic.alpha > 0.8
    assert 0 <= reports["conflict"].accuracy <= 1
    assert [v["name"] for v in kept["variables"]] == ["conflict", "topic"]
    assert kept["from"] == "alice" and kept["folds"] == 5


def test_without_the_coder_only_adjudicated_codes_train_and_too_few_says_how_many_more(tmp_path):
    path = make(tmp_path, coded=12)
    with Project.open(path) as project:
        # 6 adjudicated articles (a0, a1, a4, a5, a8, a9), 3 of each topic: too few for 5 folds.
        [report] = learn(project, ["topic"], folds=5)
    assert report.items == 6 and report.macro_f1 is None
    assert "more coded" in report.note and "at least 5 times" in report.note


def test_suggest_predicts_only_uncoded_articles_and_stores_them_as_suggestions(tmp_path):
    path = make(tmp_path)
    with Project.open(path) as project:
        before = len(project.codings())
        made = suggest(project, ["topic"], coder="alice")
        stored = project.code_suggestions()
        after = len(project.codings())
    assert {s.article for s in made} == {f"a{n}" for n in range(40, 46)}
    assert before == after  # suggestions are never codes
    assert sorted(a for a, *_ in stored) == sorted(s.article for s in made)
    by_article = {s.article: s for s in made}
    # Odd stories are sport: the words say so.
    assert all(by_article[f"a{n}"].value == ("1" if n % 2 else "2") for n in range(40, 46))
    assert all(0.5 <= s.confidence <= 1 for s in made)
    assert by_article["a41"].source == "corpus/story41.txt"


def test_cli_learn_json_and_suggest_jsonl(tmp_path, capsys):
    path = make(tmp_path)
    assert main(["learn", str(path), "--from", "alice", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    names = [v["name"] for v in report["variables"]]
    assert names == ["conflict", "topic"]
    keys = {"name", "items", "classes", "accuracy", "macro_f1", "alpha", "baseline_macro_f1"}
    assert keys <= set(report["variables"][0])
    assert main(["suggest", str(path), "--from", "alice", "--variables", "topic"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 6
    assert set(lines[0]) == {"article", "source", "title", "variable", "value", "confidence"}


@pytest.mark.parametrize("names", [["nope"], ["note"]])
def test_unknown_or_unlearnable_variables_are_refused(tmp_path, capsys, names):
    path = make(tmp_path, coded=4, uncoded=0)
    assert main(["learn", str(path), "--variables", ",".join(names)]) == 2
    assert names[0] in capsys.readouterr().err


def test_a_value_coded_once_does_not_hold_the_variable_back_and_is_named(tmp_path):
    path = make(tmp_path)
    with Project.open(path) as project:
        # One story coded with a third topic that nobody else used.
        project.add_article(Article(text="chess grandmaster opening endgame", id="odd"))
        project.set_coding(Coding("odd", "v2", "alice", "3"))
        [report] = learn(project, ["topic"], coder="alice", folds=5)
        made = suggest(project, ["topic"], coder="alice")
    assert report.items == 41 and report.classes == 3
    assert report.macro_f1 is not None and report.note == ""
    assert "'3' (1)" in report.rare
    assert len(made) == 6


def test_the_codebook_value_labels_are_learned_too_even_for_a_value_no_one_coded(tmp_path):
    weather = ValueLabel("3", "Weather and storms")
    path = make(tmp_path, topic=replace(TOPIC, values=(*TOPIC.values, weather)))
    with Project.open(path) as project:
        project.add_article(Article(text="storms and weather: storms on the weather map", id="w"))
        made = {s.article: s for s in suggest(project, ["topic"], coder="alice")}
    # Nobody coded "3": only its label says what it is about.
    assert made["w"].value == "3"
    assert all(made[f"a{n}"].value == ("1" if n % 2 else "2") for n in range(40, 46))
