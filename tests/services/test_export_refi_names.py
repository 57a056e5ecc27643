"""REFI-QDA documents QualCoder can open (issue 12, item 6): names short, unique and safe
as file names, the full title kept; a warning for one coder's identical spans."""

import zipfile

import pytest
from lxml import etree

from annotator.cli import main
from annotator.core import Annotation, Article, Category, Codebook
from annotator.services.exports import export_project
from annotator.services.exports.refi import NAME_BYTES, NAME_CHARS, document_name
from annotator.store import Project
from tests.services.test_export_formats import NS, SCHEMA

LONG = (
    "Gilets jaunes : le gouvernement annonce un moratoire sur la hausse des taxes sur les "
    "carburants, après trois semaines de mobilisation et de blocages dans toute la France"
)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Budget vote", "Budget vote"),
        ('Who/what? "Tax" <cuts>: a|b*c\\d', "Who-what 'Tax' cuts - a-b c-d"),
        ("Line one\nline\ttwo\x7f", "Line one line two"),
        ("The end...  ", "The end"),
        ("CON", "CON (article)"),
        ("nul.txt", "nul.txt (article)"),
        ("Com1", "Com1 (article)"),
        ("Console", "Console"),
        ("", "article"),
        (" / : ", "article"),
    ],
)
def test_a_document_name_is_safe_as_a_file_name(title, name):
    assert document_name(title, set()) == name


def test_a_long_title_is_cut_at_a_word_within_the_limits():
    name = document_name(LONG, set())
    assert len(name) <= NAME_CHARS and name.endswith("…")
    assert name.startswith("Gilets jaunes - le gouvernement annonce")
    assert name.endswith(" carburants…")
    chinese = document_name("政府宣布暂停提高燃油税" * 20, set())
    assert len(chinese.encode("utf-8")) <= NAME_BYTES and chinese.endswith("…")


def test_names_are_unique_whatever_their_case():
    taken: set[str] = set()
    names = [document_name(t, taken) for t in ("Budget", "budget", "BUDGET", LONG, LONG)]
    assert names[:3] == ["Budget", "budget (2)", "BUDGET (3)"]
    assert names[4].endswith("… (2)") and len(names[4]) <= NAME_CHARS
    assert len({n.casefold() for n in names}) == 5


@pytest.fixture
def project(tmp_path):
    project = Project.create(tmp_path / "study.annotator")
    claim = Category("Claim", color="#f06292", id="cat-claim")
    project.install_codebook(Codebook([claim]))
    titles = [LONG, LONG, "Prices: up/down?", "CON", "prices - UP-DOWN"]
    articles = [
        Article(text=f"Text number {n}. Unions said no.", title=t) for n, t in enumerate(titles)
    ]
    for article in articles:
        project.add_article(article)
    first = articles[0]
    for coder in ("alice", "alice", "bob"):
        project.add_annotation(Annotation(first.id, claim.id, 0, 4, "Text", coder))
    return project


def _sources(out):
    with zipfile.ZipFile(out) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    return root, root.findall("q:Sources/q:TextSource", NS)


def test_qdpx_documents_have_short_unique_file_names_and_keep_the_title(project, tmp_path):
    out = export_project(project, tmp_path / "study.qdpx", warn=lambda _m: None)
    root, sources = _sources(out)
    assert etree.XMLSchema(etree.parse(str(SCHEMA))).validate(root.getroottree())
    names = [s.get("name") for s in sources]
    assert names[2:] == ["Prices - up-down", "CON (article)", "prices - UP-DOWN (2)"]
    assert names[1].endswith("… (2)") and names[1].startswith("Gilets jaunes - le")
    assert all(len(n) <= NAME_CHARS for n in names)
    folder = tmp_path / "qualcoder"
    folder.mkdir()
    for name in names:  # as QualCoder does: one file per document, named after it
        (folder / f"{name}.txt").write_text("x", encoding="utf-8")
    assert len(list(folder.iterdir())) == 5
    # The full title: the document's description and its "title" variable.
    assert sources[0].find("q:Description", NS).text == LONG
    [title] = [v for v in root.iterfind(".//q:Variable", NS) if v.get("name") == "title"]
    values = [
        v.find("q:TextValue", NS).text
        for v in sources[2].iterfind("q:VariableValue", NS)
        if v.find("q:VariableRef", NS).get("targetGUID") == title.get("guid")
    ]
    assert values == ["Prices: up/down?"]


def test_one_coders_identical_spans_under_one_code_are_warned_about(project, tmp_path):
    warnings: list[str] = []
    out = export_project(project, tmp_path / "study.qdpx", warn=warnings.append)
    assert len(warnings) == 1
    assert "alice has 2 identical spans under code “Claim”" in warnings[0]
    assert "(characters 0–4)" in warnings[0] and "QualCoder keeps only one" in warnings[0]
    _, sources = _sources(out)
    assert len(sources[0].findall("q:PlainTextSelection", NS)) == 3  # all exported


def test_the_cli_prints_the_warning(project, tmp_path, capsys):
    project.close()
    code = main(["export", str(tmp_path / "study.annotator"), str(tmp_path / "s.qdpx")])
    assert code == 0
    assert "warning: " in capsys.readouterr().err
