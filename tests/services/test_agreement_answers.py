"""Alpha from a real project file is the `krippendorff` package's, for every kind of
variable, with and without value labels, whatever spelling the coders' answers use."""

from __future__ import annotations

import json
import math

import krippendorff
import numpy as np
import pytest

from annotator.core import Article, Codebook, Coding, ValueLabel, Variable
from annotator.services.agreement import project_agreement
from annotator.store import Project

CODERS = ("ann", "bob", "cat")
#: Three coders' answers on twelve articles (None: not answered).
ANSWERS = {
    "ann": [1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0],
    "bob": [1, 0, 0, 0, 1, 0, 1, 1, 0, 1, None, 0],
    "cat": [1, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1, None],
}

#: How coders' files and spreadsheets write yes and no.
SPELLINGS = {
    "yes/no": ("yes", "no"),
    "Yes/No": ("Yes", "No"),
    "1/0 text": ("1", "0"),
    "1/0 numbers": (1, 0),
    "true/false": ("true", "false"),
    "booleans": (True, False),
    "oui/non": ("oui", "non"),
    "Oui/Non": ("Oui", "Non"),
}
#: A yes/no variable's value labels: none, the templates' 1/0, codes of their own.
LABELS = {
    "no labels": (),
    "1/0 labelled": (ValueLabel("1", "Yes"), ValueLabel("0", "No")),
    "oui/non codes": (ValueLabel("oui", "Oui"), ValueLabel("non", "Non")),
    "1/2 labelled": (ValueLabel("1", "Yes"), ValueLabel("2", "No")),
}


def reference(rows: list[list[float | None]], level: str = "nominal") -> float:
    data = np.array([[math.nan if v is None else v for v in row] for row in rows], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))


def make_project(path, variable: Variable) -> Project:
    project = Project.create(path)
    for number in range(12):
        project.add_article(Article(text=f"Story number {number}.", id=f"a{number}"))
    project.install_codebook(Codebook([], [variable], name="test"))
    return project


def write(project: Project, variable_id: str, coder: str, values: list, raw: bool) -> None:
    for number, value in enumerate(values):
        if value is None:
            continue
        if raw:
            # As another tool or an older version left it: not through the store's write.
            project.db.execute(
                "insert into codings (id, article_id, variable_id, coder, value, modified)"
                " values (?, ?, ?, ?, ?, '')",
                [f"{coder}{number}", f"a{number}", variable_id, coder, json.dumps(value)],
            )
            project.db.conn.commit()
        else:
            project.set_coding(Coding(f"a{number}", variable_id, coder, value))


@pytest.mark.parametrize("raw", [False, True], ids=["stored", "raw"])
@pytest.mark.parametrize("labels", list(LABELS), ids=list(LABELS))
@pytest.mark.parametrize("spelling", list(SPELLINGS), ids=list(SPELLINGS))
def test_yes_no_alpha_whatever_the_spelling(tmp_path, spelling, labels, raw):
    values = LABELS[labels]
    variable = Variable("conflict_1", kind="yesno", values=values, id="v1")
    # The codebook keeps yes and no as "1" and "0" (labels kept): the codes coders see.
    codes = variable.values
    own = {1: codes[0].code, 0: codes[1].code} if codes else {1: "Y", 0: "N"}
    yes, no = SPELLINGS[spelling]
    # Each coder spells differently: this spelling, the variable's own codes, and 1/0.
    spelled = {"ann": {1: yes, 0: no}, "bob": own, "cat": {1: 1, 0: "0"}}
    with make_project(tmp_path / "study.annotator", variable) as project:
        for coder in CODERS:
            answers = [None if a is None else spelled[coder][a] for a in ANSWERS[coder]]
            write(project, "v1", coder, answers, raw)
        [row] = project_agreement(project, draws=50)
    assert row.reason == ""
    assert row.alpha == pytest.approx(reference(list(ANSWERS.values())), abs=1e-12)
    assert (row.units, row.coders) == (12, 3)


def test_a_third_answer_of_a_yes_no_variable_is_a_value_of_its_own(tmp_path):
    values = (ValueLabel("1", "Yes"), ValueLabel("0", "No"), ValueLabel("9", "Don't know"))
    variable = Variable("conflict_1", kind="yesno", values=values, id="v1")
    with make_project(tmp_path / "study.annotator", variable) as project:
        write(project, "v1", "ann", ["yes", "9", "no", "oui"], raw=False)
        write(project, "v1", "bob", ["1", "9", "9", "non"], raw=False)
        [row] = project_agreement(project, draws=50)
    assert row.alpha == pytest.approx(reference([[1, 9, 0, 1], [1, 9, 9, 0]]), abs=1e-12)


NOMINAL = {"ann": ["a", "b", "b", "c", "a", None], "bob": ["a", "b", "c", "c", "b", "a"]}


@pytest.mark.parametrize("labelled", [True, False], ids=["labels", "no labels"])
def test_nominal_alpha(tmp_path, labelled):
    values = tuple(ValueLabel(c, c.upper()) for c in "abc") if labelled else ()
    variable = Variable("topic", kind="nominal", values=values, id="v1")
    with make_project(tmp_path / "study.annotator", variable) as project:
        for coder, answers in NOMINAL.items():
            write(project, "v1", coder, answers, raw=False)
        [row] = project_agreement(project, draws=50)
    index = {"a": 0, "b": 1, "c": 2}
    rows = [[None if v is None else index[v] for v in NOMINAL[c]] for c in NOMINAL]
    assert row.alpha == pytest.approx(reference(rows), abs=1e-12)


ORDINAL = {"ann": [-1, 0, 1, 1, 0, -1, None], "bob": [-1, 1, 1, 0, 0, 0, 1]}
#: How coders write the codes -1, 0, +1.
ORDINAL_SPELLINGS = {"numbers": {-1: -1, 0: 0, 1: 1}, "codes": {-1: "-1", 0: "0", 1: "+1"}}


@pytest.mark.parametrize("labelled", [True, False], ids=["labels", "no labels"])
@pytest.mark.parametrize("spelling", list(ORDINAL_SPELLINGS))
def test_ordinal_alpha(tmp_path, labelled, spelling):
    codes = (("-1", "against"), ("0", "neutral"), ("+1", "in favour"))
    values = tuple(ValueLabel(c, label) for c, label in codes) if labelled else ()
    variable = Variable("position", kind="ordinal", values=values, id="v1")
    spelled = ORDINAL_SPELLINGS[spelling]
    with make_project(tmp_path / "study.annotator", variable) as project:
        write(
            project, "v1", "ann", [None if v is None else spelled[v] for v in ORDINAL["ann"]], False
        )
        write(project, "v1", "bob", ORDINAL["bob"], raw=False)
        [row] = project_agreement(project, draws=50)
    assert row.reason == ""
    assert row.alpha == pytest.approx(reference(list(ORDINAL.values()), "ordinal"), abs=1e-12)


def test_number_alpha_with_decimal_commas(tmp_path):
    variable = Variable("length", kind="number", id="v1")
    with make_project(tmp_path / "study.annotator", variable) as project:
        write(project, "v1", "ann", ["1,5", 2, "3.5", 4, None], raw=False)
        write(project, "v1", "bob", [1.5, "2,5", 3.5, "4", 5], raw=False)
        [row] = project_agreement(project, draws=50)
    expected = reference([[1.5, 2, 3.5, 4, None], [1.5, 2.5, 3.5, 4, 5]], "interval")
    assert row.alpha == pytest.approx(expected, abs=1e-12)


def test_actor_alpha_on_names(tmp_path):
    variable = Variable("speaker", kind="actor", id="v1")
    with make_project(tmp_path / "study.annotator", variable) as project:
        write(project, "v1", "ann", ["Jean Dupont", "Anna Berg", "Anna Berg", None], raw=False)
        write(project, "v1", "bob", ["jean  dupont", {"name": "Anna Berg"}, "Tom", "Tom"], False)
        [row] = project_agreement(project, draws=50)
    assert row.alpha == pytest.approx(reference([[0, 1, 1, None], [0, 1, 2, 2]]), abs=1e-12)
