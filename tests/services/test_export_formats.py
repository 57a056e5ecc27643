import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.cli import main
from annotator.services.exports import SHEETS, export_project
from annotator.services.exports.text import csv_cell
from tests.services.test_export import TEXT, build_study

#: The REFI-QDA Project schema (QDA-XML 1.0, 18 March 2019, MIT licence; see data/refi-qda).
SCHEMA = Path(__file__).parent / "data" / "refi-qda" / "Project-mrt2019.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture
def study(tmp_path):
    return build_study(tmp_path)


def _csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_writes_the_coding_table_in_utf8(study, tmp_path):
    out = export_project(study.project, tmp_path / "coding.csv")
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = _csv(data)
    assert [(r["article_id"], r["coder"]) for r in rows][:2] == [
        (study.article.id, "alice"),
        (study.article.id, "bob"),
    ]
    alice = rows[0]
    assert (alice["conflict_1"], alice["topic"], alice["tone"], alice["date"]) == (
        "1",
        "2",
        "1",
        "2025-08-15",
    )
    # Text a spreadsheet would run is quoted with a leading apostrophe; numbers stay numbers.
    assert alice["note"] == '\'=HYPERLINK("http://x")'
    assert rows[2]["outlet"] == "'=cmd|' /C calc'!A0"


def test_csv_with_a_bom_and_another_sheet(study, tmp_path):
    out = export_project(study.project, tmp_path / "units.csv", bom=True, sheet="units")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = _csv(data)
    assert [(r["coder"], r["actor"], r["position"]) for r in rows] == [
        ("alice", "Ann Lee", "1"),
        ("bob", "Ann Lee", "0"),
    ]
    assert rows[0]["memo"] == "'@check"


def test_exact_csv_keeps_every_cell_as_coded_for_r_stata_and_spss(study, tmp_path):
    """The apostrophe that guards Excel changes the data for analysis: --exact drops it."""
    out = export_project(study.project, tmp_path / "exact.zip", exact=True)
    with zipfile.ZipFile(out) as archive:
        coding = _csv(archive.read("coding.csv"))
        units = _csv(archive.read("units.csv"))
        articles = _csv(archive.read("articles.csv"))
    assert coding[0]["note"] == '=HYPERLINK("http://x")'
    assert units[0]["memo"] == "@check"
    assert articles[0]["title"] == "-Budget vote" and articles[1]["section"] == "+local"
    single = export_project(study.project, tmp_path / "exact.csv", exact=True)
    assert _csv(single.read_bytes())[2]["outlet"] == "=cmd|' /C calc'!A0"
    path = study.project.path
    study.project.close()
    assert main(["export", str(path), str(tmp_path / "x.csv"), "--exact"]) == 0
    assert _csv((tmp_path / "x.csv").read_bytes())[0]["note"].startswith("=HYPERLINK")
    # Not for the workbook, where text is typed as text anyway.
    assert main(["export", str(path), str(tmp_path / "x.xlsx"), "--exact"]) != 0


def test_zip_holds_every_table_as_csv(study, tmp_path):
    out = export_project(study.project, tmp_path / "study.zip", bom=True)
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == [f"{name}.csv" for name in SHEETS]
        tables = {name: _csv(archive.read(f"{name}.csv")) for name in SHEETS}
    assert len(tables["articles"]) == 2 and len(tables["annotations"]) == 3
    assert tables["articles"][1]["section"] == "'+local"
    assert tables["articles"][0]["title"] == "'-Budget vote"
    assert {r["variable"] for r in tables["reliability"]} >= {"topic", "Claim"}
    assert tables["actors"][0]["name"] == "Ann Lee"


def test_cli_writes_csv_with_bom(study, tmp_path, capsys):
    path = study.project.path
    study.project.close()
    out = tmp_path / "cli.csv"
    assert main(["export", str(path), str(out), "--bom", "--sheet", "articles"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(_csv(out.read_bytes())) == 2


def test_jsonl_has_one_object_per_coded_value_and_annotation(study, tmp_path):
    out = export_project(study.project, tmp_path / "study.jsonl")
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    codings = [r for r in records if r["type"] == "coding"]
    annotations = [r for r in records if r["type"] == "annotation"]
    assert (len(codings), len(annotations), len(records)) == (12, 3, 15)
    assert {
        "article": study.article.id,
        "coder": "alice",
        "variable": "topic",
        "value": "2",
    }.items() <= codings[1].items()
    claim = next(r for r in annotations if r["coder"] == "bob")
    assert claim["category"] == "Claim"
    assert claim["attributes"] == {"actor": "Ann Lee", "position": "0"}
    assert TEXT[claim["start"] : claim["end"]] == claim["text"]


def _qde(out: Path) -> tuple[zipfile.ZipFile, etree._Element]:
    archive = zipfile.ZipFile(out)
    return archive, etree.fromstring(archive.read("project.qde"))


def test_qdpx_validates_against_the_refi_qda_schema(study, tmp_path):
    out = export_project(study.project, tmp_path / "study.qdpx")
    archive, root = _qde(out)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(root.getroottree()), schema.error_log
    # The schema is strict enough to catch a broken file.
    broken = etree.fromstring(archive.read("project.qde"))
    del broken.find(".//q:PlainTextSelection", NS).attrib["startPosition"]
    assert not schema.validate(broken.getroottree())


def test_qdpx_has_codes_users_sources_and_selections(study, tmp_path):
    out = export_project(study.project, tmp_path / "study.qdpx")
    archive, root = _qde(out)
    codes = {c.get("name"): c for c in root.iterfind(".//q:Code", NS)}
    assert set(codes) == {"Claim", "Frame", "Conflict"}
    assert codes["Conflict"].getparent() is codes["Frame"]  # nested as in the codebook
    assert codes["Claim"].get("color") == "#f06292"
    users = {u.get("name"): u.get("guid") for u in root.iterfind("q:Users/q:User", NS)}
    assert set(users) == {"alice", "bob"}

    sources = root.findall("q:Sources/q:TextSource", NS)
    assert [s.get("name") for s in sources] == ["-Budget vote", "@home news"]
    first = sources[0]
    path = first.get("plainTextPath")
    assert path == f"internal://{first.get('guid')}.txt"
    text = archive.read(f"sources/{path.removeprefix('internal://')}").decode("utf-8")
    assert text == TEXT
    selections = first.findall("q:PlainTextSelection", NS)
    assert len(selections) == 3
    for selection in selections:
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        assert text[start:end].startswith(selection.get("name")[:20])
        coding = selection.find("q:Coding", NS)
        assert coding.get("creatingUser") == selection.get("creatingUser")
        assert coding.get("creatingUser") in users.values()
        target = coding.find("q:CodeRef", NS).get("targetGUID")
        assert target in {c.get("guid") for c in codes.values()}
    bob = next(s for s in selections if s.get("creatingUser") == users["bob"])
    assert bob.find("q:Description", NS).text == "actor: Ann Lee\nposition: 0"

    variables = {v.get("guid"): v.get("name") for v in root.iterfind(".//q:Variable", NS)}
    values = {
        variables[v.find("q:VariableRef", NS).get("targetGUID")]: v[1].text
        for v in first.iterfind("q:VariableValue", NS)
    }
    assert values["outlet"] == "Daily" and values["date"] == "2025-08-15"
    assert values["conflict_1 (alice)"] == "true" and values["conflict_1 (bob)"] == "false"
    assert values["sources (alice)"] == "12"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("-1", "-1"),
        ("+1", "+1"),
        ("-x", "'-x"),
        ("\t=1+1", "'\t=1+1"),
        ("\r@SUM(A1)", "'\r@SUM(A1)"),
        ("plain", "plain"),
        (None, ""),
        (True, 1),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(value, cell):
    assert csv_cell(value) == cell
