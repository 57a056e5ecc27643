import json

import pytest

from annotator.core import Category, Codebook, ValueLabel, Variable
from annotator.services.codebooks import (
    TEMPLATES,
    load_codebook_file,
    read_codebook,
    resolve_codebook,
    starter_codebook,
    template_codebook,
    template_languages,
    template_path,
    variable_name_problem,
    write_codebook,
)
from annotator.services.errors import FileProblem


def test_starter_codebook_has_claims_frames_and_stance():
    book = starter_codebook()
    names = {c.name for c in book.categories}
    assert {"Claim", "Frame", "Stance", "Conflict", "Human interest", "Responsibility"} <= names
    frame = next(c for c in book.categories if c.name == "Frame")
    assert len(book.children(frame.id)) == 5
    claim = next(c for c in book.categories if c.name == "Claim")
    assert {v.name for v in book.unit_variables(claim.id)} >= {"actor", "position"}
    shortcuts = [c.shortcut for c in book.categories if c.shortcut]
    assert len(shortcuts) == len(set(shortcuts)), "two categories share a shortcut"


def test_template_ids_are_stable_across_loads():
    first = [c.id for c in starter_codebook().categories]
    assert first == [c.id for c in starter_codebook().categories]


@pytest.mark.parametrize("name", ["pca", "frames", "stance"])
def test_each_template_has_a_french_version_with_the_same_structure(name):
    assert template_path(name, "fr").name == f"{name}.fr.json"
    assert template_languages(name) == ["en", "fr"]
    english, french = template_codebook(name, "en"), template_codebook(name, "fr")
    assert english.name != french.name
    # Same ids, names, kinds and codes: an English and a French coder's files merge.
    assert [(c.id, c.parent_id, c.shortcut) for c in english.categories] == [
        (c.id, c.parent_id, c.shortcut) for c in french.categories
    ]

    def shape(book: Codebook) -> list[tuple]:
        return [
            (v.id, v.name, v.kind, v.level, v.category_id, v.required, [x.code for x in v.values])
            for v in book.variables
        ]

    assert shape(english) == shape(french)
    assert [v.label for v in english.variables] != [v.label for v in french.variables]
    for book in (english, french):
        assert all(v.label and v.description for v in book.variables)
        assert all(x.label for v in book.variables for x in v.values)


def test_political_claims_analysis_codes_a_claim_unit():
    book = template_codebook("pca")
    (claim,) = book.categories
    assert claim.shortcut == "C" and book.is_unit(claim.id)
    kinds = {v.name: v.kind for v in book.unit_variables(claim.id)}
    assert kinds == {
        "claimant": "actor",
        "addressee": "actor",
        "object_actor": "actor",
        "issue": "nominal",
        "position": "ordinal",
        "form": "nominal",
        "justification": "nominal",
    }
    position = next(v for v in book.variables if v.name == "position")
    assert [v.code for v in position.values] == ["-1", "0", "+1"]
    form = next(v for v in book.variables if v.name == "form")
    labels = " ".join(v.label for v in form.values)
    for word in ("Verbal statement", "protest", "Court action"):
        assert word in labels


def test_generic_frames_are_the_twenty_questions_of_semetko_and_valkenburg():
    book = template_codebook("frames")
    questions = book.article_variables()
    assert len(questions) == 20
    assert all(q.kind == "yesno" and q.required for q in questions)
    assert all([v.code for v in q.values] == ["1", "0"] for q in questions)
    counts: dict[str, int] = {}
    for q in questions:
        frame = q.name.rsplit("_", 1)[0]
        counts[frame] = counts.get(frame, 0) + 1
    assert counts == {
        "conflict": 4,
        "human_interest": 5,
        "economic": 3,
        "morality": 3,
        "responsibility": 5,
    }
    labels = {q.name: q.label for q in questions}
    assert labels["conflict_2"] == "Does one party-individual-group-country reproach another?"
    assert labels["morality_2"] == (
        "Does the story make reference to morality, God, and other religious tenets?"
    )
    assert labels["responsibility_1"] == (
        "Does the story suggest that some level of government has the ability to alleviate"
        " the problem?"
    )
    assert labels["economic_2"] == "Is there a mention of the costs/degree of expense involved?"


def test_stance_codes_actor_target_and_four_stances():
    book = template_codebook("stance", "fr")
    (stance,) = book.categories
    variables = {v.name: v for v in book.unit_variables(stance.id)}
    assert variables["actor"].kind == "actor"
    assert variables["target"].kind == "text"
    assert [v.label.split(" :")[0] for v in variables["stance"].values] == [
        "Pour",
        "Contre",
        "Neutre",
        "Incertaine",
    ]


def test_every_template_loads_in_both_languages_without_shared_shortcuts():
    for name in TEMPLATES:
        for language in ("en", "fr"):
            book = template_codebook(name, language)
            keys = [c.shortcut for c in book.categories if c.shortcut]
            assert len(keys) == len(set(keys))
    assert template_languages("starter") == ["en"]
    with pytest.raises(ValueError, match="no codebook template 'nope'"):
        template_codebook("nope")


def test_unknown_parent_is_reported(tmp_path):
    path = tmp_path / "book.json"
    path.write_text(json.dumps({"name": "x", "categories": [{"name": "A", "parent": "nope"}]}))
    with pytest.raises(FileProblem, match="unknown parent 'nope'"):
        load_codebook_file(path)


def test_not_json_is_reported(tmp_path):
    path = tmp_path / "book.json"
    path.write_text("{not json")
    with pytest.raises(FileProblem, match="book.json: not a codebook file"):
        load_codebook_file(path)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ([1, 2], "expected a JSON object"),
        ({"categories": [{"color": "#fff"}]}, "category 1 has no name"),
        ({"variables": [{"name": "tone", "kind": "colour"}]}, "unknown kind 'colour'"),
        ({"variables": [{"label": "Tone"}]}, "article variable 1 has no name"),
        ({"variables": [{"name": "tone"}, {"name": "Tone"}]}, "two variables are named 'Tone'"),
        ({"variables": [{"name": "2tone"}]}, "variable name '2tone'"),
        ({"variables": [{"name": "x", "values": ["1", "1"]}]}, "value code '1' twice"),
    ],
)
def test_bad_json_codebooks_name_the_file_and_the_reason(tmp_path, data, reason):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(FileProblem, match="bad.json") as caught:
        read_codebook(path)
    assert reason in str(caught.value)


def _custom_codebook() -> Codebook:
    tone = Category(name="Tone", color="#123456", shortcut="T", description="Tone = mood")
    negative = Category(name="Negative", parent_id=tone.id, position=1)
    other = Category(name="Negative", color="#abcdef", position=2)  # a name used twice
    return Codebook(
        [tone, negative, other],
        [
            Variable(
                name="topic",
                label="Main topic",
                values=(ValueLabel("1", "Economy"), ValueLabel("2", "=SUM(A1)")),
                required=True,
                examples=("a budget story", "a strike"),
            ),
            Variable(
                name="intensity",
                kind="ordinal",
                level="unit",
                category_id=negative.id,
                values=(ValueLabel("-1", "mild"), ValueLabel("+1", "strong")),
                description="How strong, on a line\nand another",
            ),
            Variable(name="note", kind="text", level="unit", category_id=other.id, position=0),
        ],
        name="Custom",
    )


def test_a_project_codebook_round_trips_through_json_with_its_ids(tmp_path):
    book = _custom_codebook()
    path = write_codebook(book, tmp_path / "custom.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [c["parent"] for c in data["categories"]] == [None, "tone", None]
    back = read_codebook(path)
    assert back.name == "Custom"
    assert [(c.id, c.name, c.parent_id, c.color) for c in back.categories] == [
        (c.id, c.name, c.parent_id, c.color) for c in book.categories
    ]
    assert sorted(back.variables, key=lambda v: v.id) == sorted(book.variables, key=lambda v: v.id)


def test_resolve_codebook_takes_a_template_or_a_file(tmp_path):
    assert resolve_codebook("pca", "fr").name == "Analyse des revendications politiques"
    path = write_codebook(_custom_codebook(), tmp_path / "mine.json")
    assert resolve_codebook(str(path)).name == "Custom"
    with pytest.raises(FileProblem, match="notes.txt: not a codebook template or file"):
        resolve_codebook(str(tmp_path / "notes.txt"))
    with pytest.raises(FileProblem, match="missing.json: cannot be read"):
        resolve_codebook(str(tmp_path / "missing.json"))


def test_variable_names_fit_statistics_software():
    assert variable_name_problem("conflict_1") is None
    assert variable_name_problem("durée") is None
    assert "letters, digits and _" in (variable_name_problem("main topic") or "")
    assert "longer than 32" in (variable_name_problem("x" * 33) or "")
    assert variable_name_problem("") == "a variable needs a name"
