"""The command line, end to end, on real files and real pipelines."""

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from annotator.cli import main
from annotator.store import Project

FRENCH = (
    "Le gouvernement défend sa réforme\n\n"
    "PARIS – La ministre du Travail, Claire Dubois, a défendu mardi sa réforme"
    " devant les députés.\n\n"
    "« Nous ne reculerons pas », a déclaré Claire Dubois à l’Assemblée nationale.\n"
)
ENGLISH = (
    "Council backs new tram line\n\n"
    "LEEDS – The city council approved the tram plan on Monday.\n\n"
    '"This is a historic day for Leeds," said council leader Sarah Collins.\n'
)


@pytest.fixture
def articles(tmp_path):
    fr = tmp_path / "fr.txt"
    fr.write_text(FRENCH, encoding="utf-8")
    en = tmp_path / "en.txt"
    en.write_text(ENGLISH, encoding="utf-8")
    return fr, en


def test_analyze_prints_one_json_object_per_file(articles, capsys):
    fr, en = articles
    assert main(["analyze", str(fr), str(en), "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["file"] for r in records] == [str(fr), str(en)]
    assert [r["language"] for r in records] == ["fr", "en"]
    for record in records:
        text = record["text"]
        for span in record["entities"] + record["quotes"]:
            assert text[span["start"] : span["end"]] == span["text"]
        assert set(record["quotes"][0]) == {
            "start",
            "end",
            "text",
            "kind",
            "speaker",
            "speaker_start",
            "speaker_end",
            "cue",
            "speaker_type",
        }
    fr_quote = next(q for q in records[0]["quotes"] if q["kind"] == "direct")
    assert fr_quote["text"] == "Nous ne reculerons pas"
    assert fr_quote["speaker"] == "Claire Dubois"
    en_quote = next(q for q in records[1]["quotes"] if q["kind"] == "direct")
    assert en_quote["text"].startswith("This is a historic day for Leeds")
    assert en_quote["speaker"] == "Sarah Collins"
    persons = {e["text"] for e in records[0]["entities"] if e["label"] == "PERSON"}
    assert "Claire Dubois" in persons


def test_import_then_export(articles, tmp_path, capsys):
    fr, en = articles
    project = tmp_path / "study.annotator"
    assert main(["import", str(project), str(fr), str(en)]) == 0
    assert "imported 2 article(s), skipped 0 file(s)" in capsys.readouterr().out
    with Project.open(project) as opened:
        summaries = opened.articles()
        assert {s.language for s in summaries} == {"fr", "en"}
        assert any(opened.quotes(s.id) for s in summaries)

    out = tmp_path / "study.xlsx"
    assert main(["export", str(project), str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["articles"].values)
    assert len(rows) == 3
    assert {r[1] for r in rows[1:]} == {
        "Le gouvernement défend sa réforme",
        "Council backs new tram line",
    }


def test_bad_files_are_reported_and_the_rest_imports(articles, tmp_path, capsys):
    fr, _ = articles
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    project = tmp_path / "study.annotator"

    code = main(["import", str(project), str(garbage), str(empty), str(missing), str(fr), str(fr)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"skipped {garbage}: binary data" in out
    assert f"skipped {empty}: empty file" in out
    assert f"skipped {missing}: file not found" in out
    assert f"skipped {fr}: already in the project" in out
    assert "imported 1 article(s), skipped 4 file(s)" in out
    with Project.open(project) as opened:
        assert opened.article_count() == 1

    # A second import of the same file adds nothing and loses nothing.
    assert main(["import", str(project), str(fr)]) == 1
    with Project.open(project) as opened:
        assert opened.article_count() == 1


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["import"]) == 2
    assert main(["export", str(tmp_path / "none.annotator"), str(tmp_path / "x.xlsx")]) == 2
    assert "none.annotator: no such project file" in capsys.readouterr().err


def test_piped_import_prints_no_progress_bar(articles, tmp_path):
    fr, _ = articles
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(tmp_path / "p.annotator"), str(fr)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "imported 1 article(s), skipped 0 file(s)"
    assert done.stderr == ""


def test_an_unexpected_error_exits_3_with_a_crash_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug is not "some files skipped": its own exit code, and a report to send."""
    from annotator import cli
    from annotator.core.text import shorten

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    # A fault injected where a command runs: a real error of Annotator's own code.
    monkeypatch.setitem(cli.ARTICLE_HANDLERS, "export", lambda _args: shorten(None))  # type: ignore[arg-type]
    project = tmp_path / "p.annotator"
    assert cli.main(["new", str(project)]) == 0
    code = cli.main(["export", str(project), str(tmp_path / "out.xlsx")])
    err = capsys.readouterr().err
    assert code == cli.EXIT_BUG == 3
    assert "did not expect" in err and "crash.log" in err
    log = tmp_path / "data" / "annotator" / "crash.log"
    assert "AttributeError" in log.read_text(encoding="utf-8")
    assert "Command: annotator export" in log.read_text(encoding="utf-8")
