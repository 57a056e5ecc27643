"""Splitting a project into coders' files, on real project files."""

import json

import pytest

from annotator.core import Annotation, Coding
from annotator.services.split import SplitError, assign, split
from annotator.store import Project
from tests.services.team_project import CLAIM, make_project


@pytest.fixture
def study(tmp_path):
    path = tmp_path / "study.annotator"
    with make_project(path, articles=20) as project:
        # Codes already in the master file, by two coders.
        text = project.article("art-000").text
        project.add_annotation(Annotation("art-000", CLAIM.id, 0, 5, text[:5], "alice"))
        project.add_annotation(Annotation("art-000", CLAIM.id, 0, 5, text[:5], "bob"))
        project.set_coding(Coding("art-000", "var-conflict", "bob", True))
        project_id = project.project_id
    out = tmp_path / "out"
    out.mkdir()
    return path, out, project_id


def test_each_coder_gets_the_overlap_and_an_even_share_of_the_rest(study):
    path, out, project_id = study
    report = split(path, ["alice", "bob", "carol"], 0.1, out, seed=7)
    assert set(report.files) == {"alice", "bob", "carol"}
    assert report.files["alice"] == out / "study-alice.annotator"
    overlap = set(report.overlap)
    assert len(overlap) == 2
    seen: dict[str, int] = {}
    for coder, file in report.files.items():
        with Project.open(file) as part:
            assert part.project_id == project_id
            assert part.name == "Team study"
            assert [v.name for v in part.codebook().variables] == ["position", "conflict", "topic"]
            assert part.codebook().name == "Team book"
            ids = part.article_ids()
            assert overlap <= set(ids)
            for article_id in ids:
                seen[article_id] = seen.get(article_id, 0) + 1
                # The suggestions come along with each article.
                assert len(part.entities(article_id)) == 1
                [quote] = part.quotes(article_id)
                [actor] = part.actors(article_id)
                assert quote.actor_id == actor.id
            manifest = json.loads(part.meta("split"))
            assert manifest["coder"] == coder
            assert set(manifest["overlap"]) == overlap
            assert manifest["articles"] == ids
            assert manifest["seed"] == 7
            assert part.search("reform")  # the search index follows the articles kept
    # Every article given out; the overlap to all three, the rest to exactly one.
    assert set(seen) == {f"art-{n:03d}" for n in range(20)}
    assert all(seen[a] == (3 if a in overlap else 1) for a in seen)
    shares = sorted(report.articles[c] - len(overlap) for c in report.files)
    assert shares == [6, 6, 6]


def test_a_coder_sees_only_their_own_codes_unless_asked(study):
    path, out, _ = study
    report = split(path, ["alice", "bob"], 1.0, out, seed=1)
    with Project.open(report.files["alice"]) as part:
        assert [a.coder for a in part.annotations()] == ["alice"]
        assert part.codings() == []
        assert part.coders() == ["alice"]
    # Nothing of bob's can be read back from alice's file, not even from free pages:
    # his name is there once, in the manifest's list of coders.
    assert report.files["alice"].read_bytes().count(b"bob") == 1
    kept = out / "kept"
    kept.mkdir()
    report = split(path, ["alice", "bob"], 1.0, kept, seed=1, keep_codes=True)
    with Project.open(report.files["alice"]) as part:
        assert sorted(a.coder for a in part.annotations()) == ["alice", "bob"]
        assert len(part.codings()) == 1


def test_the_same_seed_gives_the_same_assignment(study):
    path, _, _ = study
    with Project.open(path) as project:
        ids = project.article_ids()
    first = assign(ids, ["a", "b", "c"], 0.25, seed=42)
    again = assign(ids, ["a", "b", "c"], 0.25, seed=42)
    other = assign(ids, ["a", "b", "c"], 0.25, seed=43)
    assert first == again
    assert first != other
    assert len(first.overlap) == 5


def test_refusals_name_the_problem_and_write_nothing(study, tmp_path):
    path, out, _ = study
    with pytest.raises(SplitError, match="twice"):
        split(path, ["alice", "Alice"], 0.1, out)
    with pytest.raises(SplitError, match="between 0 and 1"):
        split(path, ["alice"], 10, out)
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(SplitError, match="a-file: is a file, not a folder"):
        split(path, ["alice"], 0.1, tmp_path / "a-file")
    (out / "study-bob.annotator").write_text("a coder's work")
    with pytest.raises(SplitError, match="study-bob.annotator: already exists"):
        split(path, ["alice", "bob"], 0.1, out)
    assert sorted(p.name for p in out.iterdir()) == ["study-bob.annotator"]
    assert (out / "study-bob.annotator").read_text() == "a coder's work"
    with pytest.raises(SplitError, match="no such project file"):
        split(tmp_path / "nope.annotator", ["alice"], 0.1, tmp_path / "never")
    assert not (tmp_path / "never").exists()


def test_a_missing_out_folder_is_created(study, tmp_path):
    path, _, _ = study
    out = tmp_path / "coders" / "round-1"
    report = split(path, ["alice", "bob"], 0.5, out, seed=3)
    assert report.files["alice"] == out / "study-alice.annotator"
    assert sorted(p.name for p in out.iterdir()) == ["study-alice.annotator", "study-bob.annotator"]


def test_each_file_records_which_articles_its_coder_was_given(study):
    path, out, _ = study
    report = split(path, ["alice", "bob"], 0.2, out, seed=5)
    for coder, file in report.files.items():
        with Project.open(file) as part:
            assigned = part.assignments()
            # Only this coder's assignment, and every article of the file is in it.
            assert {c for _, c in assigned} == {coder}
            assert sorted(a for a, _ in assigned) == sorted(part.article_ids())
            assert len(assigned) == report.articles[coder]
