"""Near-duplicates: the same wire story, lightly edited, in two outlets.

Similarity is the Jaccard index of the two texts' sets of 5-word shingles: a
changed headline, a sentence added or cut, or a different footer keeps it
high, while two different stories on the same event share almost no 5-word
run. To stay fast on thousands of articles, each text is filed under a sample
of its shingles (those whose hash is divisible by 16, plus its 8 smallest),
and only the texts that share sampled shingles are compared exactly.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 5
#: Jaccard similarity from which two texts count as the same story. Calibrated on a
#: 320-word dispatch and its copy with a new headline, a sentence added, the last
#: paragraph cut and another footer: 0.81 (0.76 had the footers not been cut), while
#: a different story on the same fire, with the same names and figures, scores 0.00.
#: 0.7 leaves room for shorter stories, where each edit weighs more.
NEAR_DUPLICATE_THRESHOLD = 0.7
#: Only the start of a longer text is compared: plenty to recognize a story.
MAX_CHARS = 500_000

_SAMPLE_EVERY = 16
_SAMPLE_FLOOR = 8
# A shingle filed under more texts than this is a stock phrase, not evidence.
_MAX_POSTINGS = 200
# Texts compared exactly per lookup, the most promising first.
_MAX_CANDIDATES = 20

_BASE = 0x100000001B3  # odd, so it has an inverse modulo 2**64
# Odd 64-bit multipliers that turn five word hashes into one shingle hash.
_MULTIPLIERS = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
    ],
    dtype=np.uint64,
)


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which characters of the Basic Multilingual Plane make words, and powers of the base."""
    is_word = np.fromiter(
        (
            (ch := chr(code)).isalnum() or unicodedata.category(ch).startswith("M")
            for code in range(0x10000)
        ),
        dtype=bool,
        count=0x10000,
    )
    powers = np.ones(MAX_CHARS + 1, dtype=np.uint64)
    np.cumprod(np.full(MAX_CHARS, _BASE, dtype=np.uint64), out=powers[1:])
    inverses = np.ones(MAX_CHARS + 1, dtype=np.uint64)
    inverse = pow(_BASE, -1, 2**64)
    np.cumprod(np.full(MAX_CHARS, inverse, dtype=np.uint64), out=inverses[1:])
    return is_word, powers, inverses


def word_hashes(text: str) -> np.ndarray:
    """One 64-bit hash per word of the lowercased text, in order.

    Done on the array of code points rather than word by word in Python: a
    polynomial hash of each word from prefix sums, ten times faster than a regex.
    """
    is_word_table, powers, inverses = _tables()
    codes = np.frombuffer(
        text.lower()[:MAX_CHARS].encode("utf-32-le", "surrogatepass"), dtype=np.uint32
    )
    if not len(codes):
        return np.empty(0, dtype=np.uint64)
    # Characters beyond the BMP (CJK extensions, emoji) count as word characters.
    is_word = is_word_table[np.minimum(codes, 0xFFFF)] | (codes > 0xFFFF)
    edges = np.diff(is_word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    prefix = np.zeros(len(codes) + 1, dtype=np.uint64)
    np.cumsum(codes.astype(np.uint64) * powers[: len(codes)], out=prefix[1:])
    result: np.ndarray = (prefix[ends] - prefix[starts]) * inverses[starts]
    return result


def shingles(text: str) -> np.ndarray:
    """The sorted, distinct hashes of the text's 5-word shingles (case and punctuation ignored)."""
    ids = word_hashes(text)
    if not len(ids):
        return ids
    width = min(SHINGLE_WORDS, len(ids))
    count = len(ids) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined ^= ids[offset : offset + count] * _MULTIPLIERS[offset]
    # A final mix so that the low bits used for sampling depend on every word.
    combined ^= combined >> np.uint64(31)
    combined *= np.uint64(0x94D049BB133111EB)
    combined ^= combined >> np.uint64(29)
    combined.sort()
    keep = np.empty(count, dtype=bool)
    keep[0] = True
    np.not_equal(combined[1:], combined[:-1], out=keep[1:])
    return combined[keep]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard index of two shingle sets as returned by ``shingles``."""
    if not len(a) or not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """The article a text resembles, and how much (Jaccard, 0 to 1)."""

    key: str
    label: str
    similarity: float


class NearDuplicateIndex:
    """Texts seen so far, searchable for near-duplicates of a new text."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        self.threshold = threshold
        self._keys: list[str] = []
        self._labels: list[str] = []
        self._shingles: list[np.ndarray] = []
        self._postings: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str, label: str, text: str | np.ndarray) -> None:
        """File a text under ``key`` (an article id); ``label`` names it in reports (its title)."""
        hashes = shingles(text) if isinstance(text, str) else text
        number = len(self._keys)
        self._keys.append(key)
        self._labels.append(label)
        self._shingles.append(hashes)
        for sample in _sample(hashes):
            self._postings.setdefault(sample, []).append(number)

    def find(self, text: str | np.ndarray) -> NearDuplicate | None:
        """The most similar text filed so far, if it reaches the threshold."""
        hashes = shingles(text) if isinstance(text, str) else text
        samples = _sample(hashes)
        if not samples:
            return None
        counts: Counter[int] = Counter()
        for sample in samples:
            posting = self._postings.get(sample)
            if posting and len(posting) <= _MAX_POSTINGS:
                counts.update(posting)
        # Two texts above the threshold share most of their samples; one shared
        # sample in a long text is a stock phrase.
        needed = max(1, len(samples) // 4)
        best: NearDuplicate | None = None
        for number, shared in counts.most_common(_MAX_CANDIDATES):
            if shared < needed:
                break
            similarity = jaccard(hashes, self._shingles[number])
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = NearDuplicate(self._keys[number], self._labels[number], similarity)
        return best


def _sample(hashes: np.ndarray) -> set[int]:
    samples = set(hashes[hashes % np.uint64(_SAMPLE_EVERY) == 0].tolist())
    samples.update(hashes[:_SAMPLE_FLOOR].tolist())  # sorted: the smallest hashes
    return samples
