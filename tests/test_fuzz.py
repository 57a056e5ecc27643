"""Property-based fuzzing of what comes in and what goes out (issue 14).

Random bytes, random Unicode (astral characters, controls, bidi overrides, U+2028, U+FFFE)
and random JSON are thrown at every reader, at import and import-annotations, and written
out by the exports. Whatever the input: no exception but a FileProblem naming the file, the
batch goes on, the project's integrity check passes, and what was saved is still there.

The default run keeps to a few seconds per test; ``HYPOTHESIS_PROFILE=fuzz`` runs far more.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import warnings
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import Annotation, Article
from annotator.services.annotations_io import import_annotations
from annotator.services.errors import FileProblem
from annotator.services.exports import export_project
from annotator.services.importer import import_files
from annotator.services.sources import read_path, supported_suffixes
from annotator.store import Project
from tests.services.team_project import CLAIM, article_text, make_project

settings.register_profile(
    "default",
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("fuzz", parent=settings.get_profile("default"), max_examples=2000)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
settings.load_profile(PROFILE)


def _slow(examples: int) -> int:
    """How many cases a slow test runs: ``examples`` by default, 20 times more when fuzzing."""
    return examples if PROFILE == "default" else examples * 20


#: Characters that broke something once, or could: controls, line and paragraph separators,
#: bidi overrides, non-characters, a lone combining mark, an emoji, a zero-width joiner.
HOSTILE = (
    "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\x9b\r\n\t\u2028\u2029\u202e\u2066\u200b\u200d"
    "\ufeff\ufffe\uffff\u0301\U0001f600«»“”"
)

hostile_text = st.text(
    st.one_of(st.characters(codec="utf-8"), st.sampled_from(HOSTILE)), max_size=300
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=12,
)


def _encodings(text: str) -> st.SearchStrategy[bytes]:
    return st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]).map(
        lambda codec: text.encode(codec, "replace")
    )


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a name twice is one of the cases
        for name, data in members:
            archive.writestr(name or "x", data)
    return buffer.getvalue()


def _news_export(parts: list[str]) -> bytes:
    """Text shaped like a Nexis and a Factiva export, around random parts."""
    nexis = "".join(
        f"{part}\nThe Guardian\nAugust 15, 2025\nLength: 120 words\n\nBody\n{part}\n\n"
        "Load-Date: August 16, 2025\n\nEnd of Document\n"
        for part in parts
    )
    factiva = "".join(
        f"{part}\n120 words\n15 August 2025\nLe Monde\nFrench\n{part}\n\n"
        "Document LEMOND0020250815el8f0005x\n"
        for part in parts
    )
    return (nexis + factiva).encode("utf-8", "replace")


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([["title", "text"], *rows])
    return out.getvalue().encode("utf-8", "surrogatepass")


def _xlsx(rows: list[list[str]]) -> bytes:
    from annotator.services.sheet_cells import cell_text

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["title", "text"])
    for row in rows:
        sheet.append([cell_text(cell) for cell in row])  # formulas too: "=..." is kept
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


cells = st.lists(st.lists(hostile_text, min_size=0, max_size=3), max_size=4)
member_names = st.one_of(
    st.sampled_from(["word/document.xml", "content.xml", "mimetype", "a.txt", "../x.txt"]),
    hostile_text.filter(lambda name: "\x00" not in name),
)
file_bytes = st.one_of(
    st.binary(max_size=3000),
    hostile_text.flatmap(_encodings),
    hostile_text.map(lambda t: f"<html><head><title>{t}</title></head><body><p>{t}</p>".encode()),
    cells.map(_csv),
    hostile_text.map(
        lambda t: ("{\\rtf1\\ansi\\ansicpg1252 " + t + "\\par}").encode("cp1252", "replace")
    ),
    st.lists(hostile_text, min_size=1, max_size=3).map(_news_export),
    cells.map(_xlsx),
    st.lists(st.tuples(member_names, st.binary(max_size=500)), max_size=4).map(_zip),
)


def _read_all(path: Path) -> list[Article | FileProblem]:
    items = list(read_path(path))
    for item in items:
        assert isinstance(item, Article | FileProblem), item
        if isinstance(item, Article):
            item.text.encode("utf-8")  # storable: no lone surrogate
    return items


@given(suffix=st.sampled_from(supported_suffixes()), data=file_bytes)
def test_every_reader_takes_any_bytes(suffix, data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        _read_all(path)


@settings(max_examples=_slow(8))
@given(suffix=st.sampled_from(supported_suffixes()), data=file_bytes, name=hostile_text)
def test_an_import_batch_goes_on_past_any_file(suffix, data, name):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        sources = root / "in"
        sources.mkdir()
        safe = "".join(c for c in name if c not in "/\x00")[:60]
        (sources / f"{safe or 'x'}{suffix}").write_bytes(data)
        (sources / "good.txt").write_text("The minister said the reform would go ahead.")
        path = root / "study.annotator"
        with Project.create(path) as project:
            project.add_article(Article(text="Saved before.", title="kept", id="kept"))
            report = import_files(project, [sources], language="en")
            assert "good.txt" in {Path(f).name for f, _title in report.imported}
        with Project.open(path, read_only=True) as project:
            assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert project.article("kept").text == "Saved before."


annotation_records = st.fixed_dictionaries(
    {},
    optional={
        "article": st.sampled_from(["art-000", "art-001", "story-002.txt", "nope"]) | hostile_text,
        "category": st.sampled_from(["Claim", "Frame", "claim"]) | hostile_text,
        "variable": st.sampled_from(["topic", "conflict", "position"]) | hostile_text,
        "value": json_values,
        "start": st.integers(-5, 200) | json_values,
        "end": st.integers(-5, 200) | json_values,
        "attributes": st.dictionaries(st.sampled_from(["position", "x"]), json_values)
        | json_values,
        "memo": hostile_text | json_values,
        "text": hostile_text,
        "label": json_values,
        "annotations": json_values,
    },
)
lines = st.one_of(
    annotation_records.map(lambda r: json.dumps(r, ensure_ascii=False)),
    json_values.map(json.dumps),
    hostile_text,
)


def _check_project(project: Project, kept: Annotation) -> None:
    assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert project.annotation(kept.id) == kept
    for annotation in project.annotations():
        text = project.article(annotation.article_id).text
        assert 0 <= annotation.start < annotation.end <= len(text)
        json.dumps(annotation.attributes, allow_nan=False)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(lines, max_size=8), st.booleans())
def test_import_annotations_takes_any_lines(tmp_path_factory, batch, as_list):
    folder = tmp_path_factory.mktemp("codes")
    with make_project(folder / "study.annotator", articles=3) as project:
        start = article_text(0).index("Claire")
        kept = Annotation("art-000", CLAIM.id, start, start + 13, "Claire Dubois", "alice")
        project.add_annotation(kept)
        kept = project.annotation(kept.id)
        path = folder / "codes.jsonl"
        text = "[" + ",".join(batch) + "]" if as_list else "\n".join(batch)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            report = import_annotations(project, path, "machine", add_missing=True)
        except FileProblem as problem:
            assert str(path) in str(problem)
        else:
            assert all(isinstance(number, int) for number, _ in report.problems)
        _check_project(project, kept)


@settings(
    max_examples=_slow(10),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=hostile_text, memo=hostile_text, name=hostile_text)
def test_exports_take_any_text_and_jsonl_reimports_whole(tmp_path_factory, title, memo, name):
    folder = tmp_path_factory.mktemp("export")
    with make_project(folder / "study.annotator", articles=2) as project:
        project.save_category(replace(CLAIM, name=f"Claim {name}".strip() or "Claim"))
        project.db.execute("update articles set title = ?", [title])
        project.db.conn.commit()
        start = article_text(1).index("Claire")
        for coder, first, words in (
            ("alice", start, "Claire Dubois"),
            ("bob", start + 7, "Dubois"),
        ):
            end = first + len(words)
            project.add_annotation(
                Annotation("art-001", CLAIM.id, first, end, words, coder, memo=memo)
            )
        for suffix in (".xlsx", ".csv", ".zip", ".qdpx"):
            export_project(project, folder / f"out{suffix}")
        openpyxl.load_workbook(folder / "out.xlsx")
        out = export_project(project, folder / "out.jsonl")
        report = import_annotations(project, out, "copy")
        assert report.problems == []
        assert sorted(a.memo for a in project.annotations(coder="copy")) == [memo, memo]


sql_values = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    hostile_text,
    json_values.map(lambda v: json.dumps(v)),
    st.binary(max_size=20),
)
tampered_rows = st.lists(
    st.tuples(
        st.sampled_from(["start", "end", "attributes", "memo", "category_id", "article_id"]),
        sql_values,
    ),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=_slow(5),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=tampered_rows, coding=sql_values)
def test_merge_takes_any_rows_from_a_coders_file(tmp_path_factory, changes, coding):
    import sqlite3

    from annotator.core import Coding
    from annotator.services.merge import MergeRefused, merge

    folder = tmp_path_factory.mktemp("merge")
    good, tampered = folder / "alice.annotator", folder / "alice-copy.annotator"
    with make_project(good, articles=2) as project:
        start = article_text(0).index("Claire")
        kept = Annotation("art-000", CLAIM.id, start, start + 13, "Claire Dubois", "alice")
        project.add_annotation(kept)
        project.set_coding(Coding("art-000", "var-topic", "alice", "economy"))
        project.copy_to(tampered)
    db = sqlite3.connect(tampered)
    db.execute("PRAGMA foreign_keys = OFF")
    with db:
        for column, value in changes:
            db.execute(f"update annotations set [{column}] = ?, modified = '2099-01-01'", [value])
        db.execute("update codings set value = ?, modified = '2099-01-01'", [coding])
    db.close()
    out = folder / "merged.annotator"
    try:
        merge(out, [good, tampered])
    except MergeRefused as refused:
        assert str(tampered) in str(refused) or str(out) in str(refused)
        return
    with Project.open(out, read_only=True) as merged:
        assert merged.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for annotation in merged.annotations():
            text = merged.article(annotation.article_id).text
            assert 0 <= annotation.start <= annotation.end <= len(text)
        export_project(merged, folder / "out.xlsx")
        export_project(merged, folder / "out.jsonl")
