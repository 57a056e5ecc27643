"""Library errors on a damaged file are messages; errors of Annotator's own code are bugs."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from annotator.core.text import shorten
from annotator.services.errors import (
    FileProblem,
    crash_report,
    library_errors,
    raised_in_annotator,
    write_crash_log,
)
from annotator.services.sources import read_article


def test_an_error_raised_inside_a_library_becomes_a_file_problem(tmp_path: Path) -> None:
    with pytest.raises(FileProblem) as caught, library_errors(tmp_path / "a.json", "damaged"):
        json.loads("{")
    assert caught.value.reason.startswith("damaged (")


def test_an_error_raised_by_annotators_own_code_passes_through() -> None:
    with pytest.raises(AttributeError) as caught, library_errors("a.docx", "damaged Word file"):
        shorten(None, 3)  # type: ignore[arg-type]
    assert raised_in_annotator(caught.value)


def test_a_damaged_word_file_is_still_named_as_one(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document>not closed")
    with pytest.raises(FileProblem) as caught:
        read_article(path)
    assert str(path) in str(caught.value)
    assert "damaged Word file" in caught.value.reason or "not a Word file" in caught.value.reason


def test_a_crash_report_names_the_error_and_is_kept_in_the_log(tmp_path: Path) -> None:
    try:
        shorten(None, 3)  # type: ignore[arg-type]
    except AttributeError as exc:
        report = crash_report(exc, "Command: annotator export x.annotator y.xlsx")
    assert "AttributeError" in report and "Command: annotator export" in report
    log = write_crash_log(report, tmp_path)
    assert log is not None and report in log.read_text(encoding="utf-8")
    write_crash_log("second report", tmp_path)
    assert log.read_text(encoding="utf-8").endswith("second report")
