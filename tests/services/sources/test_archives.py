"""Zip archives and folders of articles, hostile ones included, on real files built here."""

import struct
import tempfile
import zipfile

import pytest

from annotator.core import Article
from annotator.services.errors import FileProblem
from annotator.services.importer import expand_paths
from annotator.services.sources import read_path

STORY = "Council vote\n\nThe council voted on the budget {n}.\n"
TABLE = "Title,Text\nFirst,First row text.\nSecond,Second row text.\n"


@pytest.fixture(autouse=True)
def scratch(tmp_path, monkeypatch):
    """Temporary files go to a folder of the test's own, checked empty afterwards."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == [], "the archive reader left temporary files behind"


def _zip(path, members, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name) if name.endswith("/") else name, data)
    return path


def _read(path):
    items = list(read_path(path))
    articles = [item for item in items if isinstance(item, Article)]
    problems = [str(item) for item in items if isinstance(item, FileProblem)]
    return articles, problems


def _patch_sizes(path, member, compressed=None, uncompressed=None):
    """Rewrite the sizes a member declares, in its local header and in the central directory."""
    data = bytearray(path.read_bytes())
    for signature, at in ((b"PK\x03\x04", 18), (b"PK\x01\x02", 20)):
        name_at = 30 if signature == b"PK\x03\x04" else 46
        start = data.find(signature)
        while start != -1:
            if data[start + name_at :].startswith(member.encode()):
                if compressed is not None:
                    struct.pack_into("<I", data, start + at, compressed)
                if uncompressed is not None:
                    struct.pack_into("<I", data, start + at + 4, uncompressed)
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))


def test_a_zip_of_text_and_csv_members_imports_each_article(tmp_path):
    path = _zip(
        tmp_path / "corpus.zip",
        {
            "corpus/": b"",
            "corpus/2025/story.txt": STORY.format(n=1).encode(),
            "corpus/table.csv": TABLE.encode(),
            "corpus/notes.md": b"not an article",
            "__MACOSX/corpus/._story.txt": b"\x00\x05\x16\x07",
            "corpus/.DS_Store": b"\x00\x00\x00\x01Bud1",
            "corpus/~$table.csv": b"lock",
        },
    )
    articles, problems = _read(path)
    assert problems == []
    assert [a.source_file for a in articles] == [
        f"{path}!corpus/2025/story.txt",
        f"{path}!corpus/table.csv#row2",
        f"{path}!corpus/table.csv#row3",
    ]
    assert articles[0].title == "Council vote" and articles[2].text == "Second row text."


def test_problems_inside_a_zip_name_the_member(tmp_path):
    path = _zip(
        tmp_path / "mixed.zip",
        {"empty.txt": b"", "rows.csv": b"Title,Text\nNo text,\nKept,Kept text.\n"},
    )
    articles, problems = _read(path)
    assert [a.title for a in articles] == ["Kept"]
    assert problems == [
        f"{path}!empty.txt: empty file (0 bytes)",
        f"{path}!rows.csv row 2: empty text",
    ]


def test_members_with_unsafe_paths_are_refused_and_nothing_is_written_outside(tmp_path):
    inside = tmp_path / "inside"
    inside.mkdir()
    path = _zip(
        inside / "evil.zip",
        {
            "../evil.txt": b"Evil\n\nwritten outside",
            "/etc/evil.txt": b"Evil\n\nabsolute",
            "..\\..\\evil.txt": b"Evil\n\nwindows style",
            "good.txt": STORY.format(n=2).encode(),
        },
    )
    articles, problems = _read(path)
    assert [a.source_file for a in articles] == [f"{path}!good.txt"]
    assert problems == [
        f"{path}!../evil.txt: unsafe path in archive",
        f"{path}!/etc/evil.txt: unsafe path in archive",
        f"{path}!..\\..\\evil.txt: unsafe path in archive",
    ]
    assert not list(tmp_path.rglob("evil.txt"))


def test_a_zip_bomb_is_refused_from_its_declared_size(tmp_path):
    path = _zip(tmp_path / "bomb.zip", {"huge.txt": STORY.format(n=3).encode() * 10})
    _patch_sizes(path, "huge.txt", uncompressed=600 * 1024 * 1024)
    assert zipfile.ZipFile(path).getinfo("huge.txt").file_size == 600 * 1024 * 1024
    articles, problems = _read(path)
    assert articles == []
    assert problems == [
        f"{path}: would expand to 600 MB, over the 500 MB limit for an archive (a zip bomb?);"
        " refused"
    ]


def test_a_member_compressed_like_a_bomb_is_refused_without_being_decompressed(tmp_path):
    zeros = bytes(20 * 1024 * 1024)  # deflates to about 20 KB: 1000:1
    path = _zip(tmp_path / "ratio.zip", {"zeros.txt": zeros, "good.txt": STORY.format(n=4)})
    articles, problems = _read(path)
    assert [a.source_file for a in articles] == [f"{path}!good.txt"]
    (problem,) = problems
    assert problem.startswith(f"{path}!zeros.txt: compressed 1")
    assert problem.endswith("which only a zip bomb does; refused")


def test_a_member_that_holds_more_than_it_declares_is_not_read_past_the_declaration(tmp_path):
    path = _zip(tmp_path / "liar.zip", {"liar.txt": bytes(8 * 1024 * 1024)})
    _patch_sizes(path, "liar.txt", uncompressed=1000)  # a harmless-looking ratio
    articles, problems = _read(path)
    assert articles == []
    assert problems == [f"{path}!liar.txt: damaged in the archive (Bad CRC-32 for file 'liar.txt')"]


@pytest.mark.parametrize(
    "content",
    [b"", b"\x8f\x13 not a zip at all" * 50, "truncated"],
    ids=["empty", "random bytes", "truncated"],
)
def test_a_corrupt_zip_is_reported(tmp_path, content):
    if content == "truncated":
        whole = _zip(tmp_path / "whole.zip", {"a.txt": STORY.format(n=5) * 200}).read_bytes()
        content = whole[: len(whole) // 2]
    path = tmp_path / "broken.zip"
    path.write_bytes(content)
    assert _read(path) == ([], [f"{path}: not a readable zip archive"])


def test_a_damaged_member_is_reported_and_the_rest_imports(tmp_path):
    path = _zip(
        tmp_path / "damaged.zip",
        {"a.txt": STORY.format(n=6) * 50, "b.txt": STORY.format(n=7)},
    )
    data = bytearray(path.read_bytes())
    body = 30 + len("a.txt") + 10  # inside a.txt's compressed data
    data[body : body + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    articles, problems = _read(path)
    assert [a.source_file for a in articles] == [f"{path}!b.txt"]
    (problem,) = problems
    assert problem.startswith(f"{path}!a.txt: damaged in the archive")


def test_an_encrypted_member_is_reported(tmp_path):
    path = _zip(tmp_path / "locked.zip", {"secret.txt": STORY.format(n=8), "open.txt": STORY})
    data = bytearray(path.read_bytes())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)  # the first member of each kind: secret.txt
        struct.pack_into("<H", data, start + flags_at, 0x1)
    path.write_bytes(bytes(data))
    articles, problems = _read(path)
    assert [a.source_file for a in articles] == [f"{path}!open.txt"]
    assert problems == [
        f"{path}!secret.txt: encrypted (password-protected) in the archive;"
        " unzip it with its password first"
    ]


def test_zips_in_a_zip_are_read_one_level_deep(tmp_path):
    deepest = _zip(tmp_path / "deepest.zip", {"c.txt": STORY.format(n=9)})
    inner = _zip(
        tmp_path / "inner.zip",
        {"b.csv": TABLE, "deepest.zip": deepest.read_bytes()},
    )
    outer = _zip(tmp_path / "outer.zip", {"a.txt": STORY, "sub/inner.zip": inner.read_bytes()})
    articles, problems = _read(outer)
    assert [a.source_file for a in articles] == [
        f"{outer}!a.txt",
        f"{outer}!sub/inner.zip!b.csv#row2",
        f"{outer}!sub/inner.zip!b.csv#row3",
    ]
    assert problems == [
        f"{outer}!sub/inner.zip!deepest.zip: a zip inside a zip inside a zip;"
        " Annotator reads one level of zips in a zip"
    ]


def test_a_zip_without_importable_files_says_what_it_holds(tmp_path):
    path = _zip(tmp_path / "other.zip", {"a.md": "x", "b.doc": "y", "folder/": ""})
    assert _read(path) == (
        [],
        [f"{path}: no file Annotator can import in the archive (it holds .doc, .md)"],
    )
    empty = _zip(tmp_path / "empty.zip", {})
    assert _read(empty) == (
        [],
        [f"{empty}: no file Annotator can import in the archive (it is empty)"],
    )


def test_folders_are_walked_without_hidden_files_or_office_lock_files(tmp_path):
    corpus = tmp_path / "corpus"
    for relative in [
        "a.txt",
        "2025/b.csv",
        "2025/c.zip",
        "2025/~$b.csv",
        ".hidden.txt",
        ".git/objects/d.txt",
        "__MACOSX/2025/._a.txt",
        "2025/.DS_Store",
        "notes.md",
    ]:
        (corpus / relative).parent.mkdir(parents=True, exist_ok=True)
        (corpus / relative).write_text("x")
    assert expand_paths([corpus]) == [
        corpus / "2025/b.csv",
        corpus / "2025/c.zip",
        corpus / "a.txt",
    ]
    # A file named on its own is always tried, hidden or not.
    assert expand_paths([corpus / ".hidden.txt"]) == [corpus / ".hidden.txt"]
