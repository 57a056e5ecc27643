import pytest

from annotator.core.answers import decimal_point, yes_no


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Oui", 1),
        (" yes ", 1),
        (True, 1),
        (1, 1),
        ("FAUX", 0),
        (False, 0),
        ("0", 0),
        ("maybe", None),
        ("", None),
        (None, None),
        (2, None),
    ],
)
def test_yes_no_reads_english_and_french_answers(value: object, expected: int | None) -> None:
    assert yes_no(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,5", "3.5"),
        (" -0,25 ", "-0.25"),
        ("1,000.5", "1,000.5"),
        ("1,2,3", "1,2,3"),
        ("12", "12"),
    ],
)
def test_decimal_point_reads_a_decimal_comma_only(text: str, expected: str) -> None:
    assert decimal_point(text) == expected
