"""Length-preserving text normalization for the spaCy pipelines.

Offsets computed on the normalized text are valid on the original text because
every replacement maps one character to one character.
"""

from __future__ import annotations

# Why: with U+2019 the French pipelines emit junk entities ("qu’", "n’") and miss
# names; straight apostrophes and quotes are what the models were trained on.
_TABLE = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark, mostly an apostrophe
        "\u2018": "'",  # left single quotation mark, sometimes typed as apostrophe
        "\u02bc": "'",  # modifier letter apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00a0": " ",  # no-break spaces inside « » would become separate tokens
        "\u202f": " ",
        "\u2009": " ",
    }
)


def normalize_for_model(text: str) -> str:
    """Return the text with typographic apostrophes, quotes and spaces made plain."""
    normalized = text.translate(_TABLE)
    assert len(normalized) == len(text)
    return normalized
