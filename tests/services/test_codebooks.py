import json

import pytest

from annotator.services.codebooks import load_codebook_file, starter_codebook
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
