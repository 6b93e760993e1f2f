"""pipelines.fingerprint: MinHash over word shingles (datasketch's affine32 scheme, bit for bit),
what changes a fingerprint and what does not, and which pairs of bodies are the same story."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash

from pipelines.fingerprint import (
    MIN_SHINGLES,
    NUM_PERM,
    SEED,
    fingerprint,
    same_story,
    shingle_hashes,
    similarity,
)

PARAS = [
    "EUGENE, Ore. -- Josh Kerr went with six hundred metres to go in the Bowerman Mile on "
    "Saturday, and nobody in the best field ever assembled for the race could answer him.",
    "The Scot crossed the line in 3:45.34, a British record and a world lead, with Jakob "
    "Ingebrigtsen a stride and a half behind him after a last lap that left the Norwegian "
    "chasing shadows down the home straight.",
    "Kerr had talked all week about being patient, about sitting in the pack and waiting for the "
    "bell, but when the pacemaker stepped off he moved to the front and pressed the pace.",
    '"It was a dumb decision, to be honest," Kerr said afterwards. "My coach will be furious '
    'with me. But I felt strong and I thought I would lose it on my own terms."',
    "Ingebrigtsen, who had not lost a mile since the world championships in Budapest, closed "
    "hard over the final hundred metres but never drew level with the Scot.",
    "Behind the leading pair, Yared Nuguse led the American contingent home in third, with Cole "
    "Hocker fourth after the two had run together for most of the race.",
]
OTHER = [
    "An hour earlier Faith Kipyegon had given the crowd its first roar of the afternoon, running "
    "away from a world-class field in the women's fifteen hundred metres.",
    "The Kenyan sat on the shoulder of the pacemaker until the bell and then simply accelerated, "
    "and by the final bend the race for second place was the only contest left.",
    "Diribe Welteji of Ethiopia held on for second in a personal best, with Laura Muir third "
    "after a brave run from the back of the pack on a cool and still evening.",
    "In the field events Ryan Crouser threw the shot put beyond twenty-three metres for the "
    "third meeting in a row, and the high jump went to Yaroslava Mahuchikh.",
    "The women's steeplechase went to Winfred Yavi of Bahrain in a meeting record, and the "
    "sprints were shared between the Jamaican and American teams.",
]
BOILERPLATE = (
    "Sign up for our sports newsletter to get meet results, rankings and stories from the track "
    "delivered to your inbox every morning of the season."
)


def body(paras: list[str]) -> str:
    return "\n\n".join(paras)


@pytest.mark.parametrize("text", [body(PARAS), body(OTHER), body(PARAS[:3] + OTHER)])
def test_the_signature_is_datasketchs_affine32_minhash(text: str):
    hashes = shingle_hashes(text)
    reference = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme="affine32")
    reference.update_batch(hashes.tolist())
    fp = fingerprint(text)
    assert fp is not None
    assert np.array_equal(fp.signature, reference.hashvalues)
    assert fp.shingles == len(set(hashes.tolist())) == len(hashes)


@pytest.mark.parametrize(
    ("change", "changed"),
    [
        ("upper case", body(PARAS).upper()),
        ("punctuation changed", body(PARAS).replace(",", ";").replace('"', "").replace("--", "-")),
        ("spaces and line breaks", body(PARAS).replace(" ", "  \t").replace("\n\n", "\n \n\n")),
        ("paragraphs re-ordered", body(PARAS[3:] + PARAS[:3])),
        ("typographic quotes", body(PARAS).replace('"', "\u201c").replace("--", "\u2014")),
        ("no-break spaces", body(PARAS).replace(" ", "\u00a0")),
    ],
)
def test_what_does_not_change_a_fingerprint(change: str, changed: str):
    before, after = fingerprint(body(PARAS)), fingerprint(changed)
    assert before is not None
    assert after is not None
    assert after.shingles == before.shingles, change
    assert np.array_equal(after.signature, before.signature), change


def test_a_fingerprint_is_the_same_in_every_run():
    """Stored fingerprints are compared with new ones: the scheme must not drift (a change of
    scheme makes every archive re-fingerprint: meetarchive reparse)."""
    fp = fingerprint(body(PARAS))
    assert fp is not None
    assert fp.band_keys()[:3] == [2012399417, 1237649073, 185329132]


@pytest.mark.parametrize(
    "text",
    ["", "Kerr wins the mile.", " ".join(PARAS[0].split()[:20]), "\n\n".join(["a b c"] * 40)],
)
def test_a_short_body_has_no_fingerprint(text: str):
    assert fingerprint(text) is None
    assert len(shingle_hashes(text)) < MIN_SHINGLES


def edited(paras: list[str], every: int) -> list[str]:
    """One word in ``every`` replaced."""
    out = []
    for para in paras:
        words = para.split()
        out.append(" ".join("the" if i % every == every - 1 else w for i, w in enumerate(words)))
    return out


@pytest.mark.parametrize(
    ("case", "a", "b", "same"),
    [
        ("the same text", PARAS, PARAS, True),
        ("light edits: one word in 30", PARAS, edited(PARAS, 30), True),
        (
            "boilerplate added above and below",
            PARAS,
            ["By A. Writer, Wire", *PARAS, BOILERPLATE],
            True,
        ),
        ("a paragraph of its own added", PARAS, [*PARAS[:3], OTHER[0], *PARAS[3:]], True),
        ("cut to its first four paragraphs", PARAS, PARAS[:4], True),
        ("edited, cut and with boilerplate", PARAS, [*edited(PARAS[:5], 40), BOILERPLATE], True),
        ("another story opening with its first paragraph", PARAS, [PARAS[0], *OTHER], False),
        (
            "two stories sharing a boilerplate paragraph",
            [*PARAS, BOILERPLATE],
            [*OTHER, BOILERPLATE],
            False,
        ),
        (
            "a short story made of its first paragraph and another",
            PARAS,
            [PARAS[0], OTHER[0]],
            False,
        ),
        ("another story", PARAS, OTHER, False),
    ],
)
def test_same_story(case: str, a: list[str], b: list[str], same: bool):
    fa, fb = fingerprint(body(a)), fingerprint(body(b))
    assert fa is not None
    assert fb is not None
    assert same_story(fa, fb) is same, (case, similarity(fa, fb))
    assert same_story(fb, fa) is same, case
