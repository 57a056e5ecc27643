"""The services' user-visible texts in French, without Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import annotator.services
from annotator.services.messages import Message, catalogue, translated


def _templates() -> set[str]:
    """Every literal template given to Message(...) in annotator/services."""
    found: set[str] = set()
    for path in Path(annotator.services.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Message"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(str(node.args[0].value))
    return found


def test_every_service_message_has_its_french() -> None:
    templates = _templates()
    assert len(templates) >= 10
    assert sorted(templates - set(catalogue("fr"))) == []


def test_a_message_is_english_text_that_translates_with_its_arguments() -> None:
    text = Message("No article is coded for {0} yet.", "position")
    assert text == "No article is coded for position yet."
    assert translated(text, "fr") == "Aucun article n'est encore codé pour position."
    assert translated(text, "en") == text
    # Plain text is looked up whole; unknown text stays as it is.
    assert translated("No codes yet.", "fr") == "Aucun code pour l'instant."
    assert translated("something new", "fr") == "something new"
