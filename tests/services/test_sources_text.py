import pytest

from annotator.services.errors import FileProblem
from annotator.services.sources import read_article


def test_plain_text_title_is_first_line(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Headline here\nFirst paragraph.\n\nSecond paragraph.\n", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Headline here"
    assert article.text == "Headline here\nFirst paragraph.\n\nSecond paragraph."
    assert article.source_file == str(path)


def test_metadata_block_is_read_and_left_out_of_the_text(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "Grève à Lyon\n\nOutlet: Le Progrès\nDate: 2025-03-01\nAuthor: Jeanne Roux\n\n"
        "LYON – Les agents ont cessé le travail.\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert (article.outlet, article.date, article.author) == (
        "Le Progrès",
        "2025-03-01",
        "Jeanne Roux",
    )
    assert article.text == "Grève à Lyon\n\nLYON – Les agents ont cessé le travail."


def test_bom_and_windows_line_ends(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitle\r\nBody.\r\n".encode())
    assert read_article(path).text == "Title\nBody."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", b"\x00\x01\x02garbage", "binary data"),
        ("report.pages", b"PK\x03\x04", "unsupported file type '.pages'"),
    ],
)
def test_bad_input_names_the_file_and_the_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileProblem) as caught:
        read_article(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert reason in caught.value.reason


def test_missing_file(tmp_path):
    with pytest.raises(FileProblem, match="missing.txt: file not found"):
        read_article(tmp_path / "missing.txt")
