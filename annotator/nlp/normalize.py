"""Length-preserving text normalization for the spaCy pipelines.

Offsets computed on the normalized text are valid on the original text because
every replacement maps one character to one character.
"""

from __future__ import annotations

import re

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


#: Longest run of symbols (punctuation, emoji, marks) the model is given whole.
MAX_SYMBOL_RUN = 16
# Why: spaCy's tokenizer peels a prefix or suffix off a token one at a time and looks
# again at what is left, so a run of n symbols costs n² (10,000 "=" took 18 s, 100 KB
# of '"' a quarter of an hour). What passes the first MAX_SYMBOL_RUN becomes spaces,
# one for one, so offsets hold; quotation marks are paired on the original text.
_SYMBOL_RUN = re.compile(rf"[^\w\s]{{{MAX_SYMBOL_RUN + 1},}}")


def _blank_tail(match: re.Match[str]) -> str:
    run = match.group()
    return run[:MAX_SYMBOL_RUN] + " " * (len(run) - MAX_SYMBOL_RUN)


def normalize_for_model(text: str) -> str:
    """Return the text with typographic apostrophes, quotes and spaces made plain, and
    long runs of symbols cut short (the rest of the run made spaces)."""
    normalized = _SYMBOL_RUN.sub(_blank_tail, text.translate(_TABLE))
    assert len(normalized) == len(text)
    return normalized
