import pytest

from annotator.core.text import snap_span

TEXT = "Le maire, Jean-Luc Martin, a parlé de l’adjointe."


def span(start_word: str, end_word: str, start_cut: int = 0, end_cut: int = 0) -> tuple[int, int]:
    start = TEXT.index(start_word) + start_cut
    end = TEXT.index(end_word) + len(end_word) - end_cut
    return start, end


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (span("maire", "maire"), "maire"),
        (span("maire", "maire", 2, 1), "maire"),  # half words grow to whole words
        (span("Jean-Luc", "Martin", 6, 3), "Jean-Luc Martin"),  # hyphenated names are one word
        (span("adjointe", "adjointe", 1), "adjointe"),  # the elided article stays out
        (span("Le", "maire,"), "Le maire,"),  # punctuation stays as selected
    ],
)
def test_selection_snaps_to_whole_words(selection, expected):
    start, end = snap_span(TEXT, *selection)
    assert TEXT[start:end] == expected


def test_whitespace_is_trimmed_and_blank_selection_is_empty():
    text = "  the mayor  said"
    assert snap_span(text, 0, 13) == (2, 11)
    start, end = snap_span(text, 11, 13)
    assert start == end
