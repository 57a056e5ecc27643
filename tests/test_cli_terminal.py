"""Escape sequences in names never reach the terminal raw (issue 14, item 18)."""

import json
from dataclasses import replace

from annotator.cli import main
from annotator.core import Annotation
from tests.services.team_project import CLAIM, article_text, make_project

#: Clear the screen, set the window title, and reverse what follows.
HOSTILE = "\x1b[2J\x1b]0;pwned\x07\u202etxt.exe\r"


def _raw(text):
    return any(c in text for c in "\x1b\x07\u202e\r")


def test_file_names_in_messages_are_shown_escaped(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"empty{HOSTILE}.txt").write_bytes(b"")
    assert main(["import", str(tmp_path / "study.annotator"), str(folder)]) == 1
    out, err = capsys.readouterr()
    assert not _raw(out + err)
    assert "empty\\x1b[2J\\x1b]0;pwned\\x07\\u202etxt.exe\\x0d.txt" in out + err
    assert main(["export", str(tmp_path / f"none{HOSTILE}.annotator"), str(tmp_path / "x.csv")])
    out, err = capsys.readouterr()
    assert not _raw(out + err) and "none\\x1b[2J" in err


def test_category_names_in_the_agreement_table_are_shown_escaped(tmp_path, capsys):
    path = tmp_path / "study.annotator"
    with make_project(path, articles=2) as project:
        project.save_category(replace(CLAIM, name=f"Claim{HOSTILE}"))
        for number in range(2):
            start = article_text(number).index("Claire")
            for coder in ("alice", "bob"):
                project.add_annotation(
                    Annotation(
                        f"art-00{number}", CLAIM.id, start, start + 13, "Claire Dubois", coder
                    )
                )
    assert main(["agreement", str(path), "--draws", "0"]) == 0
    out, err = capsys.readouterr()
    assert not _raw(out + err) and "Claim\\x1b[2J" in out
    # JSON stays JSON, with the same name once read.
    assert main(["agreement", str(path), "--draws", "0", "--format", "json"]) == 0
    out, _ = capsys.readouterr()
    assert not _raw(out)
    assert f"Claim{HOSTILE}" in [row["name"] for row in json.loads(out)["variables"]]
