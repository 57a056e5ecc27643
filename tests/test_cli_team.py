"""A coding team on the command line: split, code with import-annotations, merge."""

import json

from annotator.cli import main
from annotator.store import Project
from tests.services.team_project import article_text, make_project

CODERS = ["alice", "bob", "carol"]


def _code_file(tmp_path, coder, article_ids):
    """What a coder (or their machine) produced: a topic and a claim on each article."""
    lines = []
    for article_id in article_ids:
        number = int(article_id.split("-")[1])
        text = article_text(number)
        start = text.index("Claire Dubois")
        topic = "economy" if coder != "carol" or number % 2 else "health"
        lines.append({"article": article_id, "variable": "topic", "value": topic})
        lines.append({"article": f"story-{number:03d}.txt", "variable": "conflict", "value": 1})
        lines.append(
            {
                "article": article_id,
                "category": "Claim",
                "start": start,
                "end": start + 13,
                "attributes": {"position": "+1"},
            }
        )
    path = tmp_path / f"{coder}.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def test_split_code_merge_round_trip(tmp_path, capsys):
    master = tmp_path / "study.annotator"
    make_project(master, articles=30).close()
    out_dir = tmp_path / "coders"
    out_dir.mkdir()
    code = main(
        [
            "split",
            str(master),
            "--coders",
            ",".join(CODERS),
            "--overlap",
            "0.1",
            "--out",
            str(out_dir),
            "--seed",
            "11",
        ]
    )
    output = capsys.readouterr()
    assert code == 0, output.err
    assert "3 articles coded by everyone (overlap); seed 11" in output.out
    files = {c: out_dir / f"study-{c}.annotator" for c in CODERS}
    assigned = {}
    for coder, path in files.items():
        with Project.open(path) as part:
            assigned[coder] = part.article_ids()
        codes = _code_file(tmp_path, coder, assigned[coder])
        code = main(["import-annotations", str(path), str(codes), "--coder", coder])
        output = capsys.readouterr()
        assert code == 0, output.err
        assert (
            f"{len(assigned[coder])} annotations and {2 * len(assigned[coder])} article codes"
            in output.out
        )
    total = sum(len(ids) for ids in assigned.values())
    assert total == 30 + 2 * 3

    merged = tmp_path / "merged.annotator"
    code = main(["merge", str(merged), *map(str, files.values())])
    output = capsys.readouterr()
    assert code == 0, output.err
    assert output.err == ""  # no progress bar when piped
    assert f"{total} annotations and {2 * total} article codes added, 0 conflicts" in output.out
    with Project.open(merged) as project:
        assert project.article_count() == 30
        annotations = project.annotations()
        assert len(annotations) == total
        assert len({(a.article_id, a.coder) for a in annotations}) == total
        for coder, ids in assigned.items():
            mine = project.codings(coder=coder)
            assert sorted({c.article_id for c in mine}) == sorted(ids)
            assert len(mine) == 2 * len(ids)
        overlap = json.loads(project.meta("split"))["overlap"]
        assert len(overlap) == 3
        for article_id in overlap:
            assert {a.coder for a in project.annotations(article_id=article_id)} == set(CODERS)
    before = merged.read_bytes()

    # Merging the same files again adds nothing.
    code = main(["merge", str(merged), *map(str, files.values())])
    output = capsys.readouterr()
    assert code == 0
    assert "0 articles, 0 annotations and 0 article codes added, 0 conflicts" in output.out
    with Project.open(merged) as project:
        assert len(project.annotations()) == total

    # Bob changes his mind on an article afterwards: the newer value wins, counted as a conflict.
    bob_article = assigned["bob"][0]
    fix = tmp_path / "fix.jsonl"
    fix.write_text(json.dumps({"article": bob_article, "variable": "topic", "value": "other"}))
    assert main(["import-annotations", str(files["bob"]), str(fix), "--coder", "bob"]) == 0
    capsys.readouterr()
    assert main(["merge", str(merged), str(files["bob"])]) == 0
    assert "1 conflicts" in capsys.readouterr().out
    with Project.open(merged) as project:
        [topic] = [c for c in project.codings(bob_article, "bob") if c.variable_id == "var-topic"]
        assert topic.value == "other"
    before = merged.read_bytes()

    # Refusals: exit 2, the file named on stderr, OUT untouched.
    stranger = tmp_path / "stranger.annotator"
    make_project(stranger, articles=1).close()
    assert main(["merge", str(merged), str(stranger)]) == 2
    err = capsys.readouterr().err
    assert "stranger.annotator: belongs to another project" in err
    assert "was left as it was" in err
    assert main(["merge", str(merged), str(tmp_path / "gone.annotator")]) == 2
    assert "gone.annotator: no such project file" in capsys.readouterr().err
    assert merged.read_bytes() == before


def test_import_annotations_reports_bad_lines_and_exits_1(tmp_path, capsys):
    project = tmp_path / "study.annotator"
    make_project(project, articles=2).close()
    codes = tmp_path / "codes.jsonl"
    codes.write_text(
        '{"article": "art-000", "variable": "topic", "value": "health"}\n'
        "not json\n"
        '{"article": "art-000", "variable": "tone", "value": "sharp"}\n',
        encoding="utf-8",
    )
    assert main(["import-annotations", str(project), str(codes), "--coder", "m"]) == 1
    output = capsys.readouterr()
    assert "codes.jsonl: line 2: not valid JSON" in output.err
    assert "codes.jsonl: line 3: unknown variable “tone”" in output.err
    assert "1 article codes imported" in output.out
    assert (
        main(["import-annotations", str(project), str(codes), "--coder", "m", "--add-missing"]) == 1
    )
    output = capsys.readouterr()
    assert "added variables: tone" in output.out
    assert (
        main(["import-annotations", str(project), str(tmp_path / "no.jsonl"), "--coder", "m"]) == 2
    )
    assert "no.jsonl: no such file" in capsys.readouterr().err
    assert (
        main(["import-annotations", str(tmp_path / "no.annotator"), str(codes), "--coder", "m"])
        == 2
    )
    assert "no.annotator: no such project file" in capsys.readouterr().err


def test_split_refusals_exit_2(tmp_path, capsys):
    master = tmp_path / "study.annotator"
    make_project(master, articles=3).close()
    (tmp_path / "x").write_text("a file")
    assert main(["split", str(master), "--coders", "a,b", "--out", str(tmp_path / "x")]) == 2
    assert "x: is a file, not a folder" in capsys.readouterr().err
    assert main(["split", str(master), "--coders", "a,a", "--out", str(tmp_path)]) == 2
    assert "named twice" in capsys.readouterr().err


def test_split_creates_a_missing_out_folder(tmp_path, capsys):
    master = tmp_path / "study.annotator"
    make_project(master, articles=3).close()
    out = tmp_path / "coders"
    assert main(["split", str(master), "--coders", "a,b", "--out", str(out), "--seed", "1"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["study-a.annotator", "study-b.annotator"]


def test_the_whole_study_split_code_merge_agreement_adjudicate_export(tmp_path, capsys):
    """Issue 7's study: three coders, overlap, codes loaded by import-annotations, merged,
    reliability, adjudication into the gold version, and the workbook read back."""
    import openpyxl

    from annotator.services.adjudication import ADJUDICATED, choose, copy_agreements, disagreements

    master = tmp_path / "study.annotator"
    make_project(master, articles=30).close()
    out_dir = tmp_path / "coders"
    out_dir.mkdir()
    assert (
        main(
            [
                "split",
                str(master),
                "--coders",
                ",".join(CODERS),
                "--overlap",
                "0.2",
                "--out",
                str(out_dir),
                "--seed",
                "3",
            ]
        )
        == 0
    )
    for coder in CODERS:
        path = out_dir / f"study-{coder}.annotator"
        with Project.open(path) as part:
            ids = part.article_ids()
        codes = _code_file(tmp_path, coder, ids)
        assert main(["import-annotations", str(path), str(codes), "--coder", coder]) == 0
    files = sorted(str(p) for p in out_dir.iterdir())
    assert main(["merge", str(master), *files]) == 0
    capsys.readouterr()

    assert main(["agreement", str(master), "--format", "json", "--draws", "200"]) == 0
    report = json.loads(capsys.readouterr().out)
    rows = {row["name"]: row for row in report["variables"]}
    # On the 6 overlap articles everyone agrees on conflict; carol differs on topic
    # for the even-numbered ones.
    assert rows["conflict"]["units"] == 6 and rows["conflict"]["coders"] == 3
    assert rows["conflict"]["percent_agreement"] == 1.0
    assert rows["topic"]["percent_agreement"] < 1.0

    with Project.open(master) as project:
        copy_agreements(project)
        for disagreement in disagreements(project):
            choose(project, disagreement, "alice")
        assert disagreements(project) == [] or all(d.settled for d in disagreements(project))
        gold = project.codings(coder=ADJUDICATED)
        overlap = json.loads(project.meta("split"))["overlap"]
        assert {c.article_id for c in gold} == set(overlap)

    book = tmp_path / "study.xlsx"
    assert main(["export", str(master), str(book)]) == 0
    workbook = openpyxl.load_workbook(book, read_only=True)
    sheets = {
        name: list(workbook[name].iter_rows(values_only=True)) for name in workbook.sheetnames
    }
    assert {"articles", "coding", "annotations", "codebook"} <= set(sheets)
    for name, rows_read in sheets.items():
        assert rows_read and any(rows_read[0]), name  # a header at least
    assert len(sheets["articles"]) - 1 == 30
    # A claim per coder and article (6 overlap articles x 3 + 24 others), and the gold ones.
    assert len(sheets["annotations"]) - 1 == 42 + 6
    coding = sheets["coding"]
    header = coding[0]
    coder_column = header.index("coder")
    coders_seen = {row[coder_column] for row in coding[1:]}
    assert coders_seen == {*CODERS, ADJUDICATED}
    # One row per article x coder: 42 coders' rows and 6 adjudicated ones, marked gold.
    assert len(coding) - 1 == 42 + 6
    gold_column = header.index("gold")
    assert {(row[coder_column] == ADJUDICATED, row[gold_column]) for row in coding[1:]} == {
        (True, 1),
        (False, 0),
    }
    units = sheets["units"]
    assert sum(row[units[0].index("gold")] for row in units[1:]) == 6
