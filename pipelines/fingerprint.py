"""An article body's near-duplicate fingerprint: MinHash over word shingles, and the test of two
fingerprints for the same story. Pure: no archive, no clock.

* **Shingles.** The body is case-folded, every character that is not a letter or digit is a space
  (punctuation, symbols, typographic quotes),
  and each run of ``SHINGLE_WORDS`` consecutive words *within one paragraph* is a shingle, hashed to
  32 bits. Shingles never cross a paragraph break, so moving paragraphs around changes nothing;
  punctuation, case and spacing change nothing either.
* **Signature.** ``NUM_PERM`` minima of the shingle hashes, each under its own permutation: the
  MinHash of datasketch's ``affine32`` scheme bit for bit (the hash pre-mixed by the MurmurHash3
  finalizer, then ``a * h + b mod 2**32`` with datasketch's ``a``, ``b`` for ``SEED``; checked
  against ``datasketch.MinHash`` in tests/test_fingerprint.py), computed over a numpy array of
  all shingles at once. The share of equal minima estimates the Jaccard similarity of two bodies'
  shingle sets.
* **Band keys.** The signature cut into ``BANDS`` bands of ``ROWS`` minima; each band hashed (with
  its number) to a 31-bit key. Two bodies with Jaccard similarity ``s`` share at least one key
  with probability ``1 - (1 - s**ROWS)**BANDS``: 0.94 at 0.5, 0.99 at 0.6, 0.75 at 0.4, 0.02 at
  0.1 (locality sensitive hashing); a story's copies usually share keys with several of its
  articles, so a copy missed by one is found through another. The archive indexes the keys, so
  candidates for a new body are found by looking its keys up, never by comparing it with every
  article.
* **Same story** (``same_story``): the Jaccard estimate ``j`` and, from it and the two shingle
  counts, the containment ``c`` of the smaller body in the larger
  (``|A ∩ B| = j (|A| + |B|) / (1 + j)``). Same story when ``j >= JACCARD`` (the same text with
  light edits, paragraphs moved, boilerplate added), or when ``c >= CONTAINED`` and
  ``j >= CONTAINED_JACCARD`` (one holds the other: a copy with a paragraph added or cut, the
  smaller at least about a third of the larger). See ``same_story`` for why these numbers.

A body of fewer than ``MIN_SHINGLES`` shingles (a few sentences) has no fingerprint: too little
text to tell a copy from two notes on the same race.
"""

from __future__ import annotations

import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 4
NUM_PERM = 64
BANDS, ROWS = 21, 3  # 63 of the 64 minima are banded
SEED = 1
MIN_SHINGLES = 24
JACCARD = 0.5
CONTAINED = 0.8
CONTAINED_JACCARD = 0.3

_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789") | frozenset(range(0x80, 0x100))
_TO_SPACES = bytes(c if c in _WORD_BYTES else 0x20 for c in range(256))
# Non-ASCII punctuation, symbols and spaces (typographic quotes and dashes, no-break spaces...)
# are spaces too; other non-ASCII characters are letters.
_PUNCTUATION_BLOCKS = (
    (0x80, 0x100),  # Latin-1: no-break space, guillemets, inverted marks...
    (0x2000, 0x2070),  # General Punctuation: spaces, dashes, quotes, ellipsis
    (0x20A0, 0x20D0),  # currency signs
    (0x2E00, 0x2E80),  # Supplemental Punctuation
    (0x3000, 0x3040),  # CJK Symbols and Punctuation
    (0xFF00, 0xFF66),  # fullwidth and halfwidth forms
)
_PUNCTUATION_TO_SPACES = {
    cp: " "
    for start, end in _PUNCTUATION_BLOCKS
    for cp in range(start, end)
    if unicodedata.category(chr(cp))[0] in "PSZC"
}
# Odd 64-bit multipliers giving each word of a shingle its own weight (the order of words counts).
_WORD_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
     0x94D049BB133111EB, 0xBF58476D1CE4E5B9, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53],
    dtype=np.uint64,
)  # fmt: skip
_BAND_MULTIPLIERS = _WORD_MULTIPLIERS[:ROWS]
_U32 = np.uint64(32)
# Word -> hash, for the words seen lately (a word's crc32 costs more than a dict lookup).
_WORD_CACHE: dict[bytes, int] = {}
_WORD_CACHE_MAX = 50_000


@dataclass(frozen=True)
class Fingerprint:
    shingles: int  # distinct shingles in the body
    signature: np.ndarray  # NUM_PERM uint32 minima

    def to_bytes(self) -> bytes:
        return self.signature.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, shingles: int, data: bytes) -> Fingerprint:
        return cls(shingles, np.frombuffer(data, dtype="<u4").astype(np.uint32))

    def band_keys(self) -> list[int]:
        return band_keys(self.signature)


def _word_hash(word: bytes) -> int:
    if len(_WORD_CACHE) >= _WORD_CACHE_MAX:
        _WORD_CACHE.clear()
    value = _WORD_CACHE[word] = zlib.crc32(word) | (len(word) << 32)
    return value


def shingle_hashes(body: str) -> np.ndarray:
    """The 32-bit hashes of the body's shingles (``SHINGLE_WORDS`` words in a row within a
    paragraph; a body shorter than that is one shingle), each shingle once."""
    cache = _WORD_CACHE
    hashes: list[int] = []
    lengths: list[int] = []
    text = body.casefold()
    if not text.isascii():
        text = text.translate(_PUNCTUATION_TO_SPACES)
    for para in text.encode("utf-8", "replace").split(b"\n"):
        words = para.translate(_TO_SPACES).split()
        if words:
            lengths.append(len(words))
            hashes += [cache.get(w) or _word_hash(w) for w in words]
    if not hashes:
        return np.zeros(0, dtype=np.uint32)
    words_h = np.array(hashes, dtype=np.uint64)
    k = min(SHINGLE_WORDS, len(hashes))
    count = len(hashes) - k + 1
    mixed = words_h[:count] * _WORD_MULTIPLIERS[0]
    for j in range(1, k):
        mixed += words_h[j : j + count] * _WORD_MULTIPLIERS[j]
    if len(lengths) > 1:
        paragraph = np.repeat(np.arange(len(lengths)), lengths)
        mixed = mixed[paragraph[:count] == paragraph[k - 1 :]]
    shingles = (mixed >> _U32).astype(np.uint32)
    if not len(shingles):
        return shingles
    shingles.sort()
    distinct: np.ndarray = shingles[np.concatenate(([True], shingles[1:] != shingles[:-1]))]
    return distinct


@lru_cache(maxsize=1)
def permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutation parameters (a odd, b) for ``NUM_PERM`` and ``SEED``,
    drawn as ``datasketch.MinHash._init_permutations`` draws them, as columns."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint64).astype(np.uint32)
    return a.reshape(-1, 1), b.reshape(-1, 1)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer (datasketch pre-mixes every input hash with it)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash(hashes: np.ndarray) -> np.ndarray:
    """The ``NUM_PERM`` MinHash values of a set of 32-bit hashes (datasketch affine32)."""
    a, b = permutations()
    permuted = _fmix32(hashes.astype(np.uint32)) * a  # NUM_PERM rows, one column per hash
    permuted += b
    return permuted.min(axis=1)


def fingerprint(body: str | None) -> Fingerprint | None:
    """The body's fingerprint, None for a body of fewer than ``MIN_SHINGLES`` shingles."""
    if not body:
        return None
    hashes = shingle_hashes(body)
    if len(hashes) < MIN_SHINGLES:
        return None
    return Fingerprint(len(hashes), minhash(hashes))


def band_keys(signature: np.ndarray) -> list[int]:
    """The signature's ``BANDS`` LSH keys: band i's ``ROWS`` minima and i hashed to 31 bits
    (SQLite stores them in 4 bytes; a chance collision only adds a candidate to check)."""
    keys: list[int] = band_key_rows(signature.reshape(1, -1))[0].tolist()
    return keys


def band_key_rows(signatures: np.ndarray) -> np.ndarray:
    """The band keys of several signatures (rows) at once: one row of ``BANDS`` keys each."""
    rows = signatures[:, : BANDS * ROWS].astype(np.uint64).reshape(len(signatures), BANDS, ROWS)
    mixed = (rows * _BAND_MULTIPLIERS).sum(axis=2) + np.arange(BANDS, dtype=np.uint64)
    mixed ^= mixed >> np.uint64(31)
    mixed *= np.uint64(0xBF58476D1CE4E5B9)
    mixed ^= mixed >> np.uint64(29)
    return mixed >> np.uint64(33)


def similarity(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """(Jaccard estimate, containment of the smaller body in the larger) of two fingerprints."""
    j, c = _measures(a, np.array([b.shingles]), b.signature.reshape(1, -1))
    return float(j[0]), float(c[0])


def jaccard(fp: Fingerprint, signatures: np.ndarray) -> np.ndarray:
    """The Jaccard estimate of ``fp`` and each of several signatures (rows)."""
    return np.count_nonzero(signatures == fp.signature, axis=1) / NUM_PERM


def _measures(
    fp: Fingerprint, shingles: np.ndarray, signatures: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    j = jaccard(fp, signatures)
    common = j * (shingles + fp.shingles) / (1 + j)
    return j, np.minimum(1.0, common / np.minimum(shingles, fp.shingles))


def matches(fp: Fingerprint, shingles: np.ndarray, signatures: np.ndarray) -> np.ndarray:
    """For each of several fingerprints (their shingle counts, and their signatures as rows):
    whether it is the same story as ``fp`` (see ``same_story``)."""
    j, c = _measures(fp, shingles, signatures)
    return (j >= JACCARD) | ((c >= CONTAINED) & (j >= CONTAINED_JACCARD))


def same_story(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether two bodies are one story.

    ``j >= JACCARD`` (0.5): the same text give or take a third of its shingles. A light edit of
    one word in thirty breaks about one shingle in eight; boilerplate added or a headline changed
    breaks none, it only adds shingles; a paragraph moved changes nothing. Two different reports
    of the same race, or two stories sharing a paragraph, stay far below: what they share is a
    sentence or a paragraph out of many.

    ``c >= CONTAINED`` (0.8) with ``j >= CONTAINED_JACCARD`` (0.3): one body holds (nearly all
    of) the other, the smaller being at least about a third of the larger: a copy cut short or a
    story with paragraphs added. The floor on ``j`` is the guard against false groups: an
    unrelated story that shares its first paragraph (or a boilerplate paragraph) with another is
    contained in it only by that paragraph's share, and a short text wholly made of a common
    paragraph would otherwise tie every story holding that paragraph into one.
    """
    return bool(matches(a, np.array([b.shingles]), b.signature.reshape(1, -1))[0])
