"""Words the services show a researcher, in the interface's language, without Qt.

A service writes its user-visible text as ``Message("No codes yet.")`` or
``Message("No article is coded for {0} yet.", name)``: a ``str`` holding the English
text, which also remembers its template and arguments. The window shows it with
``translated(text, language)``, which looks the template up in
resources/i18n/services_LANG.json (English template -> translation, same placeholders)
and fills in the arguments. A text that is no Message is looked up whole; one the
catalogue lacks stays English. tests/services/test_messages.py checks that every
Message template in annotator/services has its French.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from annotator.paths import resource_dir


class Message(str):
    """English text with its template and arguments kept for translation."""

    template: str
    arguments: tuple[Any, ...]

    def __new__(cls, template: str, *arguments: Any) -> Message:
        text = super().__new__(cls, template.format(*arguments) if arguments else template)
        text.template = template
        text.arguments = arguments
        return text


@cache
def catalogue(language: str) -> dict[str, str]:
    """English template -> translation for one language ({} for English or none shipped)."""
    path = resource_dir() / "i18n" / f"services_{language}.json"
    if language == "en" or not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items() if not k.startswith("_")}


def translated(text: str, language: str) -> str:
    """A service's text in ``language`` (English when there is no translation)."""
    words = catalogue(language)
    if not words:
        return str(text)
    if isinstance(text, Message):
        template = words.get(text.template)
        if template is None:
            return str(text)
        return template.format(*text.arguments) if text.arguments else template
    return words.get(str(text), str(text))
