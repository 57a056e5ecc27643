"""Merging coders' project files, on real files split from one project."""

import json
import shutil
import sqlite3
from dataclasses import replace

import pytest

from annotator.core import (
    Annotation,
    ArticleStatus,
    Category,
    Coding,
    Decision,
    ValueLabel,
    Variable,
)
from annotator.services.merge import MergeRefused, merge
from annotator.services.split import split
from annotator.store import Project
from annotator.store.lock import ProjectLock
from tests.services.team_project import CLAIM, make_project

CODERS = ["alice", "bob", "carol"]


@pytest.fixture(scope="module")
def coded_template(tmp_path_factory):
    """Three coders' files, each with a claim, a topic and a status on every article."""
    root = tmp_path_factory.mktemp("team")
    master = root / "study.annotator"
    make_project(master, articles=20).close()
    out = root / "coders"
    out.mkdir()
    report = split(master, CODERS, 0.2, out, seed=5)
    for coder, path in report.files.items():
        with Project.open(path) as part, part.db.atomic():  # one commit: a fast fixture
            for article_id in part.article_ids():
                text = part.article(article_id).text
                start = text.index("Claire")
                part.add_annotation(
                    Annotation(
                        article_id,
                        CLAIM.id,
                        start,
                        start + 13,
                        text[start : start + 13],
                        coder,
                        attributes={"var-position": "+1"},
                    )
                )
                part.set_coding(Coding(article_id, "var-topic", coder, "economy"))
                part.set_article_status(ArticleStatus(article_id, coder, done=True))
                part.add_decision(Decision(article_id, coder, "quote", "accepted"))
    return root, report


@pytest.fixture
def coded(coded_template, tmp_path):
    """A fresh copy of the coders' files for each test: (master, split report)."""
    root, report = coded_template
    work = tmp_path / "work"
    shutil.copytree(root, work)
    report = replace(report, files={c: work / "coders" / p.name for c, p in report.files.items()})
    return work / "study.annotator", report


def _counts(path):
    with Project.open(path) as project:
        return {
            table: project.count_rows(table)
            for table in (
                "articles",
                "annotations",
                "codings",
                "article_status",
                "decisions",
                "categories",
                "variables",
                "entities",
                "quotes",
                "actors",
                "mentions",
                "coders",
            )
        }


def test_merge_keeps_every_code_once_and_every_article(coded, tmp_path):
    master, split_report = coded
    out = tmp_path / "merged.annotator"
    report = merge(out, list(split_report.files.values()))
    assigned = sum(split_report.articles.values())  # 20 + 2 x 4 overlap articles
    counts = _counts(out)
    assert counts["articles"] == 20
    for table in ("annotations", "codings", "article_status", "decisions"):
        assert counts[table] == assigned, table
    # Suggestions once per article, not once per coder who had the article.
    assert counts["entities"] == counts["quotes"] == counts["actors"] == counts["mentions"] == 20
    assert counts["categories"] == 2 and counts["variables"] == 3
    assert counts["coders"] == 3
    with Project.open(out) as merged, Project.open(master) as original:
        assert merged.project_id == original.project_id
        assert merged.name == "Team study"
        assert merged.codebook().name == "Team book"
        keys = [(a.article_id, a.coder) for a in merged.annotations()]
        assert len(keys) == len(set(keys)) == assigned
        overlap = split_report.overlap
        assert {a.coder for a in merged.annotations(article_id=overlap[0])} == set(CODERS)
        assert merged.search("reform")
        [quote] = merged.quotes("art-003")
        assert quote.actor_id == merged.actors("art-003")[0].id
    assert [f.counts["annotations"].added for f in report.files] == [
        split_report.articles[c] for c in CODERS
    ]
    assert report.files[1].counts["articles"].present == len(split_report.overlap)
    assert report.conflicts == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_merging_again_adds_nothing(coded, tmp_path):
    _, split_report = coded
    files = list(split_report.files.values())
    out = tmp_path / "merged.annotator"
    merge(out, files)
    before = _counts(out)
    # OUT is merged into: it is an input of its own, and everything is already there.
    again = merge(out, [*files, files[0]])
    assert _counts(out) == before
    assert again.files[0].path == out
    for file_report in again.files:
        for counts in file_report.counts.values():
            assert counts.added == 0 and counts.conflicts == 0
    assert again.files[1].counts["annotations"].present == split_report.articles["alice"]
    # The same file twice in one merge.
    twice = tmp_path / "twice.annotator"
    merge(twice, [files[0], files[0]])
    assert _counts(twice)["annotations"] == split_report.articles["alice"]


def test_the_newest_version_wins_and_conflicts_are_counted(coded, tmp_path):
    _, split_report = coded
    alice = split_report.files["alice"]
    laptop = tmp_path / "alice-laptop.annotator"
    shutil.copy(alice, laptop)
    with Project.open(alice) as part:
        first = part.annotations()[0]
        article_id = first.article_id
    with Project.open(laptop) as copy:
        changed = copy.annotation(first.id)
        changed.attributes = {"var-position": "-1"}
        changed.memo = "rethought"
        changed.modified = "2099-01-01T00:00:00+00:00"
        copy.db.table("annotations").update(
            changed.id,
            {
                "attributes": '{"var-position": "-1"}',
                "memo": "rethought",
                "modified": changed.modified,
            },
        )
        copy.set_coding(Coding(article_id, "var-topic", "alice", "health"))
    out = tmp_path / "merged.annotator"
    report = merge(out, [alice, laptop])
    assert report.files[1].counts["annotations"].conflicts == 1
    assert report.files[1].counts["codings"].conflicts == 1
    assert report.conflicts == 2
    with Project.open(out) as merged:
        kept = merged.annotation(first.id)
        assert kept.attributes == {"var-position": "-1"} and kept.memo == "rethought"
        [topic] = [c for c in merged.codings(article_id, "alice") if c.variable_id == "var-topic"]
        assert topic.value == "health"
    # In the other order the newer version still wins.
    other = tmp_path / "other.annotator"
    merge(other, [laptop, alice])
    with Project.open(other) as merged:
        assert merged.annotation(first.id).memo == "rethought"


def _untouched(out, before):
    assert out.read_bytes() == before
    assert not [p for p in out.parent.iterdir() if ".merging-" in p.name]


@pytest.fixture
def merged(coded, tmp_path):
    _, split_report = coded
    out = tmp_path / "merged.annotator"
    merge(out, [split_report.files["alice"]])
    return out, split_report


def test_files_of_another_project_are_refused(merged, tmp_path):
    out, split_report = merged
    before = out.read_bytes()
    stranger = tmp_path / "stranger.annotator"
    make_project(stranger, articles=2).close()
    with pytest.raises(MergeRefused, match=r"stranger.annotator: belongs to another project"):
        merge(out, [split_report.files["bob"], stranger])
    _untouched(out, before)


def test_conflicting_codebooks_are_refused(merged):
    out, split_report = merged
    before = out.read_bytes()
    bob = split_report.files["bob"]
    with Project.open(bob) as part:
        topic = part.codebook().variable("var-topic")
        part.save_variable(Variable("topic", kind="text", id=topic.id))
    with pytest.raises(
        MergeRefused, match=r"study-bob.annotator: the codebooks conflict: variable “topic”"
    ):
        merge(out, [bob])
    _untouched(out, before)
    carol = split_report.files["carol"]
    with Project.open(carol) as part:
        part.save_variable(Variable("tone", kind="nominal", level="article", id="tone-c"))
    with Project.open(split_report.files["alice"]) as part:
        part.save_variable(Variable("tone", kind="text", level="article", id="tone-a"))
    with pytest.raises(
        MergeRefused,
        match=r"study-carol.annotator: the codebooks conflict: variable “tone” was added "
        r"separately here and in .*study-alice.annotator with another definition \(it is "
        r"nominal here, text in study-alice.annotator\)",
    ):
        merge(out, [split_report.files["alice"], carol])
    _untouched(out, before)


def test_a_unit_variable_of_another_kind_under_a_category_added_twice_is_refused(coded):
    # The categories are one (same name), so their two "role" variables would be one
    # question with two kinds: refused, naming both files, the category and the kinds.
    _, split_report = coded
    for coder, kind in (("bob", "nominal"), ("carol", "text")):
        with Project.open(split_report.files[coder]) as part:
            part.save_category(Category("Actor", id=f"actor-{coder}"))
            part.save_variable(
                Variable("role", kind=kind, level="unit", category_id=f"actor-{coder}")
            )
    with pytest.raises(
        MergeRefused,
        match=r"study-carol.annotator: .*variable “role” of category “Actor” was added "
        r"separately here and in .*study-bob.annotator .*\(it is text here, nominal in "
        r"study-bob.annotator\)",
    ):
        merge(split_report.files["bob"].parent / "out.annotator", list(split_report.files.values()))


def _add_actor_codes(split_report, values_by_coder):
    """In each coder's file, what import-annotations --add-missing does: an "Actor"
    category with a child "Person", a unit variable "role" and an article variable
    "tone", under ids of their own, and one code of each. Returns each coder's article."""
    ids = {}
    for coder, values in values_by_coder.items():
        with Project.open(split_report.files[coder]) as part:
            part.save_category(Category("Actor", color=f"#00000{len(ids)}", id=f"actor-{coder}"))
            part.save_category(Category("Person", parent_id=f"actor-{coder}", id=f"person-{coder}"))
            part.save_variable(
                Variable(
                    "role",
                    kind="nominal",
                    level="unit",
                    category_id=f"person-{coder}",
                    values=tuple(ValueLabel(v) for v in values),
                    id=f"role-{coder}",
                )
            )
            part.save_variable(
                Variable("Tone", kind="nominal", level="article", id=f"tone-{coder}")
            )
            article_id = part.article_ids()[0]
            text = part.article(article_id).text
            span = Annotation(
                article_id,
                f"person-{coder}",
                0,
                5,
                text[:5],
                coder,
                attributes={f"role-{coder}": values[0], "var-position": "0"},
            )
            part.add_annotation(span)
            part.add_decision(
                Decision(
                    article_id,
                    coder,
                    "quote",
                    "corrected",
                    result={"category_id": f"person-{coder}", "start": 0},
                    annotation_id=span.id,
                )
            )
            part.set_coding(Coding(article_id, f"tone-{coder}", coder, "warm"))
            ids[coder] = article_id
    return ids


def test_the_same_definition_added_in_two_files_becomes_one_with_every_code(coded, tmp_path):
    _, split_report = coded
    ids = _add_actor_codes(
        split_report, {"bob": ("hostile", "neutral"), "carol": ("neutral", "friendly")}
    )
    out = tmp_path / "merged.annotator"
    report = merge(out, list(split_report.files.values()))
    assert report.conflicts == 0
    with Project.open(out) as merged:
        book = merged.codebook()
        [actor] = [c for c in book.categories if c.name == "Actor"]
        [person] = [c for c in book.categories if c.name == "Person"]
        [role] = [v for v in book.variables if v.name == "role"]
        [tone] = [v for v in book.variables if v.name == "Tone"]
        assert (actor.id, person.id, tone.id) == ("actor-bob", "person-bob", "tone-bob")
        assert person.parent_id == actor.id and role.category_id == person.id
        assert [v.code for v in role.values] == ["hostile", "neutral", "friendly"]
        spans = [a for a in merged.annotations() if a.category_id == person.id]
        assert sorted((a.coder, a.attributes[role.id]) for a in spans) == [
            ("bob", "hostile"),
            ("carol", "neutral"),
        ]
        assert all(a.attributes["var-position"] == "0" for a in spans)
        for coder in ("bob", "carol"):
            [value] = [c for c in merged.codings(ids[coder], coder) if c.variable_id == tone.id]
            assert value.value == "warm"
            [decided] = [
                d for d in merged.decisions(ids[coder], coder) if d.decision == "corrected"
            ]
            assert decided.result["category_id"] == person.id
    # Merging the same files into OUT again: nothing refused, nothing added twice.
    before = _counts(out)
    again = merge(out, list(split_report.files.values()))
    assert _counts(out) == before
    assert again.conflicts == 0


def test_values_added_to_one_variable_in_two_files_are_united(coded, tmp_path):
    # The same variable (same id) given a new value in each file: values united.
    _, split_report = coded
    for coder, value in (("bob", "culture"), ("carol", "sport")):
        with Project.open(split_report.files[coder]) as part:
            topic = part.codebook().variable("var-topic")
            values = (*topic.values, ValueLabel(value))
            part.save_variable(replace(topic, values=values))
    out = tmp_path / "merged.annotator"
    report = merge(out, list(split_report.files.values()))
    assert report.conflicts == 0
    with Project.open(out) as merged:
        topic = merged.codebook().variable("var-topic")
        assert [v.code for v in topic.values] == [
            "economy",
            "health",
            "other",
            "culture",
            "sport",
        ]


def test_unreadable_files_are_named_and_out_left_alone(merged, tmp_path):
    out, split_report = merged
    before = out.read_bytes()
    bob = split_report.files["bob"]
    newer = tmp_path / "newer.annotator"
    shutil.copy(bob, newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    corrupt = tmp_path / "corrupt.annotator"
    corrupt.write_bytes(b"PK\x03\x04 this is a zip file, not a project")
    truncated = tmp_path / "truncated.annotator"
    truncated.write_bytes(bob.read_bytes()[:1000])
    damaged = tmp_path / "damaged.annotator"
    data = bytearray(bob.read_bytes())
    page = 4096
    data[3 * page : 6 * page] = b"\x0d\xff" * (3 * page // 2)  # pages overwritten
    damaged.write_bytes(bytes(data))
    cases = [
        (damaged, r"damaged.annotator: the file is damaged"),
        (newer, r"newer.annotator: made by a newer version"),
        (corrupt, r"corrupt.annotator: not a project file"),
        (truncated, r"truncated.annotator"),
        (tmp_path / "missing.annotator", r"missing.annotator: no such project file"),
        (tmp_path, r"is a folder"),
    ]
    for path, message in cases:
        with pytest.raises(MergeRefused, match=message):
            merge(out, [bob, path])
        _untouched(out, before)


def test_locked_files_are_refused(merged):
    out, split_report = merged
    before = out.read_bytes()
    # OUT open in an Annotator window: replacing it would lose that window's codes.
    lock = ProjectLock.acquire(out)
    try:
        with pytest.raises(MergeRefused, match=r"merged.annotator: already open"):
            merge(out, [split_report.files["bob"]])
    finally:
        lock.release()
    _untouched(out, before)
    # An input another program is writing to.
    bob = split_report.files["bob"]
    writer = sqlite3.connect(bob)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(MergeRefused, match=r"study-bob.annotator: in use by another program"):
            merge(out, [bob])
    finally:
        writer.rollback()
        writer.close()
    _untouched(out, before)
    # OUT read by another program (an export, say): replacing it under that program is refused.
    reader = sqlite3.connect(out)
    reader.execute("select count(*) from articles").fetchall()
    try:
        with pytest.raises(MergeRefused, match=r"merged.annotator: in use by another program"):
            merge(out, [bob])
    finally:
        reader.close()
    _untouched(out, before)
    assert merge(out, [bob]).files[1].counts["articles"].added > 0


def test_merging_back_into_the_project_that_was_split(coded):
    master, split_report = coded
    with Project.open(master) as project:
        text = project.article("art-001").text
        project.add_annotation(Annotation("art-001", CLAIM.id, 0, 5, text[:5], "lead"))
    report = merge(master, list(split_report.files.values()))
    assert report.files[0].path == master
    assert report.files[0].counts["articles"].present == 20
    assert report.total("articles").added == 0
    with Project.open(master) as project:
        assert len(project.annotations()) == sum(split_report.articles.values()) + 1
        assert project.annotations(coder="lead")[0].article_id == "art-001"
        manifest = json.loads(project.meta("split"))
        assert manifest["overlap"] == split_report.overlap
        assert "coder" not in manifest and "articles" not in manifest
        assert project.count_rows("entities") == 20


def test_same_text_imported_separately_in_two_files_merges_as_a_marked_duplicate(tmp_path):
    from annotator.core import Article

    first = tmp_path / "a.annotator"
    make_project(first, articles=2).close()
    second = tmp_path / "b.annotator"
    shutil.copy(first, second)
    for path, article_id in ((first, "mine"), (second, "yours")):
        with Project.open(path) as project:
            assert project.add_article(Article(text="One story, imported twice.", id=article_id))
    out = tmp_path / "merged.annotator"
    report = merge(out, [first, second])
    assert report.total("articles").added == 4
    with Project.open(out) as merged:
        marks = dict(merged.db.execute("select id, duplicate_of from articles").fetchall())
    assert marks["mine"] == "" and marks["yours"] == "mine"
