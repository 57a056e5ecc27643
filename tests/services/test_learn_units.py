"""A claim's or quote's stance learned from the coded units (issue 15, item 3): a real
project with the Stance template, stances coded by hand on spans of real sentences,
scikit-learn trained on the span and its sentence."""

from __future__ import annotations

import json
import random

from annotator.cli import main
from annotator.core import ADJUDICATED, Annotation, Article
from annotator.services.code_suggestions import train_and_suggest
from annotator.services.codebooks import template_codebook
from annotator.services.learn_units import (
    learn_units,
    sentence,
    split_names,
    suggest_units,
    unit_variables,
)
from annotator.store import Project

ACTORS = ["The mayor", "The union", "Ms Martin", "The minister", "Local residents", "The party"]
FAVOUR = ["welcomed", "praised", "supported", "backed", "applauded", "defended"]
AGAINST = ["condemned", "criticised", "rejected", "opposed", "denounced", "attacked"]
TARGETS = ["the tram plan", "the new budget", "the pension reform", "the housing law"]
FILLER = "The council met on Monday. It rained all day in the city."


def _claim(rng: random.Random, favour: bool) -> str:
    verb = rng.choice(FAVOUR if favour else AGAINST)
    return f"{rng.choice(ACTORS)} {verb} {rng.choice(TARGETS)}"


def make(tmp_path, coded: int = 30, favour_every: int = 2, uncoded: int = 4, seed: int = 3):
    """Articles with one claim each, its stance coded ("1" favour, "2" against) for the
    first ``coded``; the last ``uncoded`` claims are spans without a stance yet."""
    rng = random.Random(seed)
    path = tmp_path / "units.annotator"
    book = template_codebook("stance")
    category = next(c for c in book.categories if c.name == "Stance")
    stance = next(v for v in book.unit_variables(category.id) if v.name == "stance")
    with Project.create(path) as project:
        project.install_codebook(book)
        for n in range(coded + uncoded):
            favour = n % favour_every == 0
            claim = _claim(rng, favour)
            text = f"{FILLER} {claim}, according to a statement. Nothing else happened."
            article = Article(text=text, title=f"Story {n}", id=f"a{n}", source_file=f"s{n}.txt")
            project.add_article(article)
            start = text.index(claim)
            coder = ADJUDICATED if n % 3 == 0 else "alice"
            attributes = {stance.id: "1" if favour else "2"} if n < coded else {}
            project.add_annotation(
                Annotation(
                    article.id,
                    category.id,
                    start,
                    start + len(claim),
                    claim,
                    coder,
                    attributes=attributes,
                    id=f"u{n}",
                )
            )
    return path, stance


def test_sentence_is_the_spans_sentence_only():
    text = "First one. The mayor praised the plan, he said. Last one!"
    start = text.index("praised")
    assert sentence(text, start, start + 7) == "The mayor praised the plan, he said."
    french = "Rien.\nLe maire a salué « le plan » hier. Fin."
    start = french.index("salué")
    assert sentence(french, start, start + 5) == "Le maire a salué « le plan » hier."


def test_unit_stance_is_learned_cross_validated(tmp_path):
    path, stance = make(tmp_path)
    with Project.open(path) as project:
        [report] = learn_units(project, unit_variables(project.codebook()), "alice", folds=5)
    assert report.name == "stance" and report.level == "unit"
    assert (report.items, report.classes) == (30, 2)
    assert report.macro_f1 is not None and report.baseline_macro_f1 is not None
    # The verb tells the stance: well above always answering the majority value.
    assert report.macro_f1 >= report.baseline_macro_f1 + 0.3
    assert report.alpha is not None and report.alpha > 0.5
    # Every coded unit is predicted by a model that never saw it.
    assert set(report.predictions) == {f"u{n}" for n in range(30)}


def test_adjudicated_units_only_by_default_and_too_few_says_how_many_more(tmp_path):
    path, _stance = make(tmp_path, coded=12, favour_every=4)
    with Project.open(path) as project:
        [report] = learn_units(project, unit_variables(project.codebook()), None, folds=5)
    # Adjudicated: u0, u3, u6, u9 -> favour at 0, 4, 8 (n % 4 == 0): u0 only; against: 3.
    assert report.items == 4 and report.alpha is None
    assert report.note.startswith("too few coded units: needs ")
    assert "4 more coded '1'" in report.note and "2 more coded '2'" in report.note


def test_suggest_units_stores_suggestions_never_codes(tmp_path):
    path, stance = make(tmp_path)
    with Project.open(path) as project:
        made = suggest_units(project, unit_variables(project.codebook()), "alice")
        stored = project.unit_suggestions()
        attributes = {a.id: a.attributes for a in project.annotations()}
    assert {s.unit for s in made} == {"u30", "u31", "u32", "u33"}
    assert {s.value for s in made} <= {"1", "2", "3", "9"}
    assert all(0 < s.confidence <= 1 and s.level == "unit" for s in made)
    assert {(u, v) for u, v, _value, _conf in stored} == {(s.unit, stance.id) for s in made}
    # Suggestions, never codes: the uncoded units still have no stance.
    assert all(attributes[f"u{n}"] == {} for n in range(30, 34))


def test_split_names_refuses_a_text_unit_variable(tmp_path):
    book = template_codebook("stance")
    assert split_names(book, ["stance"]) == ([], [v for v in book.variables if v.name == "stance"])
    try:
        split_names(book, ["target"])
    except ValueError as exc:
        assert "target: only yes/no, nominal and ordinal" in str(exc)
    else:
        raise AssertionError("a text variable was accepted")


def test_cli_learn_reports_units_and_suggest_prints_them(tmp_path, capsys):
    path, _stance = make(tmp_path)
    assert main(["learn", str(path), "--from", "alice", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    [row] = [r for r in out["variables"] if r["name"] == "stance"]
    assert row["level"] == "unit" and row["items"] == 30
    assert set(row) >= {"items", "classes", "accuracy", "macro_f1", "alpha", "baseline_macro_f1"}
    with Project.open(path) as project:
        kept = json.loads(project.meta("learn_report") or "{}")
    assert [r["level"] for r in kept["variables"]] == ["unit"]
    assert main(["suggest", str(path), "--from", "alice", "--variables", "stance"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 4
    assert {"article", "source", "title", "variable", "value", "confidence"} <= set(lines[0])
    assert lines[0]["level"] == "unit" and lines[0]["unit"] == "u30"
    assert lines[0]["source"] == "s30.txt" and lines[0]["category"] == "Stance"


def test_the_windows_training_run_keeps_the_unit_figures_and_suggests_units(tmp_path):
    # The window retrains with train_and_suggest: it must not drop what learn kept for units.
    path, stance = make(tmp_path)
    with Project.open(path) as project:
        train_and_suggest(project, "alice")
        kept = json.loads(project.meta("learn_report"))
        stored = project.unit_suggestions()
    units = [r for r in kept["variables"] if r.get("level") == "unit"]
    assert [r["name"] for r in units] == ["stance"]
    assert set(kept["unit_predictions"]) == {"stance"}
    assert {u for u, _v, _value, _conf in stored} == {"u30", "u31", "u32", "u33"}
