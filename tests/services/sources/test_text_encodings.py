"""Plain-text articles in the encodings researchers' files come in, and the bad ones."""

from __future__ import annotations

import os
import random

import pytest

from annotator.services.errors import FileProblem
from annotator.services.sources import read_article
from annotator.services.sources.text import MAX_BYTES, read_text

FRENCH = (
    "Grève à Besançon : l’été s’annonce chaud\n\n"
    "« Nous ne céderons pas », a déclaré l’élue. “C’est un défi”, a-t-elle ajouté.\n"
)
ENGLISH = "Strike in Lyon\n\nThe union’s leader said: “We won’t give up.” Café owners agreed.\n"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", FRENCH),
        ("utf-8-sig", FRENCH),
        ("utf-16", FRENCH),
        ("utf-16", ENGLISH),
        ("utf-32", FRENCH),
        ("cp1252", FRENCH),
        ("cp1252", ENGLISH),
        ("latin-1", "Élection à Besançon : le maire réélu\n\nLe scrutin a été serré.\n"),
        ("latin-1", "Élection à Besançon"),
    ],
)
def test_common_encodings_are_detected(tmp_path, encoding, text):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    assert read_text(path) == text


def test_cp1252_curly_quotes_are_the_bytes_word_writes(tmp_path):
    path = tmp_path / "word-export.txt"
    path.write_bytes(b"L\x92\xe9lue a dit : \x93Non\x94.\n")
    assert read_article(path).text == "L’élue a dit : “Non”."


def test_utf16_with_windows_line_ends(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes("Titre\r\n\r\nCorps de l’article.\r\n".encode("utf-16"))
    article = read_article(path)
    assert (article.title, article.text) == ("Titre", "Titre\n\nCorps de l’article.")


def _problem(path) -> FileProblem:
    with pytest.raises(FileProblem) as caught:
        read_article(path)
    assert str(caught.value).startswith(f"{path}: ")
    return caught.value


def test_too_large_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: nothing is written
    problem = _problem(path)
    assert problem.reason == f"too large (50.0 MB; the limit is {MAX_BYTES // 2**20} MB)"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file (0 bytes)"),
        (b" \r\n\t\n", "empty file"),
        ("\n \n".encode("utf-16"), "empty file"),
        (random.Random(4).randbytes(4096), "binary data, not text"),
        (
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
            "binary data, not text (it looks like a PNG",
        ),
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01\x02",
            "binary data, not text (it looks like a PDF)",
        ),
    ],
)
def test_bad_text_files(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert _problem(path).reason.startswith(reason)


def test_missing_and_folder(tmp_path):
    assert _problem(tmp_path / "missing.txt").reason == "file not found"
    (tmp_path / "folder.txt").mkdir()
    assert _problem(tmp_path / "folder.txt").reason == "is a folder"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nBody.\n", encoding="utf-8")
    path.chmod(0)
    try:
        assert _problem(path).reason == "cannot be read (permission denied)"
    finally:
        path.chmod(0o644)
